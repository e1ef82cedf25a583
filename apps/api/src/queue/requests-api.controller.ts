import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { OrganisationAccess, READ_ROLES } from '../staff/auth/organisation-access.js';
import { Staff, StaffGuard } from '../staff/auth/staff.guard.js';
import type { StaffPrincipal } from '../staff/auth/staff-session.service.js';
import { ListRequestsQuery } from './list-requests.query.js';
import { RequestQueueService, type QueuedRequest } from './request-queue.service.js';

/** The queue as JSON, for the signed-in staff of the organisation (same session as the console). */
@Controller('api/orgs/:org/requests')
@UseGuards(StaffGuard)
export class RequestsApiController {
  constructor(
    private readonly access: OrganisationAccess,
    private readonly queue: RequestQueueService,
  ) {}

  /** The organisation's requests, soonest due first, with days left in its own time zone. */
  @Get()
  async list(
    @Staff() staff: StaffPrincipal,
    @Param('org') slug: string,
    @Query() query: ListRequestsQuery,
  ): Promise<{ organisation: string; items: QueuedRequest[]; nextCursor: string | null }> {
    const context = await this.access.require(staff, slug, READ_ROLES);
    return { organisation: slug, ...(await this.queue.list(context, query, new Date())) };
  }
}
