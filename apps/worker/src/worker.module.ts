import { Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { clockFor, Env, loadEnv } from '#config';
import { createDataSource, OrganisationDirectory } from '#db';
import { createMailer, type Mailer } from '#mail';
import { createRedis, OutboxRelay, QUEUE_NAMES, type QueueName } from '#queue';
import { checkHandlers, dispatch } from './job-dispatcher.js';
import { MailLedger } from './mail/mail-ledger.js';
import { requestMailHandlers } from './mail/request-mail.handlers.js';
import { requesterNotifyHandlers } from './mail/requester-notify.handler.js';
import { OutboxRelayLoop } from './relay/outbox-relay.loop.js';

const DATA_SOURCE = Symbol('DATA_SOURCE');
const REDIS = Symbol('REDIS');
const MAILER = Symbol('MAILER');

/** Default retry policy: SMTP hiccups are retried with exponential backoff. */
const JOB_OPTIONS = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 2_000 },
  // Completed jobs are kept a day, so a re-relayed outbox row with the same job id stays a no-op.
  removeOnComplete: { age: 86_400 },
  removeOnFail: { age: 7 * 86_400 },
};

@Module({
  providers: [
    { provide: Env, useFactory: () => loadEnv() },
    { provide: DATA_SOURCE, inject: [Env], useFactory: (env: Env) => createDataSource(env.DATABASE_URL).initialize() },
    { provide: REDIS, inject: [Env], useFactory: (env: Env) => createRedis(env.REDIS_URL) },
    {
      provide: MAILER,
      inject: [Env, DATA_SOURCE],
      useFactory: (env: Env, dataSource: DataSource) => createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, dataSource }),
    },
  ],
})
export class WorkerModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('worker');
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Worker[] = [];
  private relayLoop: OutboxRelayLoop | undefined;

  constructor(
    private readonly env: Env,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(MAILER) private readonly mailer: Mailer,
  ) {}

  onApplicationBootstrap(): void {
    const clock = clockFor(this.env);
    const mailDeps = {
      env: this.env,
      clock,
      dataSource: this.dataSource,
      directory: new OrganisationDirectory(this.dataSource),
      ledger: new MailLedger(this.dataSource, this.mailer, clock),
    };
    const handlers = checkHandlers({
      ...requestMailHandlers(mailDeps),
      ...requesterNotifyHandlers(mailDeps),
    });
    const prefix = this.env.REDIS_PREFIX;
    for (const name of QUEUE_NAMES) {
      this.queues.set(name, new Queue(name, { connection: this.redis, prefix, defaultJobOptions: JOB_OPTIONS }));
      const worker = new Worker(name, (job) => dispatch(handlers, job.name, job.data, job.id!), {
        connection: createRedis(this.env.REDIS_URL),
        prefix,
        concurrency: 10,
      });
      worker.on('failed', (job, error) =>
        this.logger.error(`job ${job?.id} failed (attempt ${job?.attemptsMade} of ${job?.opts.attempts}): ${error.message}`),
      );
      worker.on('error', (error) => this.logger.warn(`queue ${name}: ${error.message}`));
      this.workers.push(worker);
    }
    const relay = new OutboxRelay(this.dataSource, Object.fromEntries(this.queues) as Record<QueueName, Queue>);
    this.relayLoop = new OutboxRelayLoop(relay, this.env.OUTBOX_POLL_MS);
    this.relayLoop.start();
    this.logger.log(`worker running: queues ${QUEUE_NAMES.join(', ')}; mail via ${this.env.SMTP_URL ? 'SMTP' : 'the dev mailbox'}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relayLoop?.stop();
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.mailer.close();
    this.redis.disconnect();
    await this.dataSource.destroy();
  }
}
