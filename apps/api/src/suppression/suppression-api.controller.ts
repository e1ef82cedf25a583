import { BadRequestException, Controller, Get, Query, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import { Env } from '#config';
import type { OrganisationContext } from '#db';
import { listUnsubscribeHeaders, organisationsThing, signUnsubscribeToken } from '#mail';
import { SUPPRESSION_CHANNELS } from '#workflow';

import { ApiKeyGuard, KeyOrganisation } from './api-key.guard.js';
import { ChangeFeedSchema, SuppressionCheckSchema, UnsubscribeHeadersSchema } from './suppression-api.schema.js';
import {
  addressParam,
  type ChangeFeedItem,
  channelParam,
  MAX_PAGE,
  type SuppressionCheck,
  SuppressionListService,
} from './suppression-list.service.js';

/** The JSON API an organisation's other systems use before they mail, text or share: keyed, never a staff session. */
@Controller('api/v1/orgs/:org/suppressions')
@UseGuards(ApiKeyGuard)
@ApiTags('Suppression list')
@ApiBearerAuth('api-key')
@ApiParam({ name: 'org', description: "The organisation's slug (the key's own)" })
@ApiBadRequestResponse({ description: 'A parameter missing or malformed, named with the reason' })
@ApiUnauthorizedResponse({ description: "No API key, or not one of this organisation's live keys" })
@ApiNotFoundResponse({ description: "Another organisation's slug, or an unknown one" })
@ApiTooManyRequestsResponse({ description: 'Over SUPPRESSION_API_RATE_LIMIT calls per key per minute' })
export class SuppressionApiController {
  constructor(
    private readonly list: SuppressionListService,
    private readonly env: Env,
  ) {}

  /** Is this address suppressed on this channel? */
  @Get('check')
  @ApiOperation({ summary: 'Is this address suppressed on this channel?' })
  @ApiQuery({ name: 'channel', enum: SUPPRESSION_CHANNELS })
  @ApiQuery({ name: 'address', description: 'An email address, or a phone number for sms' })
  @ApiOkResponse({ type: SuppressionCheckSchema, description: "The address's standing" })
  check(
    @KeyOrganisation() org: OrganisationContext,
    @Query('channel') channel: unknown,
    @Query('address') address: unknown,
  ): Promise<SuppressionCheck> {
    const checked = channelParam(channel);
    return this.list.check(org.organisation.id, checked, addressParam(checked, address));
  }

  /** Every change after `cursor` (0 for all), oldest first; keep the returned cursor for the next call. */
  @Get('changes')
  @ApiOperation({
    summary: 'Changes to the list after a cursor, oldest first',
    description: 'Start with cursor 0, then pass the cursor of each answer to the next call.',
  })
  @ApiQuery({ name: 'cursor', required: false, description: 'The cursor of an earlier answer, or 0 (the default)' })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 100 },
  })
  @ApiOkResponse({ type: ChangeFeedSchema, description: 'One page of changes' })
  changes(
    @KeyOrganisation() org: OrganisationContext,
    @Query('cursor') cursor: unknown,
    @Query('limit') limit: unknown,
  ): Promise<{ items: ChangeFeedItem[]; cursor: string; hasMore: boolean }> {
    const from = cursor === undefined ? '0' : String(cursor);
    if (!/^\d{1,18}$/.test(from)) throw new BadRequestException('cursor must be the cursor of an earlier answer, or 0');
    const size = limit === undefined ? 100 : Number(limit);
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE)
      throw new BadRequestException(`limit must be a whole number from 1 to ${MAX_PAGE}`);
    return this.list.changesSince(org.organisation.id, from, size);
  }

  /** The List-Unsubscribe headers for the organisation's own marketing mail to an address. */
  @Get('unsubscribe-headers')
  @ApiOperation({
    summary: "List-Unsubscribe headers for the organisation's marketing mail to an address",
    description: "A 400 when the organisation's policy offers no opt-out of marketing email.",
  })
  @ApiQuery({ name: 'email', description: 'The recipient' })
  @ApiOkResponse({ type: UnsubscribeHeadersSchema, description: 'Headers carrying a signed one-click link' })
  unsubscribeHeaders(
    @KeyOrganisation() org: OrganisationContext,
    @Query('email') email: unknown,
  ): { email: string; headers: Record<string, string> } {
    if (!org.policy.rights.some((r) => r.type === 'opt_out_marketing_email')) {
      throw new BadRequestException(
        `Nothing to link to: ${organisationsThing(org.policy.name, 'policy')} offers no opt-out of marketing email`,
      );
    }
    const address = addressParam('email', email);
    const token = signUnsubscribeToken({ organisationId: org.organisation.id, email: address }, this.env.APP_SECRET);
    return { email: address, headers: listUnsubscribeHeaders(new URL(`/u/${token}`, this.env.PUBLIC_URL).toString()) };
  }
}
