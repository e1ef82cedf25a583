import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import type { SuppressionChannel, SuppressionSource } from '#workflow';

import { Suppression } from './suppression.entity.js';

export type SuppressionChangeKind = 'suppressed' | 'resubscribed';

/**
 * The organisation's ordered feed of suppression changes, read by its other systems with `seq` as the cursor.
 * Writers take a per-organisation advisory lock before inserting, so seq order is commit order within an
 * organisation and a reader past cursor N never misses a row committed later with a smaller seq.
 */
@Entity({ name: 'suppression_change' })
@Index('ix_suppression_change_org_seq', ['organisationId', 'seq'])
export class SuppressionChange {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq: string;

  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  @Column({ type: 'uuid', name: 'suppression_id' })
  suppressionId: string;

  @ManyToOne(() => Suppression)
  @JoinColumn({ name: 'suppression_id' })
  suppression?: Suppression;

  @Column({ type: 'text' })
  kind: SuppressionChangeKind;

  @Column({ type: 'text' })
  channel: SuppressionChannel;

  @Column({ type: 'text' })
  address: string;

  /** How the change came: the suppression's source, or sms_start for a re-subscribe. */
  @Column({ type: 'text' })
  source: SuppressionSource | 'sms_start';

  @Column({ type: 'timestamptz' })
  at: Date;
}
