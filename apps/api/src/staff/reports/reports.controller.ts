import { BadRequestException, Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';

import type { Clock } from '#config';
import { type ReportPeriod, reportPeriod, reportPeriodChoices } from '#workflow';

import { Page, type PageContext } from '../../infra/page.decorator.js';
import { CLOCK } from '../../infra/tokens.js';
import { staffPage } from '../../views/staff-layout.view.js';
import { READ_ROLES, type StaffOrganisation } from '../auth/organisation-access.js';
import { staffChrome, StaffOrg, StaffRoute } from '../auth/staff-route.decorator.js';
import { DeadlineDashboardService } from '../dashboard/deadline-dashboard.service.js';
import { ReportQuery } from './report.query.js';
import { reportCsv } from './request-report.csv.js';
import { RequestReportService } from './request-report.service.js';
import { type ReportView, requestReportBody } from './request-report.view.js';

const reportsPage = (model: ReportView, context: PageContext) =>
  staffPage('Reports', requestReportBody(model), staffChrome(context));

/** Every member may read and export the reports, auditors included. */
@Controller('staff/orgs/:org')
export class ReportsController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reports: RequestReportService,
    private readonly dashboard: DeadlineDashboardService,
  ) {}

  @Get('reports')
  @StaffRoute(READ_ROLES)
  @Page(reportsPage)
  async page(@StaffOrg() organisation: StaffOrganisation, @Query() query: ReportQuery): Promise<ReportView> {
    const now = this.clock.now();
    const period = periodOf(organisation, query, now);
    const [report, figures] = await Promise.all([
      this.reports.report(organisation, period),
      this.dashboard.figures(organisation, period, now),
    ]);
    return {
      slug: organisation.organisation.slug,
      timeZone: organisation.organisation.timeZone,
      report,
      figures,
      choices: reportPeriodChoices(now, organisation.organisation.timeZone),
    };
  }

  @Get('reports.csv')
  @StaffRoute(READ_ROLES)
  async csv(
    @StaffOrg() organisation: StaffOrganisation,
    @Query() query: ReportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const period = periodOf(organisation, query, this.clock.now());
    const csv = reportCsv(await this.reports.report(organisation, period), organisation.organisation.timeZone);
    res
      .type('text/csv; charset=utf-8')
      .attachment(`${organisation.organisation.slug}-requests-${period.from}-to-${period.to}.csv`)
      .send(csv);
  }
}

function periodOf(organisation: StaffOrganisation, query: ReportQuery, now: Date): ReportPeriod {
  const result = reportPeriod(query, now, organisation.organisation.timeZone);
  if (!result.ok) throw new BadRequestException(result.message);
  return result.period;
}
