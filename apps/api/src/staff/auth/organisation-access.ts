import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';

import { type OrganisationContext, OrganisationDirectory, type StaffRole } from '#db';

import type { StaffPrincipal } from './staff-session.service.js';

export const READ_ROLES: readonly StaffRole[] = ['admin', 'agent', 'auditor'];
export const ACT_ROLES: readonly StaffRole[] = ['admin', 'agent'];
export const ADMIN_ROLES: readonly StaffRole[] = ['admin'];

export interface StaffOrganisation extends OrganisationContext {
  role: StaffRole;
}

/**
 * The one place staff reach an organisation. Another organisation's address answers exactly like an
 * unknown one (404), so nothing about it leaks; a member whose role is too small gets 403.
 */
@Injectable()
export class OrganisationAccess {
  constructor(@Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory) {}

  async require(staff: StaffPrincipal, slug: string, roles: readonly StaffRole[]): Promise<StaffOrganisation> {
    const context = await this.directory.bySlug(slug);
    const role = context ? staff.roles.get(context.organisation.id) : undefined;
    if (!context || !role) throw new NotFoundException('There is no such organisation here.');
    if (!roles.includes(role)) throw new ForbiddenException(`Your role (${role}) cannot do this.`);
    return { ...context, role };
  }
}
