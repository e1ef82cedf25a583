import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Ledger of mails we sent, keyed by a deterministic key, so a retried or duplicated job never mails twice. */
@Entity({ name: 'sent_message' })
export class SentMessage {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'text', unique: true })
  key: string;

  @Column({ type: 'uuid', name: 'request_id', nullable: true })
  requestId: string | null;

  @Column({ type: 'text' })
  template: string;

  @Column({ type: 'text', name: 'recipient' })
  recipient: string;

  @Column({ type: 'text', name: 'message_id', nullable: true })
  messageId: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'sent_at' })
  sentAt: Date;
}
