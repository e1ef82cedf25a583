import { Injectable, Logger, type OnApplicationShutdown, ServiceUnavailableException } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

import { Env } from '#config';
import { createRedis, QUEUE_NAMES, type QueueName } from '#queue';

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

  constructor(env: Env) {
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
  async call<T>(name: QueueName, work: (queue: Queue) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new QueuesUnreachable()), REDIS_TIMEOUT_MS);
    });
    try {
      return await Promise.race([work(this.queues.get(name)!), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // Disconnecting first fails what waits on a dead Redis, so shutdown never waits on it.
    this.connection.disconnect();
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
  }
}
