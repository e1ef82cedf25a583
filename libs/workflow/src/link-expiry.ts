const DAY_MS = 86_400_000;

/** Status links outlive the request: the CCPA asks for request records to be kept 24 months. */
export const STATUS_LINK_DAYS = 730;

/** A requester's link lasts whole 24-hour days from issue: a 7-day link sent at 15:00 works until 15:00 a week later. */
export function linkExpiresAt(issuedAt: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 1)
    throw new Error(`link validity must be a whole number of days ≥ 1, got ${days}`);
  return new Date(issuedAt.getTime() + days * DAY_MS);
}
