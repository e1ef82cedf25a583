import 'reflect-metadata';

import { type ChildProcess, execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

import { createDataSource, OrganisationDirectory } from '#db';
import { rightsOffered } from '#policy';

import type { RequestFormDto } from '../apps/api/src/intake/request-form.dto.js';
import { RequestIntakeService } from '../apps/api/src/intake/request-intake.service.js';
import { OptOutService } from '../apps/api/src/suppression/opt-out.service.js';
import { launchNode, printed, stopProcess } from '../apps/cli/src/process-launcher.js';
import { QueryRecorder } from './query-recorder.js';
import { BENCH_SIZES, fillRequests } from './request-fill.js';
import { createScratchDatabase, percentile, step } from './scratch-database.js';

/**
 * Intake against its ceiling, at each size of BENCH_SIZES: HTTP submissions of the public form (validate, then the
 * request, its timeline entry, its schedule and its job in one transaction) with autocannon at 10 and 50
 * connections; beside it, in the same run, pgbench replaying the SQL that one submission sends, and the same
 * endpoint with the database write removed (bench/intake-without-write.main.ts).
 */
const CONNECTIONS = [10, 50];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ORG = 'officertrak';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PGBENCH = '/usr/bin/pgbench';
const run = promisify(execFile);

interface Figure {
  perSecond: number;
  p50: number;
  p99: number;
}

/** A SQL literal. pgbench reads ":name" as a variable even inside quotes, so colons are written as Unicode escapes. */
const literal = (value: unknown): string => {
  if (value === null || value === undefined) return 'NULL';
  if (Buffer.isBuffer(value)) return `'\\x${value.toString('hex')}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : JSON.stringify(value);
  const quoted = text.replace(/'/g, "''");
  return text.includes(':') ? `U&'${quoted.replace(/\\/g, '\\\\').replace(/:/g, '\\003A')}'` : `'${quoted}'`;
};

/**
 * The SQL one submission sends (recorded from TypeORM in-process through RequestIntakeService, not retyped), as a
 * pgbench script: parameters inlined, and what must differ per transaction made to differ: the reference (unique),
 * the request's id (returned by its INSERT, then used by the rest) and the timeline entry's place in its chain.
 */
async function intakeScript(url: string): Promise<string> {
  const recorder = new QueryRecorder();
  const dataSource = await new DataSource({
    ...createDataSource(url).options,
    logger: recorder,
    logging: ['query'],
  }).initialize();
  try {
    const context = (await new OrganisationDirectory(dataSource).bySlug(ORG))!;
    const right = rightsOffered(context.policy).find((r) => r.id === 'access')!;
    const form = {
      name: 'Bench Requester',
      email: 'bench@example.org',
      phone: '',
      rightId: 'access',
      relationship: 'self',
      details: '',
    } as RequestFormDto;
    recorder.queries.length = 0;
    const request = await new RequestIntakeService(dataSource, new OptOutService()).submit(
      context,
      right,
      form,
      new Date(),
    );
    const sent = [...recorder.queries];
    const [{ seq }] = await dataSource.query('SELECT seq FROM audit_entry WHERE request_id = $1', [request.id]);
    // Later statements use the request's id, so each transaction picks it first.
    const lines = ['\\set n random(1, 1000000000000)', 'SELECT gen_random_uuid() AS request_id \\gset'];
    for (const { query, parameters } of sent) {
      if (/^(START TRANSACTION|BEGIN)$/i.test(query)) {
        lines.push('BEGIN;');
        continue;
      }
      if (/^COMMIT$/i.test(query)) {
        lines.push('COMMIT;');
        continue;
      }
      const isAuditInsert = /^INSERT INTO "audit_entry"/.test(query);
      let sql = query.replace(/\$(\d+)/g, (_, i: string) => {
        const value = parameters[Number(i) - 1];
        if (value === request.id) return ':request_id::uuid';
        if (value === request.reference) return "('RD-' || :n::text)";
        // A job id or payload naming the request names this transaction's request.
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        if (
          typeof value !== 'string' &&
          value !== null &&
          typeof value === 'object' &&
          !(value instanceof Date) &&
          text.includes(request.id)
        ) {
          return `replace(${literal(text)}, ${literal(request.id)}, :request_id::text)::jsonb`;
        }
        if (typeof value === 'string' && value.includes(request.id)) {
          // TypeORM sends jsonb values as JSON text: those stay jsonb.
          return `replace(${literal(value)}, ${literal(request.id)}, :request_id::text)${value.startsWith('{') ? '::jsonb' : ''}`;
        }
        if (isAuditInsert && value === Number(seq))
          return `(SELECT coalesce(max(seq), 0) + 1 FROM audit_entry WHERE organisation_id = ${literal(context.organisation.id)})`;
        return literal(value);
      });
      sql = sql.replace(/\s+/g, ' ');
      // The request's id comes from the database (DEFAULT, then RETURNING): here it is the transaction's own.
      if (/^INSERT INTO "data_subject_request"\("id",/.test(sql))
        sql = sql.replace(/VALUES \(DEFAULT,/, 'VALUES (:request_id::uuid,');
      lines.push(`${sql};`);
    }
    return `${lines.join('\n')}\n`;
  } finally {
    await dataSource.destroy();
  }
}

/** pgbench with the script at `clients` connections; per-transaction latencies from its log. */
async function pgbench(url: string, script: string, clients: number): Promise<Figure> {
  const directory = mkdtempSync(join(tmpdir(), 'rd-pgbench-'));
  try {
    writeFileSync(join(directory, 'intake.sql'), script);
    const { stdout } = await run(
      PGBENCH,
      [
        '-n',
        '-M',
        'extended',
        '-c',
        String(clients),
        '-j',
        '2',
        '-T',
        String(SECONDS),
        '-f',
        join(directory, 'intake.sql'),
        '-l',
        '--log-prefix',
        join(directory, 'tx'),
        url,
      ],
      { maxBuffer: 1 << 24 },
    );
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1]);
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
    if (!tps || failed > 0) throw new Error(`pgbench: ${stdout}`);
    // Log lines: client_id transaction_no time(µs) script_no time_epoch time_us
    const latencies = readdirSync(directory)
      .filter((f) => f.startsWith('tx'))
      .flatMap((f) => readFileSync(join(directory, f), 'utf8').trim().split('\n'))
      .map((line) => Number(line.split(' ')[2]) / 1000);
    return { perSecond: tps, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

async function startApi(entry: string, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = launchNode(entry, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  await printed(child, /listening/);
  return child;
}

/** autocannon posting the form with one valid CSRF pair (fetched once): every answer must be 201. */
async function submissions(baseUrl: string, connections: number): Promise<Figure> {
  const page = await fetch(`${baseUrl}/o/${ORG}/requests/new`);
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1];
  const body = new URLSearchParams({
    _csrf: token,
    name: 'Bench Requester',
    email: 'bench@example.org',
    phone: '',
    rightId: 'access',
    relationship: 'self',
    details: '',
    website: '',
  }).toString();
  const result = await autocannon({
    url: `${baseUrl}/o/${ORG}/requests`,
    method: 'POST',
    connections,
    duration: SECONDS,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body,
  });
  const accepted = result['2xx'];
  if (result.non2xx > 0 || result.errors > 0 || accepted === 0)
    throw new Error(`${result.non2xx} answers were not 2xx, ${result.errors} errors`);
  return { perSecond: accepted / SECONDS, p50: result.latency.p50, p99: result.latency.p99 };
}

function cli(command: string, env: NodeJS.ProcessEnv): Promise<void> {
  return run(process.execPath, ['dist/apps/cli/src/main.js', command], { env }).then(() => undefined);
}

async function measure(size: number): Promise<Map<number, Record<string, Figure>>> {
  const scratch = await createScratchDatabase('intake');
  const prefix = `rdbench${randomBytes(3).toString('hex')}`;
  const figures = new Map<number, Record<string, Figure>>();
  try {
    const env = {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      DATABASE_URL: scratch.url,
      REDIS_URL,
      REDIS_PREFIX: prefix,
    };
    await cli('seed', env);
    const dataSource = await createDataSource(scratch.url).initialize();
    await step(`fill ${size.toLocaleString('en')} requests`, () => fillRequests(dataSource, size, new Date()));
    await dataSource.destroy();
    const script = await intakeScript(scratch.url);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/intake.pgbench.sql', script);
    // Limits raised for the bench: every submission comes from one address.
    const apiEnv = { ...env, INTAKE_RATE_LIMIT: '100000000', PORT: '0' };
    for (const connections of CONNECTIONS) {
      const row: Record<string, Figure> = {};
      for (const [label, entry] of [
        ['intake', 'dist/apps/api/src/main.js'],
        ['without write', 'dist/bench/intake-without-write.main.js'],
      ] as const) {
        const port = String(20_000 + Math.floor(Math.random() * 20_000));
        const api = await startApi(entry, { ...apiEnv, PORT: port, PUBLIC_URL: `http://127.0.0.1:${port}` });
        try {
          row[label] = await submissions(`http://127.0.0.1:${port}`, connections);
        } finally {
          await stopProcess(api);
        }
      }
      row.pgbench = await pgbench(scratch.url, script, connections);
      figures.set(connections, row);
      const f = (x: Figure) => `${x.perSecond.toFixed(0)}/s (p50 ${x.p50.toFixed(1)} ms, p99 ${x.p99.toFixed(1)} ms)`;
      console.log(
        `  ${size.toLocaleString('en')} requests, ${connections} connections: intake ${f(row.intake)}; without the write ${f(row['without write'])}; pgbench ${f(row.pgbench)}`,
      );
    }
    return figures;
  } finally {
    await scratch.drop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  console.log(`intake: POST /o/${ORG}/requests, ${SECONDS} s per measurement, sizes ${BENCH_SIZES.join(', ')}`);
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const rows: string[] = [];
  for (const size of BENCH_SIZES) {
    for (const [connections, row] of await measure(size)) {
      const cell = (x: Figure) => `${x.perSecond.toFixed(0)} (${x.p50.toFixed(1)} / ${x.p99.toFixed(1)})`;
      rows.push(
        `| ${size.toLocaleString('en')} | ${connections} | ${cell(row.intake)} | ${cell(row['without write'])} | ${cell(row.pgbench)} | ${(
          (100 * row.intake.perSecond) /
          row['without write'].perSecond
        ).toFixed(0)}% | ${((100 * row.intake.perSecond) / row.pgbench.perSecond).toFixed(0)}% |`,
      );
    }
  }
  console.log(
    '| requests stored | connections | intake: /s (p50 / p99 ms) | without the write | pgbench, same SQL | intake ÷ without write | intake ÷ pgbench |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  console.log('pgbench script: bench/results/intake.pgbench.sql');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
