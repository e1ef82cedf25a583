// Response times ("within 45 days", "one month", "as soon as reasonably practicable") and frequency limits.

import type { Regime, RequestType } from '../policy.model.js';
import { DRAFT_SURE, type DraftDeadline, type DraftLimit, type DraftRight } from './draft.model.js';
import { regimeOfSentence } from './regimes.js';
import { citationOf, type PolicySentence } from './sentences.js';

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  thirty: 30,
  'forty-five': 45,
  'forty five': 45,
  sixty: 60,
  ninety: 90,
};
const NUMBER = String.raw`(\d{1,3}|one|two|three|four|five|six|seven|ten|twelve|fifteen|thirty|forty[- ]five|sixty|ninety)(?:\s*\(\d{1,3}\))?`;
const PERIOD = new RegExp(
  String.raw`\b(?:within|in|no\s+later\s+than|up\s+to|not\s+(?:to\s+)?exceed(?:ing)?)\s+(?:a\s+period\s+of\s+)?${NUMBER}\s+(calendar\s+|business\s+|working\s+)?(days?|months?)\b`,
  'i',
);
const A_MONTH = /\bwithin\s+(?:a|one)\s+month\b/i;
const EXTENSION = new RegExp(
  String.raw`\b(?:additional|further|another|extend\w*[^.]{0,40}?(?:by|up\s+to|for))\s+(?:up\s+to\s+)?(?:an?\s+additional\s+)?${NUMBER}\s+(calendar\s+|business\s+|working\s+)?(days?|months?)\b`,
  'i',
);
const VAGUE =
  /\b(?:as\s+soon\s+as\s+(?:reasonably\s+)?(?:practicable|possible|feasible)|without\s+undue\s+delay|within\s+a\s+reasonable\s+(?:time|period|timeframe)|in\s+a\s+timely\s+manner|promptly)\b/i;
const RESPONSE =
  /\b(?:respond|response|reply|fulfil|fulfill|process|comply|complete|answer|honou?r|act\s+on|provide|deliver|disclose)\w*/i;
const REQUEST = /\brequests?\b/i;
const ACKNOWLEDGE = /\b(?:confirm(?:ing)?\s+receipt|acknowledg\w*)\b/i;
const LIMIT = new RegExp(
  String.raw`\b(twice|once|${NUMBER}\s+times?)\s+(?:in|within|per|during|every|each)\s+(?:a|any|one|the)?\s*(?:rolling\s+)?(?:(\d{1,2}|twelve)[- ]months?|year|calendar\s+year)\b`,
  'i',
);
const TYPE_WORDS: [RequestType, RegExp][] = [
  ['access', /\b(?:know|access|copy)\b/i],
  ['deletion', /\b(?:delet\w*|eras\w*)\b/i],
  ['correction', /\b(?:correct\w*|rectif\w*)\b/i],
  ['opt_out_sale_share', /\bopt[- ]?out\b[^.]{0,40}\b(?:sale|sell|shar\w*)/i],
  ['limit_sensitive_use', /\blimit\b[^.]{0,40}\bsensitive/i],
];
const LEGAL_DAYS: Partial<Record<Regime, number>> = { ccpa: 45, us_state: 45, gdpr: 30, uk_gdpr: 30 };

function numberOf(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word.toLowerCase().replace(/\s+/, ' ')];
}

function toDays(count: number, unit: string, kind: string | undefined): number {
  // A month is counted as 30 days here; the deadline calculator counts the GDPR's calendar month itself.
  if (/month/i.test(unit)) return count * 30;
  return /business|working/i.test(kind ?? '') ? Math.ceil((count * 7) / 5) : count;
}

function rightTypesOf(text: string, regime: Regime, rights: readonly DraftRight[]): RequestType[] {
  const named = TYPE_WORDS.filter(([, words]) => words.test(text)).map(([type]) => type);
  const ofRegime = rights.filter((r) => r.regime === regime).map((r) => r.type);
  if (named.length > 0) {
    const known = named.flatMap((t) =>
      t === 'access' ? ofRegime.filter((o) => o === 'access' || o === 'categories') : [t],
    );
    return [...new Set(known.length > 0 ? known : named)];
  }
  // Opt-outs have periods of their own; a general statement governs the other rights of its law.
  return [...new Set(ofRegime.filter((t) => !t.startsWith('opt_out') && t !== 'limit_sensitive_use'))];
}

function deadlineIn(
  s: PolicySentence,
  regimes: readonly Regime[],
  rights: readonly DraftRight[],
): DraftDeadline | undefined {
  if (s.isHeading || !RESPONSE.test(s.text) || !REQUEST.test(s.text) || ACKNOWLEDGE.test(s.text)) return undefined;
  const { regime, guess } = regimeOfSentence(s, regimes);
  const period = PERIOD.exec(s.text);
  const month = A_MONTH.exec(s.text);
  const vague = VAGUE.exec(s.text);
  if (!period && !month && !vague) return undefined;
  const rightTypes = rightTypesOf(s.text, regime, rights);
  const base = { rightTypes, regime, citation: citationOf(s) };
  if (period || month) {
    const days = period ? toDays(numberOf(period[1]), period[3], period[2]) : 30;
    const extension = EXTENSION.exec(s.text.slice((period ?? month)!.index + (period ?? month)![0].length));
    const legal = LEGAL_DAYS[regime];
    const kind = legal !== undefined && days >= legal ? 'legal' : 'internal_target';
    const confidence = guess ? 0.7 : 0.9;
    return {
      ...base,
      kind,
      days,
      ...(extension ? { extensionDays: toDays(numberOf(extension[1]), extension[3], extension[2]) } : {}),
      wording: (period ?? month)![0],
      confidence,
      ...(confidence < DRAFT_SURE ? { reason: guess } : {}),
    };
  }
  return {
    ...base,
    kind: 'internal_target',
    wording: vague![0],
    confidence: 0.6,
    reason: 'the policy gives no number of days; set an internal target in days',
  };
}

export function extractDeadlines(
  sentences: readonly PolicySentence[],
  regimes: readonly Regime[],
  rights: readonly DraftRight[],
): DraftDeadline[] {
  const found = new Map<string, DraftDeadline>();
  for (const s of sentences) {
    const deadline = deadlineIn(s, regimes, rights);
    if (!deadline) continue;
    const key = `${deadline.regime}/${deadline.rightTypes.join(',')}/${deadline.days ?? deadline.wording.toLowerCase()}`;
    if (!found.has(key)) found.set(key, deadline);
  }
  return [...found.values()];
}

/** "Twice in a 12-month period": the allowance a sentence states, if any. */
export function limitIn(s: PolicySentence): DraftLimit | undefined {
  const match = LIMIT.exec(s.text);
  if (!match) return undefined;
  const count = /^twice$/i.test(match[1]) ? 2 : /^once$/i.test(match[1]) ? 1 : numberOf(match[2]);
  const perMonths = match[3] ? numberOf(match[3]) : 12;
  if (!count || !perMonths) return undefined;
  return { count, perMonths, citation: citationOf(s) };
}

/** Frequency limits attach to the rights to know of the sentence's law (the CCPA's "twice in 12 months"). */
export function attachLimits(
  sentences: readonly PolicySentence[],
  regimes: readonly Regime[],
  rights: readonly DraftRight[],
): DraftRight[] {
  const limits = sentences.flatMap((s) => {
    const limit = limitIn(s);
    return limit && /\brequests?\b/i.test(s.text)
      ? [{ limit, regime: regimeOfSentence(s, regimes).regime, text: s.text }]
      : [];
  });
  return rights.map((right) => {
    const match = limits.find(
      (l) =>
        l.regime === right.regime &&
        (right.type === 'access' ||
          right.type === 'categories' ||
          rightTypesOf(l.text, l.regime, []).includes(right.type)),
    );
    return match ? { ...right, limit: match.limit } : right;
  });
}
