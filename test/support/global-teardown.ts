import { Redis } from 'ioredis';
import pg from 'pg';

/** Drops the run's database and Redis keys, so runs leave nothing behind. */
export default async function globalTeardown(): Promise<void> {
  const url = process.env.RIGHTSDESK_TEST_DATABASE_URL;
  const prefix = process.env.RIGHTSDESK_TEST_REDIS_PREFIX;
  if (url) {
    const name = new URL(url).pathname.slice(1);
    const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  }
  if (prefix) {
    const redis = new Redis('redis://127.0.0.1:6379');
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
  }
}
