import { randomBytes } from 'node:crypto';

import { beforeAll, describe, expect, it } from '@jest/globals';

import { exitCodeOf } from '../apps/cli/src/process-launcher.js';
import { eventually } from './support/eventually.js';
import { csrfTokenIn, FormClient, linkIn, referenceIn } from './support/form-client.js';
import { confirmFromMail } from './support/requester.js';
import { freePort, launch } from './support/running-system.js';
import { createStaff, signIn } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';
import { testDatabaseUrl } from './support/test-env.js';

const SLUG = 'west-schoolmessenger';

interface LogLine {
  level: number;
  pid: number;
  msg?: string;
  traceId?: string;
  req?: { id?: string; method?: string; url?: string };
  res?: { statusCode?: number };
}

describe('structured logs of a whole request, from the form to the response mail', () => {
  const tag = randomBytes(4).toString('hex');
  const email = `logs-${tag}@example.org`;
  const name = `Quinn Tracewell${tag}`;
  const phone = '+1 415 555 0178';
  const requestId = `e2e-${tag}-trace`;
  // Debug: every line any process would write, so a leak at any level fails the search.
  const system = useRunningSystem({ db: 'pg', extraEnv: { LOG_LEVEL: 'debug' } });
  const secrets: string[] = [];
  let askTraceId: string;
  let lines: LogLine[];

  beforeAll(async () => {
    const requester = new FormClient(system.baseUrl);
    const form = await requester.get(`/o/${SLUG}/requests/new`);
    const filed = await requester.send(
      'POST',
      `/o/${SLUG}/requests`,
      {
        type: 'application/x-www-form-urlencoded',
        content: new URLSearchParams({
          _csrf: csrfTokenIn(form.body),
          name,
          email,
          phone,
          rightId: 'access',
          dataContext: 'own',
          relationship: 'self',
          details: `I am ${name}, reach me at ${email}`,
          website: '',
        }).toString(),
      },
      { 'x-request-id': requestId },
    );
    expect(filed.status).toBe(201);
    expect(filed.headers.get('x-request-id')).toBe(requestId);
    const reference = referenceIn(filed.body);

    const { verifyUrl, statusUrl } = await confirmFromMail(system.sink, system.baseUrl, email);
    secrets.push(new URL(verifyUrl).pathname.split('/').pop()!, new URL(statusUrl).pathname.split('/').pop()!);
    expect((await requester.get(statusUrl)).status).toBe(200);

    const admin = await signIn(system.baseUrl, await createStaff({ [SLUG]: 'admin' }, 'Log Admin'));
    const {
      rows: [{ id }],
    } = await system.db.query<{ id: string }>('SELECT id FROM data_subject_request WHERE reference = $1', [reference]);
    const page = `/staff/orgs/${SLUG}/requests/${id}`;
    expect((await admin.submitForm(page, `${page}/start`, {})).status).toBe(303);
    const asked = await admin.submitForm(page, `${page}/ask`, { question: 'Which school are you at?' });
    expect(asked.status).toBe(303);
    askTraceId = asked.headers.get('x-request-id')!;
    const [, question] = await system.sink.waitForMailsTo(email, 2);
    secrets.push(new URL(linkIn(question.text, system.baseUrl, '/s/')).pathname.split('/').pop()!);

    const worker = system.workers[0]!.pid;
    const parsed = () =>
      system
        .output()
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as LogLine);
    // The mail is in the sink a moment before its job ends and says so.
    await eventually(
      async () => parsed().some((l) => l.pid === worker && l.traceId === askTraceId && /done in/.test(l.msg ?? '')),
      "the worker's line for the question's mail job",
    );
    lines = parsed();
  }, 90_000);

  it('writes JSON lines only, and none of them names the requester or holds a link token', () => {
    expect(lines.length).toBeGreaterThan(20);
    const text = JSON.stringify(lines).toLowerCase();
    const local = email.split('@')[0]!;
    for (const leak of [email, local, name, '415 555 0178', '4155550178', ...secrets])
      expect(text).not.toContain(leak.toLowerCase());
    // The searched lines are the ones that would have held them: the form post, and the status page by its link.
    expect(lines).toContainEqual(
      expect.objectContaining({ req: expect.objectContaining({ method: 'POST', url: `/o/${SLUG}/requests` }) }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ req: expect.objectContaining({ method: 'GET', url: '/s/:token' }) }),
    );
  });

  it("carries a request's X-Request-Id into the log lines of the jobs it caused", () => {
    const worker = system.workers[0]!.pid;
    const api = lines.find((l) => l.req?.method === 'POST' && l.req.url === `/o/${SLUG}/requests`)!;
    expect(api).toMatchObject({ traceId: requestId, req: { id: requestId }, res: { statusCode: 201 } });
    expect(api.pid).not.toBe(worker);
    const jobs = lines.filter((l) => l.pid === worker && l.traceId === requestId).map((l) => l.msg);
    expect(jobs).toContainEqual(expect.stringMatching(/^job verification\.send:[0-9a-f-]{36}:initial done in \d+ ms$/));
    const ask = lines.filter((l) => l.pid === worker && l.traceId === askTraceId).map((l) => l.msg);
    expect(ask).toContainEqual(expect.stringMatching(/^job requester\.notify:[0-9a-f-]{36}:\S+ done in \d+ ms$/));
  });
});

describe('a process that fails while starting', () => {
  it.each(['api', 'worker'] as const)('says why in a JSON line too (the %s)', async (app) => {
    const port = await freePort();
    const output: Buffer[] = [];
    const child = launch(
      app,
      {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        DATABASE_URL: `${testDatabaseUrl()}_missing`,
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
      },
      output,
    );
    expect(await exitCodeOf(child)).not.toBe(0);
    const lines = Buffer.concat(output)
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as LogLine & { err?: { message?: string } });
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 50,
        err: expect.objectContaining({ message: expect.stringMatching(/does not exist/) }),
      }),
    );
  });
});
