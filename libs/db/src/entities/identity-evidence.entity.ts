import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import type { DataPointKind } from '#policy';
import type { DataPointResult } from '#workflow';

import { DataSubjectRequest } from './data-subject-request.entity.js';

/**
 * What matching one data point the requester gave against the organisation's records came to: the kind and the
 * result, never the value, so staff can weigh the evidence after the values are gone.
 */
@Entity({ name: 'identity_evidence' })
@Index('ux_identity_evidence_point', ['requestId', 'dataPoint'], { unique: true })
export class IdentityEvidence {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  @Column({ type: 'uuid', name: 'request_id' })
  requestId: string;

  @ManyToOne(() => DataSubjectRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: DataSubjectRequest;

  @Column({ type: 'text', name: 'data_point' })
  dataPoint: DataPointKind;

  @Column({ type: 'text' })
  result: DataPointResult;

  @Column({ type: 'timestamptz', name: 'recorded_at' })
  recordedAt: Date;
}
