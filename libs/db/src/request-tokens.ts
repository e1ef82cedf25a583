import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

import { type EntityManager, IsNull } from 'typeorm';

import { RequestToken, type RequestTokenPurpose } from './entities/request-token.entity.js';

/** Why a link was not accepted; each gets its own clear page. */
export type TokenRefusal = 'unknown' | 'expired' | 'used' | 'replaced';

const sha256 = (value: Buffer) => createHash('sha256').update(value).digest();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Issues a link token `<id>.<secret>`: 32 random bytes, of which only the hash is stored.
 * With `replacePrevious`, older unused tokens of that purpose stop working (a resent link replaces the old one).
 */
export async function issueRequestToken(
  manager: EntityManager,
  requestId: string,
  purpose: RequestTokenPurpose,
  expiresAt: Date,
  options: { replacePrevious: boolean },
): Promise<string> {
  if (options.replacePrevious) {
    await manager.update(
      RequestToken,
      { requestId, purpose, usedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
  }
  const secret = randomBytes(32);
  const saved = await manager.save(
    manager.create(RequestToken, { requestId, purpose, secretHash: sha256(secret), expiresAt }),
  );
  return `${saved.id}.${secret.toString('base64url')}`;
}

/**
 * Finds the token a link carries and locks it for the caller's transaction. The secret is compared
 * in constant time against the stored hash; the lookup itself is by the public id only.
 */
export async function redeemableToken(
  manager: EntityManager,
  token: string,
  purpose: RequestTokenPurpose,
  now: Date,
): Promise<{ ok: true; token: RequestToken } | { ok: false; refusal: TokenRefusal }> {
  const [id, secret] = token.split('.');
  if (!id || !secret || !UUID.test(id)) return { ok: false, refusal: 'unknown' };
  const row = await manager
    .createQueryBuilder(RequestToken, 't')
    .where('t.id = :id AND t.purpose = :purpose', { id, purpose })
    .setLock('pessimistic_write')
    .getOne();
  const presented = sha256(Buffer.from(secret, 'base64url'));
  if (!row || !timingSafeEqual(presented, row.secretHash)) return { ok: false, refusal: 'unknown' };
  if (row.usedAt) return { ok: false, refusal: 'used' };
  if (row.revokedAt) return { ok: false, refusal: 'replaced' };
  if (row.expiresAt <= now) return { ok: false, refusal: 'expired' };
  return { ok: true, token: row };
}
