import { DateTime } from 'luxon';

import { REQUEST_TYPE_LABELS } from '#mail';
import { REQUEST_TYPES, type RequestType } from '#policy';

import type { StackedBar } from './charts.js';

/** Requests received in one local week (its Monday, YYYY-MM-DD) of one type, as the database counts them. */
export interface WeekCount {
  week: string;
  type: RequestType;
  n: number;
}

/** Every Monday of the weeks from `from` to `to` (local dates, YYYY-MM-DD), both weeks included. */
export function weeksBetween(from: string, to: string): string[] {
  const last = DateTime.fromISO(to, { zone: 'utc' }).startOf('week');
  const weeks: string[] = [];
  for (let week = DateTime.fromISO(from, { zone: 'utc' }).startOf('week'); week <= last; week = week.plus({ weeks: 1 }))
    weeks.push(week.toISODate()!);
  return weeks;
}

/**
 * One stacked bar per week of the period, a week without requests included (a gap must show), and one series per
 * request type that has any request, in the order the console lists types.
 */
export function weeklyBars(counts: WeekCount[], from: string, to: string): { bars: StackedBar[]; series: string[] } {
  const types = REQUEST_TYPES.filter((type) => counts.some((c) => c.type === type && c.n > 0));
  const bars = weeksBetween(from, to).map((week) => ({
    label: DateTime.fromISO(week, { zone: 'utc' }).toFormat('d LLL'),
    counts: types.map((type) => counts.find((c) => c.week === week && c.type === type)?.n ?? 0),
  }));
  return { bars, series: types.map((type) => REQUEST_TYPE_LABELS[type]) };
}
