import { describe, expect, it } from '@jest/globals';

import { checkSignature, SIGNATURE_HEADER, signatureHeaders, TIMESTAMP_HEADER } from './webhook-signature.js';

const secret = 'a shared secret of the support desk';
const body = Buffer.from('{"task":"t","counts":{"tickets":{"deleted":2}}}');
const signedAt = new Date('2026-12-05T10:00:00Z');
const signed = signatureHeaders(secret, body, signedAt);
const headers = { timestamp: signed[TIMESTAMP_HEADER], signature: signed[SIGNATURE_HEADER] };
const later = (seconds: number) => new Date(signedAt.getTime() + seconds * 1000);

describe('signatureHeaders', () => {
  it('signs `<unix seconds>.<body>` with HMAC-SHA256, as v1=<hex>', () => {
    expect(signed[TIMESTAMP_HEADER]).toBe('1796464800');
    expect(signed[SIGNATURE_HEADER]).toMatch(/^v1=[0-9a-f]{64}$/);
  });
});

describe('checkSignature', () => {
  it('accepts the body as signed, within five minutes either way', () => {
    for (const seconds of [0, 300, -300])
      expect(checkSignature(secret, headers, body, later(seconds))).toEqual({ ok: true });
  });

  it.each([
    ['a changed body', secret, Buffer.from(body.toString().replace('2', '3')), signedAt, 'mismatch'],
    ['another secret', 'another secret', body, signedAt, 'mismatch'],
    ['a call replayed six minutes later', secret, body, later(301), 'out_of_window'],
    ['a timestamp from the future', secret, body, later(-301), 'out_of_window'],
  ])('refuses %s', (_case, key, given, now, problem) => {
    expect(checkSignature(key, headers, given, now)).toEqual({ ok: false, problem });
  });

  it('refuses a call whose signature is not there or not in its form', () => {
    expect(checkSignature(secret, { timestamp: headers.timestamp }, body, signedAt)).toEqual({
      ok: false,
      problem: 'missing',
    });
    for (const bad of [
      { ...headers, signature: headers.signature.replace('v1=', 'v2=') },
      { ...headers, signature: headers.signature.slice(0, -1) },
      { ...headers, timestamp: '2026-12-05T10:00:00Z' },
      { ...headers, signature: [headers.signature, headers.signature] },
    ])
      expect(checkSignature(secret, bad, body, signedAt)).toEqual({ ok: false, problem: 'malformed' });
  });
});
