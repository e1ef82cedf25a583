import { HttpException, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

import { RATE_LIMIT_REDIS } from './tokens.js';

export class RateLimitExceeded extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many requests: please wait before trying again.', HttpStatus.TOO_MANY_REQUESTS);
  }
}

/** Windows kept in memory at most, so a flood of distinct keys while Redis is down cannot grow the process without end. */
const MAX_LOCAL_WINDOWS = 100_000;

/**
 * Fixed-window counters in Redis, shared by every api copy. While Redis is unreachable each process counts on its
 * own, in memory: the limits stay on (per process, so looser by the number of copies), never off.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly local = new Map<string, number>();
  private localWindow = -1;

  constructor(@Inject(RATE_LIMIT_REDIS) private readonly redis: Redis) {}

  /** Throws RateLimitExceeded past `limit` hits per window. */
  async hit(bucket: string, key: string, limit: number, windowSeconds: number): Promise<void> {
    const window = Math.floor(Date.now() / 1000 / windowSeconds);
    const redisKey = `rl:${bucket}:${key}:${window}`;
    let count: number;
    try {
      const [[, incremented]] = (await this.redis.multi().incr(redisKey).expire(redisKey, windowSeconds).exec()) as [
        [Error | null, number],
      ];
      count = incremented;
    } catch (error) {
      this.logger.warn(`rate limit ${bucket} counted in this process, Redis unavailable: ${(error as Error).message}`);
      count = this.countLocally(`${redisKey}:${windowSeconds}`);
    }
    if (count > limit) {
      const retryAfter = (window + 1) * windowSeconds - Math.floor(Date.now() / 1000);
      throw new RateLimitExceeded(Math.max(1, retryAfter));
    }
  }

  private countLocally(key: string): number {
    // Forget past windows once a minute: keys name their window, so an old one is never counted again.
    const minute = Math.floor(Date.now() / 60_000);
    if (minute !== this.localWindow || this.local.size >= MAX_LOCAL_WINDOWS) {
      for (const [k] of this.local) if (isPast(k)) this.local.delete(k);
      if (this.local.size >= MAX_LOCAL_WINDOWS) this.local.clear();
      this.localWindow = minute;
    }
    const count = (this.local.get(key) ?? 0) + 1;
    this.local.set(key, count);
    return count;
  }
}

/** Whether a local key (`…:<window>:<windowSeconds>`) names a window that has ended. */
function isPast(key: string): boolean {
  const parts = key.split(':');
  const seconds = Number(parts[parts.length - 1]);
  const window = Number(parts[parts.length - 2]);
  return Math.floor(Date.now() / 1000 / seconds) > window;
}
