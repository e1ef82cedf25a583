import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import { weeklyBars, weeksBetween } from './dashboard-figures.js';

describe('weeksBetween', () => {
  it('gives the Monday of every week from the first date to the last, both included', () => {
    // Wednesday 1 October 2025 to Monday 20 October 2025.
    expect(weeksBetween('2025-10-01', '2025-10-20')).toEqual(['2025-09-29', '2025-10-06', '2025-10-13', '2025-10-20']);
    expect(weeksBetween('2025-10-06', '2025-10-12')).toEqual(['2025-10-06']);
    expect(weeksBetween('2025-12-29', '2026-01-05')).toEqual(['2025-12-29', '2026-01-05']);
  });

  it('gives consecutive Mondays, a week apart, covering both ends', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (start, span) => {
        const from = start.toISOString().slice(0, 10);
        const to = new Date(start.getTime() + span * 86_400_000).toISOString().slice(0, 10);
        const weeks = weeksBetween(from, to);
        const times = weeks.map((w) => Date.parse(`${w}T00:00:00Z`));
        expect(weeks.every((w) => new Date(`${w}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
        expect(times.slice(1).every((t, i) => t - times[i]! === 7 * 86_400_000)).toBe(true);
        expect(times[0]! <= Date.parse(`${from}T00:00:00Z`)).toBe(true);
        expect(Date.parse(`${from}T00:00:00Z`) - times[0]! < 7 * 86_400_000).toBe(true);
        expect(Date.parse(`${to}T00:00:00Z`) - times.at(-1)! < 7 * 86_400_000).toBe(true);
      }),
    );
  });
});

describe('weeklyBars', () => {
  it('has a bar for every week, empty ones included, and a series for each type received', () => {
    const { bars, series } = weeklyBars(
      [
        { week: '2025-10-06', type: 'deletion', n: 2 },
        { week: '2025-10-06', type: 'access', n: 3 },
        { week: '2025-10-20', type: 'access', n: 1 },
        { week: '2025-10-20', type: 'correction', n: 0 },
      ],
      '2025-10-06',
      '2025-10-26',
    );
    expect(series).toEqual(['Access (right to know)', 'Deletion']);
    expect(bars).toEqual([
      { label: '6 Oct', counts: [3, 2] },
      { label: '13 Oct', counts: [0, 0] },
      { label: '20 Oct', counts: [1, 0] },
    ]);
  });
});
