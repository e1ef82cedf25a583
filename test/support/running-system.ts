import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

import {
  acceptsConnections,
  answersOk,
  launchNode,
  stopProcess,
  waitUntilReady,
} from '../../apps/cli/src/process-launcher.js';
import type { TestClock } from './test-clock.js';
import { TestDns, type TxtRecords } from './test-dns.js';
import { testDatabaseUrl, testRedisPrefix } from './test-env.js';

export interface RunningSystem {
  baseUrl: string;
  /** The inbound privacy mailbox's SMTP port (on 127.0.0.1). */
  mailboxPort: number;
  /** Every worker process started so far, stopped and killed ones included. */
  workers: ChildProcess[];
  /** Starts one more worker process on the same database, queues and settings. */
  startWorker(): ChildProcess;
  /** Everything the processes wrote to stdout and stderr so far (also passed on to the test's own). */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** One built app as its own process; what it prints is echoed and kept in `output`. */
export function launch(app: 'api' | 'worker' | 'mailbox', env: NodeJS.ProcessEnv, output: Buffer[]): ChildProcess {
  const child = launchNode(`dist/apps/${app}/src/main.js`, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => {
    output.push(chunk);
    process.stdout.write(chunk);
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output.push(chunk);
    process.stderr.write(chunk);
  });
  return child;
}

export { killProcess } from '../../apps/cli/src/process-launcher.js';

/** Settings for the processes; a function gets the api's base URL first, for settings that point back at the api. */
export type ExtraEnv = NodeJS.ProcessEnv | ((baseUrl: string) => NodeJS.ProcessEnv);

export interface SystemOptions {
  smtpUrl?: string;
  clock?: TestClock;
  extraEnv?: ExtraEnv;
  workers?: number;
  dnsRecords?: TxtRecords;
}

/**
 * The built api and worker as separate processes, on the run's database and Redis prefix. Without smtpUrl, mail
 * goes to the dev mailbox; with a clock, the processes' time follows it; `workers` worker processes (default 1)
 * share the queues, as copies of the worker do in production.
 */
export async function startSystem(options: SystemOptions = {}): Promise<RunningSystem> {
  // The mailbox checks senders' SPF, DKIM and DMARC against this server: no test needs the network.
  const dns = await TestDns.start(options.dnsRecords);
  const port = await freePort();
  const mailboxPort = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl(),
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_PREFIX: testRedisPrefix(),
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
    ...(options.clock ? { TEST_CLOCK_FILE: options.clock.file } : {}),
    PUBLIC_URL: baseUrl,
    PORT: String(port),
    INBOUND_SMTP_PORT: String(mailboxPort),
    INBOUND_DNS_SERVERS: dns.address,
    OUTBOX_POLL_MS: '50',
    // Every test client comes from 127.0.0.1: per-IP limits are tested on their own, with low values.
    INTAKE_RATE_LIMIT: '10000',
    SIGN_IN_RATE_LIMIT: '10000',
    ...(typeof options.extraEnv === 'function' ? options.extraEnv(baseUrl) : options.extraEnv),
  };
  const output: Buffer[] = [];
  const workers = Array.from({ length: options.workers ?? 1 }, () => launch('worker', env, output));
  const children = [launch('api', env, output), launch('mailbox', env, output), ...workers];
  try {
    await waitUntilReady(
      async () => (await answersOk(`${baseUrl}/health`)()) && (await acceptsConnections(mailboxPort)()),
      {
        processes: children,
        failure: 'api or mailbox did not start listening',
      },
    );
  } catch (error) {
    // A test whose system failed to start has nothing to stop: leave no process behind.
    await Promise.all(children.map((child) => stopProcess(child)));
    await dns.stop();
    throw error;
  }
  return {
    baseUrl,
    mailboxPort,
    workers,
    startWorker: () => {
      const worker = launch('worker', env, output);
      workers.push(worker);
      children.push(worker);
      return worker;
    },
    output: () => Buffer.concat(output).toString('utf8'),
    stop: async () => {
      await Promise.all(children.map((child) => stopProcess(child)));
      await dns.stop();
    },
  };
}
