import { HttpException } from '@nestjs/common';

import type { PageContext } from '../../infra/page.decorator.js';
import { staffPage } from '../../views/staff-layout.view.js';
import type { StaffOrganisation } from '../auth/organisation-access.js';
import { staffChrome } from '../auth/staff-route.decorator.js';
import type { StaffPrincipal } from '../auth/staff-session.service.js';
import type { StaffAdminService } from './staff-admin.service.js';
import { staffAdminBody, type StaffAdminView } from './staff-admin.view.js';

export type StaffAdminModel = Omit<StaffAdminView, 'csrfToken'>;
export type StaffAdminState = Pick<StaffAdminView, 'values' | 'errors' | 'refusal' | 'invited'>;

/** The organisation's members and open invitations, with the state of the forms. */
export async function staffAdminModel(
  admin: StaffAdminService,
  organisation: StaffOrganisation,
  staff: StaffPrincipal,
  state: StaffAdminState,
): Promise<StaffAdminModel> {
  return {
    slug: organisation.organisation.slug,
    members: await admin.members(organisation.organisation.id),
    invitations: await admin.pendingInvitations(organisation.organisation.id),
    timeZone: organisation.organisation.timeZone,
    currentUserId: staff.user.id,
    ...state,
  };
}

export function staffAdminPage(model: StaffAdminModel, context: PageContext): string {
  const chrome = staffChrome(context);
  return staffPage('Staff', staffAdminBody({ ...model, csrfToken: chrome.csrfToken }), chrome);
}

/** A change the staff page refuses: shown on the page again, with what was typed and why, and this status. */
export class StaffChangeRefused extends HttpException {
  constructor(
    status: number,
    readonly state: StaffAdminState,
  ) {
    super(state.refusal ?? 'The form has mistakes.', status);
  }
}
