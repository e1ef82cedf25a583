import { createHmac } from 'node:crypto';

import { describe, expect, it } from '@jest/globals';

import { listUnsubscribeHeaders, signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token.js';

const SECRET = 'test-secret-0123456789abcdef0123456789';
const subject = { organisationId: '3f0c1a52-0000-4000-8000-000000000001', email: 'ann@example.org' };

describe('unsubscribe tokens', () => {
  it('verify to what they were signed for', () => {
    expect(verifyUnsubscribeToken(signUnsubscribeToken(subject, SECRET), SECRET)).toEqual(subject);
  });

  it('are URL-safe and stable for one subject', () => {
    const token = signUnsubscribeToken(subject, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(signUnsubscribeToken(subject, SECRET)).toBe(token);
  });

  it('refuse another secret, an altered address or organisation, and garbage', () => {
    const token = signUnsubscribeToken(subject, SECRET);
    const [, mac] = token.split('.');
    const forgedBody = Buffer.from(
      JSON.stringify({ o: subject.organisationId, e: 'bob@example.org', c: 'email' }),
    ).toString('base64url');
    const otherOrg = Buffer.from(JSON.stringify({ o: 'other', e: subject.email, c: 'email' })).toString('base64url');
    expect(verifyUnsubscribeToken(token, `${SECRET}x`)).toBeNull();
    expect(verifyUnsubscribeToken(`${forgedBody}.${mac}`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(`${otherOrg}.${mac}`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(token.slice(0, -1), SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(`${token}A`, SECRET)).toBeNull();
    for (const junk of ['', '.', 'abc', 'abc.def', `${'a'.repeat(3000)}.${mac}`, `not base64!.${mac}`]) {
      expect(verifyUnsubscribeToken(junk, SECRET)).toBeNull();
    }
  });

  it('a signed body that is not an email unsubscribe is refused', () => {
    // Signed with the right secret but for another channel: the purpose binds the channel too.
    const body = Buffer.from(JSON.stringify({ o: subject.organisationId, e: subject.email, c: 'sms' })).toString(
      'base64url',
    );
    const mac = createHmac('sha256', SECRET).update(`unsubscribe:email:${body}`).digest('base64url');
    expect(verifyUnsubscribeToken(`${body}.${mac}`, SECRET)).toBeNull();
  });
});

describe('listUnsubscribeHeaders', () => {
  it('gives the https link in angle brackets and the RFC 8058 one-click signal', () => {
    expect(listUnsubscribeHeaders('https://rd.example/u/abc.def')).toEqual({
      'List-Unsubscribe': '<https://rd.example/u/abc.def>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });
});
