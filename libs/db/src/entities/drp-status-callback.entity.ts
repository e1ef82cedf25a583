import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';

import type { DrpStatusObject } from '#workflow';

import { DrpRequest } from './drp-request.entity.js';

/**
 * What the agent of a DRP request with a `status_callback` has been told of its status (§2.03), and what it is
 * to be told: the status the latest callback job was queued for (a change it would not see queues none), and
 * the status its callback last answered 200 to (the exercise's own answer, at first).
 */
@Entity({ name: 'drp_status_callback' })
export class DrpStatusCallback {
  @PrimaryColumn({ type: 'uuid', name: 'request_id' })
  requestId: string;

  @OneToOne(() => DrpRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  drpRequest?: DrpRequest;

  @Column({ type: 'uuid', name: 'organisation_id' })
  organisationId: string;

  /** The status object the latest job was queued for. */
  @Column({ type: 'jsonb', name: 'queued_status' })
  queuedStatus: DrpStatusObject;

  /** How many changes were queued: the last job's number, which makes its id. */
  @Column({ type: 'integer', name: 'queued_count' })
  queuedCount: number;

  /** The number of the last change the agent took; the changes after it are owed, in order. */
  @Column({ type: 'integer', name: 'delivered_count', default: 0 })
  deliveredCount: number;

  @Column({ type: 'jsonb', name: 'delivered_status' })
  deliveredStatus: DrpStatusObject;

  @Column({ type: 'timestamptz', name: 'delivered_at' })
  deliveredAt: Date;
}
