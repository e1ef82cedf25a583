import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, type Metric, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

import type { Clock } from '#config';
import { QUEUE_NAMES } from '#queue';

import { CLOCK, DATA_SOURCE } from '../infra/tokens.js';
import { JobQueues } from '../staff/jobs/job-queues.js';
import { StoredHistogram } from './stored-histogram.js';
import {
  CLOSE_DAYS_BOUNDS,
  type Counted,
  QUEUE_STATES,
  queueReadings,
  sharedReading,
  StoredReadings,
} from './stored-readings.js';

/** How an intake post ended: accepted (the request is stored), refused (bad input, limits), or failed. */
export const OUTCOMES = ['accepted', 'refused', 'failed'] as const;

/** A counter's collect that sets it to what the store counts (prom-client counters have no `set`). */
const countedAs = <L extends string>(read: () => Promise<Counted<L>[]>) =>
  async function (this: Counter<L>) {
    const counted = await read();
    this.reset();
    for (const { labels, n } of counted) this.inc(labels as never, n);
  };

/**
 * The Prometheus metrics of the whole system, read at each scrape from where they are kept: the requests, the mail
 * ledger and alerts in PostgreSQL, the queues and the workers' attempt counts in Redis. So they hold whichever process
 * did the work, survive restarts, and agree between several api processes. Only intake latency is this process's own.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly intakeSeconds: Histogram<'channel' | 'outcome'>;

  constructor(@Inject(DATA_SOURCE) dataSource: DataSource, @Inject(CLOCK) clock: Clock, queues: JobQueues) {
    const registers = [this.registry];
    const stored = new StoredReadings(dataSource);

    new Counter({
      name: 'rightsdesk_requests_received_total',
      help: 'Requests received, by organisation, type, regime and channel',
      labelNames: ['organisation', 'type', 'regime', 'channel'],
      registers,
      collect: countedAs(() => stored.received()),
    });

    const deadlines = sharedReading(() => stored.deadlines(clock.now()));
    const perOrganisation = (name: string, help: string, pick: 'open' | 'overdue' | 'dueSoon') =>
      new Gauge({
        name,
        help,
        labelNames: ['organisation'],
        registers,
        async collect() {
          const rows = await deadlines();
          this.reset();
          for (const row of rows) this.set({ organisation: row.organisation }, row[pick]);
        },
      });
    perOrganisation('rightsdesk_requests_open', 'Requests open now, by organisation', 'open');
    perOrganisation('rightsdesk_requests_overdue', 'Open requests past their due date, by organisation', 'overdue');
    perOrganisation(
      'rightsdesk_requests_due_within_7_days',
      'Open requests not yet overdue that fall due within 7 days, by organisation',
      'dueSoon',
    );

    const closeDays = new StoredHistogram(
      'rightsdesk_request_time_to_close_days',
      'Days from receipt to closing of closed requests, by organisation',
      CLOSE_DAYS_BOUNDS,
      () => stored.closeDays(),
    );
    // prom-client types a registry's metrics as its own four classes; it reads only what StoredHistogram has.
    this.registry.registerMetric(closeDays as unknown as Metric);

    // With Redis unreachable the queue metrics are left empty: the scrape still reports what PostgreSQL knows.
    const queueState = sharedReading(() => queueReadings(queues).catch(() => undefined));
    new Gauge({
      name: 'rightsdesk_queue_jobs',
      help: 'Jobs in each queue, by state (of every organisation: the queues are shared)',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        const read = await queueState();
        this.reset();
        for (const queue of read ? QUEUE_NAMES : [])
          for (const state of QUEUE_STATES) this.set({ queue, state }, read!.jobs[queue][state]);
      },
    });
    const attempts = (name: string, help: string, kind: 'failures' | 'retries') =>
      new Counter({
        name,
        help,
        labelNames: ['queue'],
        registers,
        collect: countedAs(async () => {
          const read = await queueState();
          return read ? QUEUE_NAMES.map((queue) => ({ labels: { queue }, n: read.attempts[kind][queue] ?? 0 })) : [];
        }),
      });
    attempts(
      'rightsdesk_job_failures_total',
      'Jobs that failed for good (after their last attempt), by queue, since Redis started',
      'failures',
    );
    attempts(
      'rightsdesk_job_retries_total',
      'Failed job attempts that were retried, by queue, since Redis started',
      'retries',
    );

    new Counter({
      name: 'rightsdesk_mails_sent_total',
      help: 'Mails the SMTP server accepted, by template (the mail ledger)',
      labelNames: ['template'],
      registers,
      collect: countedAs(() => stored.mailsSent()),
    });
    new Counter({
      name: 'rightsdesk_mails_failed_total',
      help: 'Mails that failed for good after their last attempt, by organisation (each is a staff alert)',
      labelNames: ['organisation'],
      registers,
      collect: countedAs(() => stored.mailsFailed()),
    });

    this.intakeSeconds = new Histogram({
      name: 'rightsdesk_intake_duration_seconds',
      help: "Time to answer a new request (the web form's post, a DRP exercise), in this api process",
      labelNames: ['channel', 'outcome'],
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    // Every series from the start, so a rate over them is 0 rather than absent before the first request.
    for (const channel of ['web', 'agent'])
      for (const outcome of OUTCOMES) this.intakeSeconds.zero({ channel, outcome });
  }
}
