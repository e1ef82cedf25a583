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
  const inWindow = previousReceivedAts.filter(
    (receivedAt) => receivedAt.getTime() > start && receivedAt.getTime() <= end,
  );
  return inWindow.length < limit.count;
}

/** A right with the policy's limit, as far as the rule needs it. */
export interface LimitedRight {
  id: string;
  limit?: RequestFrequencyLimit & { sharedWith?: string[] };
}

/** An earlier request of the same person to the same organisation. */
export interface EarlierRequest {
  rightId: string;
  receivedAt: Date;
}

export interface FrequencyDecision {
  limit: RequestFrequencyLimit;
  /** The right ids that share one allowance: the right and its sharedWith. */
  allowance: string[];
  /** Earlier requests within the allowance and the window. */
  counted: number;
  within: boolean;
}

/**
 * Whether one more request for `right` at `at` stays within its policy's limit, counting the person's earlier
 * requests of any right sharing the allowance; null where the right has no limit. Which earlier requests count
 * (answered or being answered, not declined) is the caller's to choose.
 */
export function frequencyDecision(
  right: LimitedRight,
  earlier: readonly EarlierRequest[],
  at: Date,
): FrequencyDecision | null {
  if (!right.limit) return null;
  const { count, perMonths } = right.limit;
  const allowance = [right.id, ...(right.limit.sharedWith ?? [])];
  const shared = earlier.filter((request) => allowance.includes(request.rightId)).map((request) => request.receivedAt);
  const start = DateTime.fromJSDate(at, { zone: 'utc' }).minus({ months: perMonths }).toMillis();
  const counted = shared.filter(
    (receivedAt) => receivedAt.getTime() > start && receivedAt.getTime() <= at.getTime(),
  ).length;
  return {
    limit: { count, perMonths },
    allowance,
    counted,
    within: withinFrequencyLimit(shared, at, { count, perMonths }),
  };
}
