import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/**
 * A database and a Redis key prefix of the run's own, created, migrated and seeded by the built CLI,
 * exactly as `npm start` does; PostgreSQL and Redis are started first when they are down.
 */
export default async function globalSetup(): Promise<void> {
  execFileSync('bash', ['scripts/ensure-services.sh'], { stdio: 'inherit' });
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const url = `postgres://postgres@127.0.0.1:5432/rightsdesk_test_${run}`;
  const env = { ...process.env, DATABASE_URL: url, NODE_ENV: 'test' };
  for (const command of ['migrate', 'seed']) {
    execFileSync(process.execPath, ['dist/apps/cli/src/main.js', command], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  process.env.RIGHTSDESK_TEST_DATABASE_URL = url;
  process.env.RIGHTSDESK_TEST_REDIS_PREFIX = `rdtest${run}`;
}
