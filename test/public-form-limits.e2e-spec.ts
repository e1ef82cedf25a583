import { connect } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { csrfTokenIn, FormClient, multipartActionIn } from './support/form-client.js';
import { type RunningSystem, startSystem } from './support/running-system.js';
import { testRedisPrefix } from './support/test-env.js';

const ORG = 'officertrak';
const started: RunningSystem[] = [];

afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()));
});

async function system(extraEnv: NodeJS.ProcessEnv = {}): Promise<RunningSystem> {
  const running = await startSystem({ extraEnv });
  started.push(running);
  return running;
}

const BOUNDARY = '----rightsdesk-test-boundary';
const field = (name: string, value: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const fileHead = () =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="permission"; filename="permission.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;

/**
 * Sends a POST's head and the first part of its body on a raw socket, and never the rest: an answer can only
 * come from a server that decided without reading the body it was promised.
 */
function postWithoutFinishing(
  baseUrl: string,
  path: string,
  cookie: string,
  contentLength: number,
  start: string,
): Promise<{ status: number; text: string; ms: number; closed: boolean }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const began = Date.now();
    const socket = connect(Number(port), hostname);
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within 5 s; received: ${text.slice(0, 200)}`));
    }, 5000);
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]), text, ms: Date.now() - began, closed });
    };
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      // The whole page arrived (the filter's pages end with </html>): see whether the server hangs up too.
      if (text.includes('</html>')) setTimeout(() => finish(socket.readableEnded || socket.destroyed), 300);
    });
    socket.on('end', () => finish(true));
    socket.on('error', () => finish(true));
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nCookie: ${cookie}\r\n` +
        `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${contentLength}\r\n\r\n${start}`,
    );
  });
}

async function formFor(
  baseUrl: string,
): Promise<{ client: FormClient; cookie: string; token: string; action: string }> {
  const client = new FormClient(baseUrl);
  const page = await client.get(`/o/${ORG}/requests/new`);
  return {
    client,
    cookie: `rd_csrf=${client.cookie('rd_csrf')}`,
    token: csrfTokenIn(page.body),
    action: multipartActionIn(page.body),
  };
}

describe('the public form reads no body it is not going to accept', () => {
  let rd: RunningSystem;

  beforeAll(async () => {
    rd = await system();
  }, 60_000);

  it('answers a declared 100 MB post with 413 at once, without waiting for its body, and hangs up', async () => {
    const { cookie, action } = await formFor(rd.baseUrl);
    const answer = await postWithoutFinishing(rd.baseUrl, action, cookie, 100 * 1024 * 1024, field('name', 'Ada'));
    expect(answer.status).toBe(413);
    expect(answer.text).toContain('This post is larger than the form can send: a file of at most 10 MB');
    expect(answer.text).toMatch(/\r\nConnection: close\r\n/i);
    expect(answer.closed).toBe(true);
    expect(answer.ms).toBeLessThan(3000);
  });

  it('refuses a post without the form token in its action before reading its file', async () => {
    const { cookie, token } = await formFor(rd.baseUrl);
    // 5 MB promised, under the size limit; the token only in the body, where a multipart post is not read for it.
    const start =
      field('_csrf', token) + field('website', '') + field('name', 'Ada') + fileHead() + '%PDF-1.4 '.repeat(1000);
    const answer = await postWithoutFinishing(rd.baseUrl, `/o/${ORG}/requests`, cookie, 5 * 1024 * 1024, start);
    expect(answer.status).toBe(403);
    expect(answer.text).toContain('This form has expired or was not sent from our site');
    expect(answer.closed).toBe(true);
  });

  it('refuses more fields than the form has, and a field longer than any of its own, with 413', async () => {
    const { client, action } = await formFor(rd.baseUrl);
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}`, 'x']));
    const tooMany = await client.postMultipart(action, many, []);
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toContain('more than the form asks');
    const tooLong = await client.postMultipart(action, { name: 'Ada', details: 'x'.repeat(100_000) }, []);
    expect(tooLong.status).toBe(413);
    expect(tooLong.body).toContain('more than the form asks');
  });

  it('refuses a NUL in a multipart field with 400 and says why', async () => {
    const { client, token, action } = await formFor(rd.baseUrl);
    const fields = {
      _csrf: token,
      website: '',
      name: 'Ada\u0000Lovelace',
      email: 'nul@example.org',
      rightId: 'access',
      relationship: 'self',
    };
    const refused = await client.postMultipart(action, fields, []);
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('NUL character');
  });

  it('refuses an address with a quoted CR LF or angle brackets, beside the email field', async () => {
    for (const email of ['"ada\r\nBcc: eve@example.org"@example.org', '"<eve@example.org>"@example.org']) {
      const { client, token, action } = await formFor(rd.baseUrl);
      const fields = {
        _csrf: token,
        website: '',
        name: 'Ada Lovelace',
        email,
        rightId: 'access',
        relationship: 'self',
      };
      const refused = await client.postMultipart(action, fields, []);
      expect(refused.status).toBe(400);
      expect(refused.body).toContain(
        'id="email-error">Enter the address without quotes, spaces, commas or angle brackets',
      );
    }
  });
});

describe('the intake rate limit', () => {
  it('counts posts that fail the form token check', async () => {
    const rd = await system({ INTAKE_RATE_LIMIT: '3', REDIS_PREFIX: `${testRedisPrefix()}gate` });
    const { client, token, action } = await formFor(rd.baseUrl);
    for (let i = 0; i < 3; i++)
      expect((await client.postMultipart(`/o/${ORG}/requests`, { name: 'Bot' }, [])).status).toBe(403);
    const fields = {
      _csrf: token,
      website: '',
      name: 'Ada Lovelace',
      email: 'limited@example.org',
      rightId: 'access',
      relationship: 'self',
    };
    const limited = await client.postMultipart(action, fields, []);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  }, 60_000);
});
