import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import type { Clock } from '#config';
import { OrganisationAccess, READ_ROLES } from '../staff/auth/organisation-access.js';
import { Staff, StaffGuard } from '../staff/auth/staff.guard.js';
import type { StaffPrincipal } from '../staff/auth/staff-session.service.js';
import { ListRequestsQuery } from './list-requests.query.js';
import { RequestQueueService, type QueueCounts, type QueuedRequest } from './request-queue.service.js';
import { CLOCK } from '../infra/tokens.js';

/** The queue as JSON, for the signed-in staff of the organisation (same session as the console). */
@Controller('api/orgs/:org/requests')
@UseGuards(StaffGuard)
export class RequestsApiController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: OrganisationAccess,
    private readonly queue: RequestQueueService,
  ) {}

  /**
   * The organisation's requests matching the filters (every status unless `status` says otherwise), soonest due
   * first, with days left in its own time zone, and the organisation's counts per status.
   */
  @Get()
  async list(
    @Staff() staff: StaffPrincipal,
    @Param('org') slug: string,
    @Query() query: ListRequestsQuery,
  ): Promise<{ organisation: string; counts: QueueCounts; items: QueuedRequest[]; nextCursor: string | null }> {
    const context = await this.access.require(staff, slug, READ_ROLES);
    const now = this.clock.now();
    const [page, counts] = await Promise.all([this.queue.list(context, staff.user.id, query, now), this.queue.counts(context)]);
    return { organisation: slug, counts, ...page };
  }
}
