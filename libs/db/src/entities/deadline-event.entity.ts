import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { DataSubjectRequest } from './data-subject-request.entity.js';

export const DEADLINE_EVENT_KINDS = [
  'staff_reminder',
  'extension_window',
  'verification_reminder',
  'verification_expiry',
] as const;
/** Something that must happen to a request at a time: a reminder to staff or the requester, or an expiry. */
export type DeadlineEventKind = (typeof DEADLINE_EVENT_KINDS)[number];

/**
 * A request's scheduled work, recomputed whenever its dates or status change. The sweep reads only the
 * unfired rows that are due, through a partial index, so its cost follows what is due, not what is open.
 */
@Entity({ name: 'deadline_event' })
@Index('uq_deadline_event', ['requestId', 'kind', 'key'], { unique: true })
@Index('ix_deadline_event_due', ['dueAt'], { where: 'fired_at IS NULL' })
export class DeadlineEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid', name: 'request_id' })
  requestId: string;

  @ManyToOne(() => DataSubjectRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: DataSubjectRequest;

  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  @Column({ type: 'text' })
  kind: DeadlineEventKind;

  /** Distinguishes events of one kind and names the date they were computed for (e.g. "14d-2027-01-08"). */
  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'timestamptz', name: 'due_at' })
  dueAt: Date;

  @Column({ type: 'timestamptz', name: 'fired_at', nullable: true })
  firedAt: Date | null;
}
