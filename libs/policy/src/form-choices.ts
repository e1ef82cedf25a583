import {
  DATA_POINTS_BEYOND_EMAIL,
  type DataPointKind,
  type OrganisationPolicy,
  type PolicyRight,
  type RequestType,
  type SpecialRule,
} from './policy.model.js';
import { agentRegistrationRule, rightsOffered } from './policy.queries.js';

/**
 * One choice on the form. Where the policy grants the same thing twice (to everyone, and again to Californians
 * under the CCPA), the public is not asked to pick a law: the choice is the right everyone has, and the answer
 * to "Do you live in California?" turns it into its CCPA counterpart.
 */
export interface FormChoice {
  right: PolicyRight;
  californian?: PolicyRight;
}

/** What a requester sees as the same request, whatever law grants it: deleting, getting what is held, or stopping its sale. */
const SAME_ASK: Partial<Record<RequestType, string>> = {
  deletion: 'delete',
  access: 'copy',
  portability: 'copy',
  opt_out_sale_share: 'stop selling',
};

export function formChoices(policy: OrganisationPolicy): FormChoice[] {
  const offered = rightsOffered(policy);
  const pairedCcpa = new Set<string>();
  const choices: FormChoice[] = [];
  for (const right of offered.filter((r) => r.regime === 'none')) {
    const ask = SAME_ASK[right.type];
    const californian = ask
      ? offered.find((r) => r.regime === 'ccpa' && SAME_ASK[r.type] === ask && !pairedCcpa.has(r.id))
      : undefined;
    if (californian) pairedCcpa.add(californian.id);
    choices.push({ right, ...(californian ? { californian } : {}) });
  }
  // In the policy's order, each pair where its first right stands.
  const position = (choice: FormChoice) =>
    Math.min(...[choice.right, choice.californian].filter((r) => r !== undefined).map((r) => offered.indexOf(r)));
  const single = offered.filter((r) => r.regime !== 'none' && !pairedCcpa.has(r.id)).map((right) => ({ right }));
  return [...choices, ...single].sort((a, b) => position(a) - position(b));
}

/** Whether the form must ask where the requester lives: only when one of its choices depends on it. */
export function asksResidence(policy: OrganisationPolicy): boolean {
  return formChoices(policy).some((choice) => choice.californian);
}

/**
 * The right a posted choice stands for. A choice with a CCPA counterpart needs the residence answer (null when
 * missing); any right offered may also be posted by its own id, as other clients of the form do.
 */
export function rightChosen(
  policy: OrganisationPolicy,
  rightId: unknown,
  residence: unknown,
): PolicyRight | null | undefined {
  const choice = formChoices(policy).find((c) => c.right.id === rightId);
  if (choice?.californian) {
    if (residence === 'california') return choice.californian;
    return residence === 'elsewhere' ? choice.right : null;
  }
  return rightsOffered(policy).find((r) => r.id === rightId);
}

/**
 * Whether the form offers to take a request from an authorised agent: where the policy names agents (its
 * registration rule) or grants a CCPA right, which a consumer may exercise through an agent (CCPA regs §7063).
 */
export function acceptsAgents(policy: OrganisationPolicy): boolean {
  return agentRegistrationRule(policy) !== undefined || rightsOffered(policy).some((r) => r.regime === 'ccpa');
}

/** The policy's rule that a request covers only the address it comes from, shown beside the opt-outs it limits. */
export function senderAddressRule(policy: OrganisationPolicy): SpecialRule | undefined {
  return policy.specialRules.find((rule) => rule.kind === 'sender_email_only');
}

/** The data points the form asks to verify a request for this right: none where the email address is enough. */
export function dataPointsAsked(policy: OrganisationPolicy, right: PolicyRight): readonly DataPointKind[] {
  return DATA_POINTS_BEYOND_EMAIL[right.verification] > 0 ? (policy.settings.verificationDataPoints ?? []) : [];
}

/** Whether a request for this right needs the declaration under penalty of perjury (CCPA regs §7062(c)). */
export function needsDeclaration(right: PolicyRight): boolean {
  return right.verification === 'high';
}

/** Whether the form asks data points at all: only where a right it offers needs them. */
export function asksDataPoints(policy: OrganisationPolicy): boolean {
  return rightsOffered(policy).some((right) => dataPointsAsked(policy, right).length > 0);
}

/** Whether the form offers the declaration: only where a right it offers needs a high degree of certainty. */
export function asksDeclaration(policy: OrganisationPolicy): boolean {
  return rightsOffered(policy).some(needsDeclaration);
}
