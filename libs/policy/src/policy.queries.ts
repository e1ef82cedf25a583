import type {
  OrganisationPolicy,
  PolicyDeadline,
  PolicyRight,
  ProcessorRedirect,
  SpecialRule,
} from './policy.model.js';

export function findRight(policy: OrganisationPolicy, rightId: string): PolicyRight | undefined {
  return policy.rights.find((right) => right.id === rightId);
}

/**
 * Rights a requester can file through the web form. SMS opt-outs are left out: the policy's channel for them
 * is replying STOP to a text, which reaches the organisation's SMS system, not this form.
 */
export function rightsOffered(policy: OrganisationPolicy): PolicyRight[] {
  return policy.rights.filter((right) => right.type !== 'opt_out_marketing_sms');
}

/** Services the organisation runs for others, whose controller a requester should usually approach first. */
export function processorRedirects(policy: OrganisationPolicy): ProcessorRedirect[] {
  return policy.processorRedirects;
}

/**
 * The policy's rule that anyone acting for a consumer must be registered with the California Secretary of State
 * (ProntoTrak), when it has one: the form then asks every agent for the registration number.
 */
export function agentRegistrationRule(policy: OrganisationPolicy): SpecialRule | undefined {
  return policy.specialRules.find((rule) => rule.kind === 'agent_registration_required');
}

/** The policy's own statement about when a right is answered, if it makes one; otherwise the regime's law (or settings.internalTargetDays for regime none) applies. */
export function deadlineFor(policy: OrganisationPolicy, rightId: string): PolicyDeadline | undefined {
  return policy.deadlines.find((deadline) => deadline.rights.includes(rightId));
}

/**
 * Calendar days the organisation aims to answer a right in, or undefined when only the law's period applies.
 * Regime 'none' rights always have one; a right whose policy statement is an internal target uses its stated
 * days, else settings.internalTargetDays. The deadline calculator takes the earlier of this and the law.
 */
export function internalTargetDaysFor(policy: OrganisationPolicy, rightId: string): number | undefined {
  const right = findRight(policy, rightId);
  if (!right) return undefined;
  const deadline = deadlineFor(policy, rightId);
  if (deadline?.kind === 'internal_target') return deadline.days ?? policy.settings.internalTargetDays;
  return right.regime === 'none' ? policy.settings.internalTargetDays : undefined;
}
