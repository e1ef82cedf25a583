import type { DataSource } from 'typeorm';

import { type JobAttemptCounts, QUEUE_NAMES, type QueueName } from '#queue';
import { OPEN_STATUSES } from '#workflow';

import type { JobQueues } from '../staff/jobs/job-queues.js';
import type { StoredObservations } from './stored-histogram.js';

/** Days from receipt to closing: the legal limits (10 working days, 30 and 45 days, 90 extended) fall on bounds. */
export const CLOSE_DAYS_BOUNDS = [1, 3, 7, 14, 30, 45, 60, 90] as const;
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
// Mail not yet classified has no type, and mail set aside as not a request never was one (as in the reports).
const UNCLASSIFIED = ['received_by_email', 'not_a_request'];

type Row = Record<string, string>;
export interface Counted<L extends string> {
  labels: Record<L, string>;
  n: number;
}

/** The SQL behind the metrics kept in PostgreSQL: aggregates over every organisation's rows, nothing personal. */
export class StoredReadings {
  constructor(private readonly dataSource: DataSource) {}

  private rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    return this.dataSource.query<Row[]>(sql, params);
  }

  async received(): Promise<Counted<'organisation' | 'type' | 'regime' | 'channel'>[]> {
    const rows = await this.rows(
      `SELECT o.slug AS organisation, r.type, r.regime, r.channel, count(*)::int AS n
         FROM data_subject_request r JOIN organisation o ON o.id = r.organisation_id
        WHERE r.status <> ALL($1::text[])
        GROUP BY 1, 2, 3, 4`,
      [UNCLASSIFIED],
    );
    return rows.map(({ n, organisation, type, regime, channel }) => ({
      labels: { organisation: organisation!, type: type!, regime: regime!, channel: channel! },
      n: Number(n),
    }));
  }

  /** Open, overdue (open and past the due date, as the queue's filter says) and due within 7 days, per organisation. */
  async deadlines(now: Date): Promise<{ organisation: string; open: number; overdue: number; dueSoon: number }[]> {
    const rows = await this.rows(
      `SELECT o.slug AS organisation, count(r.id)::int AS open,
              count(r.id) FILTER (WHERE r.due_at < $2)::int AS overdue,
              count(r.id) FILTER (WHERE r.due_at >= $2 AND r.due_at < $2::timestamptz + interval '7 days')::int AS soon
         FROM organisation o LEFT JOIN data_subject_request r
           ON r.organisation_id = o.id AND r.status = ANY($1::text[])
        GROUP BY 1`,
      [OPEN_STATUSES, now],
    );
    return rows.map((r) => ({
      organisation: r.organisation!,
      open: Number(r.open),
      overdue: Number(r.overdue),
      dueSoon: Number(r.soon),
    }));
  }

  async closeDays(): Promise<StoredObservations[]> {
    const days = 'extract(epoch FROM r.closed_at - r.received_at) / 86400';
    const buckets = CLOSE_DAYS_BOUNDS.map((le, i) => `count(r.id) FILTER (WHERE ${days} <= ${le})::int AS b${i}`);
    const rows = await this.rows(
      `SELECT o.slug AS organisation, ${buckets.join(', ')}, count(r.id)::int AS n,
              coalesce(sum(${days}), 0)::float AS sum
         FROM organisation o LEFT JOIN data_subject_request r
           ON r.organisation_id = o.id AND r.closed_at IS NOT NULL AND r.status <> ALL($1::text[])
        GROUP BY 1`,
      [OPEN_STATUSES],
    );
    return rows.map((row) => ({
      labels: { organisation: row.organisation! },
      atMost: CLOSE_DAYS_BOUNDS.map((_, i) => Number(row[`b${i}`])),
      count: Number(row.n),
      sum: Number(row.sum),
    }));
  }

  /** Mails the SMTP server accepted, from the mail ledger. */
  async mailsSent(): Promise<Counted<'template'>[]> {
    const rows = await this.rows(
      `SELECT template, count(*)::int AS n FROM sent_message WHERE status = 'sent' GROUP BY template`,
    );
    return rows.map(({ template, n }) => ({ labels: { template: template! }, n: Number(n) }));
  }

  /** Mails that failed for good: each is a staff alert of its organisation. */
  async mailsFailed(): Promise<Counted<'organisation'>[]> {
    const rows = await this.rows(
      `SELECT o.slug AS organisation, count(a.id)::int AS n
         FROM organisation o LEFT JOIN staff_alert a ON a.organisation_id = o.id AND a.kind = 'mail_failed'
        GROUP BY 1`,
    );
    return rows.map(({ organisation, n }) => ({ labels: { organisation: organisation! }, n: Number(n) }));
  }
}

export interface QueueReadings {
  jobs: Record<QueueName, Record<(typeof QUEUE_STATES)[number], number>>;
  attempts: JobAttemptCounts;
}

/** Each queue's jobs by state and the failed attempts the workers counted, read from Redis in one visit. */
export async function queueReadings(queues: JobQueues): Promise<QueueReadings> {
  const [counts, attempts] = await Promise.all([
    Promise.all(QUEUE_NAMES.map((name) => queues.call(name, (queue) => queue.getJobCounts(...QUEUE_STATES)))),
    queues.jobAttempts(),
  ]);
  const jobs = Object.fromEntries(
    QUEUE_NAMES.map((name, i) => [name, Object.fromEntries(QUEUE_STATES.map((s) => [s, counts[i]![s] ?? 0]))]),
  ) as QueueReadings['jobs'];
  return { jobs, attempts };
}

/**
 * Shares one reading among the metrics a scrape collects at once (prom-client collects them all concurrently): a
 * call while one is running gets that one's promise; the next scrape reads afresh.
 */
export function sharedReading<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  return () =>
    (running ??= read().finally(() => {
      running = undefined;
    }));
}
