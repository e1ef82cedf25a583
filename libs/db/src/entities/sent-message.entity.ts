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

  /**
   * `sending` is written before the mail goes to SMTP and becomes `sent` once the server accepted it. Found still
   * `sending` by a retry, the worker before died between the two: the mail may have gone. `uncertain`: such a
   * mail was not sent again, and staff were told instead.
   */
  @Column({ type: 'text' })
  status: 'sending' | 'sent' | 'uncertain';

  @CreateDateColumn({ type: 'timestamptz', name: 'sent_at' })
  sentAt: Date;
}
