import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { type DataSource, IsNull } from 'typeorm';

import { hashPassword, StaffMembership, type StaffRole, StaffSession, StaffUser, verifyPassword } from '#db';

import { DATA_SOURCE } from '../../infra/tokens.js';

/** A signed-in staff member and the organisations they may see, by organisation id. */
export interface StaffPrincipal {
  sessionId: string;
  user: StaffUser;
  roles: Map<string, StaffRole>;
}

export type SignInResult = { ok: true; token: string } | { ok: false; reason: 'invalid' };

const SESSION_HOURS = 12;
const FREE_ATTEMPTS = 5;
const MAX_LOCK_MINUTES = 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const sha256 = (value: Buffer) => createHash('sha256').update(value).digest();

@Injectable()
export class StaffSessionService {
  /** Verified against when the address is unknown, so a wrong address takes as long as a wrong password. */
  private readonly decoyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /**
   * Checks the password and opens a new session (a new id at every sign-in: no session fixation).
   * A locked account answers exactly as an unknown address does, after as long a check.
   */
  async signIn(email: string, password: string, now: Date): Promise<SignInResult> {
    const user = await this.checkPassword(email, password, now);
    if (!user) return { ok: false, reason: 'invalid' };
    const secret = randomBytes(32);
    const session = await this.dataSource.getRepository(StaffSession).save({
      userId: user.id,
      secretHash: sha256(secret),
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000),
      revokedAt: null,
    });
    return { ok: true, token: `${session.id}.${secret.toString('base64url')}` };
  }

  /**
   * The account whose password this is, or null. Each attempt is counted before argon2 runs, in one UPDATE that
   * also sets the lock from the fifth attempt in a row on: parallel guesses each take their own count, so at most
   * five are ever checked before the lock (one minute, doubling per further failure up to an hour). A right
   * password clears the count. Every refusal costs one argon2 check, so time does not tell locked from unknown.
   */
  async checkPassword(email: string, password: string, now: Date): Promise<StaffUser | null> {
    const [claimed] = (await this.dataSource.query(
      `UPDATE staff_user SET failed_sign_ins = failed_sign_ins + 1,
         locked_until = CASE WHEN failed_sign_ins + 1 >= $3
           THEN $2::timestamptz + LEAST(power(2, failed_sign_ins + 1 - $3), $4) * interval '1 minute' ELSE locked_until END
       WHERE email = $1 AND (locked_until IS NULL OR locked_until <= $2)
       RETURNING id, password_hash`,
      [email.trim().toLowerCase(), now, FREE_ATTEMPTS, MAX_LOCK_MINUTES],
    )) as [{ id: string; password_hash: string }[], number];
    const row = claimed[0];
    if (!row) {
      await verifyPassword(await this.decoyHash, password);
      return null;
    }
    if (!(await verifyPassword(row.password_hash, password))) return null;
    const users = this.dataSource.getRepository(StaffUser);
    await users.update({ id: row.id }, { failedSignIns: 0, lockedUntil: null });
    return users.findOneByOrFail({ id: row.id });
  }

  /** The principal behind a session cookie, or null when it is unknown, expired or revoked. */
  async resolve(token: string | undefined, now: Date): Promise<StaffPrincipal | null> {
    // Anything but `<uuid>.<base64url>` is no session: a malformed cookie must never reach the database as an id.
    const [id, secret, extra] = (token ?? '').split('.');
    if (extra !== undefined || !secret || !UUID.test(id) || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
    const session = await this.dataSource
      .getRepository(StaffSession)
      .findOne({ where: { id, revokedAt: IsNull() }, relations: { user: true } });
    if (!session || session.expiresAt <= now) return null;
    if (!timingSafeEqual(sha256(Buffer.from(secret, 'base64url')), session.secretHash)) return null;
    const memberships = await this.dataSource.getRepository(StaffMembership).findBy({ userId: session.userId });
    return {
      sessionId: session.id,
      user: session.user!,
      roles: new Map(memberships.map((m) => [m.organisationId, m.role])),
    };
  }

  async signOut(sessionId: string): Promise<void> {
    await this.dataSource.getRepository(StaffSession).update({ id: sessionId }, { revokedAt: () => 'now()' });
  }
}
