import type { Regime, RequestType } from '#policy';

/** What a suppression stops: marketing email, marketing texts, or the sale/sharing of personal information. */
export const SUPPRESSION_CHANNELS = ['email', 'sms', 'sale_share'] as const;
export type SuppressionChannel = (typeof SUPPRESSION_CHANNELS)[number];

/** How the opt-out reached us. */
export const SUPPRESSION_SOURCES = ['form', 'sms_stop', 'email_unsubscribe', 'gpc', 'drp', 'privacy_mailbox'] as const;
export type SuppressionSource = (typeof SUPPRESSION_SOURCES)[number];

/** The suppression an opt-out request creates; null for every other request type. */
export function suppressionChannelFor(requestType: RequestType): SuppressionChannel | null {
  switch (requestType) {
    case 'opt_out_marketing_email':
      return 'email';
    case 'opt_out_marketing_sms':
      return 'sms';
    case 'opt_out_sale_share':
      return 'sale_share';
    default:
      return null;
  }
}

/** The request type that opts out of a channel: the inverse of suppressionChannelFor. */
export function optOutTypeFor(channel: SuppressionChannel): RequestType {
  return channel === 'email'
    ? 'opt_out_marketing_email'
    : channel === 'sms'
      ? 'opt_out_marketing_sms'
      : 'opt_out_sale_share';
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * One spelling per mailbox: trimmed and lower-cased. Local parts are case-sensitive in theory, but every
 * mailbox provider in practice ignores case, and a suppression that misses "Ann@x.org" for "ann@x.org" fails the
 * person. Null when it is not an address.
 */
export function normaliseEmail(value: string): string | null {
  const email = addressKey(value);
  return email.length <= 320 && EMAIL_SHAPE.test(email) ? email : null;
}

/**
 * An address as suppressions and frequency limits key it, whether or not the shape check above accepts it: an
 * address the form's own validation took is never dropped for being unusual.
 */
export function addressKey(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * E.164 (+ then 8 to 15 digits, no leading zero). Spaces, dots, dashes and brackets are dropped; "00" is the
 * international prefix; a bare 10-digit number, or 11 digits starting with 1, is a North American number (the
 * SMS channel exists only for US organisations). Null when it cannot be a number.
 */
export function normalisePhone(value: string): string | null {
  const compact = value.trim().replace(/[\s().\-]/g, '');
  let e164: string;
  if (compact.startsWith('+')) e164 = compact;
  else if (compact.startsWith('00')) e164 = `+${compact.slice(2)}`;
  else if (/^\d{10}$/.test(compact)) e164 = `+1${compact}`;
  else if (/^1\d{10}$/.test(compact)) e164 = `+${compact}`;
  else return null;
  return /^\+[1-9]\d{7,14}$/.test(e164) ? e164 : null;
}

/** What an inbound text asks for. */
export type SmsKeyword = 'stop' | 'start' | 'help';

// FCC/CTIA opt-out words (47 CFR 64.1200(a)(10)); START/UNSTOP re-subscribe (CTIA); HELP/INFO ask who is writing.
const SMS_KEYWORDS: ReadonlyMap<string, SmsKeyword> = new Map([
  ...['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPT OUT', 'OPTOUT'].map(
    (w) => [w, 'stop'] as const,
  ),
  ...['START', 'UNSTOP'].map((w) => [w, 'start'] as const),
  ...['HELP', 'INFO'].map((w) => [w, 'help'] as const),
]);

/**
 * The keyword a text is, ignoring case, surrounding space and punctuation ("  Stop. ", "opt-out!", "Opt  Out").
 * Only a message that is the keyword counts: "please don't stop" must not unsubscribe anyone.
 */
export function parseSmsKeyword(body: string): SmsKeyword | null {
  const words = body
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .trim()
    .split(/\s+/)
    .join(' ');
  return SMS_KEYWORDS.get(words) ?? null;
}

/** The parts of a policy the GPC decision reads. */
export interface GpcPolicyFacts {
  regimes: readonly Regime[];
  rights: readonly { id: string; type: RequestType; regime: Regime }[];
}

export type GpcIgnoredReason = 'no_sale_share_law' | 'no_sale_share_right';

export type GpcDecision = { outcome: 'honoured'; rightId: string } | { outcome: 'ignored'; reason: GpcIgnoredReason };

// CCPA regs §7025 and the state laws (CO, CT...) make a browser's opt-out preference signal a valid opt-out of sale/sharing.
const GPC_REGIMES: readonly Regime[] = ['ccpa', 'us_state'];

/**
 * Whether a Sec-GPC signal opts the person out at this organisation: only under a law that recognises it, and
 * only where the policy gives an opt-out of sale/sharing to act on. GDPR/UK GDPR give no sale/share opt-out.
 * The opt-out under that law comes first: the signal is that law's opt-out (CCPA regs §7025(b)), with its period
 * (§7026(f): 15 business days) and its report; a voluntary one is used only where the policy has no other.
 */
export function gpcDecision(policy: GpcPolicyFacts): GpcDecision {
  if (!policy.regimes.some((r) => GPC_REGIMES.includes(r))) return { outcome: 'ignored', reason: 'no_sale_share_law' };
  const optOuts = policy.rights.filter((r) => r.type === 'opt_out_sale_share');
  const right = optOuts.find((r) => GPC_REGIMES.includes(r.regime)) ?? optOuts[0];
  if (!right) return { outcome: 'ignored', reason: 'no_sale_share_right' };
  return { outcome: 'honoured', rightId: right.id };
}
