import { describe, expect, it } from '@jest/globals';

import { linkExpiresAt } from './link-expiry.js';

describe('linkExpiresAt', () => {
  it('adds whole 24-hour days, across a DST change too', () => {
    expect(linkExpiresAt(new Date('2026-03-25T15:00:00Z'), 7).toISOString()).toBe('2026-04-01T15:00:00.000Z');
  });

  it.each([0, -1, 1.5])('refuses %p days', (days) => {
    expect(() => linkExpiresAt(new Date(), days)).toThrow(/whole number of days/);
  });
});
