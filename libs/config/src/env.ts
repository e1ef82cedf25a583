import 'reflect-metadata';

import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

import { type Clock, offsetFileClock, systemClock } from './clock.js';

const DEV_SECRET = 'rightsdesk-development-secret-not-for-production';
/** docker-compose.yml's fallback when APP_SECRET is not set: published in the repository like DEV_SECRET. */
const COMPOSE_DEMO_SECRET = 'compose-demo-secret-change-me-0123456789';

/** Hosts only this machine reaches: a PUBLIC_URL on one of them means nobody else follows our links. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The one environment class: read and validated once at process start. */
export class Env {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/rightsdesk';

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL: string = 'redis://127.0.0.1:6379';

  /** Namespaces every Redis key (queues, rate limits) so tests and deployments can share a server. */
  @Matches(/^[a-z0-9_-]+$/i, { message: 'REDIS_PREFIX may hold letters, digits, _ and - only' })
  REDIS_PREFIX: string = 'rightsdesk';

  /** Unset: mails go to the dev mailbox in Postgres (shown at /dev/mailbox). */
  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  @MinLength(3)
  MAIL_FROM: string = 'Rightsdesk <no-reply@rightsdesk.localhost>';

  /** Absolute base of every link we send (mails, status pages). */
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'PUBLIC_URL must be an absolute http(s) URL' })
  PUBLIC_URL: string = 'http://localhost:3000';

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  /** Signs CSRF tokens; must be long and secret in production. */
  @IsString()
  @MinLength(32, { message: 'APP_SECRET must be at least 32 characters' })
  APP_SECRET: string = DEV_SECRET;

  @IsString()
  SEEDS_DIR: string = 'seeds';

  /** The SMS provider's signing secret (Twilio: the account's Auth Token). Unset: every inbound text is refused. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'SMS_WEBHOOK_SECRET must be at least 16 characters' })
  SMS_WEBHOOK_SECRET?: string;

  /** The bearer token Prometheus sends to read /metrics. Unset: /metrics is not served (404). */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** Inbound texts acted on per sending number per hour. */
  @IsInt()
  @Min(1)
  SMS_RATE_LIMIT: number = 30;

  /** Suppression API calls per key per minute. */
  @IsInt()
  @Min(1)
  SUPPRESSION_API_RATE_LIMIT: number = 600;

  /** Form submissions allowed per IP per hour. */
  @IsInt()
  @Min(1)
  INTAKE_RATE_LIMIT: number = 20;

  /** Staff sign-in attempts allowed per IP per 15 minutes (accounts also lock after 5 failures). */
  @IsInt()
  @Min(1)
  SIGN_IN_RATE_LIMIT: number = 30;

  /** Verification-mail resends allowed per request per hour. */
  @IsInt()
  @Min(1)
  RESEND_RATE_LIMIT: number = 3;

  /** How often the worker's outbox relay looks for new rows, in ms. */
  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS: number = 250;

  /**
   * How long a worker's claim on a running job lasts unless renewed (it renews at half this), in ms. The jobs
   * of a worker that died are handed to another once the claim lapses and a stalled check has seen it twice.
   */
  @IsInt()
  @Min(1000)
  WORKER_LOCK_MS: number = 30_000;

  /** How often each worker looks for jobs whose claim lapsed (their worker died), in ms. */
  @IsInt()
  @Min(500)
  WORKER_STALLED_CHECK_MS: number = 30_000;

  /** Attempts per mail job before it fails for good (then a staff alert says so). */
  @IsInt()
  @Min(1)
  @Max(50)
  MAIL_ATTEMPTS: number = 6;

  /** First retry delay of a failed mail job in ms; each further retry waits twice as long. */
  @IsInt()
  @Min(0)
  MAIL_BACKOFF_MS: number = 2_000;

  /** Attempts per DRP status callback before it fails for good (then a staff alert says so). */
  @IsInt()
  @Min(1)
  @Max(50)
  DRP_CALLBACK_ATTEMPTS: number = 10;

  /** First retry delay of a failed DRP status callback in ms; each further retry waits twice as long. */
  @IsInt()
  @Min(0)
  DRP_CALLBACK_BACKOFF_MS: number = 30_000;

  /** Runs of one connected system's task before it stays failed for staff to retry (a database down, a service erroring). */
  @IsInt()
  @Min(1)
  @Max(50)
  FULFILMENT_ATTEMPTS: number = 6;

  /** First retry delay of a failed system run in ms; each further retry waits twice as long. */
  @IsInt()
  @Min(0)
  FULFILMENT_BACKOFF_MS: number = 5_000;

  /** How long one call to an organisation's service (a data map's `http` system) may take, connecting and answering, in ms. */
  @IsInt()
  @Min(100)
  @Max(300_000)
  FULFILMENT_SERVICE_TIMEOUT_MS: number = 30_000;

  /** How often the worker reminds service providers who have not confirmed, and escalates overdue ones, in ms (hourly). */
  @IsInt()
  @Min(10)
  FULFILMENT_VENDOR_SWEEP_MS: number = 3_600_000;

  /** How long one DRP status callback may take, connecting and answering, in ms. */
  @IsInt()
  @Min(100)
  @Max(60_000)
  DRP_CALLBACK_TIMEOUT_MS: number = 10_000;

  /**
   * "true" lets DRP status callbacks reach loopback, private and link-local addresses: for tests and local agents
   * only (refused in production). Otherwise a callback URL must resolve to public addresses only, so an agent cannot
   * make the worker call into the network it runs in.
   */
  @IsIn(['true', 'false'], { message: 'DRP_CALLBACK_ALLOW_PRIVATE_ADDRESSES must be "true" or "false"' })
  DRP_CALLBACK_ALLOW_PRIVATE_ADDRESSES: 'true' | 'false' = 'false';

  /** How often the retention purge runs, in ms (daily; tests run it more often). */
  @IsInt()
  @Min(1_000)
  RETENTION_EVERY_MS: number = 86_400_000;

  /** How often the worker sweeps for due reminders and expiries, in ms (tests sweep more often). */
  @IsInt()
  @Min(10)
  DEADLINE_SWEEP_MS: number = 60_000;

  /**
   * How often the worker checks whether an organisation's daily staff mails (overdue escalation, digest) are due,
   * in ms: hourly, each sent once per local day from 08:00 (tests check more often).
   */
  @IsInt()
  @Min(10)
  DAILY_STAFF_MAIL_CHECK_MS: number = 3_600_000;

  /** Port of the inbound privacy mailbox (apps/mailbox), the SMTP server that takes mail to the organisations' privacy addresses. */
  @IsInt()
  @Min(1)
  @Max(65535)
  INBOUND_SMTP_PORT: number = 2525;

  /** Largest inbound mail accepted, in bytes, attachments included; larger ones are refused with 552. */
  @IsInt()
  @Min(1024)
  INBOUND_MAX_MESSAGE_BYTES: number = 10 * 1024 * 1024;

  /** Automatic acknowledgements of mailed-in requests per From address per hour; more mail is stored, unanswered. */
  @IsInt()
  @Min(0)
  INBOUND_ACK_LIMIT_PER_SENDER: number = 3;

  /** Automatic acknowledgements of mailed-in requests per sending server's IP per hour. */
  @IsInt()
  @Min(0)
  INBOUND_ACK_LIMIT_PER_IP: number = 20;

  /**
   * The DNS servers the mailbox asks for SPF, DKIM and DMARC records, as `host:port` separated by commas (e.g. a
   * local validating resolver); unset: the system's resolvers.
   */
  @IsOptional()
  @IsString()
  INBOUND_DNS_SERVERS?: string;

  /** Generated people in each demo customer database (besides the two fixed demo persons), when it is first made. */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  DEMO_PEOPLE: number = 300;

  /** The least severe log lines written; unset: `warn` in tests, `info` otherwise. */
  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: LogLevel;

  /** Tests only: a file holding a clock offset in ms, shared by the api and the worker. */
  @IsOptional()
  @IsString()
  TEST_CLOCK_FILE?: string;

  get logLevel(): LogLevel {
    return this.LOG_LEVEL ?? (this.NODE_ENV === 'test' ? 'warn' : 'info');
  }

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get publicUrlIsLocal(): boolean {
    return LOCAL_HOSTS.has(new URL(this.PUBLIC_URL).hostname);
  }

  /** The dev pages (caught mail, signed test texts) are for a developer's own machine: never production, never public. */
  get devPagesServed(): boolean {
    return !this.isProduction && this.publicUrlIsLocal;
  }

  /** Each development convenience in force, said plainly, for the warning printed at start. */
  get developmentDefaults(): string[] {
    return [
      ...(this.isProduction ? [] : [`NODE_ENV is ${this.NODE_ENV}: the dev pages (/dev/mailbox, /dev/sms) are served`]),
      ...(this.APP_SECRET === DEV_SECRET
        ? [
            'APP_SECRET is the public development value: anyone can forge CSRF tokens, unsubscribe links and service providers’ confirmation links',
          ]
        : []),
      ...(this.SMTP_URL ? [] : ['SMTP_URL is unset: no mail leaves this machine, it is kept in the dev mailbox']),
    ];
  }

  get drpCallbackAllowsPrivateAddresses(): boolean {
    return this.DRP_CALLBACK_ALLOW_PRIVATE_ADDRESSES === 'true';
  }
}

export class EnvError extends Error {}

/** The clock the environment asks for: the system's, or in tests the shared offset file. */
export function clockFor(env: Env): Clock {
  return env.TEST_CLOCK_FILE ? offsetFileClock(env.TEST_CLOCK_FILE) : systemClock;
}

/** Validates the environment once; every bad variable is named with why. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const defined = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(Env, defined, { enableImplicitConversion: true, excludeExtraneousValues: false });
  const problems = validateSync(env, { skipMissingProperties: false }).flatMap((e) =>
    Object.values(e.constraints ?? {}).map((m) => `- ${e.property}: ${m}`),
  );
  if (env.isProduction) {
    if (env.APP_SECRET === DEV_SECRET) problems.push('- APP_SECRET: must be set in production');
    if (env.TEST_CLOCK_FILE) problems.push('- TEST_CLOCK_FILE: a moved clock is for tests, never production');
    if (env.drpCallbackAllowsPrivateAddresses)
      problems.push(
        '- DRP_CALLBACK_ALLOW_PRIVATE_ADDRESSES: private addresses are for tests and local agents, never production',
      );
  }
  if (!problems.some((p) => p.startsWith('- PUBLIC_URL:')) && !env.publicUrlIsLocal) {
    // Reachable by others: what is safe on a developer's own machine is a hole here.
    const local = 'is only allowed with a local PUBLIC_URL (localhost, 127.0.0.1, ::1)';
    if (env.APP_SECRET === DEV_SECRET)
      problems.push(`- APP_SECRET: the development default ${local}; set a secret of your own`);
    if (env.APP_SECRET === COMPOSE_DEMO_SECRET)
      problems.push(`- APP_SECRET: docker-compose.yml's demo secret ${local}; set a secret of your own`);
    if (!env.SMTP_URL)
      problems.push(
        '- SMTP_URL: must be set when PUBLIC_URL is not local (the dev mailbox is served on a local PUBLIC_URL only)',
      );
    if (env.TEST_CLOCK_FILE) problems.push(`- TEST_CLOCK_FILE: a moved clock ${local}`);
    if (env.drpCallbackAllowsPrivateAddresses) problems.push(`- DRP_CALLBACK_ALLOW_PRIVATE_ADDRESSES: "true" ${local}`);
  }
  if (problems.length > 0) throw new EnvError(`Invalid environment:\n${problems.join('\n')}`);
  return env;
}
