import { describe, expect, it } from '@jest/globals';

import { FormClient } from './support/form-client.js';
import { DedicatedRedis } from './support/redis-server.js';
import { startSystem } from './support/running-system.js';

/** Rate limits are kept in Redis; with Redis gone they must still hold, counted in the api process. */
describe('rate limits without Redis', () => {
  it('keeps the sign-in and intake rate limits while Redis is down, counting in the api process', async () => {
    const redis = await DedicatedRedis.start();
    const limited = await startSystem({
      extraEnv: { REDIS_URL: redis.url, SIGN_IN_RATE_LIMIT: '3', INTAKE_RATE_LIMIT: '2' },
    });
    try {
      await redis.stop();
      const signIns = [];
      for (let i = 0; i < 4; i++)
        signIns.push(
          (
            await new FormClient(limited.baseUrl).submitForm('/staff/sign-in', '/staff/sign-in', {
              email: 'nobody@example.org',
              password: 'wrong-password-x',
              next: '/staff',
            })
          ).status,
        );
      expect(signIns).toEqual([401, 401, 401, 429]);
      const filings = [];
      for (let i = 0; i < 3; i++) {
        const response = await new FormClient(limited.baseUrl).submitForm(
          '/o/prontotrak/requests/new',
          '/o/prontotrak/requests',
          {
            name: 'Ada Lovelace',
            email: `limited-${i}@example.org`,
            rightId: 'access',
            relationship: 'self',
            website: '',
          },
        );
        filings.push(response.status);
      }
      expect(filings[2]).toBe(429);
      expect(filings.slice(0, 2)).not.toContain(429);
    } finally {
      await limited.stop();
      await redis.stop();
    }
  }, 120_000);
});
