import type { DataSource } from 'typeorm';

import type { Clock } from '#config';
import { DeadlineEvent, writeOutboxBatch } from '#db';

import type { JobHandlers } from '../job-handlers.js';

/** Events turned into jobs per transaction; the sweep goes on while batches come back full. */
export const SWEEP_BATCH = 1000;

/**
 * Finds the deadline events that have come due through the partial index on unfired events (its cost follows what
 * is due, not what is open), writes one `deadline.fire` job per event to the outbox and marks the events fired, in
 * one transaction. SKIP LOCKED lets several workers sweep side by side without taking the same event; the outbox
 * row's job id (the event's id) makes a second write of one event a no-op.
 */
export function deadlineSweepHandlers(deps: {
  dataSource: DataSource;
  clock: Clock;
}): Pick<JobHandlers, 'deadlines.sweep'> {
  const { dataSource, clock } = deps;

  async function sweepBatch(now: Date): Promise<number> {
    return dataSource.transaction(async (tx) => {
      const due = await tx
        .createQueryBuilder(DeadlineEvent, 'e')
        .select(['e.id', 'e.requestId'])
        .where('e.fired_at IS NULL AND e.due_at <= :now', { now })
        .orderBy('e.dueAt')
        .limit(SWEEP_BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (due.length === 0) return 0;
      await writeOutboxBatch(
        tx,
        'deadline.fire',
        due.map((e) => ({ payload: { requestId: e.requestId, eventId: e.id }, discriminator: e.id })),
      );
      await tx.update(
        DeadlineEvent,
        due.map((e) => e.id),
        { firedAt: now },
      );
      return due.length;
    });
  }

  return {
    async 'deadlines.sweep'() {
      const now = clock.now();
      let swept: number;
      do swept = await sweepBatch(now);
      while (swept === SWEEP_BATCH);
    },
  };
}
