import { Controller, Get, Inject, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import type { Clock } from '#config';

import { CLOCK } from '../infra/tokens.js';
import { READ_ROLES, type StaffOrganisation } from '../staff/auth/organisation-access.js';
import { Staff } from '../staff/auth/staff.guard.js';
import { StaffOrg, StaffRoute } from '../staff/auth/staff-route.decorator.js';
import type { StaffPrincipal } from '../staff/auth/staff-session.service.js';
import { ListRequestsQuery } from './list-requests.query.js';
import { type QueueCounts, type QueuedRequest, RequestQueueService } from './request-queue.service.js';
import { RequestListSchema } from './requests-api.schema.js';

/** The queue as JSON, for the signed-in staff of the organisation (same session as the console). */
@Controller('api/orgs/:org/requests')
@ApiTags('Requests')
@ApiCookieAuth('staff-session')
@ApiParam({ name: 'org', description: "The organisation's slug" })
export class RequestsApiController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly queue: RequestQueueService,
  ) {}

  /**
   * The organisation's requests matching the filters (every status unless `status` says otherwise), soonest due
   * first, with days left in its own time zone, and the organisation's counts per status.
   */
  @Get()
  @StaffRoute(READ_ROLES)
  @ApiOperation({
    summary: "The organisation's requests, soonest due first",
    description:
      'Filters as on the queue page (every status unless status says otherwise), one keyset page at a time, with the ' +
      "days left in the organisation's time zone and its counts per status. For signed-in staff of the organisation.",
  })
  @ApiOkResponse({ type: RequestListSchema, description: 'One page of requests' })
  @ApiBadRequestResponse({ description: 'A filter, limit or cursor out of range, each named with the reason' })
  @ApiUnauthorizedResponse({ description: 'No live staff session' })
  @ApiForbiddenResponse({ description: 'Not a member of this organisation' })
  async list(
    @Staff() staff: StaffPrincipal,
    @StaffOrg() context: StaffOrganisation,
    @Query() query: ListRequestsQuery,
  ): Promise<{ organisation: string; counts: QueueCounts; items: QueuedRequest[]; nextCursor: string | null }> {
    const [page, counts] = await Promise.all([
      this.queue.list(context, staff.user.id, query, this.clock.now()),
      this.queue.counts(context),
    ]);
    return { organisation: context.organisation.slug, counts, ...page };
  }
}
