import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A mail caught by the dev mailbox when no SMTP server is configured. */
@Entity({ name: 'dev_mail' })
export class DevMail {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'text', name: 'sender' })
  from: string;

  @Column({ type: 'text', name: 'recipient' })
  to: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  html: string;

  /** The header block exactly as SMTP would have carried it (empty for mails kept before headers were). */
  @Column({ type: 'text', default: '' })
  headers: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
