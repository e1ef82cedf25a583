import { describe, expect, it } from '@jest/globals';
import { withinFrequencyLimit } from './frequency-limit.js';

const TWICE_A_YEAR = { count: 2, perMonths: 12 }; // CCPA §1798.130(b)
const at = new Date('2026-06-15T12:00:00Z');

describe('withinFrequencyLimit', () => {
  it.each([
    { why: 'a first request is within the limit', previous: [], limit: TWICE_A_YEAR, within: true },
    { why: 'a second request within 12 months is within the limit', previous: ['2026-01-10T09:00:00Z'], limit: TWICE_A_YEAR, within: true },
    { why: 'a third request within 12 months exceeds it', previous: ['2025-07-01T09:00:00Z', '2026-01-10T09:00:00Z'], limit: TWICE_A_YEAR, within: false },
    { why: 'a request exactly 12 months earlier has left the window', previous: ['2025-06-15T12:00:00Z', '2026-01-10T09:00:00Z'], limit: TWICE_A_YEAR, within: true },
    { why: 'a request 1 ms inside 12 months still counts', previous: ['2025-06-15T12:00:00.001Z', '2026-01-10T09:00:00Z'], limit: TWICE_A_YEAR, within: false },
    { why: 'a request at the same instant counts', previous: ['2026-01-10T09:00:00Z', '2026-06-15T12:00:00Z'], limit: TWICE_A_YEAR, within: false },
    { why: 'requests after `at` are not in a window ending at `at`', previous: ['2026-01-10T09:00:00Z', '2026-07-01T09:00:00Z'], limit: TWICE_A_YEAR, within: true },
    { why: 'once a month: another request in the last month exceeds it', previous: ['2026-05-20T09:00:00Z'], limit: { count: 1, perMonths: 1 }, within: false },
    { why: 'once a month: a request six weeks ago does not', previous: ['2026-05-01T09:00:00Z'], limit: { count: 1, perMonths: 1 }, within: true },
  ])('$why', ({ previous, limit, within }) => {
    expect(withinFrequencyLimit(previous.map((p) => new Date(p)), at, limit)).toBe(within);
  });

  it('clamps the window start at month ends (31 May − 3 months = 28 Feb)', () => {
    const end = new Date('2026-05-31T10:00:00Z');
    const limit = { count: 1, perMonths: 3 };
    expect(withinFrequencyLimit([new Date('2026-02-28T10:00:00Z')], end, limit)).toBe(true);
    expect(withinFrequencyLimit([new Date('2026-03-01T10:00:00Z')], end, limit)).toBe(false);
  });

  it('refuses a malformed limit', () => {
    expect(() => withinFrequencyLimit([], at, { count: 0, perMonths: 12 })).toThrow('whole positive count and perMonths');
    expect(() => withinFrequencyLimit([], at, { count: 2, perMonths: 1.5 })).toThrow('whole positive count and perMonths');
  });
});
