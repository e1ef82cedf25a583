import type { EntityManager } from 'typeorm';

import { lockKeys, lockUntilCommit } from '../advisory-locks.js';
import { StaffMembership, type StaffRole } from '../entities/staff-membership.entity.js';

/** One member of an organisation's team, as pages list them and staff mails address them. */
export interface TeamMember {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
}

/** Who works requests: agents and admins (auditors only read). */
export const WORKING_ROLES: readonly StaffRole[] = ['agent', 'admin'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An organisation's team. Every method takes the organisation first: there is no way to ask about a member without
 * saying of which organisation, so a user of another one answers exactly like an unknown one.
 */
export class TeamRepository {
  constructor(private readonly db: EntityManager) {}

  /** The members, optionally only those in `roles` or among `userIds`, by name (or by address for mailing lists). */
  async members(
    organisationId: string,
    filter: { roles?: readonly StaffRole[]; userIds?: readonly string[]; orderBy?: 'name' | 'email' } = {},
  ): Promise<TeamMember[]> {
    const query = this.db
      .createQueryBuilder(StaffMembership, 'm')
      .innerJoin('m.user', 'u')
      .select(['u.id AS id', 'u.name AS name', 'u.email AS email', 'm.role AS role'])
      .where('m.organisation_id = :organisationId', { organisationId });
    if (filter.roles) query.andWhere('m.role IN (:...roles)', { roles: filter.roles });
    if (filter.userIds)
      query.andWhere('m.user_id = ANY(:userIds::uuid[])', { userIds: filter.userIds.filter((id) => UUID.test(id)) });
    if (filter.orderBy === 'email') query.orderBy('u.email', 'ASC');
    else query.orderBy('u.name', 'ASC').addOrderBy('u.email', 'ASC');
    return query.getRawMany<TeamMember>();
  }

  /** The user's membership here, or null (also for anything that is not a user id). */
  membership(organisationId: string, userId: string): Promise<StaffMembership | null> {
    return UUID.test(userId) ? this.db.findOneBy(StaffMembership, { organisationId, userId }) : Promise.resolve(null);
  }

  /** Whether the user may be given requests here. */
  async works(organisationId: string, userId: string): Promise<boolean> {
    const membership = await this.membership(organisationId, userId);
    return membership !== null && WORKING_ROLES.includes(membership.role);
  }

  adminCount(organisationId: string): Promise<number> {
    return this.db.countBy(StaffMembership, { organisationId, role: 'admin' });
  }

  /** Holds team changes of the organisation until the transaction ends: the last admin stays. */
  lock(organisationId: string): Promise<void> {
    return lockUntilCommit(this.db, lockKeys.team(organisationId));
  }

  async join(organisationId: string, userId: string, role: StaffRole): Promise<void> {
    await this.db.insert(StaffMembership, { organisationId, userId, role });
  }

  async setRole(organisationId: string, userId: string, role: StaffRole): Promise<void> {
    await this.db.update(StaffMembership, { organisationId, userId }, { role });
  }

  async leave(organisationId: string, userId: string): Promise<void> {
    await this.db.delete(StaffMembership, { organisationId, userId });
  }
}
