// The structured form of one organisation's privacy policy, as stored in seeds/<slug>.policy.yaml.
// Everything a requester can rely on (a right, a deadline, a channel) cites the policy sentence it comes from.

export const REGIMES = ['ccpa', 'us_state', 'gdpr', 'uk_gdpr', 'can_spam', 'fcc_tcpa', 'none'] as const;
/** The law (or none) whose deadlines govern a request. can_spam/fcc_tcpa: email unsubscribe and SMS STOP. */
export type Regime = (typeof REGIMES)[number];

export const REQUEST_TYPES = [
  'access',
  'categories',
  'deletion',
  'correction',
  'portability',
  'restriction',
  'objection',
  'automated_decision_objection',
  'consent_withdrawal',
  'opt_out_marketing_email',
  'opt_out_marketing_sms',
  'opt_out_sale_share',
  /** CPRA: limit the use and disclosure of sensitive personal information. */
  'limit_sensitive_use',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const CHANNEL_KINDS = [
  'web_form',
  'email',
  'phone',
  'post',
  'sms_stop',
  'email_unsubscribe',
  'account_settings',
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/**
 * How sure the organisation must be of who asks (CCPA regs §7060-7062). The email address the requester proves by
 * link counts as one data point matched against the records.
 * - none: opt-outs and requests to limit, which need no verification;
 * - email: control of the address (the link);
 * - reasonable: the email and at least one more data point matched (two in all): categories, deletion, correction;
 * - high: the email and at least two more (three in all) and a declaration signed under penalty of perjury:
 *   specific pieces of personal information;
 * - documents: the email and an identity document the requester uploads, which staff check (GDPR Art 12(6), where a
 *   policy says it may ask for information to confirm identity). Last: it is not matched, so it outranks no other.
 */
export const VERIFICATION_LEVELS = ['none', 'email', 'reasonable', 'high', 'documents'] as const;
export type VerificationLevel = (typeof VERIFICATION_LEVELS)[number];

/** Data points beside the proven email address a level needs matched: what the form must be able to ask. */
export const DATA_POINTS_BEYOND_EMAIL: Readonly<Record<VerificationLevel, number>> = {
  none: 0,
  email: 0,
  reasonable: 1,
  high: 2,
  documents: 0,
};

/**
 * What a requester may be asked for, beside the email address they prove by link, so their identity can be matched
 * against the organisation's records (CCPA regs §7062: data points the business maintains). An organisation lists
 * the ones it can match in its settings; a data map says which column holds each.
 */
export const DATA_POINT_KINDS = [
  'full_name',
  'phone',
  'postal_address',
  'date_of_birth',
  'account_number',
  'last_order_date',
] as const;
export type DataPointKind = (typeof DATA_POINT_KINDS)[number];

export const SPECIAL_RULE_KINDS = [
  'children',
  'sender_email_only',
  'agent_registration_required',
  'processor_redirect',
  'non_discrimination',
  'free_of_charge',
] as const;
export type SpecialRuleKind = (typeof SPECIAL_RULE_KINDS)[number];

/** An exact sentence (or clause) of the organisation's policy text. */
export interface Citation {
  quote: string;
}

export interface PolicyChannel {
  kind: ChannelKind;
  /** Address, number or URL where the kind has one. */
  value?: string;
  citation: Citation;
}

export interface FrequencyLimit {
  count: number;
  perMonths: number;
  /** Other right ids whose requests count towards the same allowance (CCPA: one "twice per 12 months" for categories and specific pieces). */
  sharedWith?: string[];
  citation: Citation;
}

export interface PolicyRight {
  /** Stable id within the organisation, e.g. "ccpa-know". */
  id: string;
  type: RequestType;
  regime: Regime;
  /** How the form words it for the requester. */
  label: string;
  verification: VerificationLevel;
  /** The policy's own sentence on verifying a requester's identity, where it has one. */
  verificationCitation?: Citation;
  limit?: FrequencyLimit;
  citation: Citation;
}

export interface PolicyDeadline {
  /** Right ids this statement governs. */
  rights: string[];
  /** What the policy promises: legal (the regime's own period), or an internal target shorter than the law. */
  kind: 'legal' | 'internal_target';
  /** Stated days where the policy gives a number (CCPA: 45). */
  days?: number;
  extensionDays?: number;
  citation: Citation;
}

export interface ProcessorRedirect {
  /** Which services the organisation processes for others. */
  services: string;
  /** Who the controller is, worded for the requester. */
  controller: string;
  /**
   * The policy only encourages asking the controller first (West for SchoolMessenger): the organisation still answers,
   * so the request is kept and the requester told they may ask the controller first, not closed as redirected.
   */
  askFirstOnly?: boolean;
  citation: Citation;
}

export interface SpecialRule {
  kind: SpecialRuleKind;
  summary: string;
  citation: Citation;
}

export interface OrganisationSettings {
  /** Days a verification link stays valid. */
  verificationLinkDays: number;
  /** Organisation-set target in calendar days for promises like "as soon as reasonably practicable"; never later than the law. */
  internalTargetDays?: number;
  /** Days the requester can download a response's files from the status page; DEFAULT_RESPONSE_LINK_DAYS when absent. */
  responseLinkDays?: number;
  /** Days before the due date staff are reminded, largest first; DEFAULT_REMINDER_OFFSETS_DAYS when absent. */
  reminderOffsetsDays?: number[];
  /** Days before the extension-notice deadline the assignee is warned; DEFAULT_EXTENSION_WARNING_DAYS when absent. */
  extensionWarningDays?: number;
  /** Days after closing that the requester's personal data is kept; DEFAULT_RETENTION_DAYS when absent. */
  retentionDays?: number;
  /** Days after staff decide on an identity document that it is deleted; DEFAULT_IDENTITY_DOCUMENT_DAYS when absent. */
  identityDocumentDays?: number;
  /** E.164 numbers the organisation texts from; an inbound text (SMS STOP) finds its organisation by the number it was sent to. */
  smsNumbers?: string[];
  /** The languages its forms, pages and requester mails are offered in, the first the default; ['en'] when absent. */
  languages?: Language[];
  /**
   * The data points the organisation can match against its records, in the order the form asks them; a right needing
   * reasonable verification needs at least one listed, high at least two.
   */
  verificationDataPoints?: DataPointKind[];
}

/** The languages Rightsdesk has wording for. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The organisation's languages, its default first. */
export function offeredLanguages(policy: Pick<OrganisationPolicy, 'settings'>): readonly Language[] {
  return policy.settings.languages ?? ['en'];
}

/** Response files are personal data in transit: a week to fetch them, unless the organisation says otherwise. */
export const DEFAULT_RESPONSE_LINK_DAYS = 7;
export const DEFAULT_REMINDER_OFFSETS_DAYS: readonly number[] = [14, 7, 3, 1];
export const DEFAULT_EXTENSION_WARNING_DAYS = 3;
export const DEFAULT_RETENTION_DAYS = 90;
/** An identity document has done its work once staff decide on it: a month to answer questions about the decision. */
export const DEFAULT_IDENTITY_DOCUMENT_DAYS = 30;
/** CCPA regs §7101: the record of a request (dates, type, channel, outcome, denial ground) is kept 24 months. */
export const REQUEST_RECORD_RETENTION_MONTHS = 24;

export interface OrganisationPolicy {
  slug: string;
  name: string;
  /** ISO 3166-1 alpha-2, for public holidays. */
  country: 'US' | 'GB';
  /** date-holidays state/region code where holidays differ within the country (GB: ENG). */
  holidayRegion?: string;
  /** IANA time zone days are counted in. */
  timeZone: string;
  /** Identifies the policy text version; stored on every request made under it. */
  version: string;
  source: { file: string; url?: string };
  role: 'controller' | 'controller_and_processor';
  regimes: Regime[];
  privacyEmail?: string;
  channels: PolicyChannel[];
  rights: PolicyRight[];
  deadlines: PolicyDeadline[];
  processorRedirects: ProcessorRedirect[];
  specialRules: SpecialRule[];
  settings: OrganisationSettings;
}

/** A validated seed file, as loadPolicies returns it. */
export interface LoadedPolicy {
  policy: OrganisationPolicy;
  /** The seed file's path: seedsDir as given, joined with the file name. */
  fileName: string;
  /** sha256 hex of the YAML bytes followed by the policy text bytes: the policy version fingerprint stored on each request. */
  contentHash: string;
}
