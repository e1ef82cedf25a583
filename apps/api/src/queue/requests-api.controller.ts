import { Controller, Get, Inject, NotFoundException, Param, Query, UseGuards } from '@nestjs/common';
import { OrganisationDirectory } from '#db';
import { AdminTokenGuard } from './admin-token.guard.js';
import { ListRequestsQuery } from './list-requests.query.js';
import { RequestQueueService, type QueuedRequest } from './request-queue.service.js';

@Controller('api/orgs/:org/requests')
@UseGuards(AdminTokenGuard)
export class RequestsApiController {
  constructor(
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    private readonly queue: RequestQueueService,
  ) {}

  /** The organisation's requests, soonest due first, with days left in its own time zone. */
  @Get()
  async list(
    @Param('org') slug: string,
    @Query() query: ListRequestsQuery,
  ): Promise<{ organisation: string; items: QueuedRequest[]; nextCursor: string | null }> {
    const context = await this.directory.bySlug(slug);
    if (!context) throw new NotFoundException(`No organisation "${slug}"`);
    return { organisation: slug, ...(await this.queue.list(context, query, new Date())) };
  }
}
