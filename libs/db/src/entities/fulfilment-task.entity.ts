import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

import type { SystemKind } from '#policy';
import type { FulfilmentPurpose, SystemTaskState } from '#workflow';

import { DataMapVersion } from './data-map-version.entity.js';
import { DataSubjectRequest } from './data-subject-request.entity.js';

/** Counts per table, never values: what was found, deleted, updated, kept and left after an erasure. */
export type TableCounts = Record<
  string,
  { found?: number; deleted?: number; updated?: number; retained?: number; remaining?: number }
>;

/** One connected system's part in fulfilling one request, for one purpose: its own state, attempts and counts. */
@Entity({ name: 'fulfilment_task' })
@Index('uq_fulfilment_task_system', ['requestId', 'purpose', 'systemId'], { unique: true })
@Index('ix_fulfilment_task_vendor_reminder', ['nextReminderAt'], { where: "state = 'awaiting_vendor'" })
export class FulfilmentTask {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  @Column({ type: 'uuid', name: 'request_id' })
  requestId: string;

  @ManyToOne(() => DataSubjectRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: DataSubjectRequest;

  @Column({ type: 'uuid', name: 'data_map_version_id' })
  dataMapVersionId: string;

  @ManyToOne(() => DataMapVersion)
  @JoinColumn({ name: 'data_map_version_id' })
  dataMapVersion?: DataMapVersion;

  @Column({ type: 'text', name: 'system_id' })
  systemId: string;

  @Column({ type: 'text', name: 'system_kind' })
  systemKind: SystemKind;

  @Column({ type: 'text' })
  purpose: FulfilmentPurpose;

  @Column({ type: 'text' })
  state: SystemTaskState;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /**
   * The job running the system now. Only that job may take a running task back (BullMQ hands a job whose worker died
   * to another worker under the same id); any other job finds it running and leaves it, so no system runs twice at once.
   */
  @Column({ type: 'text', name: 'run_job_id', nullable: true })
  runJobId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  counts: TableCounts | null;

  /** The class of the last failure (timeout, unreachable, refused, …): never its message, which may quote data. */
  @Column({ type: 'text', name: 'error_class', nullable: true })
  errorClass: string | null;

  /** Why the system was skipped (the workflow's words) or closed (staff's, purged with the request). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** A manual system's checklist, one entry per task in the data map: ticked or not. */
  @Column({ type: 'jsonb', nullable: true })
  checklist: boolean[] | null;

  /** sha256 of the vendor's single-use confirmation token; cleared once used. */
  @Column({ type: 'char', length: 64, name: 'confirmation_token_hash', nullable: true, unique: true })
  confirmationTokenHash: string | null;

  @Column({ type: 'integer', name: 'reminders_sent', default: 0 })
  remindersSent: number;

  @Column({ type: 'timestamptz', name: 'next_reminder_at', nullable: true })
  nextReminderAt: Date | null;

  /** When staff are alerted if the service provider has not confirmed by then: escalate_after_days after its mail. */
  @Column({ type: 'timestamptz', name: 'escalation_due_at', nullable: true })
  escalationDueAt: Date | null;

  @Column({ type: 'timestamptz', name: 'escalated_at', nullable: true })
  escalatedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'finished_at', nullable: true })
  finishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
