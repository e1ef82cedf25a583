// A reviewed draft as the structured policy the validator accepts (parsePolicy, after YAML.stringify).

import {
  DATA_POINTS_BEYOND_EMAIL,
  type DataPointKind,
  type OrganisationPolicy,
  type PolicyChannel,
  type PolicyDeadline,
  type PolicyRight,
  type ProcessorRedirect,
  type Regime,
  type RequestType,
  type SpecialRule,
  type SpecialRuleKind,
  type VerificationLevel,
} from '../policy.model.js';
import type { DraftChannel, DraftCitation, DraftRight, PolicyDraft, PublishChoices } from './draft.model.js';
import { internationalPhone } from './phone-numbers.js';

/** No law sets a deadline for a right the policy grants of its own accord; this is the organisation's target. */
export const DEFAULT_INTERNAL_TARGET_DAYS = 30;
const VERIFICATION_LINK_DAYS = 7;
const OPT_OUTS: readonly RequestType[] = [
  'opt_out_marketing_email',
  'opt_out_marketing_sms',
  'opt_out_sale_share',
  'limit_sensitive_use',
];

/**
 * What the form asks beside the email address when a drafted right needs more: the importer cannot know what the
 * organisation's records hold, so this is a guess the reviewer is told to check (draftVerificationGuess).
 */
export const DEFAULT_VERIFICATION_DATA_POINTS: readonly DataPointKind[] = ['phone', 'postal_address'];
const PRIVACY_LAWS: readonly Regime[] = ['ccpa', 'us_state', 'gdpr', 'uk_gdpr'];

const quoteOf = (citation: DraftCitation): { quote: string } => ({ quote: citation.quote });

export function rightId(right: Pick<DraftRight, 'type' | 'regime'>): string {
  return `${right.regime}-${right.type}`.replaceAll('_', '-');
}

function verificationOf(type: RequestType, regime: Regime, identity: boolean): VerificationLevel {
  // CCPA regs §7026(d), §7027(e): opt-outs and requests to limit need no verification.
  if (OPT_OUTS.includes(type)) return 'none';
  // §7062(c): specific pieces of personal information need a reasonably high degree of certainty.
  if (type === 'access' && (regime === 'ccpa' || regime === 'us_state')) return 'high';
  // §7062(b), §7062(d), and the GDPR's reasonable measures: the rest of a privacy law's rights need a reasonable degree.
  if (PRIVACY_LAWS.includes(regime)) return 'reasonable';
  // A right the policy grants of its own accord is held to what the policy says about verifying.
  return identity ? 'reasonable' : 'email';
}

function rightsOf(draft: PolicyDraft): PolicyRight[] {
  const identityRule = draft.specialRules.find((r) => r.kind === 'identity_verification');
  const rights = draft.rights.map((r): PolicyRight => {
    const verification = verificationOf(r.type, r.regime, identityRule !== undefined);
    return {
      id: rightId(r),
      type: r.type,
      regime: r.regime,
      label: r.label,
      verification,
      ...(identityRule && verification !== 'none' ? { verificationCitation: quoteOf(identityRule.citation) } : {}),
      ...(r.limit
        ? { limit: { count: r.limit.count, perMonths: r.limit.perMonths, citation: quoteOf(r.limit.citation) } }
        : {}),
      citation: quoteOf(r.citation),
    };
  });
  // One allowance for the rights a single limit sentence covers (the CCPA's twice in 12 months for both ways to know).
  return rights.map((right) => {
    if (!right.limit) return right;
    const sharing = rights.filter(
      (o) => o !== right && o.regime === right.regime && o.limit?.citation.quote === right.limit!.citation.quote,
    );
    return sharing.length === 0 ? right : { ...right, limit: { ...right.limit, sharedWith: sharing.map((o) => o.id) } };
  });
}

function deadlinesOf(draft: PolicyDraft, rights: readonly PolicyRight[]): PolicyDeadline[] {
  const governed = new Set<string>();
  const deadlines: PolicyDeadline[] = [];
  // The most certain statement first: the validator allows one deadline per right.
  for (const d of [...draft.deadlines].sort((a, b) => b.confidence - a.confidence)) {
    const ids = rights
      .filter((r) => r.regime === d.regime && d.rightTypes.includes(r.type) && !governed.has(r.id))
      .map((r) => r.id);
    if (ids.length === 0) continue;
    ids.forEach((id) => governed.add(id));
    deadlines.push({
      rights: ids,
      kind: d.kind,
      ...(d.days !== undefined ? { days: d.days } : {}),
      ...(d.days !== undefined && d.extensionDays !== undefined ? { extensionDays: d.extensionDays } : {}),
      citation: quoteOf(d.citation),
    });
  }
  return deadlines;
}

const RULE_KINDS: readonly SpecialRuleKind[] = [
  'children',
  'sender_email_only',
  'agent_registration_required',
  'non_discrimination',
  'free_of_charge',
];

/** A number as the reviewer left it, in the form the validator accepts; read in the organisation's country. */
function channelValue(channel: DraftChannel, country: PublishChoices['country']): string | undefined {
  if (channel.kind !== 'phone' || channel.value === undefined) return channel.value;
  return internationalPhone(channel.value, country) ?? channel.value;
}

/**
 * The data points a published draft will ask requesters for, and why the reviewer should check them, when a drafted
 * right needs more than the email address; undefined when none does.
 */
export function draftVerificationGuess(
  draft: PolicyDraft,
): { kinds: readonly DataPointKind[]; reason: string } | undefined {
  const needs = rightsOf(draft).filter((r) => DATA_POINTS_BEYOND_EMAIL[r.verification] > 0);
  if (needs.length === 0) return undefined;
  return {
    kinds: DEFAULT_VERIFICATION_DATA_POINTS,
    reason: `a default: ${needs.map((r) => `${r.id} (${r.verification})`).join(', ')} need data points matched against the organisation's records; check that its records hold these`,
  };
}

export function draftToPolicyDocument(draft: PolicyDraft, choices: PublishChoices): OrganisationPolicy {
  const rights = rightsOf(draft);
  const regimes = [...new Set<Regime>([...draft.regimes.map((r) => r.regime), ...rights.map((r) => r.regime)])];
  const channels = draft.channels.map((c): PolicyChannel => {
    const value = channelValue(c, choices.country);
    return { kind: c.kind, ...(value !== undefined ? { value } : {}), citation: quoteOf(c.citation) };
  });
  const processorRedirects = draft.specialRules
    .filter((r) => r.kind === 'processor_redirect')
    .map((r): ProcessorRedirect => ({
      services: 'the services it provides for its customers',
      controller: 'the customer the services are provided for',
      askFirstOnly: true,
      citation: quoteOf(r.citation),
    }));
  const specialRules = draft.specialRules.flatMap((r): SpecialRule[] =>
    (RULE_KINDS as readonly string[]).includes(r.kind)
      ? [{ kind: r.kind as SpecialRuleKind, summary: r.summary, citation: quoteOf(r.citation) }]
      : [],
  );
  const needsTarget =
    rights.some((r) => r.regime === 'none') ||
    draft.deadlines.some((d) => d.kind === 'internal_target' && d.days === undefined);
  const privacyEmail = channels.find((c) => c.kind === 'email')?.value;
  const verificationGuess = draftVerificationGuess(draft);
  return {
    slug: choices.slug,
    name: choices.name,
    country: choices.country,
    ...(choices.country === 'GB' ? { holidayRegion: 'ENG' } : {}),
    timeZone: choices.timeZone,
    version: choices.version ?? `${choices.slug}-imported`,
    source: { file: choices.sourceFile ?? `policies-text/${choices.slug}.txt` },
    role: processorRedirects.length > 0 ? 'controller_and_processor' : 'controller',
    regimes: regimes.length > 0 ? regimes : ['none'],
    ...(privacyEmail ? { privacyEmail } : {}),
    channels,
    rights,
    deadlines: deadlinesOf(draft, rights),
    processorRedirects,
    specialRules,
    settings: {
      verificationLinkDays: VERIFICATION_LINK_DAYS,
      ...(needsTarget ? { internalTargetDays: DEFAULT_INTERNAL_TARGET_DAYS } : {}),
      ...(verificationGuess ? { verificationDataPoints: [...verificationGuess.kinds] } : {}),
    },
  };
}
