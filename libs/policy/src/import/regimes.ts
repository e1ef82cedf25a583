// Which laws the policy grants rights under, and which law a given sentence speaks of.

import type { Regime } from '../policy.model.js';
import type { DraftRegime } from './draft.model.js';
import { citationOf, type PolicySentence } from './sentences.js';

const US_STATES =
  /\b(Virginia|Colorado|Connecticut|Utah|Nevada|Texas|Oregon|Montana|Iowa|Delaware|New Jersey|Tennessee|Indiana|Kentucky|New Hampshire|Minnesota|Maryland|Nebraska|Rhode Island)\b/;

interface RegimeSign {
  regime: DraftRegime['regime'];
  pattern: RegExp;
  confidence: number;
  reason?: string;
}

// Strongest sign first: the first sentence matching a regime's strongest sign is its citation.
const SIGNS: readonly RegimeSign[] = [
  {
    regime: 'ccpa',
    pattern: /\b(CCPA|CPRA|California Consumer Privacy Act|California Privacy Rights Act)\b/,
    confidence: 0.95,
  },
  {
    regime: 'ccpa',
    pattern: /\bCalifornia (residents?|consumers?)\b.*\b(rights?|request)/i,
    confidence: 0.75,
    reason: 'rights for California residents, without naming the CCPA',
  },
  { regime: 'gdpr', pattern: /\b(EU GDPR|General Data Protection Regulation|GDPR)\b/, confidence: 0.95 },
  {
    regime: 'gdpr',
    pattern: /\b(EEA|European Economic Area|European Union|EU)\b.*\b(rights?|data protection law)/,
    confidence: 0.75,
    reason: 'rights for people in Europe, without naming the GDPR',
  },
  { regime: 'uk_gdpr', pattern: /\b(UK GDPR|Data Protection Act 2018)\b/, confidence: 0.95 },
  {
    regime: 'uk_gdpr',
    pattern: /\b(United Kingdom|UK)\b.*\b(rights?|data protection law)/,
    confidence: 0.7,
    reason: 'mentions the UK beside rights, without naming the UK GDPR',
  },
  {
    regime: 'us_state',
    pattern: new RegExp(`${US_STATES.source}.{0,80}\\b(residents?|consumers?|privacy (law|act)|Act)\\b`),
    confidence: 0.8,
    reason: "names another US state's residents or law",
  },
  { regime: 'can_spam', pattern: /\bCAN-SPAM\b/i, confidence: 0.95 },
  {
    regime: 'can_spam',
    pattern: /\bunsubscribe\b.*\b(e-?mails?|newsletters?)\b|\b(e-?mails?|newsletters?)\b.*\bunsubscribe\b/i,
    confidence: 0.8,
    reason: 'offers unsubscribing from email, without naming CAN-SPAM',
  },
  { regime: 'fcc_tcpa', pattern: /\b(TCPA|Telephone Consumer Protection Act)\b/, confidence: 0.95 },
  {
    regime: 'fcc_tcpa',
    pattern: /\b(reply|replying|text|texting|send)(ing)?\s+["“']?STOP\b/i,
    confidence: 0.85,
    reason: 'offers STOP for text messages, without naming the TCPA',
  },
];

// "We are not covered by the CCPA": naming a law to say it does not apply.
const NOT_COVERED =
  /\b(?:not|never)\s+(?:covered|governed|subject|bound)\s+(?:by|to)\b|\b(?:does|do)\s+not\s+apply\s+to\s+(?:us|our)\b/i;

export function extractRegimes(sentences: readonly PolicySentence[]): DraftRegime[] {
  const found = new Map<DraftRegime['regime'], DraftRegime>();
  for (const sign of SIGNS) {
    if (found.has(sign.regime)) continue;
    const sentence = sentences.find((s) => !s.isHeading && sign.pattern.test(s.text) && !NOT_COVERED.test(s.text));
    if (!sentence) continue;
    found.set(sign.regime, {
      regime: sign.regime,
      citation: citationOf(sentence),
      confidence: sign.confidence,
      ...(sign.reason ? { reason: sign.reason } : {}),
    });
  }
  const order = ['ccpa', 'us_state', 'gdpr', 'uk_gdpr', 'can_spam', 'fcc_tcpa'];
  return [...found.values()].sort((a, b) => order.indexOf(a.regime) - order.indexOf(b.regime));
}

/** The law a piece of text speaks of, if it names one. */
function regimeNamedIn(text: string): Regime | undefined {
  // Headings are often in capitals: names are matched in any case, abbreviations only in capitals.
  if (/\b(CCPA|CPRA)\b|\bCalifornia\b/i.test(text)) return 'ccpa';
  if (/\b(GDPR|EEA|EU)\b|\b(European|Europe|Switzerland|Swiss)\b/i.test(text)) {
    return /\b(EEA|EU)\b|\b(European|Europe)\b/i.test(text) || !/\bUK\b/.test(text) ? 'gdpr' : 'uk_gdpr';
  }
  if (/\bUK\b|\b(United Kingdom|Britain)\b/i.test(text)) return 'uk_gdpr';
  if (new RegExp(US_STATES.source, 'i').test(text)) return 'us_state';
  return undefined;
}

// Laws of other countries, which the desk has no rules for; a right granted only under them is none of ours.
const OTHER_COUNTRIES =
  /\b(?:Brazil(?:ian)?|LGPD|Canad(?:a|ian)|PIPEDA|Qu[eé]bec|Australian?|Japan(?:ese)?|APPI|Singapore(?:an)?|PDPA|(?:South\s+)?Korean?|PIPA|India|China|Chinese|PIPL|Hong\s+Kong|Mexic(?:o|an)|Argentin(?:a|ian)|New\s+Zealand|South\s+Africa(?:n)?|POPIA|Israel[i]?|Turkey|KVKK|Philippines?|Thailand|Thai)\b/i;
const UNITED_STATES = /\b(?:United\s+States|USA?|U\.S\.|America)\b/;

/**
 * The sentence, or the innermost of its headings that names a place, speaks of another country's law (Brazilian
 * residents' rights): a right found there is not granted under any law the desk knows.
 */
export function underOtherCountrysLaw(sentence: PolicySentence): boolean {
  for (const text of [sentence.text, ...[...sentence.trail].reverse()]) {
    if (regimeNamedIn(text) || UNITED_STATES.test(text)) return false;
    if (OTHER_COUNTRIES.test(text)) return true;
  }
  return false;
}

const GDPR_WORDS =
  /\b(?:rectif\w*|erasure|data\s+subjects?|supervisory\s+authority|lawful\s+basis|legitimate\s+interests?|data\s+controller)\b/i;
const CCPA_WORDS = /\b(?:personal\s+information|consumers?|sell|sale|sold|sharing)\b/i;

export interface SentenceRegime {
  regime: Regime;
  /** Set when the sentence and its headings name no law and the regime is a guess. */
  guess?: string;
}

/**
 * The law a right in this sentence is granted under: the sentence's own words, then its headings from the
 * innermost out; failing those, the policy's main privacy law.
 */
export function regimeOfSentence(sentence: PolicySentence, policyRegimes: readonly Regime[]): SentenceRegime {
  for (const text of [sentence.text, ...[...sentence.trail].reverse()]) {
    const named = regimeNamedIn(text);
    if (named) return { regime: named };
  }
  const privacyLaws = policyRegimes.filter((r) => r !== 'can_spam' && r !== 'fcc_tcpa');
  if (privacyLaws.length === 0) return { regime: 'none' };
  if (privacyLaws.length === 1) return { regime: privacyLaws[0] };
  // Each law has its own words: the GDPR's "personal data" and "rectification", the CCPA's "personal information".
  const european = privacyLaws.find((r) => r === 'gdpr' || r === 'uk_gdpr');
  const american = privacyLaws.find((r) => r === 'ccpa' || r === 'us_state');
  const regime =
    european && GDPR_WORDS.test(sentence.text)
      ? european
      : american && CCPA_WORDS.test(sentence.text)
        ? american
        : privacyLaws[0];
  return {
    regime,
    guess: `the sentence names no law; drafted under ${regime}, one of the policy's ${privacyLaws.join(', ')}`,
  };
}
