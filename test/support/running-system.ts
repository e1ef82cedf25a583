import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { connect, createServer } from 'node:net';
import type { TestClock } from './test-clock.js';
import { testDatabaseUrl, testRedisPrefix } from './test-env.js';

export interface RunningSystem {
  baseUrl: string;
  /** The inbound privacy mailbox's SMTP port (on 127.0.0.1). */
  mailboxPort: number;
  /** Every worker process started so far, stopped and killed ones included. */
  workers: ChildProcess[];
  /** Starts one more worker process on the same database, queues and settings. */
  startWorker(): ChildProcess;
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

/** One built app as its own process; `stdio` lets a test read what it prints. */
export function launch(app: 'api' | 'worker' | 'mailbox', env: NodeJS.ProcessEnv, stdio: StdioOptions = ['ignore', 'inherit', 'inherit']): ChildProcess {
  return spawn(process.execPath, ['--enable-source-maps', `dist/apps/${app}/src/main.js`], { env, stdio });
}

/** Whether something accepts TCP connections on the port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Ends a process at once with a signal (SIGKILL: no shutdown hooks run) and resolves when it is gone. */
export async function killProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await exited;
}

/**
 * The built api and worker as separate processes, on the run's database and Redis prefix. Without smtpUrl, mail
 * goes to the dev mailbox; with a clock, the processes' time follows it; `workers` worker processes (default 1)
 * share the queues, as copies of the worker do in production.
 */
export async function startSystem(
  options: { smtpUrl?: string; clock?: TestClock; extraEnv?: NodeJS.ProcessEnv; workers?: number } = {},
): Promise<RunningSystem> {
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
    OUTBOX_POLL_MS: '50',
    // Every test client comes from 127.0.0.1: per-IP limits are tested on their own, with low values.
    INTAKE_RATE_LIMIT: '10000',
    SIGN_IN_RATE_LIMIT: '10000',
    ...options.extraEnv,
  };
  const workers = Array.from({ length: options.workers ?? 1 }, () => launch('worker', env));
  const children = [launch('api', env), launch('mailbox', env), ...workers];
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/health`)).ok && (await accepts(mailboxPort))) break;
    } catch {
      // not listening yet
    }
    const failure = children.some((c) => c.exitCode !== null)
      ? 'api, mailbox or worker exited during start'
      : Date.now() > deadline && 'api or mailbox did not start listening within 30 s';
    if (failure) {
      // A test whose system failed to start has nothing to stop: leave no process behind.
      await Promise.all(children.map(stopChild));
      throw new Error(failure);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    mailboxPort,
    workers,
    startWorker: () => {
      const worker = launch('worker', env);
      workers.push(worker);
      children.push(worker);
      return worker;
    },
    stop: async () => {
      await Promise.all(children.map(stopChild));
    },
  };
}
