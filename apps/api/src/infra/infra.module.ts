import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';

import { clockFor, Env, loadEnv } from '#config';
import { createDataSource, OrganisationDirectory } from '#db';

import { Csrf } from './csrf.js';
import { RateLimiter } from './rate-limiter.js';
import { CLOCK, DATA_SOURCE, RATE_LIMIT_REDIS, SYSTEM_ENV } from './tokens.js';

@Global()
@Module({
  providers: [
    { provide: Env, useFactory: () => loadEnv() },
    { provide: CLOCK, inject: [Env], useFactory: clockFor },
    {
      provide: DATA_SOURCE,
      inject: [Env],
      useFactory: (env: Env) => createDataSource(env.DATABASE_URL).initialize(),
    },
    {
      provide: RATE_LIMIT_REDIS,
      inject: [Env],
      // Fails fast instead of queueing while Redis is down: rate limits fail open, intake keeps working.
      useFactory: (env: Env) => {
        const redis = new Redis(env.REDIS_URL, {
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          keyPrefix: `${env.REDIS_PREFIX}:`,
        });
        // Reconnects are expected while Redis is down; the limiter already reports the failed calls.
        redis.on('error', () => undefined);
        return redis;
      },
    },
    { provide: SYSTEM_ENV, useValue: process.env },
    RateLimiter,
    Csrf,
    {
      provide: OrganisationDirectory,
      inject: [DATA_SOURCE],
      useFactory: (ds: DataSource) => new OrganisationDirectory(ds),
    },
  ],
  exports: [Env, CLOCK, DATA_SOURCE, SYSTEM_ENV, RateLimiter, Csrf, OrganisationDirectory],
})
export class InfraModule implements OnApplicationShutdown {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(RATE_LIMIT_REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
    await this.dataSource.destroy();
  }
}
