import { Redis } from 'ioredis';

/** A Redis connection BullMQ can share: it needs maxRetriesPerRequest null to survive reconnects. */
export function createRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}
