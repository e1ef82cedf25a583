import { createHmac } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { type DataSubjectRequest, FulfilmentTask, SystemFindings } from '#db';
import type { DataMap } from '#policy';

import { auditOf, planTasks, signedHeaders, taskIn, useDataMap } from './support/connected-systems.js';
import { eventually } from './support/eventually.js';
import { storeRequest } from './support/stored-requests.js';
import { useRunningSystem } from './support/system-fixture.js';

const ORG = 'prontotrak';
const DESK_SECRET = 'the support desk secret of this spec';
const DEMO_SECRET = 'the demo desk secret of this spec';

interface DeskCall {
  path: string;
  body: { task: string; purpose: string; identity: { email?: string }; callback_url: string };
  /** Whether the call bore a valid signature, checked as a service would, by the documented recipe. */
  signed: boolean;
}

type Answer = (res: ServerResponse) => void;
const json =
  (status: number, body: unknown): Answer =>
  (res) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const silence: Answer = () => undefined;

/** The organisation's support desk: a real HTTP service that answers each person's calls as the test scripts them. */
class Desk {
  readonly calls: DeskCall[] = [];
  private readonly scripts = new Map<string, Answer[]>();
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(req.headers['rightsdesk-timestamp']);
      const expected = createHmac('sha256', DESK_SECRET).update(`${timestamp}.${raw}`).digest('hex');
      const body = JSON.parse(raw) as DeskCall['body'];
      this.calls.push({ path: req.url!, body, signed: req.headers['rightsdesk-signature'] === `v1=${expected}` });
      (this.scripts.get(body.identity.email ?? '')?.shift() ?? json(500, {}))(res);
    });
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/desk`;
  }

  /** How the desk answers this person's next calls, in order. */
  script(email: string, answers: Answer[]): void {
    this.scripts.set(email, answers);
  }

  callsFor(taskId: string): DeskCall[] {
    return this.calls.filter((call) => call.body.task === taskId);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const service = (id: string, env: string) => ({
  id,
  name: id === 'desk' ? 'Support desk' : 'Demo support desk',
  kind: 'http' as const,
  connection: `${env}_URL`,
  secret: `${env}_SECRET`,
  categories: ['communications' as const],
  purposes: ['Answer support questions'],
  sources: ['You'],
  recipients: [],
});

const MAP: DataMap = { organisation: ORG, systems: [service('desk', 'DESK'), service('demo', 'DEMO')] };

const desk = new Desk();
beforeAll(() => desk.start());
afterAll(() => desk.stop());

describe('connected services over signed HTTP', () => {
  const system = useRunningSystem({
    db: 'typeorm',
    ownStorage: 'services',
    extraEnv: (baseUrl) => ({
      DESK_URL: desk.url,
      DESK_SECRET,
      // The dev pages' demo service, on the api itself, as `npm start` maps it.
      DEMO_URL: `${baseUrl}/dev/demo-systems/${ORG}/support`,
      DEMO_SECRET,
      FULFILMENT_ATTEMPTS: '2',
      FULFILMENT_BACKOFF_MS: '200',
      FULFILMENT_SERVICE_TIMEOUT_MS: '1000',
    }),
  });

  beforeAll(() => useDataMap(system.db, MAP));

  let people = 0;
  const person = async (rightId: string): Promise<{ email: string; request: DataSubjectRequest }> => {
    const email = `person-${++people}-${Date.now()}@example.org`;
    const request = await storeRequest(system.db, {
      slug: ORG,
      rightId,
      status: 'in_progress',
      channel: 'web',
      receivedAt: new Date(),
      email,
    });
    return { email, request };
  };
  const taskOf = (tasks: FulfilmentTask[], systemId: string) => tasks.find((t) => t.systemId === systemId)!;
  const callback = (taskId: string, body: string, headers: Record<string, string>) =>
    fetch(`${system.baseUrl}/systems/callback/${taskId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('takes an answer given at once: rows kept apart, counts only on the timeline', async () => {
    const { email, request } = await person('access');
    const rows = [
      { id: 'T-1', subject: 'Cannot sign in', from: email },
      { id: 'T-2', subject: 'Invoice', from: email },
    ];
    desk.script(email, [json(200, { tables: [{ table: 'tickets', rows }] })]);
    const tasks = await planTasks(system.db, request, 'access', new Date());
    const done = await taskIn(system.db, taskOf(tasks, 'desk').id, 'done');
    expect(done.counts).toEqual({ tickets: { found: 2 } });
    expect(await system.db.getRepository(SystemFindings).findOneBy({ taskId: done.id })).toMatchObject({
      tables: [{ table: 'tickets', rows }],
    });
    const [call] = desk.callsFor(done.id);
    expect(call).toEqual({
      path: '/desk/access',
      signed: true,
      body: {
        task: done.id,
        purpose: 'access',
        request: request.reference,
        identity: { email },
        callback_url: `${system.baseUrl}/systems/callback/${done.id}`,
      },
    });
    const timeline = await auditOf(system.db, request.id, 'fulfilment.system_done');
    expect(timeline).toContainEqual({
      action: 'fulfilment.system_done',
      actor_label: 'system',
      detail: { systemId: 'desk', purpose: 'access', counts: { tickets: { found: 2 } } },
    });
    expect(JSON.stringify(timeline)).not.toContain(email);

    // The dev pages' demo desk answers at once too, with tickets made up from the person's address.
    const demo = await taskIn(system.db, taskOf(tasks, 'demo').id, 'done');
    const found = demo.counts!.tickets.found!;
    expect(found).toBeGreaterThanOrEqual(1);
    const demoRows = (await system.db.getRepository(SystemFindings).findOneByOrFail({ taskId: demo.id })).tables;
    expect(demoRows).toHaveLength(1);
    expect(demoRows[0].rows).toHaveLength(found);
    expect(demoRows[0].rows.every((row) => row.requester_email === email)).toBe(true);
  });

  it('waits for a service that answers later, and records its signed callback once', async () => {
    const { email, request } = await person('ccpa-deletion');
    desk.script(email, [json(202, { accepted: true })]);
    const tasks = await planTasks(system.db, request, 'erasure', new Date());
    const waiting = await taskIn(system.db, taskOf(tasks, 'desk').id, 'awaiting_vendor');
    const result = JSON.stringify({ task: waiting.id, counts: { tickets: { deleted: 4, remaining: 0 } } });

    const refusals = [
      [result, signedHeaders('not the shared secret', result, new Date()), 401],
      [result, signedHeaders(DESK_SECRET, result, new Date(Date.now() - 6 * 60_000)), 401],
      [result, {}, 401],
      [result.replace('"deleted":4', '"deleted":40'), signedHeaders(DESK_SECRET, result, new Date()), 401],
    ] as const;
    for (const [body, headers, status] of refusals) {
      const refused = await callback(waiting.id, body, headers);
      expect({ status: refused.status, type: refused.headers.get('content-type') }).toEqual({
        status,
        type: expect.stringContaining('application/json'),
      });
    }
    const otherTask = JSON.stringify({ task: tasks.find((t) => t.id !== waiting.id)!.id, counts: {} });
    expect((await callback(waiting.id, otherTask, signedHeaders(DESK_SECRET, otherTask, new Date()))).status).toBe(400);
    const huge = JSON.stringify({
      task: waiting.id,
      counts: { t: { deleted: 1 } },
      padding: 'a'.repeat(5 * 1024 * 1024),
    });
    const tooLarge = await callback(waiting.id, huge, signedHeaders(DESK_SECRET, huge, new Date()));
    expect({ status: tooLarge.status, body: await tooLarge.text() }).toEqual({ status: 413, body: expect.any(String) });
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await callback(unknown, result, signedHeaders(DESK_SECRET, result, new Date()))).status).toBe(404);
    expect((await system.db.getRepository(FulfilmentTask).findOneByOrFail({ id: waiting.id })).state).toBe(
      'awaiting_vendor',
    );

    const headers = signedHeaders(DESK_SECRET, result, new Date());
    const taken = await callback(waiting.id, result, headers);
    expect({ status: taken.status, body: await taken.json() }).toEqual({ status: 200, body: { recorded: 'done' } });
    const done = await system.db.getRepository(FulfilmentTask).findOneByOrFail({ id: waiting.id });
    expect({ state: done.state, counts: done.counts }).toEqual({
      state: 'done',
      counts: { tickets: { deleted: 4, remaining: 0 } },
    });
    // The same signed callback again, well within its window: taken once.
    const replayed = await callback(waiting.id, result, headers);
    expect(replayed.status).toBe(409);
    const deskDone = (await auditOf(system.db, request.id, 'fulfilment.system_done')).filter(
      (e) => e.detail.systemId === 'desk',
    );
    expect(deskDone).toEqual([
      {
        action: 'fulfilment.system_done',
        actor_label: 'system',
        detail: {
          systemId: 'desk',
          purpose: 'erasure',
          counts: { tickets: { deleted: 4, remaining: 0 } },
          remaining: 0,
        },
      },
    ]);

    // The demo desk answers 202 and calls back a second later, signed: the answer-later path of `npm start`.
    const demo = await taskIn(system.db, taskOf(tasks, 'demo').id, 'done');
    expect(demo.counts).toEqual({ tickets: { deleted: expect.any(Number), remaining: 0 } });
    expect(demo.counts!.tickets.deleted).toBeGreaterThanOrEqual(1);
  });

  it('records a service that fails, and takes its answer when a retry finds it recovered', async () => {
    const { email, request } = await person('access');
    desk.script(email, [
      json(500, { error: 'database down' }),
      json(200, { tables: [{ table: 'tickets', rows: [] }] }),
    ]);
    const [task] = (await planTasks(system.db, request, 'access', new Date())).filter((t) => t.systemId === 'desk');
    const done = await taskIn(system.db, task.id, 'done');
    expect({ attempts: done.attempts, errorClass: done.errorClass, counts: done.counts }).toEqual({
      attempts: 2,
      errorClass: null,
      counts: { tickets: { found: 0 } },
    });
    const timeline = await auditOf(system.db, request.id, 'fulfilment.system_failed', 'fulfilment.system_done');
    expect(timeline.filter((e) => e.detail.systemId === 'desk').map((e) => [e.action, e.detail.errorClass])).toEqual([
      ['fulfilment.system_failed', 'failed'],
      ['fulfilment.system_done', undefined],
    ]);
  });

  it('gives up on a service that does not answer in time, and leaves the task failed as a timeout', async () => {
    const { email, request } = await person('access');
    desk.script(email, [silence, silence]);
    const [task] = (await planTasks(system.db, request, 'access', new Date())).filter((t) => t.systemId === 'desk');
    let failed: FulfilmentTask | null = null;
    await eventually(async () => {
      failed = await system.db.getRepository(FulfilmentTask).findOneBy({ id: task.id });
      return failed?.state === 'failed' && failed.attempts === 2;
    }, 'the task failed on both runs');
    expect(failed!.errorClass).toBe('timeout');
    expect(desk.callsFor(task.id)).toHaveLength(2);
  });
});
