import { ApiProperty } from '@nestjs/swagger';

import { REQUEST_CHANNELS } from '#db';
import { REGIMES, REQUEST_TYPES } from '#policy';
import { REQUEST_STATUSES, type RequestStatus } from '#workflow';

import type { QueueCounts, QueuedRequest } from './request-queue.service.js';

/** The OpenAPI description of GET /api/orgs/:org/requests' answer; the service's interfaces are what it returns. */
class QueuedRequestAssignee {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'email' }) email!: string;
}

const dateTime = (description: string) => ({ type: String, format: 'date-time', description });

class QueuedRequestSchema implements QueuedRequest {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'RD-7K2M-Q9XP', description: 'The reference the requester was given' }) reference!: string;
  @ApiProperty({ enum: REQUEST_TYPES }) type!: string;
  @ApiProperty({ enum: REGIMES }) regime!: string;
  @ApiProperty({ enum: REQUEST_CHANNELS }) channel!: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: RequestStatus;
  @ApiProperty({ type: QueuedRequestAssignee, nullable: true }) assignee!: QueuedRequestAssignee | null;
  @ApiProperty(dateTime('When the request arrived')) receivedAt!: string;
  @ApiProperty(dateTime('When the legal clock started')) clockStartedAt!: string;
  @ApiProperty({ ...dateTime('When the requester confirmed'), nullable: true }) verifiedAt!: string | null;
  @ApiProperty({ ...dateTime('When receipt must be acknowledged by'), nullable: true }) acknowledgeBy!: string | null;
  @ApiProperty(dateTime('The legal due date')) dueAt!: string;
  @ApiProperty({ ...dateTime('The due date after an extension'), nullable: true }) extendedDueAt!: string | null;
  @ApiProperty({ ...dateTime('When the request was closed'), nullable: true }) closedAt!: string | null;
  @ApiProperty({ description: "Local days left in the organisation's time zone; negative once overdue" })
  daysLeft!: number;
  @ApiProperty({ enum: ['overdue', 'due_soon'], nullable: true }) urgency!: 'overdue' | 'due_soon' | null;
  @ApiProperty({ description: 'The policy version the request was received under' }) policyVersion!: string;
}

class QueueCountsSchema implements QueueCounts {
  @ApiProperty({
    description: 'Requests of the organisation per status',
    type: 'object',
    additionalProperties: { type: 'integer' },
  })
  byStatus!: Record<RequestStatus, number>;
  @ApiProperty({ description: 'Requests in an open status' }) open!: number;
  @ApiProperty({ description: 'Every request of the organisation' }) total!: number;
}

export class RequestListSchema {
  @ApiProperty({ description: "The organisation's slug" }) organisation!: string;
  @ApiProperty({ type: QueueCountsSchema }) counts!: QueueCountsSchema;
  @ApiProperty({ type: [QueuedRequestSchema] }) items!: QueuedRequestSchema[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null at the end' })
  nextCursor!: string | null;
}
