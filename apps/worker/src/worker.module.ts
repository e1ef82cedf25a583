import { createHmac } from 'node:crypto';

import { Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';

import { clockFor, Env, loadEnv, logContext } from '#config';
import { createDataSource, OrganisationDirectory } from '#db';
import { createMailer, type Mailer, redactAddresses } from '#mail';
import { countFailedAttempt, createRedis, OutboxRelay, QUEUE_NAMES, type QueueName } from '#queue';
import { closeDatabasePools } from '#systems';

import { dailyStaffMailHandlers } from './deadlines/daily-staff-mail.handlers.js';
import { deadlineFireHandlers } from './deadlines/deadline-fire.handler.js';
import { deadlineSweepHandlers } from './deadlines/deadline-sweep.handler.js';
import { DrpCallbackFailureRecorder } from './drp/drp-callback-failure.recorder.js';
import { drpStatusCallbackHandlers } from './drp/drp-status-callback.handler.js';
import { fulfilmentHandlers } from './fulfilment/system-task.handler.js';
import { vendorMails } from './fulfilment/vendor-mail.js';
import { vendorSweepHandlers } from './fulfilment/vendor-sweep.handler.js';
import { checkHandlers, dispatch, traceIdOf } from './job-dispatcher.js';
import { agentMailHandlers } from './mail/agent-mail.handlers.js';
import { MailFailureRecorder } from './mail/mail-failure.recorder.js';
import { MailLedger } from './mail/mail-ledger.js';
import { requestMailHandlers } from './mail/request-mail.handlers.js';
import { requesterNotifyHandlers } from './mail/requester-notify.handler.js';
import { staffAccountMailHandlers } from './mail/staff-account-mail.handlers.js';
import { OutboxRelayLoop } from './relay/outbox-relay.loop.js';
import { retentionHandlers } from './retention/retention-purge.handler.js';
import { registerSchedulers } from './schedulers.js';
import { identityMatchHandlers } from './verification/identity-match.handler.js';

const DATA_SOURCE = Symbol('DATA_SOURCE');
const REDIS = Symbol('REDIS');
const MAILER = Symbol('MAILER');

/**
 * Retry policy: SMTP hiccups are retried with exponential backoff (MAIL_ATTEMPTS, from MAIL_BACKOFF_MS); an agent's
 * status callback endpoint, down for longer as a rule, on its own terms (DRP_CALLBACK_ATTEMPTS, DRP_CALLBACK_BACKOFF_MS);
 * a connected system likewise (FULFILMENT_ATTEMPTS, FULFILMENT_BACKOFF_MS).
 */
const RETRIES: Record<QueueName, (env: Env) => { attempts: number; delay: number }> = {
  mail: (env) => ({ attempts: env.MAIL_ATTEMPTS, delay: env.MAIL_BACKOFF_MS }),
  maintenance: (env) => ({ attempts: env.MAIL_ATTEMPTS, delay: env.MAIL_BACKOFF_MS }),
  callbacks: (env) => ({ attempts: env.DRP_CALLBACK_ATTEMPTS, delay: env.DRP_CALLBACK_BACKOFF_MS }),
  fulfilment: (env) => ({ attempts: env.FULFILMENT_ATTEMPTS, delay: env.FULFILMENT_BACKOFF_MS }),
};

const jobOptions = (env: Env, queue: QueueName) => ({
  attempts: RETRIES[queue](env).attempts,
  backoff: { type: 'exponential', delay: RETRIES[queue](env).delay },
  // Completed jobs are kept a day, so a re-relayed outbox row with the same job id stays a no-op.
  removeOnComplete: { age: 86_400 },
  removeOnFail: { age: 7 * 86_400 },
});

/**
 * How often a job goes back to the queue after its worker died mid-job (SIGKILL, out of memory, a host lost) before
 * it fails. BullMQ's default is 1: a mail whose worker died twice failed for good, though it had attempts left.
 */
const STALLED_LIMIT = 5;

@Module({
  providers: [
    { provide: Env, useFactory: () => loadEnv() },
    { provide: DATA_SOURCE, inject: [Env], useFactory: (env: Env) => createDataSource(env.DATABASE_URL).initialize() },
    { provide: REDIS, inject: [Env], useFactory: (env: Env) => createRedis(env.REDIS_URL) },
    {
      provide: MAILER,
      inject: [Env, DATA_SOURCE],
      useFactory: (env: Env, dataSource: DataSource) =>
        createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, dataSource }),
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
      ...agentMailHandlers(mailDeps),
      ...requesterNotifyHandlers(mailDeps),
      ...retentionHandlers(mailDeps),
      ...deadlineSweepHandlers(mailDeps),
      ...deadlineFireHandlers(mailDeps),
      ...dailyStaffMailHandlers(mailDeps),
      ...drpStatusCallbackHandlers(mailDeps),
      ...staffAccountMailHandlers(mailDeps),
      ...fulfilmentHandlers({
        clock,
        dataSource: this.dataSource,
        systemEnv: process.env,
        connectors: {
          publicUrl: this.env.PUBLIC_URL,
          serviceTimeoutMs: this.env.FULFILMENT_SERVICE_TIMEOUT_MS,
          now: () => clock.now(),
          askVendor: vendorMails(mailDeps).ask,
          // Derived, so the application secret itself never reaches a connector; rotating it changes future masks only.
          maskKey: createHmac('sha256', this.env.APP_SECRET).update('erasure-mask').digest('hex'),
        },
      }),
      ...vendorSweepHandlers(mailDeps),
      ...identityMatchHandlers({ ...mailDeps, systemEnv: process.env }),
    });
    const failures = new MailFailureRecorder(this.dataSource, clock);
    const callbackFailures = new DrpCallbackFailureRecorder(this.dataSource, clock);
    const prefix = this.env.REDIS_PREFIX;
    for (const name of QUEUE_NAMES) {
      this.queues.set(
        name,
        new Queue(name, { connection: this.redis, prefix, defaultJobOptions: jobOptions(this.env, name) }),
      );
      const worker = new Worker(name, (job) => dispatch(handlers, job.name, job.data, job.id!), {
        connection: createRedis(this.env.REDIS_URL),
        prefix,
        // A callback or a system's run holds a database connection while the other side answers: fewer at once, so mail
        // keeps its share.
        concurrency: name === 'callbacks' || name === 'fulfilment' ? 4 : 10,
        lockDuration: this.env.WORKER_LOCK_MS,
        stalledInterval: this.env.WORKER_STALLED_CHECK_MS,
        maxStalledCount: STALLED_LIMIT,
      });
      worker.on('failed', (job, error) => {
        // Under the job's trace id, as its own lines; redacted again: a failure from elsewhere than the mailer may quote an address too.
        logContext.run({ traceId: traceIdOf(job?.data) ?? job?.id ?? 'unknown' }, () =>
          this.logger.error(
            `job ${job?.id} failed (attempt ${job?.attemptsMade} of ${job?.opts.attempts}): ${redactAddresses(error.message)}`,
          ),
        );
        void failures.onFailed(job, error);
        void callbackFailures.onFailed(job, error);
        if (job)
          countFailedAttempt(this.redis, prefix, name, job).catch((e: Error) =>
            this.logger.warn(`queue ${name}: failed attempt not counted: ${e.message}`),
          );
      });
      worker.on('error', (error) => this.logger.warn(`queue ${name}: ${error.message}`));
      this.workers.push(worker);
    }
    const queues = Object.fromEntries(this.queues) as Record<QueueName, Queue>;
    const relay = new OutboxRelay(this.dataSource, queues, { client: this.redis, prefix });
    this.relayLoop = new OutboxRelayLoop(relay, this.env.OUTBOX_POLL_MS, () => registerSchedulers(queues, this.env));
    this.relayLoop.start();
    // Not awaited: with Redis down the worker still starts, and the schedulers register once it is back.
    registerSchedulers(queues, this.env).catch((error: Error) =>
      this.logger.error(`job schedulers not registered: ${error.message}`),
    );
    this.logger.log(
      `worker running: queues ${QUEUE_NAMES.join(', ')}; mail via ${this.env.SMTP_URL ? 'SMTP' : 'the dev mailbox'}`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relayLoop?.stop();
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.mailer.close();
    await closeDatabasePools();
    this.redis.disconnect();
    await this.dataSource.destroy();
  }
}
