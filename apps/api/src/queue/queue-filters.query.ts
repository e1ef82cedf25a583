import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

import { REQUEST_CHANNELS, type RequestChannel } from '#db';
import { type Regime, REGIMES, REQUEST_TYPES, type RequestType } from '#policy';
import { REQUEST_STATUSES, type RequestStatus } from '#workflow';

/** 'open': every open status; 'all': no status filter. */
export type StatusFilter = RequestStatus | 'open' | 'all';
export const STATUS_FILTERS: readonly StatusFilter[] = ['open', 'all', ...REQUEST_STATUSES];

// A GET form sends its empty fields as empty strings: they mean "no filter".
const blankIsAbsent = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

// Only digit strings become numbers, so "abc" or "1.5" reach the validator as they were typed.
const wholeNumber = ({ value }: { value: unknown }) => {
  const present = blankIsAbsent({ value });
  return typeof present === 'string' && /^-?\d+$/.test(present) ? Number(present) : present;
};

export const ASSIGNEE_MESSAGE = 'assignee must be me, none, or the id of a staff member of this organisation';

/** The queue's filters, shared by the page, the CSV export and the JSON API. */
export class QueueFilters {
  @ApiPropertyOptional({ enum: STATUS_FILTERS, description: 'open: every open status (the default); all: any status' })
  @Transform(blankIsAbsent)
  @IsOptional()
  @IsIn(STATUS_FILTERS, {
    message: `status must be one of open (every open status), all, ${REQUEST_STATUSES.join(', ')}`,
  })
  status?: StatusFilter;

  @ApiPropertyOptional({ enum: REQUEST_TYPES })
  @Transform(blankIsAbsent)
  @IsOptional()
  @IsIn(REQUEST_TYPES, { message: `type must be one of ${REQUEST_TYPES.join(', ')}` })
  type?: RequestType;

  @ApiPropertyOptional({ enum: REGIMES })
  @Transform(blankIsAbsent)
  @IsOptional()
  @IsIn(REGIMES, { message: `regime must be one of ${REGIMES.join(', ')}` })
  regime?: Regime;

  @ApiPropertyOptional({ enum: REQUEST_CHANNELS })
  @Transform(blankIsAbsent)
  @IsOptional()
  @IsIn(REQUEST_CHANNELS, { message: `channel must be one of ${REQUEST_CHANNELS.join(', ')}` })
  channel?: RequestChannel;

  /** 'me', 'none' (unassigned) or a staff user id; membership of the organisation is checked by the queue. */
  @ApiPropertyOptional({ description: 'me, none (unassigned) or the id of a staff member' })
  @Transform(blankIsAbsent)
  @IsOptional()
  @Matches(/^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/, { message: ASSIGNEE_MESSAGE })
  assignee?: string;

  /** Due by the end of the local day N days from today, overdue ones included (days left ≤ N). */
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 3660,
    description: 'Due within this many local days, overdue included',
  })
  @Transform(wholeNumber)
  @IsOptional()
  @IsInt({ message: 'dueWithinDays must be a whole number of days (0 or more)' })
  @Min(0, { message: 'dueWithinDays must be a whole number of days (0 or more)' })
  @Max(3660, { message: 'dueWithinDays must be at most 3660 days' })
  dueWithinDays?: number;

  /** true: open and past the due date; false: everything else. */
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: open and past the due date' })
  @Transform(blankIsAbsent)
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'overdue must be true or false' })
  overdue?: 'true' | 'false';

  /** A reference (RD-XXXX-XXXX, exact) or part of the requester's email address. */
  @ApiPropertyOptional({
    maxLength: 254,
    description: "A reference (RD-XXXX-XXXX, exact) or part of the requester's email address",
  })
  @Transform(blankIsAbsent)
  @IsOptional()
  @IsString({ message: 'q must be text' })
  @MaxLength(254, { message: 'q can be at most 254 characters' })
  q?: string;
}
