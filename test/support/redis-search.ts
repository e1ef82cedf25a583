import { Redis } from 'ioredis';

/**
 * The keys under `prefix` whose name or value (of any Redis type) holds `text`, case-insensitively: where a test
 * proves that personal data never reached, or no longer sits in, the queues.
 */
export async function redisKeysHolding(prefix: string, text: string): Promise<{ searched: number; found: string[] }> {
  const redis = new Redis('redis://127.0.0.1:6379');
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      keys.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    const found: string[] = [];
    for (const key of keys) {
      const type = await redis.type(key);
      const value =
        type === 'string'
          ? await redis.get(key)
          : type === 'hash'
            ? JSON.stringify(await redis.hgetall(key))
            : type === 'list'
              ? JSON.stringify(await redis.lrange(key, 0, -1))
              : type === 'set'
                ? JSON.stringify(await redis.smembers(key))
                : type === 'zset'
                  ? JSON.stringify(await redis.zrange(key, 0, -1))
                  : type === 'stream'
                    ? JSON.stringify(await redis.xrange(key, '-', '+'))
                    : '';
      if (`${key} ${value ?? ''}`.toLowerCase().includes(text.toLowerCase())) found.push(key);
    }
    return { searched: keys.length, found };
  } finally {
    redis.disconnect();
  }
}
