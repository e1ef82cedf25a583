import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

import { Redis } from 'ioredis';
import pg from 'pg';

// For test files that need storage of their own, beside the run's (global-setup/-teardown do the same for the run,
// self-contained because jest loads them without the test files' module mapping).

/** A name no other run or test uses, for a database and a Redis key prefix. */
export function uniqueRunName(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** Creates, migrates and seeds a database with the built CLI, exactly as `npm start` does; returns its URL. */
export function createSeededDatabase(name: string): string {
  return seedDatabase(`postgres://postgres@127.0.0.1:5432/${name}`);
}

/** Creates, migrates and seeds the database at `url` (on any server) with the built CLI; returns the URL. */
export function seedDatabase(url: string): string {
  const env = { ...process.env, DATABASE_URL: url, NODE_ENV: 'test' };
  for (const command of ['migrate', 'seed']) {
    execFileSync(process.execPath, ['dist/apps/cli/src/main.js', command], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return url;
}

export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Deletes every Redis key under a prefix (queues, schedulers, rate limits). */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis('redis://127.0.0.1:6379');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
