import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import type { DrpStatusObject } from '#workflow';

import { DrpStatusCallback } from './drp-status-callback.entity.js';

/**
 * A status change owed to the agent's `status_callback` (§2.03), numbered in the order the changes happened: the
 * status object as that change left the request, so quick successive changes reach the agent each as it was.
 * Removed once the agent has taken it.
 */
@Entity({ name: 'drp_status_change' })
export class DrpStatusChange {
  @PrimaryColumn({ type: 'uuid', name: 'request_id' })
  requestId: string;

  @ManyToOne(() => DrpStatusCallback, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  callback?: DrpStatusCallback;

  @PrimaryColumn({ type: 'integer' })
  number: number;

  @Column({ type: 'jsonb' })
  status: DrpStatusObject;
}
