import type { PolicyRight, Regime, RequestType, VerificationLevel } from '#policy';

import { meetsVerification } from './identity-check.js';

/**
 * What follows a records match that fell short of the degree the right needs. Under the CCPA regs the outcome is
 * set (§7062, §7024, §7022): a request for specific pieces verified to a reasonable degree is answered as a request
 * for categories; any other unverified request is denied with the reason, and an unverified deletion asks whether
 * the consumer wants their data not sold or shared instead. Elsewhere (GDPR Art 12(6)) the organisation asks for
 * more, so staff decide with the evidence; and nothing is decided without evidence: when no system could be asked,
 * staff decide too (as they do where no data point was given: nothing is matched then).
 */
export type ShortfallPath =
  | { kind: 'met' }
  | { kind: 'staff' }
  | { kind: 'answer_as_categories'; rightId: string }
  | { kind: 'deny'; offerOptOut: boolean };

export interface ShortfallInput {
  regime: Regime;
  requestType: RequestType;
  required: VerificationLevel;
  reached: VerificationLevel;
  /** Whether a connected system could be asked: without one there is no evidence to decide on. */
  consulted: boolean;
  /** The rights the organisation offers under the same policy. */
  rights: readonly Pick<PolicyRight, 'id' | 'type' | 'regime'>[];
}

const US_REGIMES: readonly Regime[] = ['ccpa', 'us_state'];

export function shortfallPath(input: ShortfallInput): ShortfallPath {
  if (meetsVerification(input.required, input.reached)) return { kind: 'met' };
  if (!input.consulted || !US_REGIMES.includes(input.regime)) return { kind: 'staff' };
  const categories = rightOf(input.rights, 'categories', input.regime);
  if (input.requestType === 'access' && categories && meetsVerification('reasonable', input.reached))
    return { kind: 'answer_as_categories', rightId: categories.id };
  return {
    kind: 'deny',
    offerOptOut: input.requestType === 'deletion' && !!rightOf(input.rights, 'opt_out_sale_share', input.regime),
  };
}

/** The organisation's right of a type under the regime the request was made under. */
function rightOf<R extends Pick<PolicyRight, 'type' | 'regime'>>(
  rights: readonly R[],
  type: RequestType,
  regime: Regime,
) {
  return rights.find((r) => r.type === type && r.regime === regime);
}

/**
 * The sale/share opt-out a denied deletion offers instead: a deletion refused because the identity could not be
 * verified, under a regime whose organisation offers that opt-out in the same regime. Taking it needs no
 * verification (opt-outs never do).
 */
export function optOutOffered<R extends Pick<PolicyRight, 'type' | 'regime'>>(
  request: { status: string; requestType: RequestType; regime: Regime; denialReason: string | null },
  rights: readonly R[],
): R | undefined {
  if (request.status !== 'denied' || request.denialReason !== 'identity_not_verified') return undefined;
  if (request.requestType !== 'deletion' || !US_REGIMES.includes(request.regime)) return undefined;
  return rightOf(rights, 'opt_out_sale_share', request.regime);
}
