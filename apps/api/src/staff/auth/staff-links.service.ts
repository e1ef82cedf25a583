import { Inject, Injectable } from '@nestjs/common';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';

import type { Clock } from '#config';
import {
  appendAudit,
  hashPassword,
  issuePasswordReset,
  Organisation,
  parseStaffLink,
  setStaffPassword,
  StaffInvitation,
  staffLinkMatches,
  StaffPasswordReset,
  StaffUser,
  TeamRepository,
  writeStaffAccountOutbox,
} from '#db';

import { CLOCK, DATA_SOURCE } from '../../infra/tokens.js';
import { StaffSessionService } from './staff-session.service.js';

/** An invitation link that still works, and what its page shows. */
export interface OpenInvitation {
  invitation: StaffInvitation;
  organisationName: string;
  /** Whether the address has an account now: decided when the link is used, not when the admin invited. */
  existingAccount: boolean;
}

export type AcceptResult =
  { ok: true; organisationSlug: string } | { ok: false; reason: 'link' | 'password' | 'account_now_exists' };

/**
 * What staff links do: accept an invitation, choose a new password. A link is `<id>.<secret>`, its secret compared
 * in constant time with the stored hash; used, revoked, replaced or expired links all answer as unknown ones.
 */
@Injectable()
export class StaffLinksService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sessions: StaffSessionService,
  ) {}

  async openInvitation(link: string): Promise<OpenInvitation | null> {
    const invitation = await this.usableInvitation(this.dataSource.manager, link, false);
    if (!invitation) return null;
    const organisation = await this.dataSource
      .getRepository(Organisation)
      .findOneByOrFail({ id: invitation.organisationId });
    const existingAccount = await this.dataSource.getRepository(StaffUser).existsBy({ email: invitation.email });
    return { invitation, organisationName: organisation.name, existingAccount };
  }

  /** A new account: the invitee chose name and password, and proved the address by opening the mailed link. */
  async acceptAsNewAccount(link: string, name: string, password: string): Promise<AcceptResult> {
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (tx) => {
      const invitation = await this.usableInvitation(tx, link, true);
      if (!invitation) return { ok: false, reason: 'link' };
      if (await tx.existsBy(StaffUser, { email: invitation.email })) return { ok: false, reason: 'account_now_exists' };
      const user = await tx.save(tx.create(StaffUser, { email: invitation.email, name, passwordHash }));
      return this.join(tx, invitation, user);
    });
  }

  /**
   * An existing account joins only with its own password, checked (and counted towards the lock) as at sign-in:
   * the inviting admin never had any say over it.
   */
  async acceptWithExistingAccount(link: string, password: string): Promise<AcceptResult> {
    const preview = await this.usableInvitation(this.dataSource.manager, link, false);
    if (!preview) return { ok: false, reason: 'link' };
    const user = await this.sessions.checkPassword(preview.email, password, this.clock.now());
    if (!user) return { ok: false, reason: 'password' };
    return this.dataSource.transaction(async (tx) => {
      const invitation = await this.usableInvitation(tx, link, true);
      if (!invitation) return { ok: false, reason: 'link' };
      return this.join(tx, invitation, user);
    });
  }

  /**
   * Records a reset for the address if it has an account, and queues its mail; says nothing either way, so the page
   * answers alike for every address. Earlier unused resets of the account stop working.
   */
  async requestPasswordReset(email: string): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (tx) => {
      const user = await tx.findOneBy(StaffUser, { email: email.trim().toLowerCase() });
      if (!user) return;
      const resetId = await issuePasswordReset(tx, user.id, now);
      await writeStaffAccountOutbox(tx, 'staff.password_reset.send', { resetId }, resetId);
    });
  }

  /** The account a reset link is for, while the link works. */
  async openPasswordReset(link: string): Promise<StaffUser | null> {
    const reset = await this.usableReset(this.dataSource.manager, link, false);
    return reset ? this.dataSource.getRepository(StaffUser).findOneBy({ id: reset.userId }) : null;
  }

  /** Sets the new password, spends the link and signs the account out everywhere; false when the link does not work. */
  async completePasswordReset(link: string, password: string): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const reset = await this.usableReset(tx, link, true);
      if (!reset) return false;
      await tx.update(StaffPasswordReset, { id: reset.id }, { usedAt: this.clock.now() });
      await setStaffPassword(tx, reset.userId, password);
      return true;
    });
  }

  private async join(tx: EntityManager, invitation: StaffInvitation, user: StaffUser): Promise<AcceptResult> {
    const now = this.clock.now();
    const team = new TeamRepository(tx);
    await team.lock(invitation.organisationId);
    await tx.update(StaffInvitation, { id: invitation.id }, { acceptedAt: now });
    const already = (await team.membership(invitation.organisationId, user.id)) !== null;
    if (!already) await team.join(invitation.organisationId, user.id, invitation.role);
    await appendAudit(tx, {
      organisationId: invitation.organisationId,
      actorId: user.id,
      actorLabel: user.name,
      action: already ? 'staff.invitation_accepted' : 'staff.added',
      detail: { userId: user.id, role: invitation.role, invitationId: invitation.id },
      at: now,
    });
    const organisation = await tx.findOneByOrFail(Organisation, { id: invitation.organisationId });
    return { ok: true, organisationSlug: organisation.slug };
  }

  private async usableInvitation(manager: EntityManager, link: string, lock: boolean): Promise<StaffInvitation | null> {
    const parsed = parseStaffLink(link);
    if (!parsed) return null;
    const row = await manager.findOne(StaffInvitation, {
      where: { id: parsed.id, acceptedAt: IsNull(), revokedAt: IsNull() },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!row || !staffLinkMatches(parsed.secretHash, row.secretHash) || row.expiresAt <= this.clock.now()) return null;
    return row;
  }

  private async usableReset(manager: EntityManager, link: string, lock: boolean): Promise<StaffPasswordReset | null> {
    const parsed = parseStaffLink(link);
    if (!parsed) return null;
    const row = await manager.findOne(StaffPasswordReset, {
      where: { id: parsed.id, usedAt: IsNull() },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!row || !staffLinkMatches(parsed.secretHash, row.secretHash) || row.expiresAt <= this.clock.now()) return null;
    return row;
  }
}
