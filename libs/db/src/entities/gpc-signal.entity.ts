import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { GpcIgnoredReason } from '#workflow';

/**
 * Global Privacy Control signals seen on an organisation's pages and what they meant there. Holds no IP address
 * or anything else about the visitor; a form submission's signal links to the opt-out request it made. Page
 * views are counted, one row per organisation, UTC day and outcome, so a stream of views cannot grow the table.
 */
@Entity({ name: 'gpc_signal' })
@Index('ix_gpc_signal_org_received', ['organisationId', 'receivedAt'])
@Index('ux_gpc_signal_page_view_day', ['organisationId', 'day', 'outcome'], {
  unique: true,
  where: `"context" = 'page_view'`,
})
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

  /** Page views: the UTC day counted in this row. */
  @Column({ type: 'date', nullable: true })
  day: string | null;

  /** Page views: how many that day had this outcome (its latest at received_at); 1 for a form submission. */
  @Column({ type: 'integer', default: 1 })
  views: number;
}
