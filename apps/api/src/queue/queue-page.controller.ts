import { Controller, Get, Inject, Logger, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Clock } from '#config';
import { Csrf } from '../infra/csrf.js';
import { StaffAlertsService } from '../staff/alerts/staff-alerts.service.js';
import { alertsBanner } from '../staff/alerts/staff-alerts.view.js';
import { ACT_ROLES, OrganisationAccess, READ_ROLES } from '../staff/auth/organisation-access.js';
import { Staff, StaffGuard } from '../staff/auth/staff.guard.js';
import type { StaffPrincipal } from '../staff/auth/staff-session.service.js';
import { staffPage } from '../views/staff-layout.view.js';
import { ListRequestsQuery } from './list-requests.query.js';
import { queueCsv } from './queue-csv.js';
import { QueueFilters } from './queue-filters.query.js';
import { queuePage } from './queue-page.view.js';
import { RequestQueueService } from './request-queue.service.js';
import { CLOCK } from '../infra/tokens.js';

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

/** The processing queue in the staff console, and its CSV export (auditors included). */
@Controller('staff/orgs/:org')
@UseGuards(StaffGuard)
export class QueuePageController {
  private readonly logger = new Logger('queue-export');

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: OrganisationAccess,
    private readonly queue: RequestQueueService,
    private readonly csrf: Csrf,
    private readonly alerts: StaffAlertsService,
  ) {}

  /** Open requests unless the status filter says otherwise. */
  @Get('requests')
  async page(
    @Staff() staff: StaffPrincipal,
    @Param('org') slug: string,
    @Query() query: ListRequestsQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const context = await this.access.require(staff, slug, READ_ROLES);
    const now = this.clock.now();
    const filters = { ...query, status: query.status ?? ('open' as const) };
    const [page, counts, members, alerts] = await Promise.all([
      this.queue.list(context, staff.user.id, filters, now),
      this.queue.counts(context),
      this.queue.members(context),
      this.alerts.open(context.organisation.id),
    ]);
    const csrfToken = this.csrf.tokenFor(req, res);
    const timeZone = context.organisation.timeZone;
    const body = queuePage({
      alerts: alertsBanner({ ...alerts, slug, timeZone, csrfToken, canResolve: ACT_ROLES.includes(context.role) }),
      slug,
      timeZone,
      filters,
      limit: query.limit,
      paged: query.cursor !== undefined,
      counts,
      members,
      ...page,
    });
    res.type('html').send(
      staffPage('Requests', body, {
        userName: staff.user.name,
        csrfToken,
        organisation: { slug, name: context.organisation.name, role: context.role },
      }),
    );
  }

  /** Every matching request (all statuses unless filtered), streamed in batches, at most EXPORT_ROW_CAP rows. */
  @Get('requests.csv')
  async export(@Staff() staff: StaffPrincipal, @Param('org') slug: string, @Query() filters: QueueFilters, @Res() res: Response): Promise<void> {
    const context = await this.access.require(staff, slug, READ_ROLES);
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
