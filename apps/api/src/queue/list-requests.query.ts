import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { REQUEST_STATUSES, type RequestStatus } from '#workflow';

/** Query of GET /api/orgs/:org/requests. */
export class ListRequestsQuery {
  @IsOptional()
  @IsIn(REQUEST_STATUSES, { message: `status must be one of ${REQUEST_STATUSES.join(', ')}` })
  status?: RequestStatus;

  @IsOptional()
  @IsIn(['due_at'], { message: 'sort must be due_at (the only order a deadline queue needs)' })
  sort?: 'due_at';

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(200, { message: 'limit must be at most 200' })
  limit?: number;

  /** Opaque keyset cursor from the previous page's nextCursor. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be a nextCursor value from a previous page' })
  cursor?: string;
}
