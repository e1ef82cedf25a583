import { describe, expect, it } from '@jest/globals';

import { auditHash } from './audit-log.js';

const entry = {
  prevHash: '0'.repeat(64),
  organisationId: '6a1f0c52-55b8-4d4c-9a37-1e1f6f0d2d11',
  seq: 1,
  requestId: null,
  actorId: null,
  actorLabel: 'system',
  action: 'request.received',
  detail: { channel: 'web', rightId: 'access' },
  at: new Date('2026-11-24T10:00:00.000Z'),
};

describe('auditHash', () => {
  it('does not depend on the key order of the detail (jsonb reorders keys)', () => {
    expect(auditHash({ ...entry, detail: { rightId: 'access', channel: 'web' } })).toBe(auditHash(entry));
  });

  it.each([
    ['the previous hash', { prevHash: 'f'.repeat(64) }],
    ['the position', { seq: 2 }],
    ['the actor', { actorLabel: 'Mallory' }],
    ['the action', { action: 'request.denied' }],
    ['the detail', { detail: { channel: 'email', rightId: 'access' } }],
    ['the time', { at: new Date('2026-11-24T10:00:00.001Z') }],
  ])('changes when %s changes', (_, change) => {
    expect(auditHash({ ...entry, ...change })).not.toBe(auditHash(entry));
  });
});
