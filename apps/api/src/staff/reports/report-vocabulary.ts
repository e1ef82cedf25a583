import type { Regime, RequestType } from '#policy';
import type { DenialReason } from '#workflow';

// Records, not lists: the compiler flags a regime, request type or denial reason added without its wording here.

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
