import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import type { OrganisationContext } from '#db';
import { OPEN_STATUSES, type ReportPeriod } from '#workflow';

import { DATA_SOURCE } from '../../infra/tokens.js';
import type { WeekCount } from './dashboard-figures.js';

/** What a privacy lead reads at a glance: the weeks' intake, the deadlines kept, and what is due now. */
export interface DeadlineFigures {
  period: ReportPeriod;
  weeks: WeekCount[];
  /** Of the period's requests now closed: how many, and how many closed by their due date in force. */
  closed: number;
  closedOnTime: number;
  /** Days from receipt to closing, one decimal; null when none is closed. */
  medianDays: number | null;
  /** Now, whatever the period. */
  overdueNow: number;
  dueThisWeek: number;
}

// Mail not yet classified has no type, and mail set aside as not a request never was one (as in the reports).
const UNCLASSIFIED = ['received_by_email', 'not_a_request'];

/** SQL aggregates over the organisation's own requests only. */
@Injectable()
export class DeadlineDashboardService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async figures(context: OrganisationContext, period: ReportPeriod, now: Date): Promise<DeadlineFigures> {
    const org = context.organisation;
    const inPeriod = `r.organisation_id = $1 AND r.received_at >= $2 AND r.received_at < $3 AND r.status <> ALL($4::text[])`;
    const params = [org.id, period.start, period.end, UNCLASSIFIED];
    const days = 'extract(epoch FROM r.closed_at - r.received_at) / 86400';
    const closed = `r.closed_at IS NOT NULL AND r.status <> ALL($5::text[])`;
    const [weeks, [summary], [current]] = await Promise.all([
      this.dataSource.query<{ week: string; type: WeekCount['type']; n: number }[]>(
        `SELECT to_char(date_trunc('week', r.received_at AT TIME ZONE $5), 'YYYY-MM-DD') AS week, r.type,
                count(*)::int AS n
           FROM data_subject_request r WHERE ${inPeriod}
          GROUP BY 1, 2`,
        [...params, org.timeZone],
      ),
      this.dataSource.query<Record<'closed' | 'on_time' | 'median_days', string | null>[]>(
        `SELECT count(*) FILTER (WHERE ${closed})::int AS closed,
                count(*) FILTER (WHERE ${closed} AND r.closed_at <= r.due_at)::int AS on_time,
                round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days}) FILTER (WHERE ${closed}))::numeric, 1)
                  AS median_days
           FROM data_subject_request r WHERE ${inPeriod}`,
        [...params, OPEN_STATUSES],
      ),
      // Overdue as the queue's filter counts it; due this week: the next seven days.
      this.dataSource.query<Record<'overdue' | 'due_soon', string>[]>(
        `SELECT count(*) FILTER (WHERE r.due_at < $3)::int AS overdue,
                count(*) FILTER (WHERE r.due_at >= $3 AND r.due_at < $3::timestamptz + interval '7 days')::int AS due_soon
           FROM data_subject_request r WHERE r.organisation_id = $1 AND r.status = ANY($2::text[])`,
        [org.id, OPEN_STATUSES, now],
      ),
    ]);
    return {
      period,
      weeks: weeks.map((w) => ({ ...w, n: Number(w.n) })),
      closed: Number(summary!.closed),
      closedOnTime: Number(summary!.on_time),
      medianDays: summary!.median_days === null ? null : Number(summary!.median_days),
      overdueNow: Number(current!.overdue),
      dueThisWeek: Number(current!.due_soon),
    };
  }
}
