import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only log of everything done to an organisation's requests (state changes, mails, notes,
 * downloads). Each entry's hash covers the previous entry of its organisation, so editing or deleting
 * a row breaks the chain; a trigger refuses UPDATE and DELETE. A request's timeline is its entries.
 */
@Entity({ name: 'audit_entry' })
@Index('uq_audit_org_seq', ['organisationId', 'seq'], { unique: true })
@Index('ix_audit_request', ['requestId', 'seq'])
export class AuditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  /** Position in the organisation's chain, from 1. */
  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'uuid', name: 'request_id', nullable: true })
  requestId: string | null;

  /** The staff user who acted; null for the requester or the system. */
  @Column({ type: 'uuid', name: 'actor_id', nullable: true })
  actorId: string | null;

  /** Who acted, as shown on the timeline: a staff name, "requester" or "system". */
  @Column({ type: 'text', name: 'actor_label' })
  actorLabel: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'jsonb' })
  detail: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'char', length: 64, name: 'prev_hash' })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
