import {
  BadRequestException,
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Redirect,
} from '@nestjs/common';

import { type Clock, Env } from '#config';
import { staffPaths } from '#mail';

import { Page, type PageContext, RefusedPage, seeOther } from '../infra/page.decorator.js';
import { formProblem, PostedForm } from '../infra/posted-form.decorator.js';
import { CLOCK } from '../infra/tokens.js';
import { isUuid } from '../infra/uuid.js';
import { ADMIN_ROLES, READ_ROLES, type StaffOrganisation } from '../staff/auth/organisation-access.js';
import { Staff } from '../staff/auth/staff.guard.js';
import { staffChrome, StaffOrg, StaffRoute } from '../staff/auth/staff-route.decorator.js';
import type { StaffPrincipal } from '../staff/auth/staff-session.service.js';
import { staffPage } from '../views/staff-layout.view.js';
import { ApiKeyLabelForm } from './api-key-label.form.js';
import { ApiKeysService } from './api-keys.service.js';
import { channelParam, SuppressionListService } from './suppression-list.service.js';
import {
  apiKeysBody,
  type ApiKeysView,
  suppressionListBody,
  type SuppressionListView,
} from './suppression-staff.view.js';

const PAGE = 100;

type ApiKeysModel = Omit<ApiKeysView, 'csrfToken'>;

const suppressionsPage = (model: SuppressionListView, context: PageContext) =>
  staffPage('Suppression list', suppressionListBody(model), staffChrome(context));

function apiKeysPage(model: ApiKeysModel, context: PageContext): string {
  const chrome = staffChrome(context);
  return staffPage('Suppression API keys', apiKeysBody({ ...model, csrfToken: chrome.csrfToken }), chrome);
}

/** The suppression list in the staff console, and the admins' API keys for it. */
@Controller('staff/orgs/:org')
export class SuppressionStaffController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly list: SuppressionListService,
    private readonly keys: ApiKeysService,
    private readonly env: Env,
  ) {}

  @Get('suppressions')
  @StaffRoute(READ_ROLES)
  @Page(suppressionsPage)
  async suppressions(
    @StaffOrg() org: StaffOrganisation,
    @Query() query: Record<string, unknown>,
  ): Promise<SuppressionListView> {
    const slug = org.organisation.slug;
    const channel = query.channel === undefined || query.channel === '' ? undefined : channelParam(query.channel);
    const search = typeof query.q === 'string' ? query.q.trim().slice(0, 200) : '';
    const activeOnly = query.active === '1';
    const after = parseCursor(query.after);
    const { rows, next } = await this.list.list(
      org.organisation.id,
      { channel, search: search || undefined, active: activeOnly, after },
      PAGE,
    );
    const nextUrl = next
      ? staffPaths.suppressions(slug, {
          channel,
          q: search,
          active: activeOnly ? '1' : undefined,
          after: `${next.at.toISOString()}_${next.id}`,
        })
      : null;
    return {
      slug,
      timeZone: org.organisation.timeZone,
      isAdmin: org.role === 'admin',
      channel,
      search,
      activeOnly,
      rows,
      nextUrl,
    };
  }

  @Get('api-keys')
  @StaffRoute(ADMIN_ROLES)
  @Page(apiKeysPage)
  apiKeys(@StaffOrg() org: StaffOrganisation): Promise<ApiKeysModel> {
    return this.keysModel(org, {});
  }

  @Post('api-keys')
  @StaffRoute(ADMIN_ROLES)
  // The new key is in this response only; a reload shows the list without it.
  @Header('Cache-Control', 'no-store')
  @HttpCode(201)
  @Page(apiKeysPage)
  async createKey(
    @Staff() staff: StaffPrincipal,
    @StaffOrg() org: StaffOrganisation,
    @PostedForm(ApiKeyLabelForm) form: ApiKeyLabelForm,
  ): Promise<ApiKeysModel> {
    const error = formProblem(form);
    if (error) throw new RefusedPage(400, await this.keysModel(org, { error }));
    const key = await this.keys.create(org.organisation.id, form.label, staff.user.id);
    return this.keysModel(org, { created: { label: form.label, key } });
  }

  @Post('api-keys/:keyId/revoke')
  @StaffRoute(ADMIN_ROLES)
  @Redirect()
  async revokeKey(@StaffOrg() org: StaffOrganisation, @Param('keyId') keyId: string) {
    await this.keys.revoke(org.organisation.id, keyId, this.clock.now());
    return seeOther(staffPaths.apiKeys(org.organisation.slug));
  }

  private async keysModel(
    org: StaffOrganisation,
    state: Pick<ApiKeysView, 'created' | 'error'>,
  ): Promise<ApiKeysModel> {
    const keys = await this.keys.list(org.organisation.id);
    return {
      slug: org.organisation.slug,
      timeZone: org.organisation.timeZone,
      keys,
      publicUrl: this.env.PUBLIC_URL,
      ...state,
    };
  }
}

/** `<ISO instant>_<uuid>` from the previous page's last row; anything else is a 400. */
function parseCursor(value: unknown): { at: Date; id: string } | undefined {
  if (value === undefined || value === '') return undefined;
  const match = typeof value === 'string' ? /^(.+)_([0-9a-f-]{36})$/.exec(value) : null;
  const at = match ? new Date(match[1]) : null;
  if (!match || !at || Number.isNaN(at.getTime()) || !isUuid(match[2]))
    throw new BadRequestException('after must be the link of the previous page');
  return { at, id: match[2] };
}
