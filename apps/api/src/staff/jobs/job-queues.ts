import { Injectable, Logger, type OnApplicationShutdown, ServiceUnavailableException } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

import { Env } from '#config';
import { createRedis, type JobAttemptCounts, QUEUE_NAMES, type QueueName, readJobAttempts } from '#queue';

/** How long a page waits on Redis before saying it is unreachable. */
const REDIS_TIMEOUT_MS = 3_000;

export class QueuesUnreachable extends ServiceUnavailableException {
  constructor() {
    super(
      'The job queues cannot be reached: Redis is not answering. Requests are still accepted and their jobs wait; try this page again in a minute.',
    );
  }
}

/** The worker's BullMQ queues as the api sees them: read and retry only, every call bounded in time. */
@Injectable()
export class JobQueues implements OnApplicationShutdown {
  private readonly logger = new Logger('job-queues');
  private readonly connection: Redis;
  private readonly queues: Map<QueueName, Queue>;
  private down = false;
  private readonly prefix: string;

  constructor(env: Env) {
    this.prefix = env.REDIS_PREFIX;
    this.connection = createRedis(env.REDIS_URL);
    // ioredis reports every failed reconnect: say once that Redis is gone, and once that it is back.
    this.connection.on('error', (error: Error) => {
      if (!this.down) this.logger.warn(`Redis unreachable: ${error.message}`);
      this.down = true;
    });
    this.connection.on('ready', () => {
      if (this.down) this.logger.log('Redis reachable again');
      this.down = false;
    });
    this.queues = new Map(
      QUEUE_NAMES.map((name) => {
        const queue = new Queue(name, { connection: this.connection, prefix: env.REDIS_PREFIX });
        // The queue re-emits its connection's errors, which the listener above already reports.
        queue.on('error', () => undefined);
        return [name, queue] as const;
      }),
    );
  }

  names(): readonly QueueName[] {
    return QUEUE_NAMES;
  }

  isQueue(name: string): name is QueueName {
    return this.queues.has(name as QueueName);
  }

  /** Runs Redis work on a queue; while Redis is down the caller gets a 503 after a few seconds, never a hang. */
  call<T>(name: QueueName, work: (queue: Queue) => Promise<T>): Promise<T> {
    return bounded(work(this.queues.get(name)!));
  }

  /** The failed attempts the workers counted per queue (libs/queue/src/job-attempts.ts), bounded in time like call. */
  jobAttempts(): Promise<JobAttemptCounts> {
    return bounded(readJobAttempts(this.connection, this.prefix));
  }

  async onApplicationShutdown(): Promise<void> {
    // Disconnecting first fails what waits on a dead Redis, so shutdown never waits on it.
    this.connection.disconnect();
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
  }
}

async function bounded<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueuesUnreachable()), REDIS_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
