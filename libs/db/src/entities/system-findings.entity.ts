import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';

import { FulfilmentTask } from './fulfilment-task.entity.js';

/** The rows one table gave for the person: column → value, as the system returned them. */
export interface TableRows {
  table: string;
  rows: Record<string, unknown>[];
  /** Set when the system held more rows than one package takes: the package says so instead of dropping them silently. */
  truncated?: boolean;
}

/**
 * What an access task found: the person's data itself, kept apart from the task's counts so retention removes it
 * with the request's other personal data, and never read by anything but the package.
 */
@Entity({ name: 'system_findings' })
export class SystemFindings {
  @PrimaryColumn({ type: 'uuid', name: 'task_id' })
  taskId: string;

  @OneToOne(() => FulfilmentTask, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: FulfilmentTask;

  @Column({ type: 'jsonb' })
  tables: TableRows[];

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
