import type { Queue } from 'bullmq';

import type { Env } from '#config';
import { type JobName } from '#db';
import { JOB_QUEUE, type QueueName } from '#queue';

/** A job BullMQ adds on a schedule; scheduled jobs carry no payload, they find their work in the database. */
interface JobScheduler {
  job: JobName;
  repeat: { every: number } | { pattern: string };
}

/** Every scheduled job, in one place. Each runs on its job's queue; the job name is the scheduler's id. */
export function jobSchedulers(env: Env): JobScheduler[] {
  return [
    { job: 'deadlines.sweep', repeat: { every: env.DEADLINE_SWEEP_MS } },
    { job: 'deadlines.escalate', repeat: { every: env.DAILY_STAFF_MAIL_CHECK_MS } },
    { job: 'deadlines.digest', repeat: { every: env.DAILY_STAFF_MAIL_CHECK_MS } },
    { job: 'retention.purge', repeat: { every: env.RETENTION_EVERY_MS } },
    { job: 'fulfilment.vendor_sweep', repeat: { every: env.FULFILMENT_VENDOR_SWEEP_MS } },
  ];
}

/**
 * Registers the schedulers at worker start. Upserting is idempotent, so every worker copy may do it; the last
 * start's settings win. An `every` schedule also runs its job once at registration, so a restart never waits a whole interval.
 */
export async function registerSchedulers(queues: Record<QueueName, Queue>, env: Env): Promise<void> {
  for (const { job, repeat } of jobSchedulers(env)) {
    // Runs are many and alike: keep the last few for the dashboard, not a day's worth.
    await queues[JOB_QUEUE[job]].upsertJobScheduler(job, repeat, {
      name: job,
      data: {},
      opts: { removeOnComplete: { count: 100 } },
    });
  }
}
