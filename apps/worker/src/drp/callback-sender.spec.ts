import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';

import { CallbackFailed, CallbackRefused, postCallback } from './callback-sender.js';

interface Received {
  method: string;
  path: string;
  contentType: string | undefined;
  body: string;
}

/** A real HTTP server on loopback; each test says how it answers. */
class Endpoint {
  readonly received: Received[] = [];
  answer: (req: IncomingMessage, res: ServerResponse) => void = (_, res) => res.end('ok');
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.received.push({
        method: req.method!,
        path: req.url!,
        contentType: req.headers['content-type'],
        body: Buffer.concat(chunks).toString(),
      });
      this.answer(req, res);
    });
  });

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${(this.server.address() as AddressInfo).port}${path}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const allowed = { timeoutMs: 2_000, allowPrivateAddresses: true };
const publicOnly = { timeoutMs: 2_000, allowPrivateAddresses: false };
const status = {
  request_id: 'c789ff35-7644-4ceb-9981-4b35c264aac3',
  status: 'in_progress',
  processing_details: 'Being worked on.',
};

describe('postCallback', () => {
  let endpoint: Endpoint;
  let elsewhere: Endpoint;

  beforeAll(async () => {
    endpoint = await new Endpoint().start();
    elsewhere = await new Endpoint().start();
  });
  afterEach(() => {
    endpoint.received.length = 0;
    elsewhere.received.length = 0;
    endpoint.answer = (_, res) => res.end('ok');
  });
  afterAll(async () => {
    await endpoint.stop();
    await elsewhere.stop();
  });

  it('POSTs the status as JSON and resolves with the 2xx it got', async () => {
    endpoint.answer = (_, res) => res.writeHead(204).end();
    await expect(postCallback(endpoint.url('/drp/status?agent=1'), status, allowed)).resolves.toBe(204);
    expect(endpoint.received).toEqual([
      { method: 'POST', path: '/drp/status?agent=1', contentType: 'application/json', body: JSON.stringify(status) },
    ]);
  });

  it('takes a 200 whatever its body says, without reading it as an answer', async () => {
    endpoint.answer = (_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"error": "ignored"');
    await expect(postCallback(endpoint.url('/cb'), status, allowed)).resolves.toBe(200);
  });

  it.each([
    ['an address in the URL', '127.0.0.1'],
    ['an IPv6 address in the URL', '[::1]'],
    ['a name that resolves to loopback', 'localhost'],
  ])('refuses %s that is not public, without connecting', async (_, host) => {
    await expect(postCallback(endpoint.url('/cb', host), status, publicOnly)).rejects.toThrow(CallbackRefused);
    expect(endpoint.received).toEqual([]);
  });

  it.each([
    ['that is not a URL', 'agent.example/status'],
    ['of another scheme', 'ftp://agent.example/status'],
    ['with credentials in it', 'https://user:secret@agent.example/status'],
  ])('refuses a callback URL %s', async (_, url) => {
    await expect(postCallback(url, status, allowed)).rejects.toThrow(CallbackRefused);
  });

  it('does not follow a redirect, to another host or any', async () => {
    endpoint.answer = (_, res) => res.writeHead(307, { location: elsewhere.url('/elsewhere') }).end();
    await expect(postCallback(endpoint.url('/cb'), status, allowed)).rejects.toEqual(
      new CallbackFailed('HTTP 307, a redirect (not followed)'),
    );
    expect(endpoint.received).toHaveLength(1);
    expect(elsewhere.received).toEqual([]);
  });

  it('fails on an error status, naming only its code', async () => {
    endpoint.answer = (_, res) => res.writeHead(503).end('agent@example.org is down');
    const failure = await postCallback(endpoint.url('/cb'), status, allowed).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CallbackFailed);
    expect((failure as CallbackFailed).failure).toBe('HTTP 503');
  });

  it('gives up on an endpoint that does not answer within the timeout', async () => {
    endpoint.answer = () => undefined;
    const started = Date.now();
    const failure = await postCallback(endpoint.url('/slow'), status, { ...allowed, timeoutMs: 300 }).catch(
      (e: unknown) => e,
    );
    expect((failure as CallbackFailed).failure).toBe('timeout after 300 ms');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('fails with the error code when nothing listens', async () => {
    const gone = await new Endpoint().start();
    const url = gone.url('/cb');
    await gone.stop();
    const failure = await postCallback(url, status, allowed).catch((e: unknown) => e);
    expect((failure as CallbackFailed).failure).toBe('ECONNREFUSED');
  });
});
