import { Controller, Get, Inject, Logger, Query, Res } from '@nestjs/common';
import type { Response } from 'express';

import type { Clock } from '#config';

import { Page, type PageContext } from '../infra/page.decorator.js';
import { CLOCK } from '../infra/tokens.js';
import { type OpenAlerts, StaffAlertsService } from '../staff/alerts/staff-alerts.service.js';
import { alertsBanner } from '../staff/alerts/staff-alerts.view.js';
import { ACT_ROLES, READ_ROLES, type StaffOrganisation } from '../staff/auth/organisation-access.js';
import { Staff } from '../staff/auth/staff.guard.js';
import { staffChrome, StaffOrg, StaffRoute } from '../staff/auth/staff-route.decorator.js';
import type { StaffPrincipal } from '../staff/auth/staff-session.service.js';
import { staffPage } from '../views/staff-layout.view.js';
import { ListRequestsQuery } from './list-requests.query.js';
import { queueCsv } from './queue-csv.js';
import { QueueFilters } from './queue-filters.query.js';
import { queuePage, type QueuePageView } from './queue-page.view.js';
import { RequestQueueService } from './request-queue.service.js';

/** Resolves once the response can take more, or is gone (the reader went away). */
const writable = (res: Response) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });

/** The queue page's model: its view's, with the open alerts still to be rendered with the page's form token. */
interface QueueModel extends Omit<QueuePageView, 'alerts'> {
  openAlerts: OpenAlerts;
  canResolve: boolean;
}

function queuePageOf({ openAlerts, canResolve, ...model }: QueueModel, context: PageContext): string {
  const chrome = staffChrome(context);
  const alerts = alertsBanner({
    ...openAlerts,
    slug: model.slug,
    timeZone: model.timeZone,
    csrfToken: chrome.csrfToken,
    canResolve,
  });
  return staffPage('Requests', queuePage({ alerts, ...model }), chrome);
}

/** The processing queue in the staff console, and its CSV export (auditors included). */
@Controller('staff/orgs/:org')
export class QueuePageController {
  private readonly logger = new Logger('queue-export');

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly queue: RequestQueueService,
    private readonly alerts: StaffAlertsService,
  ) {}

  /** Open requests unless the status filter says otherwise. */
  @Get('requests')
  @StaffRoute(READ_ROLES)
  @Page(queuePageOf)
  async page(
    @Staff() staff: StaffPrincipal,
    @StaffOrg() context: StaffOrganisation,
    @Query() query: ListRequestsQuery,
  ): Promise<QueueModel> {
    const filters = { ...query, status: query.status ?? ('open' as const) };
    const [page, counts, members, openAlerts] = await Promise.all([
      this.queue.list(context, staff.user.id, filters, this.clock.now()),
      this.queue.counts(context),
      this.queue.members(context),
      this.alerts.open(context.organisation.id),
    ]);
    return {
      openAlerts,
      canResolve: ACT_ROLES.includes(context.role),
      slug: context.organisation.slug,
      timeZone: context.organisation.timeZone,
      filters,
      limit: query.limit,
      paged: query.cursor !== undefined,
      counts,
      members,
      ...page,
    };
  }

  /** Every matching request (all statuses unless filtered), streamed in batches, at most EXPORT_ROW_CAP rows. */
  @Get('requests.csv')
  @StaffRoute(READ_ROLES)
  async export(
    @Staff() staff: StaffPrincipal,
    @StaffOrg() context: StaffOrganisation,
    @Query() filters: QueueFilters,
    @Res() res: Response,
  ): Promise<void> {
    const slug = context.organisation.slug;
    const batches = await this.queue.allMatching(context, staff.user.id, filters, this.clock.now());
    res.status(200).type('text/csv');
    res.set({ 'Content-Disposition': `attachment; filename="${slug}-requests.csv"`, 'Cache-Control': 'no-store' });
    try {
      for await (const chunk of queueCsv(batches, context.organisation.timeZone)) {
        if (res.destroyed) return;
        if (!res.write(chunk)) await writable(res);
      }
      res.end();
    } catch (error) {
      // The header is sent: cut the download short so it cannot pass for a complete file.
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      res.destroy();
    }
  }
}
