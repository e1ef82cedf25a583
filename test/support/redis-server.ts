import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort, killProcess } from './running-system.js';

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
    this.process = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
      stdio: 'ignore',
    });
    const deadline = Date.now() + 10_000;
    for (;;) {
      const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      // connect() rejects when the server is not up yet; the event would only repeat that.
      client.on('error', () => undefined);
      try {
        await client.connect();
        if ((await client.ping()) === 'PONG') return;
      } catch {
        // not listening yet
      } finally {
        client.disconnect();
      }
      if (Date.now() > deadline) throw new Error(`redis-server on port ${this.port} did not answer within 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Stops the server (SIGTERM) and resolves when it has exited. */
  async stop(): Promise<void> {
    if (!this.process) return;
    await killProcess(this.process, 'SIGTERM');
    this.process = undefined;
  }
}
