import { ApiProperty } from '@nestjs/swagger';

import { SUPPRESSION_CHANNELS, SUPPRESSION_SOURCES, type SuppressionChannel } from '#workflow';

import type { ChangeFeedItem, SuppressionCheck } from './suppression-list.service.js';

/** The OpenAPI description of the suppression API's answers; the service's interfaces are what it returns. */
export class SuppressionCheckSchema implements SuppressionCheck {
  @ApiProperty({ enum: SUPPRESSION_CHANNELS }) channel!: SuppressionChannel;
  @ApiProperty({
    description: 'The address as it is compared: an email address in lower case, a phone number in E.164',
  })
  address!: string;
  @ApiProperty({ description: 'Whether the organisation must not use this address on this channel' })
  suppressed!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Suppressed since' })
  since!: string | null;
  @ApiProperty({ enum: SUPPRESSION_SOURCES, nullable: true, description: 'Where the opt-out came from' })
  source!: string | null;
}

class ChangeFeedItemSchema implements ChangeFeedItem {
  @ApiProperty({ description: 'Position in the feed' }) seq!: string;
  @ApiProperty({ enum: ['suppressed', 'resubscribed'] }) kind!: string;
  @ApiProperty({ enum: SUPPRESSION_CHANNELS }) channel!: SuppressionChannel;
  @ApiProperty() address!: string;
  @ApiProperty({ enum: SUPPRESSION_SOURCES }) source!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ChangeFeedSchema {
  @ApiProperty({ type: [ChangeFeedItemSchema], description: 'Oldest first' }) items!: ChangeFeedItemSchema[];
  @ApiProperty({ description: 'Pass as cursor on the next call' }) cursor!: string;
  @ApiProperty({ description: 'Whether more changes wait after this page' }) hasMore!: boolean;
}

export class UnsubscribeHeadersSchema {
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: {
      'List-Unsubscribe': '<https://rightsdesk.example/u/…>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    description: 'RFC 8058 one-click unsubscribe headers to add to the mail',
  })
  headers!: Record<string, string>;
}
