import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { type DataSource, IsNull } from 'typeorm';

import { DataSubjectRequest, Suppression, SuppressionChange } from '#db';
import { normaliseEmail, normalisePhone, SUPPRESSION_CHANNELS, type SuppressionChannel } from '#workflow';

import { DATA_SOURCE } from '../infra/tokens.js';

export const MAX_PAGE = 500;

export interface SuppressionCheck {
  channel: SuppressionChannel;
  address: string;
  suppressed: boolean;
  since: string | null;
  source: string | null;
}

export interface ChangeFeedItem {
  seq: string;
  kind: string;
  channel: SuppressionChannel;
  address: string;
  source: string;
  at: string;
}

export interface StaffSuppressionRow {
  id: string;
  channel: SuppressionChannel;
  address: string;
  source: string;
  suppressedAt: Date;
  endedAt: Date | null;
  requestId: string | null;
  reference: string | null;
}

/** A channel name from a query string, or a 400 naming the allowed ones. */
export function channelParam(value: unknown): SuppressionChannel {
  if (typeof value === 'string' && (SUPPRESSION_CHANNELS as readonly string[]).includes(value))
    return value as SuppressionChannel;
  throw new BadRequestException(`channel must be one of ${SUPPRESSION_CHANNELS.join(', ')}`);
}

/** An address in the form its channel stores it: a lower-cased email, or an E.164 number for sms. */
export function addressParam(channel: SuppressionChannel, value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  const address = channel === 'sms' ? normalisePhone(text) : normaliseEmail(text);
  if (!address)
    throw new BadRequestException(
      channel === 'sms' ? 'address must be a phone number, e.g. +15550100123' : 'address must be an email address',
    );
  return address;
}

/** Reading an organisation's suppression list; every query is scoped by organisation. */
@Injectable()
export class SuppressionListService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async check(organisationId: string, channel: SuppressionChannel, address: string): Promise<SuppressionCheck> {
    const active = await this.dataSource
      .getRepository(Suppression)
      .findOneBy({ organisationId, channel, address, endedAt: IsNull() });
    return {
      channel,
      address,
      suppressed: active !== null,
      since: active?.suppressedAt.toISOString() ?? null,
      source: active?.source ?? null,
    };
  }

  /** Changes after `cursor` (a seq), oldest first; the cursor to ask with next is the last seq returned. */
  async changesSince(
    organisationId: string,
    cursor: string,
    limit: number,
  ): Promise<{ items: ChangeFeedItem[]; cursor: string; hasMore: boolean }> {
    const rows = await this.dataSource
      .getRepository(SuppressionChange)
      .createQueryBuilder('c')
      .where('c.organisation_id = :organisationId AND c.seq > :cursor', { organisationId, cursor })
      .orderBy('c.seq', 'ASC')
      .limit(limit + 1)
      .getMany();
    const items = rows.slice(0, limit).map((c) => ({
      seq: c.seq,
      kind: c.kind,
      channel: c.channel,
      address: c.address,
      source: c.source,
      at: c.at.toISOString(),
    }));
    return { items, cursor: items.at(-1)?.seq ?? cursor, hasMore: rows.length > limit };
  }

  /** The staff list: newest first, by channel and an address substring, keyset-paginated on (suppressed_at, id). */
  async list(
    organisationId: string,
    filter: { channel?: SuppressionChannel; search?: string; active?: boolean; after?: { at: Date; id: string } },
    limit: number,
  ): Promise<{ rows: StaffSuppressionRow[]; next: { at: Date; id: string } | null }> {
    const query = this.dataSource
      .getRepository(Suppression)
      .createQueryBuilder('s')
      .leftJoin(DataSubjectRequest, 'r', 'r.id = s.request_id AND r.organisation_id = s.organisation_id')
      .select([
        's.id AS id',
        's.channel AS channel',
        's.address AS address',
        's.source AS source',
        's.suppressed_at AS "suppressedAt"',
        's.ended_at AS "endedAt"',
      ])
      .addSelect(['s.request_id AS "requestId"', 'r.reference AS reference'])
      .where('s.organisation_id = :organisationId', { organisationId });
    if (filter.channel) query.andWhere('s.channel = :channel', { channel: filter.channel });
    if (filter.active) query.andWhere('s.ended_at IS NULL');
    if (filter.search)
      query.andWhere("s.address LIKE '%' || :search || '%'", {
        search: filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`),
      });
    if (filter.after)
      query.andWhere('(s.suppressed_at, s.id) < (:at, :id)', { at: filter.after.at, id: filter.after.id });
    const rows = (await query
      .orderBy('s.suppressed_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(limit + 1)
      .getRawMany()) as StaffSuppressionRow[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { rows: page, next: rows.length > limit && last ? { at: new Date(last.suppressedAt), id: last.id } : null };
  }
}
