import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';

import type { QueueName } from './jobs.js';

/**
 * Failed job attempts per queue, counted in Redis by every worker process and read by the api for /metrics: the
 * worker serves no HTTP, and a count kept in one process's memory would miss the others and reset with it. A failed
 * attempt with attempts left is a retry; the last one (or a job its workers died under too often) is a failure.
 */
export const jobAttemptKeys = (prefix: string) => ({
  failures: `${prefix}:metrics:job_failures`,
  retries: `${prefix}:metrics:job_retries`,
});

export type JobAttemptCounts = Record<'failures' | 'retries', Partial<Record<QueueName, number>>>;

/** For BullMQ's `failed` event, which fires after every failed attempt. */
export async function countFailedAttempt(redis: Redis, prefix: string, queue: QueueName, job: Job): Promise<void> {
  const final = job.attemptsMade >= (job.opts.attempts ?? 1) || (await job.getState()) === 'failed';
  const keys = jobAttemptKeys(prefix);
  await redis.hincrby(final ? keys.failures : keys.retries, queue, 1);
}

export async function readJobAttempts(redis: Pick<Redis, 'hgetall'>, prefix: string): Promise<JobAttemptCounts> {
  const keys = jobAttemptKeys(prefix);
  const [failures, retries] = await Promise.all([redis.hgetall(keys.failures), redis.hgetall(keys.retries)]);
  const numbers = (hash: Record<string, string>) =>
    Object.fromEntries(Object.entries(hash).map(([queue, n]) => [queue, Number(n)]));
  return { failures: numbers(failures), retries: numbers(retries) };
}
