import type { VerificationLevel } from '#policy';

import type { IdentityLevel } from './identity-match.js';

/**
 * Where matching a request's data points against the records stands: pending until the match job has run, matched
 * after, overridden once staff set the degree themselves (with a reason on the timeline).
 */
export const IDENTITY_CHECKS = ['pending', 'matched', 'overridden'] as const;
export type IdentityCheck = (typeof IDENTITY_CHECKS)[number];

const ORDER: readonly VerificationLevel[] = ['none', 'email', 'reasonable', 'high'];

/** Rights that need more than control of the email address are matched against the organisation's records. */
export function needsRecordsMatch(required: VerificationLevel): boolean {
  return ORDER.indexOf(required) > ORDER.indexOf('email');
}

/** The degree a request reached once matched: the email link proved the address, whatever the data points say. */
export function reachedByMatch(level: IdentityLevel): VerificationLevel {
  return level === 'none' ? 'email' : level;
}

/** Whether the degree reached meets the degree the right needs. */
export function meetsVerification(required: VerificationLevel, reached: VerificationLevel): boolean {
  return ORDER.indexOf(reached) >= ORDER.indexOf(required);
}

/** The degrees staff may set by override on a request that needs a records match. */
export const OVERRIDE_LEVELS: readonly VerificationLevel[] = ['email', 'reasonable', 'high'];
