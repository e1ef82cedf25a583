import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A job written in the same transaction as the change that causes it; the worker's relay moves it to BullMQ. */
@Entity({ name: 'outbox_message' })
@Index('ix_outbox_pending', ['id'], { where: 'relayed_at IS NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'text', name: 'job_name' })
  jobName: string;

  /** Deterministic BullMQ job id: relaying the same row twice never makes two jobs. */
  @Column({ type: 'text', name: 'job_id', unique: true })
  jobId: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'relayed_at', nullable: true })
  relayedAt: Date | null;
}
