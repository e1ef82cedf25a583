import 'reflect-metadata';

import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';

import { Redis } from 'ioredis';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';

import { createDataSource } from '#db';

import { exitCodeOf, launchNode, printed, stopProcess } from '../apps/cli/src/process-launcher.js';
import { BENCH_SIZES, fillRequests } from './request-fill.js';
import { createScratchDatabase, step } from './scratch-database.js';

/**
 * Mails per second from the built worker to a local SMTP sink, through the whole real path: outbox relay →
 * BullMQ → verification handler → MailLedger (advisory lock, link tokens, ledger row and timeline entry in
 * Postgres) → nodemailer's pooled SMTP transport. With one worker process, then two, on a database already holding
 * each size of BENCH_SIZES requests (of 20 other organisations). Run with `npm run bench`.
 */
const MAILS = Number(process.env.BENCH_MAILS ?? 3_000);
const WARM_UP = 50;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** A right needing verification in each seeded organisation: every request gets a verification mail. */
const RIGHTS: Record<string, string> = {
  officertrak: 'access',
  prontotrak: 'access',
  'securus-software': 'access',
  'securus-technologies': 'ccpa-know',
  'west-schoolmessenger': 'access',
};

/** Counts the messages it accepted; reads nothing else, so the sink costs the machine little. */
class CountingSink {
  accepted = 0;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, _session, callback) => {
      stream.on('end', () => {
        this.accepted++;
        callback();
      });
      stream.resume();
    },
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  async waitFor(count: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.accepted < count) {
      if (Date.now() > deadline)
        throw new Error(`only ${this.accepted} of ${count} mails arrived within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function run(command: string, env: NodeJS.ProcessEnv): Promise<void> {
  const code = await exitCodeOf(
    launchNode('dist/apps/cli/src/main.js', { env, args: [command], stdio: ['ignore', 'ignore', 'inherit'] }),
  );
  if (code !== 0) throw new Error(`cli ${command} exited with ${code}`);
}

/** Starts a worker process and resolves once it says it is running. */
async function startWorker(env: NodeJS.ProcessEnv) {
  const child = launchNode('dist/apps/worker/src/main.js', { env, stdio: ['ignore', 'pipe', 'inherit'] });
  await printed(child, /worker running/);
  return child;
}

/** Unverified requests with their verification job in the outbox, in one transaction, as intake writes them. */
async function enqueue(db: pg.Client, label: string, count: number): Promise<void> {
  await db.query(
    `WITH org AS (
       SELECT o.id, p.id AS policy, r AS right, row_number() OVER (ORDER BY o.slug) - 1 AS n, count(*) OVER () AS total
         FROM organisation o JOIN policy_version p ON p.id = o.current_policy_version_id
              CROSS JOIN LATERAL jsonb_array_elements(p.document->'rights') r
        WHERE r->>'id' = ($3::jsonb)->>o.slug
     ), inserted AS (
       INSERT INTO data_subject_request (reference, organisation_id, policy_version_id, right_id, type, regime, channel,
              status, requester_name, requester_email, relationship, received_at, clock_started_at, due_at,
              verification_required)
       SELECT 'RD-' || $1 || '-' || g, org.id, org.policy, org.right->>'id', org.right->>'type', org.right->>'regime', 'web',
              'unverified', 'Bench Requester', $1 || '-' || g || '@example.org', 'self', now(), now(),
              now() + interval '30 days', org.right->>'verification'
         FROM generate_series(1, $2::int) g JOIN org ON org.n = g % org.total
       RETURNING id
     )
     INSERT INTO outbox_message (job_name, job_id, payload)
     SELECT 'verification.send', 'verification.send:' || id || ':initial', jsonb_build_object('requestId', id) FROM inserted`,
    [label, count, JSON.stringify(RIGHTS)],
  );
}

async function measure(db: pg.Client, sink: CountingSink, workers: number, env: NodeJS.ProcessEnv): Promise<number> {
  const processes = await Promise.all(Array.from({ length: workers }, () => startWorker(env)));
  try {
    await enqueue(db, `warm${workers}`, WARM_UP);
    await sink.waitFor(sink.accepted + WARM_UP, 60_000);
    const target = sink.accepted + MAILS;
    const started = performance.now();
    await enqueue(db, `run${workers}`, MAILS);
    await sink.waitFor(target, 600_000);
    const seconds = (performance.now() - started) / 1000;
    const rate = MAILS / seconds;
    console.log(
      `  ${workers} worker process${workers > 1 ? 'es' : ''}: ${MAILS} mails in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} mails/s`,
    );
    return rate;
  } finally {
    await Promise.all(processes.map((worker) => stopProcess(worker)));
  }
}

async function main(): Promise<void> {
  console.log(
    `mail throughput: ${MAILS} verification mails from the worker to a local SMTP sink, sizes ${BENCH_SIZES.join(', ')}`,
  );
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const rows: string[] = [];
  for (const size of BENCH_SIZES) {
    const [one, two] = await atSize(size);
    rows.push(`| ${size.toLocaleString('en')} | ${one.toFixed(0)} mails/s | ${two.toFixed(0)} mails/s |`);
  }
  console.log(`| requests stored | 1 worker process | 2 worker processes |\n| --- | --- | --- |\n${rows.join('\n')}`);
}

async function atSize(size: number): Promise<[number, number]> {
  console.log(`  ${size.toLocaleString('en')} requests stored:`);
  const scratch = await createScratchDatabase('mail');
  const prefix = `rdbench${randomBytes(3).toString('hex')}`;
  const sink = new CountingSink();
  const db = new pg.Client({ connectionString: scratch.url });
  try {
    const env = {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      DATABASE_URL: scratch.url,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      SMTP_URL: await sink.start(),
    };
    await run('seed', env);
    const dataSource = await createDataSource(scratch.url).initialize();
    await step(`fill ${size.toLocaleString('en')} requests`, () => fillRequests(dataSource, size, new Date()));
    await dataSource.destroy();
    await db.connect();
    const one = await measure(db, sink, 1, env);
    const two = await measure(db, sink, 2, env);
    const [{ sent, verifications, requests }] =
      // The bench's own requests, not the filled ones (requester<n>@…), which get only the daily staff mails.
      (
        await db.query(
          `SELECT (SELECT count(*) FROM sent_message) AS sent, (SELECT count(*) FROM sent_message WHERE template = 'verification') AS verifications,
                (SELECT count(*) FROM data_subject_request WHERE requester_email NOT LIKE 'requester%') AS requests`,
        )
      ).rows;
    if (Number(sent) !== sink.accepted || Number(verifications) !== Number(requests)) {
      throw new Error(
        `ledger ${sent} (${verifications} verifications), requests ${requests}, sink ${sink.accepted}: they should agree`,
      );
    }
    console.log(
      `  ledger, requests and sink agree: ${verifications} verification mails, each once (and ${Number(sent) - Number(verifications)} daily staff mails)`,
    );
    return [one, two];
  } finally {
    await db.end();
    await sink.stop();
    await scratch.drop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
