import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';

import type { HttpSystem } from '#policy';
import type { FulfilmentPurpose } from '#workflow';

import { SystemError, type SystemRun } from '../connector.js';
import { HttpConnector, MAX_ANSWER_BYTES } from './http-connector.js';
import { checkSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhook-signature.js';

interface Call {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A real HTTP server on a loopback port: records each call, and answers it as the test says. */
class Service {
  calls: Call[] = [];
  answer: (res: ServerResponse, call: Call) => void = (res) => res.writeHead(200).end('{}');
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const call = { path: req.url!, headers: req.headers, body: Buffer.concat(chunks) };
      this.calls.push(call);
      this.answer(res, call);
    });
  });

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const json = (status: number, body: unknown) => (res: ServerResponse) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

const SECRET = 'the support desk secret, long enough';
const system: HttpSystem = {
  id: 'support-desk',
  name: 'Support desk',
  kind: 'http',
  connection: 'DESK_URL',
  secret: 'DESK_SECRET',
  categories: ['communications'],
  purposes: [],
  sources: [],
  recipients: [],
};
const now = new Date();
const run = (purpose: FulfilmentPurpose): SystemRun => ({
  taskId: '0b7f2c4e-8d1a-4c3b-9e6f-5a4d3c2b1a09',
  purpose,
  identity: { email: 'ada@example.org', phone: '+15550100123' },
  requestReference: 'RD-7K3F-92QX',
  organisationName: 'ProntoTrak',
});
const connector = (base: string, options: { timeoutMs?: number; env?: Record<string, string> } = {}) =>
  new HttpConnector(system, options.env ?? { DESK_URL: base, DESK_SECRET: SECRET }, {
    publicUrl: 'https://rightsdesk.example',
    serviceTimeoutMs: options.timeoutMs ?? 5000,
    now: () => now,
  });

/** The SystemError a run fails with; the test fails if it resolves. */
async function failure(promise: Promise<unknown>): Promise<SystemError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SystemError);
  const refused = error as SystemError;
  // Whatever went wrong, staff and the logs never see the person's identity or the service's URL.
  expect(refused.message).not.toMatch(/ada@example\.org|5550100123|127\.0\.0\.1/);
  return refused;
}

describe('HttpConnector against a local service', () => {
  const service = new Service();
  const elsewhere = new Service();

  beforeAll(async () => {
    await service.start();
    await elsewhere.start();
  });
  afterAll(async () => {
    await service.stop();
    await elsewhere.stop();
  });
  beforeEach(() => {
    service.calls = [];
    elsewhere.calls = [];
  });

  it('posts the signed request, and an access answered now is done with its rows and counts', async () => {
    const rows = [
      { id: 'T-1', subject: 'Cannot sign in' },
      { id: 'T-2', subject: 'Invoice' },
    ];
    service.answer = json(200, { tables: [{ table: 'tickets', rows }] });
    const outcome = await connector(`${service.url}/support/`).run(run('access'));
    expect(outcome).toEqual({
      state: 'done',
      counts: { tickets: { found: 2 } },
      findings: [{ table: 'tickets', rows }],
    });
    const [call] = service.calls;
    expect(call.path).toBe('/support/access');
    expect(call.headers['content-type']).toBe('application/json');
    expect(JSON.parse(call.body.toString())).toEqual({
      task: run('access').taskId,
      purpose: 'access',
      request: 'RD-7K3F-92QX',
      identity: { email: 'ada@example.org', phone: '+15550100123' },
      callback_url: `https://rightsdesk.example/systems/callback/${run('access').taskId}`,
    });
    const headers = { timestamp: call.headers[TIMESTAMP_HEADER], signature: call.headers[SIGNATURE_HEADER] };
    expect(checkSignature(SECRET, headers, call.body, new Date())).toEqual({ ok: true });
    expect(checkSignature('another secret', headers, call.body, new Date())).toEqual({
      ok: false,
      problem: 'mismatch',
    });
  });

  it('takes an erasure answered now with its counts', async () => {
    service.answer = json(200, { counts: { tickets: { deleted: 3, remaining: 0 }, invoices: { retained: 1 } } });
    expect(await connector(service.url).run(run('erasure'))).toEqual({
      state: 'done',
      counts: { tickets: { deleted: 3, remaining: 0 }, invoices: { retained: 1 } },
    });
    expect(service.calls.map((c) => c.path)).toEqual(['/erasure']);
  });

  it('waits for the callback when the service answers 202', async () => {
    service.answer = json(202, { accepted: true });
    expect(await connector(service.url).run(run('erasure'))).toEqual({ state: 'awaiting_vendor' });
  });

  it('is refused on a 4xx, and fails on a 5xx, then recovers when the service does', async () => {
    service.answer = json(403, { error: 'no such customer ada@example.org' });
    expect((await failure(connector(service.url).run(run('access')))).errorClass).toBe('refused');
    service.answer = json(500, { error: 'database down' });
    const desk = connector(service.url);
    const failed = await failure(desk.run(run('access')));
    expect([failed.errorClass, failed.detail]).toEqual(['failed', 'the service answered HTTP 500']);
    service.answer = json(200, { tables: [] });
    expect(await desk.run(run('access'))).toEqual({ state: 'done', counts: {}, findings: [] });
  });

  it('fails on an answer it cannot read, naming the shape and never a value', async () => {
    service.answer = (res) => res.writeHead(200).end('<html>ada@example.org</html>');
    expect((await failure(connector(service.url).run(run('access')))).detail).toBe('the answer is not JSON');
    service.answer = json(200, { tables: [{ table: 'tickets', rows: ['ada@example.org'] }] });
    expect((await failure(connector(service.url).run(run('access')))).detail).toBe(
      'tables[0].rows is not a list of objects',
    );
    service.answer = json(200, { counts: { tickets: { deleted: -1 } } });
    expect((await failure(connector(service.url).run(run('erasure')))).detail).toBe(
      'a count is not a whole number of rows',
    );
    service.answer = json(200, { tables: [{ table: 'tickets', rows: [{ body: 'a\u0000b' }] }] });
    expect((await failure(connector(service.url).run(run('access')))).detail).toBe(
      'the answer holds a NUL character, which cannot be stored',
    );
  });

  it('gives up on a service that does not answer in time', async () => {
    service.answer = (res) => setTimeout(() => res.writeHead(200).end('{"tables":[]}'), 3000).unref();
    const started = Date.now();
    const error = await failure(connector(service.url, { timeoutMs: 300 }).run(run('access')));
    expect(error.errorClass).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stops reading an answer larger than the cap', async () => {
    service.answer = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"tables":[{"table":"t","rows":[{"x":"${'a'.repeat(MAX_ANSWER_BYTES)}"}]}]}`);
    };
    expect((await failure(connector(service.url).run(run('access')))).detail).toBe(
      `the answer is larger than ${MAX_ANSWER_BYTES} bytes`,
    );
  });

  it('does not follow a redirect: the signed request goes nowhere else', async () => {
    service.answer = (res) => res.writeHead(307, { location: `${elsewhere.url}/access` }).end();
    const error = await failure(connector(service.url).run(run('access')));
    expect(error.errorClass).toBe('misconfigured');
    expect(error.detail).toBe('the service answered HTTP 307, a redirect, which is not followed');
    expect(elsewhere.calls).toEqual([]);
  });

  it('names a service it cannot reach unreachable', async () => {
    const gone = await new Service().start();
    const url = gone.url;
    await gone.stop();
    const error = await failure(connector(url).run(run('access')));
    expect([error.errorClass, error.detail]).toEqual(['unreachable', 'ECONNREFUSED']);
  });

  it('refuses a URL it must not call before calling anything', async () => {
    for (const [base, detail] of [
      ['http://169.254.169.254/latest', 'the service URL leads to a link-local address'],
      ['http://[fe80::1]/', 'the service URL leads to a link-local address'],
      ['ftp://desk.example/', 'the service URL is not http(s)'],
      [`http://user:pass@127.0.0.1:1/`, 'the service URL carries credentials'],
      ['not a url', 'the service URL is not a URL'],
    ]) {
      const error = await failure(connector(base).run(run('access')));
      expect([error.errorClass, error.detail]).toEqual(['misconfigured', detail]);
    }
    const unset = await failure(connector(service.url, { env: { DESK_URL: service.url } }).run(run('access')));
    expect([unset.errorClass, unset.detail]).toEqual(['misconfigured', 'environment variable DESK_SECRET is not set']);
    expect(service.calls).toEqual([]);
  });

  it('is asked for access and erasure only', async () => {
    const error = await failure(connector(service.url).run(run('opt_out')));
    expect(error.errorClass).toBe('misconfigured');
    expect(service.calls).toEqual([]);
  });
});
