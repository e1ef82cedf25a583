import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';

import type { JobName } from '#db';
import { OutboxMessage } from '#db';

import { JOB_QUEUE, type QueueName } from './jobs.js';

/** How long a batch may wait on Redis before the rows are left for the next attempt. */
const ADD_TIMEOUT_MS = 5_000;

/**
 * How far back rows are relayed again when Redis forgot its jobs: as long as completed jobs are kept, longer than
 * any job waits for its retries. Relaying a finished job again is harmless: jobs have deterministic ids, mails go
 * through the ledger, and handlers re-read the row.
 */
const RELAY_AGAIN_WITHIN = '1 day';

/**
 * Moves committed outbox rows to BullMQ. Rows are marked relayed in the same transaction that
 * locked them, only after Redis accepted the jobs: with Redis down the rows stay and are retried.
 * SKIP LOCKED lets several workers relay side by side without taking the same row.
 */
export class OutboxRelay {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: Record<QueueName, Queue>,
    /** The queues' Redis and key prefix, where the relay keeps its marker. */
    private readonly redis: { client: Redis; prefix: string },
  ) {}

  /**
   * Redis runs without persistence (the outbox is the durable record): when it restarts, the jobs it held are
   * gone, and so are the job schedulers. A marker key, set once its jobs are accounted for, tells: when it is
   * missing, the rows relayed lately are marked for relaying again and `restore` puts back the rest (schedulers).
   * Returns whether Redis had forgotten.
   */
  async recoverForgottenJobs(restore: () => Promise<void>): Promise<boolean> {
    const { client, prefix } = this.redis;
    const marker = `${prefix}:outbox:holds-relayed-jobs`;
    if (await withTimeout(client.exists(marker), ADD_TIMEOUT_MS)) return false;
    await this.dataSource
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ relayedAt: null })
      .where(`relayed_at > now() - interval '${RELAY_AGAIN_WITHIN}'`)
      .execute();
    await restore();
    // Set only once all is back: a failure in between does it all again next time, which is harmless.
    await withTimeout(client.set(marker, '1'), ADD_TIMEOUT_MS);
    return true;
  }

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
