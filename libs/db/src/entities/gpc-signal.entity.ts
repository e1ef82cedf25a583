import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { GpcIgnoredReason } from '#workflow';

/**
 * One Global Privacy Control signal seen on an organisation's pages and what it meant there. Holds no IP address
 * or anything else about the visitor; a form submission's signal links to the opt-out request it made.
 */
@Entity({ name: 'gpc_signal' })
@Index('ix_gpc_signal_org_received', ['organisationId', 'receivedAt'])
export class GpcSignal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  @Column({ type: 'timestamptz', name: 'received_at' })
  receivedAt: Date;

  @Column({ type: 'text' })
  outcome: 'honoured' | 'ignored';

  @Column({ type: 'text', nullable: true })
  reason: GpcIgnoredReason | null;

  /** page_view: an anonymous visit; form_submission: sent with a request, whose email the opt-out covers. */
  @Column({ type: 'text' })
  context: 'page_view' | 'form_submission';

  @Column({ type: 'uuid', name: 'request_id', nullable: true })
  requestId: string | null;
}
