import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { type DataSource, type EntityManager, IsNull, MoreThan } from 'typeorm';

import type { Clock } from '#config';
import {
  appendAudit,
  STAFF_ROLES,
  StaffInvitation,
  type StaffMembership,
  type StaffRole,
  StaffUser,
  TeamRepository,
  writeStaffAccountOutbox,
} from '#db';

import { CLOCK, DATA_SOURCE } from '../../infra/tokens.js';
import type { StaffPrincipal } from '../auth/staff-session.service.js';
import type { AddMemberForm } from './add-member.form.js';

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: StaffRole;
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: StaffRole;
  expiresAt: Date;
}

/** Long enough to reach someone back from a week away; short enough that a forgotten link dies. */
const INVITATION_DAYS = 7;
const isStaffRole = (value: unknown): value is StaffRole => (STAFF_ROLES as readonly unknown[]).includes(value);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Memberships of one organisation. Every change takes a per-organisation lock, so two admins changing
 * each other at once cannot leave the organisation without an admin, and appends an audit entry
 * (ids and roles only: the email stays out of the append-only log). Members join by invitation only..
 */
@Injectable()
export class StaffAdminService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async members(organisationId: string): Promise<Member[]> {
    const members = await new TeamRepository(this.dataSource.manager).members(organisationId);
    return members.map((m) => ({ userId: m.id, name: m.name, email: m.email, role: m.role }));
  }

  /** Invitations of this organisation still waiting for their invitee, newest first. */
  async pendingInvitations(organisationId: string): Promise<PendingInvitation[]> {
    const rows = await this.dataSource.getRepository(StaffInvitation).find({
      where: { organisationId, acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(this.clock.now()) },
      order: { createdAt: 'DESC' },
    });
    return rows.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt }));
  }

  /**
   * Invites an address: the same whether or not it has an account anywhere (the invitee's mail says which way to
   * accept), so an admin learns nothing of other organisations' staff and never sets a password. A new invitation
   * replaces a pending one for the same address. The mail goes through the outbox, as every mail does.
   */
  async invite(organisationId: string, actor: StaffPrincipal, form: AddMemberForm): Promise<void> {
    const email = form.email.toLowerCase();
    const now = this.clock.now();
    await this.dataSource.transaction(async (tx) => {
      const team = new TeamRepository(tx);
      await team.lock(organisationId);
      const existing = await tx.findOneBy(StaffUser, { email });
      const membership = existing && (await team.membership(organisationId, existing.id));
      // Members are listed on this very page: saying so tells the admin nothing they cannot see.
      if (membership)
        throw new ConflictException(
          `${form.email} is already a member (${membership.role}); change their role in the list instead.`,
        );
      const replaced = await tx.find(StaffInvitation, {
        where: { organisationId, email, acceptedAt: IsNull(), revokedAt: IsNull() },
      });
      for (const old of replaced) {
        await tx.update(StaffInvitation, { id: old.id }, { revokedAt: now });
        await audit(tx, { organisationId, actor, at: now }, 'staff.invitation_revoked', {
          invitationId: old.id,
          role: old.role,
        });
      }
      const invitation = await tx.save(
        tx.create(StaffInvitation, {
          organisationId,
          email,
          role: form.role,
          invitedBy: actor.user.id,
          expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
        }),
      );
      await writeStaffAccountOutbox(tx, 'staff.invitation.send', { invitationId: invitation.id }, invitation.id);
      await audit(tx, { organisationId, actor, at: now }, 'staff.invited', {
        invitationId: invitation.id,
        role: form.role,
      });
    });
  }

  /** Another organisation's invitation, or one no longer pending, is a 404 like an unknown one. */
  async revokeInvitation(organisationId: string, actor: StaffPrincipal, invitationId: string): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (tx) => {
      const invitation = UUID.test(invitationId)
        ? await tx.findOne(StaffInvitation, {
            where: { id: invitationId, organisationId, acceptedAt: IsNull(), revokedAt: IsNull() },
            lock: { mode: 'pessimistic_write' },
          })
        : null;
      if (!invitation) throw new NotFoundException('There is no such pending invitation here.');
      await tx.update(StaffInvitation, { id: invitation.id }, { revokedAt: now });
      await audit(tx, { organisationId, actor, at: now }, 'staff.invitation_revoked', {
        invitationId: invitation.id,
        role: invitation.role,
      });
    });
  }

  /** The member is looked up before the role is checked: another organisation's user is a 404 whatever was sent. */
  async changeRole(organisationId: string, actor: StaffPrincipal, userId: string, role: unknown): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const team = new TeamRepository(tx);
      await team.lock(organisationId);
      const membership = await findMember(team, organisationId, userId);
      if (!isStaffRole(role)) throw new BadRequestException(`Choose a role: ${STAFF_ROLES.join(', ')}.`);
      if (membership.role === role) return;
      if (membership.role === 'admin') await refuseLastAdmin(team, organisationId, 'demote');
      await team.setRole(organisationId, userId, role);
      await audit(tx, { organisationId, actor, at: this.clock.now() }, 'staff.role_changed', {
        userId,
        role,
        previousRole: membership.role,
      });
    });
  }

  async remove(organisationId: string, actor: StaffPrincipal, userId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const team = new TeamRepository(tx);
      await team.lock(organisationId);
      const membership = await findMember(team, organisationId, userId);
      if (membership.role === 'admin') await refuseLastAdmin(team, organisationId, 'remove');
      await team.leave(organisationId, userId);
      await audit(tx, { organisationId, actor, at: this.clock.now() }, 'staff.removed', {
        userId,
        role: membership.role,
      });
    });
  }
}

/** A user of another organisation (or none) answers exactly like an unknown one. */
async function findMember(team: TeamRepository, organisationId: string, userId: string): Promise<StaffMembership> {
  const membership = await team.membership(organisationId, userId);
  if (!membership) throw new NotFoundException('There is no such member of this organisation.');
  return membership;
}

/** Only admins change memberships, so the last admin is always the one asking. */
async function refuseLastAdmin(team: TeamRepository, organisationId: string, verb: 'demote' | 'remove'): Promise<void> {
  if ((await team.adminCount(organisationId)) > 1) return;
  throw new ConflictException(
    `You are this organisation's last admin, so you cannot ${verb} yourself. Make another member admin first.`,
  );
}

/** A team change on the organisation's timeline, by the admin who made it. */
function audit(
  tx: EntityManager,
  by: { organisationId: string; actor: StaffPrincipal; at: Date },
  action: string,
  detail: Record<string, unknown>,
) {
  const { organisationId, actor, at } = by;
  return appendAudit(tx, {
    organisationId,
    requestId: null,
    actorId: actor.user.id,
    actorLabel: actor.user.name,
    action,
    detail,
    at,
  });
}
