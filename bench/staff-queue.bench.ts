import 'reflect-metadata';

import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

import { plainToInstance } from 'class-transformer';
import { DataSource } from 'typeorm';

import { createDataSource, type OrganisationContext } from '#db';

import { ListRequestsQuery } from '../apps/api/src/queue/list-requests.query.js';
import { RequestQueueService } from '../apps/api/src/queue/request-queue.service.js';
import { QueryRecorder } from './query-recorder.js';
import { BENCH_ORGANISATIONS, BENCH_SIZES, fillRequests } from './request-fill.js';
import { createScratchDatabase, percentile, step } from './scratch-database.js';

/**
 * The staff queue's first page and a deep keyset page, with each filter, through the api's own RequestQueueService
 * (the page, the CSV and the JSON API all use it), at each size of BENCH_SIZES across 20 organisations. Saves
 * EXPLAIN (ANALYZE, BUFFERS) of every query under bench/results/ and fails on a sequential scan of the requests.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const FILTERS: Record<string, Record<string, string>> = {
  'no filter': {},
  'status=open': { status: 'open' },
  'status=in_progress': { status: 'in_progress' },
  'status=all': { status: 'all' },
  'type=deletion': { type: 'deletion' },
  'regime=gdpr': { regime: 'gdpr' },
  'channel=email': { channel: 'email' },
  'assignee=me': { assignee: 'me' },
  'assignee=none': { assignee: 'none' },
  'dueWithinDays=7': { dueWithinDays: '7' },
  'overdue=true': { overdue: 'true' },
  // Requests g ≡ 0 (mod 20) belong to the first organisation, the one queried.
  'q=email fragment': { q: 'requester12340' },
  'q=reference': { q: 'RD-0000-0014' },
};

interface Row {
  filter: string;
  page: 'first' | 'deep';
  p50: number;
  p95: number;
  rows: number;
  /** Rows before the deep page. */
  depth: number;
}

async function measure(size: number): Promise<Row[]> {
  const scratch = await createScratchDatabase('queue');
  const recorder = new QueryRecorder();
  const dataSource = await new DataSource({
    ...createDataSource(scratch.url).options,
    logger: recorder,
    logging: ['query'],
  }).initialize();
  const results: Row[] = [];
  const plans: string[] = [];
  try {
    const now = new Date();
    const [org] = await step(`fill ${size.toLocaleString('en')} requests`, () => fillRequests(dataSource, size, now));
    const organisation = { id: org.organisationId, timeZone: 'America/Los_Angeles' };
    // The queue reads only the organisation's id and time zone from its context.
    const context = { organisation } as unknown as OrganisationContext;
    const queue = new RequestQueueService(dataSource);
    for (const [filter, values] of Object.entries(FILTERS)) {
      const query = plainToInstance(ListRequestsQuery, values);
      // A deep page: the keyset cursor after 10 pages of 200 (2,050 rows in), or the last full page before the end.
      const first = await queue.list(context, org.staffId, query, now);
      let cursor = first.nextCursor;
      let depth = first.items.length;
      for (let hops = 0; cursor && hops < 10; hops++) {
        const next = await queue.list(
          context,
          org.staffId,
          plainToInstance(ListRequestsQuery, { ...values, cursor, limit: '200' }),
          now,
        );
        if (!next.nextCursor) break;
        cursor = next.nextCursor;
        depth += next.items.length;
      }
      for (const page of ['first', 'deep'] as const) {
        if (page === 'deep' && !cursor) continue;
        const pageQuery = plainToInstance(ListRequestsQuery, page === 'deep' ? { ...values, cursor } : values);
        const timings: number[] = [];
        let rows = 0;
        for (let run = 0; run <= RUNS; run++) {
          recorder.queries.length = 0;
          const started = performance.now();
          rows = (await queue.list(context, org.staffId, pageQuery, now)).items.length;
          if (run > 0) timings.push(performance.now() - started);
        }
        results.push({
          filter,
          page,
          p50: percentile(timings, 50),
          p95: percentile(timings, 95),
          rows,
          depth: page === 'deep' ? depth : 0,
        });
        const sent = recorder.queries.find((q) => /FROM "data_subject_request"/.test(q.query));
        if (!sent) throw new Error(`${filter}: the queue sent no query on data_subject_request`);
        const plan = (
          (await dataSource.query(`EXPLAIN (ANALYZE, BUFFERS) ${sent.query}`, sent.parameters)) as {
            'QUERY PLAN': string;
          }[]
        ).map((r) => r['QUERY PLAN']);
        plans.push(
          `-- ${filter}, ${page} page (${size} requests)\n${sent.query}\n-- parameters: ${JSON.stringify(sent.parameters)}\n${plan.join('\n')}\n`,
        );
        if (plan.some((line) => /Seq Scan on data_subject_request/.test(line))) {
          writePlans(size, plans);
          throw new Error(
            `SEQUENTIAL SCAN of data_subject_request: ${filter}, ${page} page, ${size} requests:\n${plan.join('\n')}`,
          );
        }
      }
    }
    writePlans(size, plans);
    return results;
  } finally {
    await dataSource.destroy();
    await scratch.drop();
  }
}

function writePlans(size: number, plans: string[]): void {
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/staff-queue-${size}.plans.txt`, plans.join('\n'));
}

async function main(): Promise<void> {
  console.log(
    `staff queue: first and deep keyset page per filter, ${BENCH_ORGANISATIONS} organisations, sizes ${BENCH_SIZES.join(', ')}, ${RUNS} runs each`,
  );
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const bySize = new Map<number, Row[]>();
  for (const size of BENCH_SIZES) bySize.set(size, await measure(size));
  const header = [
    '| filter | page (rows before it at the largest size) | rows',
    ...BENCH_SIZES.map((s) => `${s.toLocaleString('en')}: p50 / p95 ms`),
  ].join(' | ');
  console.log(`${header} |\n|${' --- |'.repeat(3 + BENCH_SIZES.length)}`);
  const largest = bySize.get(BENCH_SIZES.at(-1)!)!;
  for (const row of largest) {
    const cells = BENCH_SIZES.map((s) => {
      const r = bySize.get(s)!.find((x) => x.filter === row.filter && x.page === row.page);
      return r ? `${r.p50.toFixed(2)} / ${r.p95.toFixed(2)}` : '–';
    });
    console.log(
      `| ${row.filter} | ${row.page === 'deep' ? `deep (${row.depth.toLocaleString('en')})` : 'first'} | ${row.rows} | ${cells.join(' | ')} |`,
    );
  }
  console.log(
    `plans: bench/results/staff-queue-<size>.plans.txt; no plan has a sequential scan of data_subject_request`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
