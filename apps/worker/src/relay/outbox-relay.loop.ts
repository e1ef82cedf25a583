import { Logger } from '@nestjs/common';

import type { OutboxRelay } from '#queue';

const BATCH = 100;
const BACKOFF_MS = 1_000;

/**
 * Drives the relay: back to back while there is a backlog, every pollMs when idle, backing off while Redis is down.
 * When Redis comes back without its data, recent rows go out again and `onRedisForgot` restores what else it held.
 */
export class OutboxRelayLoop {
  private readonly logger = new Logger('outbox-relay');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly relay: OutboxRelay,
    private readonly pollMs: number,
    private readonly onRedisForgot: () => Promise<void>,
  ) {}

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().then((next) => this.schedule(next));
    }, delay);
  }

  private async tick(): Promise<number> {
    try {
      if (await this.relay.recoverForgottenJobs(this.onRedisForgot)) {
        this.logger.log(
          'Redis held none of our jobs (new or restarted): recent jobs go out again, the rest is restored',
        );
      }
      const relayed = await this.relay.relayBatch(BATCH);
      return relayed === BATCH ? 0 : this.pollMs;
    } catch (error) {
      this.logger.warn(`outbox rows kept for the next attempt: ${(error as Error).message}`);
      return BACKOFF_MS;
    }
  }
}
