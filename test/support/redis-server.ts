import type { ChildProcess } from 'node:child_process';

import { Redis } from 'ioredis';

import { killProcess, launchProgram, waitUntilReady } from '../../apps/cli/src/process-launcher.js';
import { freePort } from './running-system.js';

/**
 * A redis-server of a test's own, on a free loopback port and without persistence (as in production: the
 * outbox in Postgres is the durable record), so the test can stop and restart it without touching the
 * machine's Redis. A restart comes back empty.
 */
export class DedicatedRedis {
  private process: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<DedicatedRedis> {
    const redis = new DedicatedRedis(await freePort());
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server again on the same port and resolves once it answers PING. */
  async restart(): Promise<void> {
    if (this.process) throw new Error('redis-server is already running');
    this.process = launchProgram(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      { env: process.env, stdio: 'ignore' },
    );
    await waitUntilReady(
      async () => {
        const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
        // connect() rejects when the server is not up yet; the event would only repeat that.
        client.on('error', () => undefined);
        try {
          await client.connect();
          return (await client.ping()) === 'PONG';
        } finally {
          client.disconnect();
        }
      },
      { timeoutMs: 10_000, intervalMs: 50, failure: `redis-server on port ${this.port} did not answer` },
    );
  }

  /** Stops the server (SIGTERM) and resolves when it has exited. */
  async stop(): Promise<void> {
    if (!this.process) return;
    await killProcess(this.process, 'SIGTERM');
    this.process = undefined;
  }
}
