import { Controller, Get, Inject } from '@nestjs/common';
import { DateTime } from 'luxon';

import type { Clock } from '#config';
import { type SafeHtml, staffPaths } from '#mail';
import { reportPeriod } from '#workflow';

import { Page, type PageContext } from '../../infra/page.decorator.js';
import { CLOCK } from '../../infra/tokens.js';
import { staffPage } from '../../views/staff-layout.view.js';
import { READ_ROLES, type StaffOrganisation } from '../auth/organisation-access.js';
import { staffChrome, StaffOrg, StaffRoute } from '../auth/staff-route.decorator.js';
import { DeadlineDashboardService, type DeadlineFigures } from './deadline-dashboard.service.js';
import { deadlineDashboard } from './deadline-dashboard.view.js';

/** The home page shows the last twelve weeks, this one included. */
const HOME_WEEKS = 12;

interface HomeView {
  slug: string;
  name: string;
  figures: DeadlineFigures;
}

function homeBody(v: HomeView): SafeHtml {
  return (
    <>
      <h1>{v.name}</h1>
      <p>
        The last {HOME_WEEKS} weeks. <a href={staffPaths.requests(v.slug)}>Open the queue</a> or{' '}
        <a href={staffPaths.reports(v.slug)}>see any period in the reports</a>.
      </p>
      {deadlineDashboard(v.figures, v.slug)}
    </>
  );
}

const homePage = (v: HomeView, context: PageContext) => staffPage(v.name, homeBody(v), staffChrome(context));

/** The organisation's home page: whether the team keeps its deadlines, for every member, auditors included. */
@Controller('staff/orgs/:org')
export class OrganisationHomeController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dashboard: DeadlineDashboardService,
  ) {}

  @Get()
  @StaffRoute(READ_ROLES)
  @Page(homePage)
  async home(@StaffOrg() organisation: StaffOrganisation): Promise<HomeView> {
    const now = this.clock.now();
    const { timeZone, slug, name } = organisation.organisation;
    const today = DateTime.fromJSDate(now, { zone: timeZone });
    const from = today
      .startOf('week')
      .minus({ weeks: HOME_WEEKS - 1 })
      .toISODate()!;
    const period = reportPeriod({ from, to: today.toISODate()! }, now, timeZone);
    if (!period.ok) throw new Error(`the home page's own period is refused: ${period.message}`);
    return { slug, name, figures: await this.dashboard.figures(organisation, period.period, now) };
  }
}
