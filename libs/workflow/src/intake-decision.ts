import type { ProcessorRedirect, Regime } from '#policy';

/** The form's answer for "my own relationship with the organisation" to the question whose data it is. */
export const OWN_DATA = 'own';

export type DataContextDecision = { ok: true; redirect: ProcessorRedirect | null } | { ok: false };

/**
 * Whose data a web request is about, where the organisation also processes data for others. Each processor
 * redirect of the policy is one answer, named by its services; the requester's own relationship is OWN_DATA.
 * Where the organisation processes nothing for others the question is not asked and any answer is ignored.
 * A redirect means the organisation is only a processor for that data: the request goes to the controller.
 */
export function dataContextDecision(redirects: readonly ProcessorRedirect[], answer: unknown): DataContextDecision {
  if (redirects.length === 0) return { ok: true, redirect: null };
  if (answer === OWN_DATA) return { ok: true, redirect: null };
  const redirect = redirects.find((r) => r.services === answer);
  return redirect ? { ok: true, redirect } : { ok: false };
}

export interface AgentRegistrationInput {
  /** The policy requires every agent to be registered with the California Secretary of State (ProntoTrak). */
  policyRequiresRegistration: boolean;
  agentIsBusiness: boolean;
  regime: Regime;
}

/**
 * Whether an authorised agent must give its California Secretary of State registration (entity) number.
 * Always where the policy says so; otherwise for a business acting on a CCPA request, because the CCPA lets a
 * business act for a consumer only as "a person registered with the Secretary of State" (Civ. Code
 * §1798.140(ak)); a natural person acting for someone needs none.
 */
export function agentRegistrationRequired(input: AgentRegistrationInput): boolean {
  if (input.policyRequiresRegistration) return true;
  return input.agentIsBusiness && input.regime === 'ccpa';
}
