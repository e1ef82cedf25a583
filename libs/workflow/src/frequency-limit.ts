import { DateTime } from 'luxon';

export interface RequestFrequencyLimit {
  count: number;
  perMonths: number;
}

/**
 * Whether one more request at `at` stays within `limit.count` requests per rolling `perMonths` calendar months
 * (CCPA §1798.130(b): access twice in 12 months). The window is (at − perMonths, at]: a request exactly
 * perMonths earlier has dropped out.
 */
export function withinFrequencyLimit(previousReceivedAts: Date[], at: Date, limit: RequestFrequencyLimit): boolean {
  if (!Number.isInteger(limit.count) || limit.count < 1 || !Number.isInteger(limit.perMonths) || limit.perMonths < 1) {
    throw new Error(`A frequency limit needs whole positive count and perMonths, got ${JSON.stringify(limit)}`);
  }
  const end = at.getTime();
  // Month arithmetic clamps at month ends (31 May − 3 months = 28/29 Feb).
  const start = DateTime.fromJSDate(at, { zone: 'utc' }).minus({ months: limit.perMonths }).toMillis();
  const inWindow = previousReceivedAts.filter((receivedAt) => receivedAt.getTime() > start && receivedAt.getTime() <= end);
  return inWindow.length < limit.count;
}
