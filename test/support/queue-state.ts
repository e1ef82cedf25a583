import { Queue } from 'bullmq';
import { Redis } from 'ioredis';

import { QUEUE_NAMES } from '#queue';

import { testRedisPrefix } from './test-env.js';

export interface QueueState {
  /** Jobs waiting in Redis, not yet taken by a worker, over every queue. */
  waiting: number;
  /** Ids of the job schedulers registered, over every queue. */
  schedulers: string[];
}

/** What the run's queues hold in the Redis at `redisUrl`, read with a connection of its own, closed after. */
export async function queueState(redisUrl: string): Promise<QueueState> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queues = QUEUE_NAMES.map((name) => new Queue(name, { connection, prefix: testRedisPrefix() }));
  try {
    const waiting = await Promise.all(queues.map((q) => q.getWaitingCount()));
    const schedulers = await Promise.all(queues.map((q) => q.getJobSchedulers()));
    return {
      waiting: waiting.reduce((a, b) => a + b, 0),
      schedulers: schedulers
        .flat()
        .map((s) => s.key)
        .sort(),
    };
  } finally {
    await Promise.all(queues.map((q) => q.close()));
    connection.disconnect();
  }
}
