import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import type { SuppressionChannel, SuppressionSource } from '#workflow';

import { DataSubjectRequest } from './data-subject-request.entity.js';
import { Organisation } from './organisation.entity.js';

/**
 * An address or number an organisation must not market to on a channel (or whose data it must not sell/share).
 * At most one active entry per organisation, channel and address; a re-subscribe ends it (ended_at) rather than
 * deleting it, so the history stays. Kept past the request's retention: forgetting it would let marketing resume.
 */
@Entity({ name: 'suppression' })
@Index('ux_suppression_active', ['organisationId', 'channel', 'address'], { unique: true, where: 'ended_at IS NULL' })
@Index('ix_suppression_org_since', ['organisationId', 'suppressedAt', 'id'])
export class Suppression {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  @ManyToOne(() => Organisation)
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'text' })
  channel: SuppressionChannel;

  /** Lower-cased email, or an E.164 number for sms. */
  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'text' })
  source: SuppressionSource;

  /** The opt-out request that created it; null once retention deleted that request. */
  @Column({ type: 'uuid', name: 'request_id', nullable: true })
  requestId: string | null;

  @ManyToOne(() => DataSubjectRequest, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'request_id' })
  request?: DataSubjectRequest | null;

  @Column({ type: 'timestamptz', name: 'suppressed_at' })
  suppressedAt: Date;

  /** When the person opted back in (SMS START/UNSTOP); null while in force. */
  @Column({ type: 'timestamptz', name: 'ended_at', nullable: true })
  endedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
