import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

import { QueueFilters } from './queue-filters.query.js';

/** Query of the queue page and GET /api/orgs/:org/requests: the filters and one page of the keyset. */
export class ListRequestsQuery extends QueueFilters {
  @ApiPropertyOptional({ enum: ['due_at'] })
  @IsOptional()
  @IsIn(['due_at'], { message: 'sort must be due_at (the only order a deadline queue needs)' })
  sort?: 'due_at';

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(200, { message: 'limit must be at most 200' })
  limit?: number;

  /** Opaque keyset cursor from the previous page's nextCursor. */
  @ApiPropertyOptional({ description: "The previous page's nextCursor" })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be a nextCursor value from a previous page' })
  cursor?: string;
}
