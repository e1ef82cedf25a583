import type { Regime, RequestType } from '#policy';
import type { DenialReason } from '#workflow';

import { en } from './i18n/en.js';

// The words pages and mails use for the codes of the privacy domain, in one place. Records, not lists: the compiler
// flags a regime, request type or denial reason added without its wording here.

/** Each ground for refusing a request, as the requester (and the staff choosing it) read it: the English catalogue's. */
export const DENIAL_REASON_TEXT: Record<DenialReason, string> = en.denialReasons;

/** The law a request is answered under, as a request's page names it. */
export const REGIME_NAMES: Record<Regime, string> = {
  ccpa: 'CCPA',
  us_state: 'US state law',
  gdpr: 'GDPR',
  uk_gdpr: 'UK GDPR',
  can_spam: 'CAN-SPAM',
  fcc_tcpa: 'TCPA (FCC)',
  none: 'none (the policy’s own promise)',
};

/** A regime name; a code this version does not know is shown as it is. */
export function regimeName(regime: string): string {
  return REGIME_NAMES[regime as Regime] ?? regime;
}

/** A status, type or template code as plain words: "awaiting_requester" → "awaiting requester". */
export const codeWords = (code: string) => code.replace(/_/g, ' ');

// The report's columns and rows: shorter names, as the annual metrics are published.

export const REGIME_LABELS: Record<Regime, string> = {
  ccpa: 'CCPA',
  us_state: 'US state law',
  gdpr: 'GDPR',
  uk_gdpr: 'UK GDPR',
  can_spam: 'CAN-SPAM',
  fcc_tcpa: 'FCC (TCPA)',
  none: 'Policy promise (no law)',
};

export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  access: 'Access (right to know)',
  categories: 'Categories (right to know)',
  deletion: 'Deletion',
  correction: 'Correction',
  portability: 'Portability',
  restriction: 'Restriction',
  objection: 'Objection',
  automated_decision_objection: 'Objection to automated decisions',
  consent_withdrawal: 'Consent withdrawal',
  opt_out_marketing_email: 'Opt-out of marketing email',
  opt_out_marketing_sms: 'Opt-out of marketing SMS',
  opt_out_sale_share: 'Opt-out of sale or sharing',
  limit_sensitive_use: 'Limit use of sensitive information',
};

export const DENIAL_REASON_LABELS: Record<DenialReason, string> = {
  identity_not_verified: 'Identity could not be verified',
  frequency_limit_exceeded: 'Frequency limit exceeded',
  manifestly_unfounded_or_excessive: 'Manifestly unfounded or excessive',
  statutory_exemption: 'Statutory exemption',
  right_does_not_apply: 'Right does not apply',
  adversely_affects_others: 'Would adversely affect others',
  suspected_fraud: 'Suspected fraud',
};

export const DENIAL_REASON_CODES = Object.keys(DENIAL_REASON_LABELS) as DenialReason[];
