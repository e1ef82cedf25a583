import type { ChildProcess } from 'node:child_process';

import { afterAll, beforeAll } from '@jest/globals';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import type { DataSource } from 'typeorm';

import { createDataSource } from '#db';

import { launchBrowser } from './browser.js';
import { createSeededDatabase, deleteRedisKeys, dropDatabase, uniqueRunName } from './run-storage.js';
import { type RunningSystem, startSystem, type SystemOptions } from './running-system.js';
import { SmtpSink } from './smtp-sink.js';
import { testDatabaseUrl, testRedisPrefix } from './test-env.js';

type DbKind = 'pg' | 'typeorm';

export interface FixtureOptions<D extends DbKind | undefined> extends Omit<SystemOptions, 'smtpUrl'> {
  /**
   * Mail goes to an SMTP sink (the default); 'gated': through an EndOfDataGate, so the spec can hold the sink's
   * replies; false: to the dev mailbox in the database.
   */
  sink?: boolean | 'gated';
  /** A connection for the spec's own queries: a pg client, or a TypeORM data source with a pool of two. */
  db?: D;
  /** Debian's Chromium, for the browser specs. */
  browser?: boolean;
  /**
   * A seeded database and Redis prefix of the spec's own, named from this, removed afterwards: for specs that move
   * the clock far ahead or count every row, which the run's shared storage would disturb.
   */
  ownStorage?: string;
  /** How long starting may take (default 60 s). */
  startTimeout?: number;
}

/**
 * The running system of a spec, filled in by the `beforeAll` that `useRunningSystem` registers. It is the
 * `RunningSystem` itself, plus what the spec asked for beside it.
 */
export interface SystemFixture<D extends DbKind | undefined> extends RunningSystem {
  readonly sink: SmtpSink;
  readonly db: D extends 'pg' ? pg.Client : D extends 'typeorm' ? DataSource : never;
  readonly browser: Browser;
  /** The database the processes use (the run's, or the spec's own). */
  readonly databaseUrl: string;
  readonly redisPrefix: string;
}

/**
 * Starts the api, the worker and the mailbox (and an SMTP sink, a database connection, a browser, storage of the
 * spec's own, as asked) before the spec's tests, and stops and removes all of it after them. Call it in the
 * describe block (or at the top level) where the hooks belong; the spec's own `beforeAll` hooks declared after it
 * see the system running.
 */
export function useRunningSystem<D extends DbKind | undefined = undefined>(
  options: FixtureOptions<D> = {},
): SystemFixture<D> {
  let running: RunningSystem | undefined;
  let sink: SmtpSink | undefined;
  let client: pg.Client | undefined;
  let dataSource: DataSource | undefined;
  let browser: Browser | undefined;
  let databaseUrl: string | undefined;
  let redisPrefix: string | undefined;

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`the running system's ${what} is read before its beforeAll ran, or was not asked for`);
    return value;
  };

  beforeAll(async () => {
    const own = options.ownStorage && `${options.ownStorage}_${uniqueRunName()}`;
    databaseUrl = own ? createSeededDatabase(`rightsdesk_${own}`) : testDatabaseUrl();
    redisPrefix = own ? `rd${own.replace(/_/g, '')}` : testRedisPrefix();
    if (options.sink !== false) sink = await SmtpSink.start({ gate: options.sink === 'gated' });
    running = await startSystem({
      clock: options.clock,
      workers: options.workers,
      dnsRecords: options.dnsRecords,
      ...(sink ? { smtpUrl: sink.url } : {}),
      extraEnv: (baseUrl) => ({
        ...(own ? { DATABASE_URL: databaseUrl, REDIS_PREFIX: redisPrefix } : {}),
        ...(typeof options.extraEnv === 'function' ? options.extraEnv(baseUrl) : options.extraEnv),
      }),
    });
    if (options.db === 'pg') {
      client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
    } else if (options.db === 'typeorm') {
      dataSource = await createDataSource(databaseUrl, { poolSize: 2 }).initialize();
    }
    if (options.browser) browser = await launchBrowser();
  }, options.startTimeout ?? 60_000);

  // Each process gets 5 s to stop before SIGKILL; a hook cut short would leave a worker taking the next spec's jobs.
  afterAll(async () => {
    await browser?.close();
    await client?.end();
    await dataSource?.destroy();
    await running?.stop();
    await sink?.stop();
    if (options.ownStorage && databaseUrl) await dropDatabase(databaseUrl);
    if (options.ownStorage && redisPrefix) await deleteRedisKeys(redisPrefix);
  }, 30_000);

  return {
    get baseUrl() {
      return started(running, 'api').baseUrl;
    },
    get mailboxPort() {
      return started(running, 'mailbox').mailboxPort;
    },
    get workers(): ChildProcess[] {
      return started(running, 'workers').workers;
    },
    startWorker: () => started(running, 'workers').startWorker(),
    output: () => started(running, 'processes').output(),
    stop: () => started(running, 'processes').stop(),
    get sink() {
      return started(sink, 'SMTP sink');
    },
    get db() {
      return started(options.db === 'pg' ? client : dataSource, 'database connection') as SystemFixture<D>['db'];
    },
    get browser() {
      return started(browser, 'browser');
    },
    get databaseUrl() {
      return started(databaseUrl, 'database');
    },
    get redisPrefix() {
      return started(redisPrefix, 'Redis prefix');
    },
  };
}
