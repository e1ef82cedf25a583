import { BadRequestException, Controller, Get, Inject, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Clock } from '#config';
import { reportPeriod, reportPeriodChoices, type ReportPeriod } from '#workflow';
import { Csrf } from '../../infra/csrf.js';
import { staffPage } from '../../views/staff-layout.view.js';
import { OrganisationAccess, READ_ROLES, type StaffOrganisation } from '../auth/organisation-access.js';
import { Staff, StaffGuard } from '../auth/staff.guard.js';
import type { StaffPrincipal } from '../auth/staff-session.service.js';
import { reportCsv } from './request-report.csv.js';
import { RequestReportService } from './request-report.service.js';
import { requestReportBody } from './request-report.view.js';
import { ReportQuery } from './report.query.js';
import { CLOCK } from '../../infra/tokens.js';

/** Every member may read and export the reports, auditors included. */
@Controller('staff/orgs/:org')
@UseGuards(StaffGuard)
export class ReportsController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: OrganisationAccess,
    private readonly reports: RequestReportService,
    private readonly csrf: Csrf,
  ) {}

  @Get('reports')
  async page(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Query() query: ReportQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    const now = this.clock.now();
    const { organisation, period } = await this.resolve(staff, slug, query, now);
    const body = requestReportBody({
      slug: organisation.organisation.slug,
      timeZone: organisation.organisation.timeZone,
      report: await this.reports.report(organisation, period),
      choices: reportPeriodChoices(now, organisation.organisation.timeZone),
    });
    res.type('html').send(
      staffPage('Reports', body, {
        userName: staff.user.name,
        csrfToken: this.csrf.tokenFor(req, res),
        organisation: { slug: organisation.organisation.slug, name: organisation.organisation.name, role: organisation.role },
      }),
    );
  }

  @Get('reports.csv')
  async csv(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Query() query: ReportQuery, @Res() res: Response): Promise<void> {
    const { organisation, period } = await this.resolve(staff, slug, query, this.clock.now());
    const csv = reportCsv(await this.reports.report(organisation, period), organisation.organisation.timeZone);
    res
      .type('text/csv; charset=utf-8')
      .attachment(`${organisation.organisation.slug}-requests-${period.from}-to-${period.to}.csv`)
      .send(csv);
  }

  private async resolve(
    staff: StaffPrincipal,
    slug: string,
    query: ReportQuery,
    now: Date,
  ): Promise<{ organisation: StaffOrganisation; period: ReportPeriod }> {
    const organisation = await this.access.require(staff, slug, READ_ROLES);
    const result = reportPeriod(query, now, organisation.organisation.timeZone);
    if (!result.ok) throw new BadRequestException(result.message);
    return { organisation, period: result.period };
  }
}
