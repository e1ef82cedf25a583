import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IsNull, type DataSource } from 'typeorm';
import { hashPassword, StaffMembership, StaffSession, StaffUser, verifyPassword, type StaffRole } from '#db';
import { DATA_SOURCE } from '../../infra/tokens.js';

/** A signed-in staff member and the organisations they may see, by organisation id. */
export interface StaffPrincipal {
  sessionId: string;
  user: StaffUser;
  roles: Map<string, StaffRole>;
}

export type SignInResult = { ok: true; token: string } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'locked'; until: Date };

const SESSION_HOURS = 12;
const FREE_ATTEMPTS = 5;
const MAX_LOCK_MINUTES = 60;
const sha256 = (value: Buffer) => createHash('sha256').update(value).digest();

@Injectable()
export class StaffSessionService {
  /** Verified against when the address is unknown, so a wrong address takes as long as a wrong password. */
  private readonly decoyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /**
   * Checks the password and opens a new session (a new id at every sign-in: no session fixation).
   * After five failures in a row the account locks, for one minute and doubling up to an hour.
   */
  async signIn(email: string, password: string, now: Date): Promise<SignInResult> {
    const users = this.dataSource.getRepository(StaffUser);
    const user = await users.findOneBy({ email: email.trim().toLowerCase() });
    if (!user) {
      await verifyPassword(await this.decoyHash, password);
      return { ok: false, reason: 'invalid' };
    }
    if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: 'locked', until: user.lockedUntil };
    if (!(await verifyPassword(user.passwordHash, password))) {
      const failures = user.failedSignIns + 1;
      const lockMinutes = failures >= FREE_ATTEMPTS ? Math.min(2 ** (failures - FREE_ATTEMPTS), MAX_LOCK_MINUTES) : 0;
      const lockedUntil = lockMinutes > 0 ? new Date(now.getTime() + lockMinutes * 60_000) : null;
      await users.update({ id: user.id }, { failedSignIns: failures, lockedUntil });
      return lockedUntil ? { ok: false, reason: 'locked', until: lockedUntil } : { ok: false, reason: 'invalid' };
    }
    await users.update({ id: user.id }, { failedSignIns: 0, lockedUntil: null });
    const secret = randomBytes(32);
    const session = await this.dataSource.getRepository(StaffSession).save({
      userId: user.id,
      secretHash: sha256(secret),
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000),
      revokedAt: null,
    });
    return { ok: true, token: `${session.id}.${secret.toString('base64url')}` };
  }

  /** The principal behind a session cookie, or null when it is unknown, expired or revoked. */
  async resolve(token: string | undefined, now: Date): Promise<StaffPrincipal | null> {
    const [id, secret] = (token ?? '').split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) return null;
    const session = await this.dataSource.getRepository(StaffSession).findOne({ where: { id, revokedAt: IsNull() }, relations: { user: true } });
    if (!session || session.expiresAt <= now) return null;
    if (!timingSafeEqual(sha256(Buffer.from(secret, 'base64url')), session.secretHash)) return null;
    const memberships = await this.dataSource.getRepository(StaffMembership).findBy({ userId: session.userId });
    return { sessionId: session.id, user: session.user!, roles: new Map(memberships.map((m) => [m.organisationId, m.role])) };
  }

  async signOut(sessionId: string): Promise<void> {
    await this.dataSource.getRepository(StaffSession).update({ id: sessionId }, { revokedAt: () => 'now()' });
  }
}
