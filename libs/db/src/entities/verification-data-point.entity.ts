import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import type { DataPointKind } from '#policy';

import { DataSubjectRequest } from './data-subject-request.entity.js';

/**
 * One data point a requester gave to be matched against the organisation's records (CCPA regs §7062), as typed.
 * Personal data kept only while it can serve verification: deleted when the request closes, and by retention.
 */
@Entity({ name: 'verification_data_point' })
@Index('ix_verification_data_point_request', ['requestId'])
export class VerificationDataPoint {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  @Column({ type: 'uuid', name: 'request_id' })
  requestId: string;

  @ManyToOne(() => DataSubjectRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: DataSubjectRequest;

  @Column({ type: 'text' })
  kind: DataPointKind;

  @Column({ type: 'text' })
  value: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
