import { describe, expect, it } from '@jest/globals';

import { frequencyDecision, withinFrequencyLimit } from './frequency-limit.js';

const TWICE_A_YEAR = { count: 2, perMonths: 12 }; // CCPA §1798.130(b)
const at = new Date('2026-06-15T12:00:00Z');

describe('withinFrequencyLimit', () => {
  it.each([
    { why: 'a first request is within the limit', previous: [], limit: TWICE_A_YEAR, within: true },
    {
      why: 'a second request within 12 months is within the limit',
      previous: ['2026-01-10T09:00:00Z'],
      limit: TWICE_A_YEAR,
      within: true,
    },
    {
      why: 'a third request within 12 months exceeds it',
      previous: ['2025-07-01T09:00:00Z', '2026-01-10T09:00:00Z'],
      limit: TWICE_A_YEAR,
      within: false,
    },
    {
      why: 'a request exactly 12 months earlier has left the window',
      previous: ['2025-06-15T12:00:00Z', '2026-01-10T09:00:00Z'],
      limit: TWICE_A_YEAR,
      within: true,
    },
    {
      why: 'a request 1 ms inside 12 months still counts',
      previous: ['2025-06-15T12:00:00.001Z', '2026-01-10T09:00:00Z'],
      limit: TWICE_A_YEAR,
      within: false,
    },
    {
      why: 'a request at the same instant counts',
      previous: ['2026-01-10T09:00:00Z', '2026-06-15T12:00:00Z'],
      limit: TWICE_A_YEAR,
      within: false,
    },
    {
      why: 'requests after `at` are not in a window ending at `at`',
      previous: ['2026-01-10T09:00:00Z', '2026-07-01T09:00:00Z'],
      limit: TWICE_A_YEAR,
      within: true,
    },
    {
      why: 'once a month: another request in the last month exceeds it',
      previous: ['2026-05-20T09:00:00Z'],
      limit: { count: 1, perMonths: 1 },
      within: false,
    },
    {
      why: 'once a month: a request six weeks ago does not',
      previous: ['2026-05-01T09:00:00Z'],
      limit: { count: 1, perMonths: 1 },
      within: true,
    },
  ])('$why', ({ previous, limit, within }) => {
    expect(
      withinFrequencyLimit(
        previous.map((p) => new Date(p)),
        at,
        limit,
      ),
    ).toBe(within);
  });

  it('clamps the window start at month ends (31 May − 3 months = 28 Feb)', () => {
    const end = new Date('2026-05-31T10:00:00Z');
    const limit = { count: 1, perMonths: 3 };
    expect(withinFrequencyLimit([new Date('2026-02-28T10:00:00Z')], end, limit)).toBe(true);
    expect(withinFrequencyLimit([new Date('2026-03-01T10:00:00Z')], end, limit)).toBe(false);
  });

  it('refuses a malformed limit', () => {
    expect(() => withinFrequencyLimit([], at, { count: 0, perMonths: 12 })).toThrow(
      'whole positive count and perMonths',
    );
    expect(() => withinFrequencyLimit([], at, { count: 2, perMonths: 1.5 })).toThrow(
      'whole positive count and perMonths',
    );
  });
});

describe('frequencyDecision', () => {
  const know = { id: 'ccpa-know', limit: { count: 2, perMonths: 12, sharedWith: ['ccpa-categories'] } };
  const at = new Date('2026-12-04T17:00:00Z');
  const ago = (minutes: number) => new Date(at.getTime() - minutes * 60_000);

  it('has nothing to say where the right has no limit', () => {
    expect(frequencyDecision({ id: 'correction' }, [{ rightId: 'correction', receivedAt: ago(1) }], at)).toBeNull();
  });

  it('refuses a third request within twelve months, counting the rights that share the allowance', () => {
    const earlier = [
      { rightId: 'ccpa-know', receivedAt: ago(15) },
      { rightId: 'ccpa-categories', receivedAt: ago(5) },
      { rightId: 'correction', receivedAt: ago(3) },
    ];
    expect(frequencyDecision(know, earlier, at)).toEqual({
      limit: { count: 2, perMonths: 12 },
      allowance: ['ccpa-know', 'ccpa-categories'],
      counted: 2,
      within: false,
    });
    expect(frequencyDecision(know, earlier.slice(1), at)).toMatchObject({ counted: 1, within: true });
  });

  it('forgets a request made twelve months or more before', () => {
    const earlier = [
      { rightId: 'ccpa-know', receivedAt: new Date('2025-12-04T17:00:00Z') },
      { rightId: 'ccpa-know', receivedAt: ago(60) },
    ];
    expect(frequencyDecision(know, earlier, at)).toMatchObject({ counted: 1, within: true });
  });
});
