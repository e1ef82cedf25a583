import { createHmac } from 'node:crypto';

/**
 * A value as the access package stores it (jsonb): dates as ISO text, big integers and decimals as text (the drivers
 * already read them so), bytes as base64, numbers JSON cannot hold as text.
 */
export function jsonSafe(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, jsonSafe(inner)]));
  }
  return value;
}

/** What erasure writes for a `hash` mask: HMAC-SHA256 of the stored value under the organisation's mask key, in hex. */
export function keyedHash(value: unknown, key: string): string {
  const text = Buffer.isBuffer(value) ? value : String(value);
  return createHmac('sha256', key).update(text).digest('hex');
}

/** One spelling per key value, so a key reached from two parent rows is sent once. */
export function keyIdentity(value: unknown): string {
  if (Buffer.isBuffer(value)) return `bytes:${value.toString('base64')}`;
  if (value instanceof Date) return `date:${value.toISOString()}`;
  return `${typeof value}:${String(value)}`;
}
