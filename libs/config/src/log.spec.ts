import { Writable } from 'node:stream';

import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { pino } from 'pino';

import { loadEnv } from './env.js';
import { logContext, logOptions, scrubText, scrubUrl, traceIdFrom } from './log.js';

const REQUEST_ID = '3f2b8c1e-9a4d-4e2f-8b7a-1c2d3e4f5a6b';
const STATUS_TOKEN = `${REQUEST_ID}.q0Zk3vYb8Jw1_pL-Xc7RtN5sM2aD9eF4gH6iK8oU1yT`;

/** Text around the embedded value, without characters that could join it into a longer address or token. */
const filler = fc.string({ unit: fc.constantFrom(' ', 'a', 'b', ',', ':', '(', ')', '<', '>', '"', '\n') });

/** The lines a logger made with logOptions writes, parsed. */
function capture(level = 'debug') {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: level });
  return { logger: pino(logOptions(env), stream), lines };
}

describe('scrubText', () => {
  it('leaves no mail address in the text, wherever it stands', () => {
    fc.assert(
      fc.property(filler, fc.emailAddress(), filler, (before, address, after) => {
        expect(scrubText(`${before}${address}${after}`)).not.toContain(address);
      }),
    );
  });

  it('leaves no phone number, written any of the usual ways', () => {
    for (const phone of ['+1 415 555 0134', '(415) 555-0134', '415.555.0134', '+441632960961', '4155550134'])
      expect(scrubText(`call ${phone} today`)).toBe('call <phone> today');
  });

  it('replaces token-like strings, and keeps ids, dates, counts and identifiers an operator searches for', () => {
    expect(scrubText(`status ${STATUS_TOKEN} seen`)).toBe(`status ${REQUEST_ID}.<token> seen`);
    const kept = `job verification.send:${REQUEST_ID}:initial due 2026-12-06, 120 rows, limit_sensitive_use_of_personal_data`;
    expect(scrubText(kept)).toBe(kept);
    const nest =
      'StaffRequestActionsController at readableAddChunkPushByteMode, job repeat:deadlines.sweep:1796525074646';
    expect(scrubText(nest)).toBe(nest);
  });

  it('replaces every random URL-safe token', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 24, maxLength: 64 }), (bytes) => {
        const token = Buffer.from(bytes).toString('base64url');
        expect(scrubText(`link /v/${token} sent`)).not.toContain(token);
      }),
    );
  });
});

describe('scrubUrl', () => {
  it('drops the query string and every token in the path, keeping route words, slugs and ids', () => {
    expect(scrubUrl(`/status/${STATUS_TOKEN}?email=jordan.demo%40example.com`)).toBe('/status/:token');
    expect(scrubUrl(`/verify/${STATUS_TOKEN}/refuse`)).toBe('/verify/:token/refuse');
    expect(scrubUrl(`/staff/o/officertrak/requests/${REQUEST_ID}?tab=timeline`)).toBe(
      `/staff/o/officertrak/requests/${REQUEST_ID}`,
    );
    expect(scrubUrl('/o/west-schoolmessenger/requests/new#form')).toBe('/o/west-schoolmessenger/requests/new');
  });
});

describe('traceIdFrom', () => {
  it("keeps a caller's short plain request id", () => {
    expect(traceIdFrom('lb-7f3a9c21')).toBe('lb-7f3a9c21');
    expect(traceIdFrom([REQUEST_ID, 'other'])).toBe(REQUEST_ID);
  });

  it('makes a new id for none, or for one that could name someone or carry a secret', () => {
    for (const given of [undefined, '', 'short', 'jordan@example.com', '4155550134', 'x'.repeat(65), STATUS_TOKEN])
      expect(traceIdFrom(given)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('logOptions', () => {
  it('redacts personal data and secrets by key, at any of the first three levels', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        email: 'a@b.example',
        requester: { fullName: 'Jordan Demo', phone: '+1 415 555 0134' },
        x: { y: { token: 't' } },
      },
      'request filed',
    );
    expect(lines[0]).toMatchObject({
      email: '[redacted]',
      requester: { fullName: '[redacted]', phone: '[redacted]' },
      x: { y: { token: '[redacted]' } },
      msg: 'request filed',
    });
  });

  it('scrubs every message, an error and a request, and drops headers but a few', () => {
    const { logger, lines } = capture();
    logger.warn('mail to jordan.demo@example.com refused');
    logger.error({ err: new Error('RCPT TO jordan.demo@example.com: 550') }, 'failed');
    logger.info({
      req: {
        id: 'r',
        method: 'GET',
        url: `/status/${STATUS_TOKEN}`,
        headers: { cookie: 's=1', authorization: 'Bearer x', 'user-agent': 'curl' },
      },
    });
    expect(lines[0]!.msg).toBe('mail to <address> refused');
    expect(lines[1]!.err).toMatchObject({ type: 'Error', message: 'RCPT TO <address>: 550' });
    expect(JSON.stringify(lines[1])).not.toContain('jordan');
    expect(lines[2]!.req).toEqual({ id: 'r', method: 'GET', url: '/status/:token', headers: { 'user-agent': 'curl' } });
  });

  it('gives each line the trace id of the request or job it belongs to', () => {
    const { logger, lines } = capture();
    logContext.run({ traceId: 'trace-1234' }, () => logger.info('inside'));
    logger.info('outside');
    expect(lines.map((line) => [line.msg, line.traceId])).toEqual([
      ['inside', 'trace-1234'],
      ['outside', undefined],
    ]);
  });

  it('writes warnings and worse in tests unless LOG_LEVEL says otherwise, and refuses an unknown level', () => {
    expect(logOptions(loadEnv({ NODE_ENV: 'test' })).level).toBe('warn');
    expect(logOptions(loadEnv({})).level).toBe('info');
    expect(logOptions(loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'debug' })).level).toBe('debug');
    expect(() => loadEnv({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of/);
  });

  it('is human-readable (pino-pretty) in development only', () => {
    expect(logOptions(loadEnv({})).transport).toMatchObject({ target: 'pino-pretty' });
    expect(logOptions(loadEnv({ NODE_ENV: 'test' })).transport).toBeUndefined();
    expect(logOptions(loadEnv({ NODE_ENV: 'production', APP_SECRET: 's'.repeat(40) })).transport).toBeUndefined();
  });
});
