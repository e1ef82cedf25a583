import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

import pg from 'pg';

import { type DatabaseSystem, isDatabaseSystem, parseDataMap } from '#policy';
import { buildAccessPackage, closeDatabasePools, DatabaseConnector, type SystemOutcome } from '#systems';

import { readPersonData } from '../libs/systems/src/sql/access.js';
import type { DriverConnection } from '../libs/systems/src/sql/dialect.js';
import { previewErasure } from '../libs/systems/src/sql/erasure.js';
import { postgresDriver } from '../libs/systems/src/sql/postgres.js';
import { SqlSession } from '../libs/systems/src/sql/sessions.js';
import { benchEmail, demoShapedDatabase } from './fulfilment-fill.js';
import { percentile, step } from './scratch-database.js';

/**
 * A connected system's fulfilment on a demo-shaped PostgreSQL database of BENCH_PEOPLE people (default 1,000,000):
 * access (DatabaseConnector plus buildAccessPackage) and erasure (preview then erasure) per person, the database time
 * of the connector's statements beside one hand-written query for the same rows, their plans (bench/results/), and
 * access runs per second at 4 and 16 at once. The system is OfficerTRAK's customer database as its seed maps it.
 */
const PEOPLE = Number(process.argv[2] ?? process.env.BENCH_PEOPLE ?? 1_000_000);
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 200);
const THROUGHPUT_RUNS = Number(process.env.BENCH_THROUGHPUT_RUNS ?? 400);
/** The last tenth of the people is kept for erasure; access reads only the others, so a reused database still finds them. */
const ACCESS_PEOPLE = Math.floor(PEOPLE * 0.9);
const BIG_TABLES = /Seq Scan on (customers|orders|order_items|messages|tickets)\b/;

const fullMap = parseDataMap('officertrak.datamap.yaml', readFileSync('seeds/officertrak.datamap.yaml', 'utf8'));
const system = fullMap.systems.find((s): s is DatabaseSystem => isDatabaseSystem(s) && s.kind === 'postgres')!;
const dataMap = { ...fullMap, systems: [system] };

/** The same rows the map's walk reads, written by hand as one statement with the email bound. */
const HAND_WRITTEN = `WITH c AS (
    SELECT id, email, phone, full_name, postal_address, date_of_birth, sale_share_allowed, created_at
    FROM customers WHERE email = $1),
  o AS (SELECT id, customer_id, placed_at, status, total_cents, shipping_address
    FROM orders WHERE customer_id IN (SELECT id FROM c)),
  i AS (SELECT id, order_id, product, quantity, unit_price_cents FROM order_items WHERE order_id IN (SELECT id FROM o)),
  m AS (SELECT id, customer_id, sent_at, channel, subject, body FROM messages WHERE customer_id IN (SELECT id FROM c)),
  t AS (SELECT id, customer_id, opened_at, subject, description, status FROM tickets WHERE customer_id IN (SELECT id FROM c))
SELECT (SELECT json_agg(c) FROM c) AS customers, (SELECT json_agg(o) FROM o) AS orders,
  (SELECT json_agg(i) FROM i) AS order_items, (SELECT json_agg(m) FROM m) AS messages, (SELECT json_agg(t) FROM t) AS tickets`;

const randomPerson = (below: number) => 1 + Math.floor(Math.random() * below);
const ms = (value: number) => value.toFixed(2);
const summary = (values: number[]) =>
  `p50 ${ms(percentile(values, 50))} / p95 ${ms(percentile(values, 95))} / max ${ms(Math.max(...values))} ms`;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

function run(purpose: 'access' | 'erasure_preview' | 'erasure', id: number) {
  return {
    taskId: `bench-${id}`,
    purpose,
    identity: { email: benchEmail(id) },
    requestReference: 'RD-BENCH',
    organisationName: 'OfficerTRAK',
  };
}

/** Access end to end: the connector's run, then the zip the person receives. */
async function access(connector: DatabaseConnector, id: number): Promise<number> {
  const outcome = (await connector.run(run('access', id))) as Extract<SystemOutcome, { state: 'done' }>;
  if (!outcome.findings?.length) throw new Error(`person ${id} was not found`);
  const pkg = buildAccessPackage({
    organisation: { name: 'OfficerTRAK' },
    request: { reference: 'RD-BENCH', type: 'access', receivedAt: new Date(), regime: 'ccpa' },
    dataMap,
    policy: { timeZone: 'America/Los_Angeles', privacyEmail: 'privacy@officertrak.example' },
    systems: [
      {
        task: { systemId: system.id, systemKind: 'postgres', state: 'done', counts: outcome.counts, reason: null },
        findings: outcome.findings,
      },
    ],
  });
  return pkg.zip.length;
}

/** A session on `client` that keeps every statement the connector's code sends through it. */
function recordingSession(client: pg.Client, sent: { text: string; params: unknown[] }[]): SqlSession {
  const connection: DriverConnection = {
    async query(text, params) {
      sent.push({ text, params: [...params] });
      const result = await client.query(text, [...params]);
      return { rows: result.rows as Record<string, unknown>[], affected: result.rowCount ?? 0 };
    },
    release: () => undefined,
  };
  return new SqlSession(postgresDriver, connection, 5000);
}

async function explain(client: pg.Client, text: string, params: unknown[]): Promise<{ plan: string[]; ms: number }> {
  const rows = (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params)).rows as { 'QUERY PLAN': string }[];
  const plan = rows.map((r) => r['QUERY PLAN']);
  const execution = plan.find((line) => line.startsWith('Execution Time'))!;
  return { plan, ms: Number(/([\d.]+) ms/.exec(execution)![1]) };
}

/** Database time per person: the connector's statements (as its own code sends them) against the hand-written query. */
async function databaseTime(client: pg.Client, people: number[]) {
  const connectorMs: number[] = [];
  const handMs: number[] = [];
  const connectorWall: number[] = [];
  const handWall: number[] = [];
  let plans: string[] = [];
  for (const id of people) {
    const sent: { text: string; params: unknown[] }[] = [];
    const identity = { email: benchEmail(id) };
    connectorWall.push(
      (await timed(() => readPersonData(recordingSession(client, sent), system, identity, 10_000)))[1],
    );
    handWall.push((await timed(() => client.query(HAND_WRITTEN, [identity.email])))[1]);
    let total = 0;
    const explained: string[] = [];
    for (const { text, params } of sent) {
      const { plan, ms: took } = await explain(client, text, params);
      total += took;
      explained.push(`-- connector, access\n${text}\n${plan.join('\n')}`);
    }
    connectorMs.push(total);
    const hand = await explain(client, HAND_WRITTEN, [identity.email]);
    handMs.push(hand.ms);
    explained.push(`-- hand-written, one statement\n${HAND_WRITTEN}\n${hand.plan.join('\n')}`);
    if (plans.length === 0) {
      const previewSent: { text: string; params: unknown[] }[] = [];
      await previewErasure(recordingSession(client, previewSent), system, identity);
      for (const { text, params } of previewSent)
        explained.push(
          `-- connector, erasure preview\n${text}\n${(await explain(client, text, params)).plan.join('\n')}`,
        );
      plans = explained;
    }
  }
  return { connectorMs, handMs, connectorWall, handWall, plans };
}

/** Runs `total` access runs, `concurrency` at a time; runs per second. */
async function throughput(connector: DatabaseConnector, concurrency: number, total: number): Promise<number> {
  let next = 0;
  const [, took] = await timed(() =>
    Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < total) await access(connector, randomPerson(ACCESS_PEOPLE));
      }),
    ),
  );
  return total / (took / 1000);
}

async function main(): Promise<void> {
  console.log(`fulfilment of a connected PostgreSQL system, ${PEOPLE.toLocaleString('en')} people, sample ${SAMPLE}`);
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const url = await step('database', () => demoShapedDatabase(PEOPLE));
  const connector = new DatabaseConnector({ system, env: { [system.connection]: url } });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await access(connector, 1); // opens the pool
    const accessMs: number[] = [];
    let zipBytes = 0;
    for (let n = 0; n < SAMPLE; n++) {
      const [bytes, took] = await timed(() => access(connector, randomPerson(ACCESS_PEOPLE)));
      accessMs.push(took);
      zipBytes = bytes;
    }
    console.log(`access + package (zip ~${zipBytes} bytes): ${summary(accessMs)}   ceiling: under 1,000 ms each`);

    const reserved = (
      await client.query('SELECT id FROM customers WHERE id > $1 ORDER BY random() LIMIT $2', [ACCESS_PEOPLE, SAMPLE])
    ).rows.map((r: { id: number }) => r.id);
    const previewMs: number[] = [];
    const erasureMs: number[] = [];
    for (const id of reserved) {
      const [preview, p] = await timed(() => connector.run(run('erasure_preview', id)));
      const [, e] = await timed(() => connector.run(run('erasure', id)));
      if (preview.state !== 'done' || preview.counts.customers?.found !== 1) throw new Error(`person ${id} not found`);
      previewMs.push(p);
      erasureMs.push(e);
    }
    console.log(`erasure preview (${reserved.length} people): ${summary(previewMs)}`);
    console.log(`erasure (same people, 10 rows each deleted): ${summary(erasureMs)}`);

    const { connectorMs, handMs, connectorWall, handWall, plans } = await databaseTime(
      client,
      Array.from({ length: Math.min(SAMPLE, 50) }, () => randomPerson(ACCESS_PEOPLE)),
    );
    const ratio = percentile(connectorMs, 50) / percentile(handMs, 50);
    console.log(`database time per access (EXPLAIN ANALYZE execution time, ${connectorMs.length} people):`);
    console.log(`  connector's 5 statements: ${summary(connectorMs)}`);
    console.log(`  hand-written one query:   ${summary(handMs)}`);
    console.log(`  ratio at p50: ${ratio.toFixed(2)}×   ceiling: within 2×`);
    console.log(
      `round trips from Node, same people: connector ${summary(connectorWall)}; hand-written ${summary(handWall)}`,
    );
    mkdirSync('bench/results', { recursive: true });
    const plansFile = `bench/results/fulfilment-${PEOPLE}.plans.txt`;
    writeFileSync(plansFile, `${plans.join('\n\n')}\n`);
    for (const plan of plans) {
      const [title, statement] = plan.split('\n');
      const scan = BIG_TABLES.exec(plan);
      const verdict = scan ? `SEQ SCAN on ${scan[1]}` : /Index|Bitmap/.test(plan) ? 'uses an index' : 'NO INDEX';
      console.log(`  ${verdict}: ${title.slice(3)}: ${statement.slice(0, 90)}`);
    }
    console.log(`plans: ${plansFile}`);
    if (plans.some((plan) => BIG_TABLES.test(plan) || !/Index|Bitmap/.test(plan))) process.exitCode = 1;

    for (const concurrency of [4, 16]) {
      const perSecond = await throughput(connector, concurrency, THROUGHPUT_RUNS);
      console.log(`throughput, ${concurrency} at once, ${THROUGHPUT_RUNS} access runs: ${perSecond.toFixed(0)} runs/s`);
    }
  } finally {
    await client.end();
    await closeDatabasePools();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
