import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

import argon2 from 'argon2';
import { type EntityManager, IsNull } from 'typeorm';

import { StaffMembership, type StaffRole } from './entities/staff-membership.entity.js';
import { StaffPasswordReset } from './entities/staff-password-reset.entity.js';
import { StaffSession } from './entities/staff-session.entity.js';
import { StaffUser } from './entities/staff-user.entity.js';

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password);
}

export const MIN_PASSWORD_LENGTH = 12;

/**
 * Creates a staff user with a role in one organisation, or adds the role to an existing user. For seeding and the
 * operator's tools only: staff join through invitations, where no admin sets anyone's password.
 */
export async function addStaffMember(
  manager: EntityManager,
  input: { email: string; name: string; password: string; organisationId: string; role: StaffRole },
): Promise<StaffUser> {
  if (input.password.length < MIN_PASSWORD_LENGTH)
    throw new Error(`A password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  const email = input.email.trim().toLowerCase();
  let user = await manager.findOneBy(StaffUser, { email });
  if (!user) {
    user = await manager.save(
      manager.create(StaffUser, { email, name: input.name.trim(), passwordHash: await hashPassword(input.password) }),
    );
  }
  await manager.upsert(StaffMembership, { userId: user.id, organisationId: input.organisationId, role: input.role }, [
    'userId',
    'organisationId',
  ]);
  return user;
}

/**
 * Makes an account a platform operator, creating it (with this password) when the address has none. For seeding and
 * the CLI: operators are named by whoever runs the platform, never from the console.
 */
export async function addPlatformOperator(
  manager: EntityManager,
  input: { email: string; name: string; password: string },
): Promise<{ user: StaffUser; created: boolean }> {
  if (input.password.length < MIN_PASSWORD_LENGTH)
    throw new Error(`A password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  const email = input.email.trim().toLowerCase();
  const existing = await manager.findOneBy(StaffUser, { email });
  if (existing) {
    await manager.update(StaffUser, { id: existing.id }, { platformOperator: true });
    return { user: { ...existing, platformOperator: true }, created: false };
  }
  const user = await manager.save(
    manager.create(StaffUser, {
      email,
      name: input.name.trim(),
      passwordHash: await hashPassword(input.password),
      platformOperator: true,
    }),
  );
  return { user, created: true };
}

const sha256 = (value: Buffer) => createHash('sha256').update(value).digest();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A staff link's secret (32 random bytes) as the mail carries it in `<id>.<secret>`, and the hash that is stored. */
export function newStaffLink(id: string): { link: string; secretHash: Buffer } {
  const secret = randomBytes(32);
  return { link: `${id}.${secret.toString('base64url')}`, secretHash: sha256(secret) };
}

/** The id a staff link names and the hash of its secret, or null for anything not shaped like one. */
export function parseStaffLink(link: string): { id: string; secretHash: Buffer } | null {
  const [id, secret, extra] = link.split('.');
  if (extra !== undefined || !UUID.test(id ?? '') || !/^[A-Za-z0-9_-]{43}$/.test(secret ?? '')) return null;
  return { id, secretHash: sha256(Buffer.from(secret, 'base64url')) };
}

/** Constant-time comparison of a presented link's hash with the stored one. */
export function staffLinkMatches(presented: Buffer, stored: Buffer | null): boolean {
  return stored !== null && stored.length === presented.length && timingSafeEqual(presented, stored);
}

/**
 * Sets a user's password, clears the failed-attempt count and lock, and ends their sessions (all but `keepSessionId`):
 * whoever knew the old password is signed out.
 */
export async function setStaffPassword(
  manager: EntityManager,
  userId: string,
  password: string,
  keepSessionId?: string,
): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new Error(`A password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  await manager.update(
    StaffUser,
    { id: userId },
    { passwordHash: await hashPassword(password), failedSignIns: 0, lockedUntil: null },
  );
  await manager
    .createQueryBuilder()
    .update(StaffSession)
    .set({ revokedAt: () => 'now()' })
    .where('user_id = :userId AND revoked_at IS NULL', { userId })
    .andWhere(keepSessionId ? 'id <> :keep' : 'TRUE', { keep: keepSessionId })
    .execute();
}

/** How long a reset link works: long enough to read the mail, short enough that a leaked link soon dies. */
export const RESET_MINUTES = 60;

/** A new reset for the account (its link made by the mail, or by the CLI); older unused ones are spent. */
export async function issuePasswordReset(manager: EntityManager, userId: string, now: Date): Promise<string> {
  await manager.update(StaffPasswordReset, { userId, usedAt: IsNull() }, { usedAt: now });
  const reset = await manager.save(
    manager.create(StaffPasswordReset, { userId, expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000) }),
  );
  return reset.id;
}
