import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import type { OrganisationContext } from '#db';
import { DENIAL_REASON_CODES } from '#mail';
import { type Regime, REGIMES, REQUEST_TYPES, type RequestType } from '#policy';
import { type DenialReason, OPEN_STATUSES, type ReportPeriod, type RequestStatus } from '#workflow';

import { DATA_SOURCE } from '../../infra/tokens.js';

/** The CCPA regs §7102(a) metrics of one request type under one regime, or of all requests (regime and type null). */
export interface ReportRow {
  regime: Regime | null;
  type: RequestType | null;
  received: number;
  fulfilled: number;
  partiallyFulfilled: number;
  denied: number;
  deniedBy: Record<DenialReason, number>;
  withdrawn: number;
  redirected: number;
  closedUnverified: number;
  stillOpen: number;
  closed: number;
  /** Days from receipt to closing over the closed requests, one decimal; null when none is closed. */
  meanDays: number | null;
  medianDays: number | null;
}

/** How identity verification went for the period's requests that needed more than the email address. */
export interface IdentityCounts {
  /** Matching with the records still pending (a system down, or not run yet). */
  pending: number;
  matched: number;
  /** Degrees staff decided themselves. */
  overridden: number;
  /** Requests for specific pieces answered as requests for categories: verified to a reasonable degree only. */
  answeredAsCategories: number;
  /** Deletions denied as unverified whose requester took the sale/share opt-out offered instead. */
  optOutsTaken: number;
}

export interface RequestReport {
  period: ReportPeriod;
  rows: ReportRow[];
  total: ReportRow;
  identity: IdentityCounts;
}

type SqlRow = Record<string, string | number | null>;

/** Requests received in a period, counted by outcome: SQL aggregates over the organisation's rows only. */
@Injectable()
export class RequestReportService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async report(context: OrganisationContext, period: ReportPeriod): Promise<RequestReport> {
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    const is = (status: RequestStatus) => `r.status = ${p(status)}`;
    const closed = `r.closed_at IS NOT NULL AND NOT r.status = ANY(${p(OPEN_STATUSES)}::text[])`;
    const days = 'extract(epoch FROM r.closed_at - r.received_at) / 86400';
    // Mail not yet classified has no type to count under, and mail set aside as not a request was never one.
    const unclassified: RequestStatus[] = ['received_by_email', 'not_a_request'];
    const where = `r.organisation_id = ${p(context.organisation.id)} AND r.received_at >= ${p(period.start)} AND r.received_at < ${p(period.end)}
  AND r.status <> ALL(${p(unclassified)}::text[])`;
    const count = (condition: string, as: string) => `count(*) FILTER (WHERE ${condition})::int AS ${as}`;
    const sql = `SELECT r.regime, r.type, GROUPING(r.regime, r.type) AS is_total,
  count(*)::int AS received,
  ${count(is('fulfilled'), 'fulfilled')},
  ${count(is('partially_fulfilled'), 'partially_fulfilled')},
  ${count(is('denied'), 'denied')},
  ${count(is('withdrawn'), 'withdrawn')},
  ${count(is('redirected'), 'redirected')},
  ${count(is('closed_unverified'), 'closed_unverified')},
  ${count(`r.status = ANY(${p(OPEN_STATUSES)}::text[])`, 'still_open')},
  ${count(closed, 'closed')},
  round((avg(${days}) FILTER (WHERE ${closed}))::numeric, 1) AS mean_days,
  round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days}) FILTER (WHERE ${closed}))::numeric, 1) AS median_days,
  ${DENIAL_REASON_CODES.map((reason, i) => count(`${is('denied')} AND r.denial_reason = ${p(reason)}`, `denied_${i}`)).join(',\n  ')}
FROM data_subject_request r
WHERE ${where}
GROUP BY GROUPING SETS ((r.regime, r.type), ())`;
    const rows = ((await this.dataSource.query(sql, params)) as SqlRow[]).map(toReportRow);
    const total = rows.find((r) => r.regime === null)!;
    const byGroup = rows.filter((r) => r.regime !== null);
    // Every right the policy grants gets a line, received or not: a report must show the zeros too.
    for (const right of context.policy.rights) {
      if (!byGroup.some((r) => r.regime === right.regime && r.type === right.type))
        byGroup.push(emptyRow(right.regime, right.type));
    }
    byGroup.sort(
      (a, b) =>
        REGIMES.indexOf(a.regime!) - REGIMES.indexOf(b.regime!) ||
        REQUEST_TYPES.indexOf(a.type!) - REQUEST_TYPES.indexOf(b.type!),
    );
    return { period, rows: byGroup, total, identity: await this.identity(context, period) };
  }

  private async identity(context: OrganisationContext, period: ReportPeriod): Promise<IdentityCounts> {
    const after = (action: string) =>
      `EXISTS (SELECT 1 FROM audit_entry a WHERE a.request_id = r.id AND a.action = '${action}')`;
    // Only requests matched against the records have a check: mail not yet classified never has one.
    const where = 'r.organisation_id = $1 AND r.received_at >= $2 AND r.received_at < $3';
    const params = [context.organisation.id, period.start, period.end];
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE r.identity_check = 'pending')::int AS pending,
  count(*) FILTER (WHERE r.identity_check = 'matched')::int AS matched,
  count(*) FILTER (WHERE r.identity_check = 'overridden')::int AS overridden,
  count(*) FILTER (WHERE ${after('request.answered_as_categories')})::int AS answered_as_categories,
  count(*) FILTER (WHERE ${after('request.opt_out_taken')})::int AS opt_outs_taken
FROM data_subject_request r
WHERE ${where} AND r.identity_check IS NOT NULL`,
      params,
    )) as SqlRow[];
    return {
      pending: Number(row.pending),
      matched: Number(row.matched),
      overridden: Number(row.overridden),
      answeredAsCategories: Number(row.answered_as_categories),
      optOutsTaken: Number(row.opt_outs_taken),
    };
  }
}

function toReportRow(row: SqlRow): ReportRow {
  const n = (key: string) => Number(row[key]);
  const decimal = (key: string) => (row[key] === null ? null : Number(row[key]));
  const isTotal = Number(row.is_total) !== 0;
  return {
    regime: isTotal ? null : (row.regime as Regime),
    type: isTotal ? null : (row.type as RequestType),
    received: n('received'),
    fulfilled: n('fulfilled'),
    partiallyFulfilled: n('partially_fulfilled'),
    denied: n('denied'),
    deniedBy: Object.fromEntries(DENIAL_REASON_CODES.map((reason, i) => [reason, n(`denied_${i}`)])) as Record<
      DenialReason,
      number
    >,
    withdrawn: n('withdrawn'),
    redirected: n('redirected'),
    closedUnverified: n('closed_unverified'),
    stillOpen: n('still_open'),
    closed: n('closed'),
    meanDays: decimal('mean_days'),
    medianDays: decimal('median_days'),
  };
}

function emptyRow(regime: Regime, type: RequestType): ReportRow {
  return {
    regime,
    type,
    received: 0,
    fulfilled: 0,
    partiallyFulfilled: 0,
    denied: 0,
    deniedBy: Object.fromEntries(DENIAL_REASON_CODES.map((reason) => [reason, 0])) as Record<DenialReason, number>,
    withdrawn: 0,
    redirected: 0,
    closedUnverified: 0,
    stillOpen: 0,
    closed: 0,
    meanDays: null,
    medianDays: null,
  };
}
