import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { DataSource, SelectQueryBuilder } from 'typeorm';

import { DataSubjectRequest, type OrganisationContext, TeamRepository } from '#db';
import {
  daysLeft,
  type DeadlineUrgency,
  deadlineUrgency,
  endOfLocalDayAfter,
  OPEN_STATUSES,
  REQUEST_STATUSES,
  type RequestStatus,
} from '#workflow';

import { DATA_SOURCE } from '../infra/tokens.js';
import { isUuid } from '../infra/uuid.js';
import type { ListRequestsQuery } from './list-requests.query.js';
import { ASSIGNEE_MESSAGE, type QueueFilters } from './queue-filters.query.js';

export interface QueuedRequest {
  id: string;
  reference: string;
  type: string;
  regime: string;
  channel: string;
  status: RequestStatus;
  assignee: { id: string; name: string; email: string } | null;
  receivedAt: string;
  clockStartedAt: string;
  verifiedAt: string | null;
  acknowledgeBy: string | null;
  dueAt: string;
  extendedDueAt: string | null;
  closedAt: string | null;
  /** Local days left in the organisation's time zone; negative once overdue. */
  daysLeft: number;
  urgency: DeadlineUrgency | null;
  policyVersion: string;
}

export interface QueueCounts {
  byStatus: Record<RequestStatus, number>;
  open: number;
  total: number;
}

/** A staff member of the organisation, as offered in the assignee filter. */
export interface QueueMember {
  id: string;
  name: string;
}

interface Cursor {
  dueAt: string;
  id: string;
}

// Literal statuses (our own constants, never input) so PostgreSQL matches the partial index ix_request_org_open_due.
const IS_OPEN = `r.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
// Any well-formed reference is looked up exactly; everything else searches requester addresses.
const REFERENCE_SHAPE = /^RD-[A-Z0-9]{4}-[A-Z0-9]{4}$/;
const EXPORT_BATCH = 1000;

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.dueAt, c.id])).toString('base64url');

/**
 * Only what encodeCursor writes: an instant as toISOString gives it (in years PostgreSQL holds) and a UUID. Looser
 * checks let through values Date.parse takes and PostgreSQL refuses ("1", year 275760, 36 dashes): a 500.
 */
function decodeCursor(value: string): Cursor {
  const refused = new BadRequestException('cursor must be a nextCursor value from a previous page');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString());
  } catch {
    throw refused;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw refused;
  const [dueAt, id] = parsed as unknown[];
  if (typeof dueAt !== 'string' || typeof id !== 'string' || !isUuid(id) || !CURSOR_INSTANT.test(dueAt)) throw refused;
  const instant = new Date(dueAt);
  if (Number.isNaN(instant.getTime()) || instant.toISOString() !== dueAt) throw refused;
  return { dueAt, id };
}

const CURSOR_INSTANT = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One organisation's requests by due date, filtered and keyset-paginated on (due_at, id): every filter is a
 * plain condition on the same ordered scan, so pages never skip or repeat a row.
 */
@Injectable()
export class RequestQueueService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** One page; `viewerId` is whom assignee=me means. */
  async list(
    context: OrganisationContext,
    viewerId: string,
    query: ListRequestsQuery,
    now: Date,
  ): Promise<{ items: QueuedRequest[]; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const qb = await this.filtered(context, viewerId, query, now);
    if (query.cursor) after(qb, decodeCursor(query.cursor));
    const rows = await qb.limit(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => toItem(r, context.organisation.timeZone, now)),
      nextCursor: rows.length > limit && last ? encodeCursor({ dueAt: last.dueAt.toISOString(), id: last.id }) : null,
    };
  }

  /**
   * Every matching request, in batches, for the export. The filters are checked before this resolves, so a bad
   * one is refused before any of the file is sent.
   */
  async allMatching(
    context: OrganisationContext,
    viewerId: string,
    filters: QueueFilters,
    now: Date,
  ): Promise<AsyncIterable<QueuedRequest[]>> {
    const base = await this.filtered(context, viewerId, filters, now);
    const timeZone = context.organisation.timeZone;
    return {
      async *[Symbol.asyncIterator]() {
        let cursor: Cursor | null = null;
        for (;;) {
          const qb = base.clone().limit(EXPORT_BATCH);
          if (cursor) after(qb, cursor);
          const rows = await qb.getMany();
          if (rows.length > 0) yield rows.map((r) => toItem(r, timeZone, now));
          const last = rows.at(-1);
          if (rows.length < EXPORT_BATCH || !last) return;
          cursor = { dueAt: last.dueAt.toISOString(), id: last.id };
        }
      },
    };
  }

  /** Requests per status in the whole organisation, whatever the filters. */
  async counts(context: OrganisationContext): Promise<QueueCounts> {
    const rows = await this.dataSource
      .getRepository(DataSubjectRequest)
      .createQueryBuilder('r')
      .select('r.status', 'status')
      .addSelect('count(*)::int', 'n')
      .where('r.organisation_id = :org', { org: context.organisation.id })
      .groupBy('r.status')
      .getRawMany<{ status: RequestStatus; n: number }>();
    const byStatus = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as Record<RequestStatus, number>;
    for (const row of rows) byStatus[row.status] = row.n;
    return {
      byStatus,
      open: OPEN_STATUSES.reduce((sum, s) => sum + byStatus[s], 0),
      total: rows.reduce((sum, row) => sum + row.n, 0),
    };
  }

  async members(context: OrganisationContext): Promise<QueueMember[]> {
    const members = await new TeamRepository(this.dataSource.manager).members(context.organisation.id);
    return members.map((m) => ({ id: m.id, name: m.name }));
  }

  private async filtered(
    context: OrganisationContext,
    viewerId: string,
    filters: QueueFilters,
    now: Date,
  ): Promise<SelectQueryBuilder<DataSubjectRequest>> {
    const organisationId = context.organisation.id;
    const qb = this.dataSource
      .getRepository(DataSubjectRequest)
      .createQueryBuilder('r')
      // Only the version label of the policy, not its whole document; only who the assignee is.
      .innerJoin('r.policyVersion', 'pv')
      .addSelect(['pv.id', 'pv.version'])
      .leftJoin('r.assignee', 'a')
      .addSelect(['a.id', 'a.name', 'a.email'])
      .where('r.organisation_id = :org', { org: organisationId })
      .orderBy('r.due_at', 'ASC')
      .addOrderBy('r.id', 'ASC');

    const { status, type, regime, channel, assignee, dueWithinDays, overdue, q } = filters;
    if (status === 'open') qb.andWhere(IS_OPEN);
    else if (status && status !== 'all') qb.andWhere('r.status = :status', { status });
    if (type) qb.andWhere('r.type = :type', { type });
    if (regime) qb.andWhere('r.regime = :regime', { regime });
    if (channel) qb.andWhere('r.channel = :channel', { channel });

    if (assignee === 'none') qb.andWhere('r.assignee_id IS NULL');
    else if (assignee) {
      const assigneeId = assignee === 'me' ? viewerId : assignee;
      if (
        assignee !== 'me' &&
        !(await new TeamRepository(this.dataSource.manager).membership(organisationId, assigneeId))
      ) {
        throw new BadRequestException(ASSIGNEE_MESSAGE);
      }
      qb.andWhere('r.assignee_id = :assigneeId', { assigneeId });
    }

    if (dueWithinDays !== undefined) {
      qb.andWhere('r.due_at <= :dueBy', {
        dueBy: endOfLocalDayAfter(now, dueWithinDays, context.organisation.timeZone),
      });
    }
    if (overdue === 'true') qb.andWhere(`${IS_OPEN} AND r.due_at < :now`, { now });
    else if (overdue === 'false') qb.andWhere(`NOT (${IS_OPEN} AND r.due_at < :now)`, { now });

    if (q) {
      const reference = q.toUpperCase();
      if (REFERENCE_SHAPE.test(reference)) qb.andWhere('r.reference = :reference', { reference });
      // Matches the trigram index ix_request_email_trgm on lower(requester_email).
      else qb.andWhere('lower(r.requester_email) LIKE :email', { email: likePattern(q) });
    }
    return qb;
  }
}

function after(qb: SelectQueryBuilder<DataSubjectRequest>, cursor: Cursor): void {
  qb.andWhere('(r.due_at, r.id) > (:cursorDue, :cursorId)', { cursorDue: cursor.dueAt, cursorId: cursor.id });
}

function toItem(r: DataSubjectRequest, timeZone: string, now: Date): QueuedRequest {
  return {
    id: r.id,
    reference: r.reference,
    type: r.type,
    regime: r.regime,
    channel: r.channel,
    status: r.status,
    assignee: r.assignee ? { id: r.assignee.id, name: r.assignee.name, email: r.assignee.email } : null,
    receivedAt: r.receivedAt.toISOString(),
    clockStartedAt: r.clockStartedAt.toISOString(),
    verifiedAt: r.verifiedAt?.toISOString() ?? null,
    acknowledgeBy: r.acknowledgeBy?.toISOString() ?? null,
    dueAt: r.dueAt.toISOString(),
    extendedDueAt: r.extendedDueAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    daysLeft: daysLeft(r.dueAt, now, timeZone),
    urgency: deadlineUrgency(r, now),
    policyVersion: r.policyVersion!.version,
  };
}
