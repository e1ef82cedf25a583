import {
  applyDecorators,
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  type Type,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

import type { StaffRole } from '#db';

import { CsrfGuard } from '../../infra/csrf.guard.js';
import { NulFreeInputGuard } from '../../infra/nul-free-input.guard.js';
import type { PageContext } from '../../infra/page.decorator.js';
import type { StaffChrome } from '../../views/staff-layout.view.js';
import { OrganisationAccess, type StaffOrganisation } from './organisation-access.js';
import { StaffGuard } from './staff.guard.js';
import type { StaffPrincipal } from './staff-session.service.js';

const STAFF_ROLES = 'rightsdesk:staff-roles';

type StaffRequest = Request & { staff?: StaffPrincipal; staffOrganisation?: StaffOrganisation };

/** The organisation of the route's `:org`, for a member in one of the route's roles: 404 for any other, 403 for a smaller role. */
@Injectable()
export class StaffRoleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: OrganisationAccess,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const roles = this.reflector.get<readonly StaffRole[] | undefined>(STAFF_ROLES, context.getHandler());
    if (!roles) return true;
    const req = context.switchToHttp().getRequest<StaffRequest>();
    if (!req.staff) throw new Error('StaffRoleGuard runs after StaffGuard');
    req.staffOrganisation = await this.access.require(req.staff, String(req.params.org), roles);
    return true;
  }
}

export interface StaffRouteOptions {
  /** Reads a multipart post (the guard parses it) before its form token is checked: the token is one of its fields. */
  multipart?: Type<CanActivate>;
}

/**
 * A staff console route: a live session, the form token of a post, then the member's role in the route's
 * organisation (none given: any signed-in member, no organisation). In that order, so a post from another site is
 * refused before anything about the organisation is looked up.
 */
export function StaffRoute(roles?: readonly StaffRole[], options: StaffRouteOptions = {}) {
  // The global NUL guard ran before a multipart body was read: the same check, on the fields the parser read.
  const post = options.multipart ? [options.multipart, CsrfGuard, NulFreeInputGuard] : [CsrfGuard];
  return applyDecorators(SetMetadata(STAFF_ROLES, roles), UseGuards(StaffGuard, ...post, StaffRoleGuard));
}

/** The organisation `@StaffRoute(roles)` resolved for this request. */
export const StaffOrg = createParamDecorator((_: unknown, context: ExecutionContext): StaffOrganisation => {
  const organisation = context.switchToHttp().getRequest<StaffRequest>().staffOrganisation;
  if (!organisation) throw new Error('@StaffOrg() used on a route without the roles of @StaffRoute');
  return organisation;
});

/** A signed-in member as the audit trail names them. */
export interface StaffMemberActor {
  id: string;
  label: string;
}

/** The signed-in member as the audit trail names them. */
export const StaffActor = createParamDecorator((_: unknown, context: ExecutionContext): StaffMemberActor => {
  const staff = context.switchToHttp().getRequest<StaffRequest>().staff;
  if (!staff) throw new Error('@StaffActor() used on a route without StaffGuard');
  return { id: staff.user.id, label: staff.user.name };
});

/** The signed-in member of a page rendered for a staff route. */
export function staffOf(context: PageContext): StaffPrincipal {
  const staff = (context.request as StaffRequest).staff;
  if (!staff) throw new Error('a staff page rendered on a route without StaffGuard');
  return staff;
}

/** What every staff page shows around its body: who is signed in, the form token, the organisation's navigation. */
export function staffChrome(context: PageContext): StaffChrome {
  const organisation = (context.request as StaffRequest).staffOrganisation;
  return {
    userName: staffOf(context).user.name,
    csrfToken: context.csrfToken(),
    ...(organisation
      ? {
          organisation: {
            slug: organisation.organisation.slug,
            name: organisation.organisation.name,
            role: organisation.role,
          },
        }
      : {}),
  };
}
