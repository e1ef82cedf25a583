import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { OutboxMessage } from '#db';
import { JOB_QUEUE, type JobName, type QueueName } from './jobs.js';

/** How long a batch may wait on Redis before the rows are left for the next attempt. */
const ADD_TIMEOUT_MS = 5_000;

/**
 * Moves committed outbox rows to BullMQ. Rows are marked relayed in the same transaction that
 * locked them, only after Redis accepted the jobs: with Redis down the rows stay and are retried.
 * SKIP LOCKED lets several workers relay side by side without taking the same row.
 */
export class OutboxRelay {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: Record<QueueName, Queue>,
  ) {}

  async relayBatch(limit = 100): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const rows = await tx
        .createQueryBuilder(OutboxMessage, 'o')
        .where('o.relayed_at IS NULL')
        .orderBy('o.id')
        .limit(limit)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (rows.length === 0) return 0;
      await withTimeout(
        Promise.all(
          rows.map((row) =>
            this.queues[JOB_QUEUE[row.jobName as JobName]].add(row.jobName, row.payload, { jobId: row.jobId }),
          ),
        ),
        ADD_TIMEOUT_MS,
      );
      await tx
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ relayedAt: () => 'now()' })
        .whereInIds(rows.map((r) => r.id))
        .execute();
      return rows.length;
    });
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not accept the jobs within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
