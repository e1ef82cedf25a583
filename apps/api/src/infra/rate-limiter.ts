import { HttpException, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RATE_LIMIT_REDIS } from './tokens.js';

export class RateLimitExceeded extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many requests: please wait before trying again.', HttpStatus.TOO_MANY_REQUESTS);
  }
}

/** Fixed-window counters in Redis, shared by every api copy. */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);

  constructor(@Inject(RATE_LIMIT_REDIS) private readonly redis: Redis) {}

  /** Throws RateLimitExceeded past `limit` hits per window. With Redis unreachable it lets the request through. */
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
      this.logger.warn(`rate limit ${bucket} not enforced, Redis unavailable: ${(error as Error).message}`);
      return;
    }
    if (count > limit) {
      const retryAfter = (window + 1) * windowSeconds - Math.floor(Date.now() / 1000);
      throw new RateLimitExceeded(Math.max(1, retryAfter));
    }
  }
}
