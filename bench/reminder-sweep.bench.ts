import 'reflect-metadata';

import { cpus, loadavg, totalmem } from 'node:os';

import { DataSource } from 'typeorm';

import type { Clock } from '#config';
import { createDataSource } from '#db';

import { deadlineSweepHandlers, SWEEP_BATCH } from '../apps/worker/src/deadlines/deadline-sweep.handler.js';
import { QueryRecorder } from './query-recorder.js';
import { BENCH_SIZES } from './request-fill.js';
import { createScratchDatabase, percentile, step } from './scratch-database.js';

/**
 * The reminder sweep against open requests of 20 organisations (each size of BENCH_SIZES: 10,000, 100,000 and
 * 1,000,000), of which 1,000 have a reminder due: times the worker's own sweep (select what is due, write its jobs
 * to the outbox, mark it fired, one transaction) and shows its plan. Run with `npm run bench`.
 */
const ORGANISATIONS = 20;
const DUE = 1_000;
const RUNS = 10;

async function fill(dataSource: DataSource, now: Date, requests: number): Promise<void> {
  await dataSource.query(
    `INSERT INTO organisation (slug, name, time_zone, country)
     SELECT 'bench-org-' || lpad(g::text, 2, '0'), 'Bench Organisation ' || g, 'America/Los_Angeles', 'US'
       FROM generate_series(1, $1) g`,
    [ORGANISATIONS],
  );
  await dataSource.query(
    `INSERT INTO policy_version (organisation_id, version, content_hash, document)
     SELECT id, '1', repeat('0', 64), '{}'::jsonb FROM organisation`,
  );
  // In slices, so the progress shows; every request open (in progress), due 15 to 60 days ahead, except the
  // first DUE, due 14 days ahead less g minutes: their 14-day reminder came due g minutes ago.
  const slice = 100_000;
  for (let from = 1; from <= requests; from += slice) {
    await dataSource.query(
      `WITH org AS (
         SELECT array_agg(o.id ORDER BY o.slug) AS ids, array_agg(p.id ORDER BY o.slug) AS policies
           FROM organisation o JOIN policy_version p ON p.organisation_id = o.id
       )
       INSERT INTO data_subject_request (reference, organisation_id, policy_version_id, right_id, type, regime, channel,
              status, requester_name, requester_email, relationship, received_at, clock_started_at, verified_at, due_at,
              verification_required, verification_reached)
       SELECT 'RD-B' || g, org.ids[1 + g % $3], org.policies[1 + g % $3], 'access', 'access', 'ccpa', 'web',
              'in_progress', 'Bench Requester', 'requester' || g || '@example.org', 'self',
              $4::timestamptz - interval '10 days', $4::timestamptz - interval '10 days', $4::timestamptz - interval '9 days',
              CASE WHEN g <= $5 THEN $4::timestamptz + interval '14 days' - g * interval '1 minute'
                   ELSE $4::timestamptz + (15 + g % 46) * interval '1 day' END,
              'email', 'email'
         FROM org, generate_series($1::int, $2::int) g`,
      [from, Math.min(from + slice - 1, requests), ORGANISATIONS, now, DUE],
    );
  }
  // Each request: its four staff reminders (unfired; only the DUE 14-day ones have come due) and one past event,
  // already fired, which the partial index leaves out.
  await dataSource.query(
    `INSERT INTO deadline_event (request_id, organisation_id, kind, key, due_at, fired_at)
     SELECT r.id, r.organisation_id, 'staff_reminder', o || 'd-' || to_char(r.due_at, 'YYYY-MM-DD'),
            r.due_at - o * interval '1 day', NULL
       FROM data_subject_request r, unnest(ARRAY[14, 7, 3, 1]) o
     UNION ALL
     SELECT r.id, r.organisation_id, 'verification_reminder', 'link-1', r.received_at + interval '5 days', r.received_at + interval '5 days'
       FROM data_subject_request r`,
  );
  await dataSource.query('VACUUM ANALYZE data_subject_request');
  await dataSource.query('VACUUM ANALYZE deadline_event');
}

async function measure(requests: number): Promise<{ p50: number; max: number; planMs: string }> {
  console.log(
    `reminder sweep: ${requests.toLocaleString('en')} open requests, ${ORGANISATIONS} organisations, ${DUE} reminders due`,
  );
  const scratch = await createScratchDatabase('sweep');
  const recorder = new QueryRecorder();
  const dataSource = await new DataSource({
    ...createDataSource(scratch.url).options,
    logger: recorder,
    logging: ['query'],
  }).initialize();
  try {
    const now = new Date();
    await step('fill', () => fill(dataSource, now, requests));
    const [counts] = await dataSource.query(
      `SELECT (SELECT count(*) FROM data_subject_request) AS requests,
              (SELECT count(*) FROM deadline_event) AS events,
              (SELECT count(*) FROM deadline_event WHERE fired_at IS NULL) AS unfired,
              (SELECT count(*) FROM deadline_event WHERE fired_at IS NULL AND due_at <= $1) AS due`,
      [now],
    );
    console.log(
      `  rows: ${counts.requests} requests, ${counts.events} deadline events (${counts.unfired} unfired, ${counts.due} due)`,
    );
    if (Number(counts.due) !== DUE) throw new Error(`expected ${DUE} due events, found ${counts.due}`);
    const dueIds: string[] = (
      await dataSource.query('SELECT id FROM deadline_event WHERE fired_at IS NULL AND due_at <= $1', [now])
    ).map((r: { id: string }) => r.id);

    const clock: Clock = { now: () => now };
    const sweep = deadlineSweepHandlers({ dataSource, clock })['deadlines.sweep'];
    const timings: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      // Every run finds the same 1,000 due and nothing fired or queued yet.
      await dataSource.query('UPDATE deadline_event SET fired_at = NULL WHERE id = ANY($1)', [dueIds]);
      await dataSource.query('DELETE FROM outbox_message');
      recorder.queries.length = 0;
      const started = performance.now();
      await sweep({}, 'bench');
      const ms = performance.now() - started;
      const [{ fired }] = await dataSource.query('SELECT count(*) AS fired FROM outbox_message');
      if (Number(fired) !== DUE) throw new Error(`a sweep wrote ${fired} jobs, not ${DUE}`);
      // The first run warms the caches; it is shown, not counted.
      if (run > 0) timings.push(ms);
      console.log(
        `  sweep ${run === 0 ? 'warm-up' : run}: ${ms.toFixed(1)} ms (${fired} events fired into the outbox)`,
      );
    }
    console.log(
      `sweep of ${DUE} due among ${requests.toLocaleString('en')} open requests: p50 ${percentile(timings, 50).toFixed(1)} ms, max ${Math.max(...timings).toFixed(1)} ms over ${RUNS} runs`,
    );

    const select = recorder.queries.find((q) => /FROM "deadline_event"/.test(q.query) && /SKIP LOCKED/.test(q.query));
    if (!select) throw new Error('the sweep sent no SELECT … SKIP LOCKED on deadline_event');
    await dataSource.query('UPDATE deadline_event SET fired_at = NULL WHERE id = ANY($1)', [dueIds]);
    const plan = await dataSource.transaction(async (tx) => {
      const rows: { 'QUERY PLAN': string }[] = await tx.query(
        `EXPLAIN (ANALYZE, BUFFERS) ${select.query}`,
        select.parameters,
      );
      return rows.map((r) => r['QUERY PLAN']);
    });
    console.log(`the sweep's query (batch of ${SWEEP_BATCH}):\n  ${select.query}\nEXPLAIN (ANALYZE, BUFFERS):`);
    for (const line of plan) console.log(`  ${line}`);
    if (!plan.some((line) => line.includes('ix_deadline_event_due')))
      throw new Error('the sweep does not use the partial index ix_deadline_event_due');
    const planMs = /Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1] ?? '?';
    return { p50: percentile(timings, 50), max: Math.max(...timings), planMs };
  } finally {
    await dataSource.destroy();
    await scratch.drop();
  }
}

async function main(): Promise<void> {
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const rows: string[] = [];
  for (const size of BENCH_SIZES) {
    const { p50, max, planMs } = await measure(size);
    rows.push(`| ${size.toLocaleString('en')} | ${p50.toFixed(1)} ms | ${max.toFixed(1)} ms | ${planMs} ms |`);
  }
  console.log(
    `| open requests | sweep p50 | max (${RUNS} runs) | due events' select (EXPLAIN ANALYZE) |\n| --- | --- | --- | --- |\n${rows.join('\n')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
