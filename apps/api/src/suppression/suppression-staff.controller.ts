import { BadRequestException, Body, Controller, Get, Inject, NotFoundException, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { Env, type Clock } from '#config';
import { SuppressionApiKey } from '#db';
import { CLOCK, DATA_SOURCE } from '../infra/tokens.js';
import { isUuid } from '../infra/uuid.js';
import { Csrf } from '../infra/csrf.js';
import { ADMIN_ROLES, OrganisationAccess, READ_ROLES, type StaffOrganisation } from '../staff/auth/organisation-access.js';
import { Staff, StaffGuard } from '../staff/auth/staff.guard.js';
import type { StaffPrincipal } from '../staff/auth/staff-session.service.js';
import { staffPage } from '../views/staff-layout.view.js';
import { newApiKey } from './api-key.guard.js';
import { channelParam, SuppressionListService } from './suppression-list.service.js';
import { apiKeysBody, suppressionListBody, type ApiKeysView } from './suppression-staff.view.js';

const PAGE = 100;

/** The suppression list in the staff console, and the admins' API keys for it. */
@Controller('staff/orgs/:org')
@UseGuards(StaffGuard)
export class SuppressionStaffController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly access: OrganisationAccess,
    private readonly list: SuppressionListService,
    private readonly csrf: Csrf,
    private readonly env: Env,
  ) {}

  @Get('suppressions')
  async suppressions(
    @Staff() staff: StaffPrincipal,
    @Param('org') slug: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const org = await this.access.require(staff, slug, READ_ROLES);
    const channel = query.channel === undefined || query.channel === '' ? undefined : channelParam(query.channel);
    const search = typeof query.q === 'string' ? query.q.trim().slice(0, 200) : '';
    const activeOnly = query.active === '1';
    const after = parseCursor(query.after);
    const { rows, next } = await this.list.list(org.organisation.id, { channel, search: search || undefined, active: activeOnly, after }, PAGE);
    const nextUrl = next
      ? `/staff/orgs/${slug}/suppressions?${new URLSearchParams({
          ...(channel ? { channel } : {}),
          ...(search ? { q: search } : {}),
          ...(activeOnly ? { active: '1' } : {}),
          after: `${next.at.toISOString()}_${next.id}`,
        }).toString()}`
      : null;
    const body = suppressionListBody({ slug, timeZone: org.organisation.timeZone, isAdmin: org.role === 'admin', channel, search, activeOnly, rows, nextUrl });
    this.send(req, res, org, staff, 'Suppression list', body, 200);
  }

  @Get('api-keys')
  async apiKeys(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const org = await this.access.require(staff, slug, ADMIN_ROLES);
    await this.renderKeys(req, res, staff, org, 200, {});
  }

  @Post('api-keys')
  async createKey(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.csrf.verify(req, body._csrf);
    const org = await this.access.require(staff, slug, ADMIN_ROLES);
    const label = typeof body.label === 'string' ? body.label.trim() : '';
    if (!label || label.length > 100) return this.renderKeys(req, res, staff, org, 400, { error: 'Name the key (up to 100 characters) after what will use it.' });
    const { key, keyHash, keyPrefix } = newApiKey();
    await this.dataSource.getRepository(SuppressionApiKey).insert({ organisationId: org.organisation.id, label, keyHash, keyPrefix, createdBy: staff.user.id });
    // Shown in this response only; a reload shows the list without it.
    res.set('Cache-Control', 'no-store');
    await this.renderKeys(req, res, staff, org, 201, { created: { label, key } });
  }

  @Post('api-keys/:keyId/revoke')
  async revokeKey(
    @Staff() staff: StaffPrincipal,
    @Param('org') slug: string,
    @Param('keyId') keyId: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    this.csrf.verify(req, body._csrf);
    const org = await this.access.require(staff, slug, ADMIN_ROLES);
    const keys = this.dataSource.getRepository(SuppressionApiKey);
    const key = isUuid(keyId) ? await keys.findOneBy({ id: keyId, organisationId: org.organisation.id }) : null;
    if (!key) throw new NotFoundException('There is no such key here.');
    if (!key.revokedAt) await keys.update({ id: key.id, organisationId: org.organisation.id }, { revokedAt: this.clock.now() });
    res.redirect(303, `/staff/orgs/${slug}/api-keys`);
  }

  private async renderKeys(req: Request, res: Response, staff: StaffPrincipal, org: StaffOrganisation, status: number, state: Pick<ApiKeysView, 'created' | 'error'>): Promise<void> {
    const keys = await this.dataSource.getRepository(SuppressionApiKey).find({ where: { organisationId: org.organisation.id }, order: { createdAt: 'DESC' } });
    const body = apiKeysBody({ slug: org.organisation.slug, timeZone: org.organisation.timeZone, csrfToken: this.csrf.tokenFor(req, res), keys, publicUrl: this.env.PUBLIC_URL, ...state });
    this.send(req, res, org, staff, 'Suppression API keys', body, status);
  }

  private send(req: Request, res: Response, org: StaffOrganisation, staff: StaffPrincipal, title: string, body: ReturnType<typeof apiKeysBody>, status: number): void {
    res
      .status(status)
      .type('html')
      .send(
        staffPage(title, body, {
          userName: staff.user.name,
          csrfToken: this.csrf.tokenFor(req, res),
          organisation: { slug: org.organisation.slug, name: org.organisation.name, role: org.role },
        }),
      );
  }
}

/** `<ISO instant>_<uuid>` from the previous page's last row; anything else is a 400. */
function parseCursor(value: unknown): { at: Date; id: string } | undefined {
  if (value === undefined || value === '') return undefined;
  const match = typeof value === 'string' ? /^(.+)_([0-9a-f-]{36})$/.exec(value) : null;
  const at = match ? new Date(match[1]) : null;
  if (!match || !at || Number.isNaN(at.getTime()) || !isUuid(match[2])) throw new BadRequestException('after must be the link of the previous page');
  return { at, id: match[2] };
}
