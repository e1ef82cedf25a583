import type { VerificationLevel } from '#policy';

import type { IdentityLevel } from './identity-match.js';

/**
 * Where matching a request's data points against the records stands: pending until the match job has run, matched
 * after, overridden once staff set the degree themselves (with a reason on the timeline).
 */
export const IDENTITY_CHECKS = ['pending', 'matched', 'overridden'] as const;
export type IdentityCheck = (typeof IDENTITY_CHECKS)[number];

/** The degrees proved by the email link and records matched, each including the ones before it. */
const MATCHED_ORDER: readonly VerificationLevel[] = ['none', 'email', 'reasonable', 'high'];

/**
 * Rights that need data points beside the email are matched against the organisation's records. Identity
 * documents are not: staff look at them.
 */
export function needsRecordsMatch(required: VerificationLevel): boolean {
  return required === 'reasonable' || required === 'high';
}

/** Rights whose degree staff decide, with the evidence the match or the requester's document gives them. */
export function staffDecideIdentity(required: VerificationLevel): boolean {
  return overrideLevels(required).length > 0;
}

/** The degree a request reached once matched: the email link proved the address, whatever the data points say. */
export function reachedByMatch(level: IdentityLevel): VerificationLevel {
  return level === 'none' ? 'email' : level;
}

/**
 * Whether the degree reached meets the degree the right needs. A checked document stands beside the matched
 * degrees, not above them: it meets a documents right and, having come through the email link, the email degree;
 * no match, however good, meets a documents right.
 */
export function meetsVerification(required: VerificationLevel, reached: VerificationLevel): boolean {
  if (required === 'documents') return reached === 'documents';
  const proven = reached === 'documents' ? 'email' : reached;
  return MATCHED_ORDER.indexOf(proven) >= MATCHED_ORDER.indexOf(required);
}

/** The degrees staff may set by override: what a records match could reach, or the document checked or not. */
export function overrideLevels(required: VerificationLevel): readonly VerificationLevel[] {
  if (required === 'documents') return ['email', 'documents'];
  return needsRecordsMatch(required) ? ['email', 'reasonable', 'high'] : [];
}
