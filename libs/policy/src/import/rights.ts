// Rights the policy grants: a sentence that names a right and is worded as something the reader may do.

import type { Regime, RequestType } from '../policy.model.js';
import { DRAFT_SURE, type DraftRight } from './draft.model.js';
import { regimeOfSentence, underOtherCountrysLaw } from './regimes.js';
import { citationOf, type PolicySentence } from './sentences.js';

interface RightSign {
  type: RequestType;
  /** Names the right outright ("the right to delete", "request that we delete"). */
  strong: RegExp;
  /** Speaks of the right, but needs a sentence worded as the reader's choice to count. */
  weak?: RegExp;
  /** Names the right as an item of a list of rights; counts like `strong`. */
  listed?: RegExp;
}

const PI = String.raw`(?:(?:your|the|any|such|all|certain|that|this|my)\s+)?(?:personal\s+|sensitive\s+)?(?:information|data|PI\b)`;

// Where an item of a list begins: the sentence's start, or after a colon, semicolon or bullet, with its number.
const LIST_ITEM = String.raw`(?:^|[:;•]\s*)(?:\(?(?:[a-z]|\d{1,2}|[ivx]{1,4})[.)]\s*)?`;

export const RIGHT_SIGNS: readonly RightSign[] = [
  {
    type: 'access',
    strong: new RegExp(
      String.raw`right\s+(?:to|of)\s+(?:request\s+)?(?:know|access|obtain\s+(?:a\s+copy|access|confirmation)|confirm)|right\s+to\s+be\s+informed|request\s+(?:access|a\s+copy|that\s+we\s+disclose|disclosure|to\s+know)|(?:obtain|receive|get)\s+a\s+copy\s+of\s+${PI}|access\s+(?:to\s+)?${PI}\s+(?:that\s+)?(?:we|our)|specific\s+pieces\s+of\s+${PI}|(?:ask|request)\s+(?:us\s+)?(?:to\s+)?(?:tell|disclose|provide)|know\s+what\s+${PI}`,
      'i',
    ),
    weak: new RegExp(
      String.raw`\baccess\s+(?:to\s+)?${PI}|\bcategories\s+of\s+${PI}\s+(?:we|that\s+we)\s+(?:have\s+)?collect`,
      'i',
    ),
  },
  {
    type: 'categories',
    // Also the CCPA list of what may be requested ("information about our collection ... concerning: (i) the
    // categories of ...") and the GDPR list item "Be informed about its use".
    strong: new RegExp(
      String.raw`(?:request|know|disclose|tell\s+you|ask)\b[^.]{0,80}\bcategories\s+of\s+(?:your\s+)?(?:personal\s+)?(?:information|data)|\b(?:request|obtain|receive)\b[^.]{0,60}\b(?:information|details)\s+(?:about|of|on|regarding|concerning)\b[^.]{0,160}\b(?:concerning|including|regarding)\s*:?\s*(?:\(?[ivx\d]+\)\s*)?(?:the\s+)?categories\s+of\s+(?:your\s+)?(?:personal\s+)?(?:information|data)`,
      'i',
    ),
    listed: new RegExp(
      String.raw`${LIST_ITEM}(?:to\s+)?be\s+informed\s+(?:about|of)\s+(?:its|their|the|our|how\s+we)\s+(?:use|uses|collection|processing)\b`,
      'i',
    ),
  },
  {
    type: 'deletion',
    strong:
      /right\s+(?:to|of)\s+(?:request\s+)?(?:the\s+)?(?:delet|eras|be\s+forgotten)|request\s+(?:that\s+(?:we|the\s+\w+)\s+|us\s+to\s+)?(?:the\s+)?(?:delet|eras)|(?:ask|require|direct)\s+(?:us|the\s+company)\s+to\s+(?:delete|erase)|(?:have|get)\s+(?:your|the|any)\s+[^.]{0,60}?\b(?:deleted|erased)|deletion\s+(?:request|right)/i,
    weak: /\b(?:delet(?:e|ion)|eras(?:e|ure))\b/i,
  },
  {
    type: 'correction',
    strong:
      /right\s+(?:to|of)\s+(?:request\s+)?(?:the\s+)?(?:correct|rectif)|request\s+(?:that\s+(?:we|the\s+\w+)\s+|us\s+to\s+|to\s+)?(?:the\s+)?correct|(?:ask|require|direct|make)\s+(?:us|the\s+company)\s+(?:to\s+)?(?:[a-z]+,?\s+(?:or\s+|and\s+)?){0,3}(?:correct|rectify|amend)\b|(?:contact|notify|tell|inform)\s+us\s+(?:about|of|regarding|to\s+report)\s+(?:any\s+)?inaccura|correct(?:ion\s+of)?\s+(?:any\s+)?(?:inaccura|incorrect|incomplete|errors)|rectif(?:y|ication)\s+(?:of\s+)?(?:your|any|the|inaccurate|incorrect|personal)|(?:have|get)\s+(?:it|them|your|the|any|such)\s+[^.]{0,60}?\b(?:corrected|rectified)|(?:update|amend|access|change|edit),?\s+(?:or|and)\s+correct\b|\b(?:wrong|inaccurate|incorrect|out[- ]of[- ]date)\b[^.]{0,60}\b(?:update|correct|change|amend|fix)\s+(?:it|them|this|that)\b|correct,?\s+(?:or|and)\s+(?:update|amend)|\b(?:to|may|can)\s+(?:\w+,\s+)*correct(?:ing)?\b(?!\s+(?:and|or)\s+(?:complete|accurate|current))|\baccessing,\s+correcting/i,
    weak: /\b(?:correct|update|amend)\s+(?:your|the|any|such)\s+(?:personal\s+)?(?:information|data|details)/i,
    // A list of rights may name each by its noun ("(2) Correction of your personal data").
    listed: new RegExp(String.raw`${LIST_ITEM}(?:correction|rectification)\s+of\s+${PI}`, 'i'),
  },
  {
    type: 'portability',
    strong:
      /portab|portable|machine[- ]readable|transmit\s+(?:it|them|this|that|your\s+\w+(?:\s+\w+)?)\s+to\s+another|transfer\s+of\s+your\s+(?:personal\s+)?(?:information|data)\s+to\s+(?:another|other)|(?:request|ask|have)\s+(?:that\s+)?your\s+(?:personal\s+)?(?:information|data)\s+(?:be\s+)?(?:transferred|transmitted|sent)\s+(?:directly\s+)?to\s+(?:you\b|(?:another|a|your)\s+(?:(?:nominated|designated|chosen|new|different)\s+)?(?:controller|organi[sz]ation|company|provider|service|business|third\s+party|recipient)\b)/i,
  },
  {
    type: 'restriction',
    strong:
      /right\s+to\s+(?:request\s+)?(?:the\s+)?restrict|restrict(?:ion\s+of)?\s+(?:(?:and\/or|or|and)\s+object(?:ion)?\s+to\s+)?(?:the\s+|our\s+|its\s+)?processing|(?:restrict|limit)\s+(?:how\s+we\s+use|(?:our|the)\s+(?:use|processing)\s+of\s+your)\b(?![^.]{0,40}sensitive)/i,
  },
  {
    type: 'objection',
    strong: /right\s+to\s+object|object\s+to\s+(?:the\s+|our\s+|its\s+|certain\s+|such\s+)?(?:processing|use)/i,
  },
  {
    type: 'automated_decision_objection',
    strong:
      /not\s+to\s+be\s+subject(?:ed)?\s+to\s+(?:a\s+)?(?:decision|automated)|(?:object|opt[- ]?out)[^.]{0,60}(?:automated\s+decision|profiling)/i,
  },
  { type: 'consent_withdrawal', strong: /(?:withdraw|revoke)\s+(?:your\s+|any\s+|such\s+)?consent/i },
  {
    type: 'opt_out_sale_share',
    strong:
      /opt[- ]?out\s+(?:of|from)\s+(?:the\s+|any\s+|our\s+|future\s+)?(?:\w+\s+){0,3}(?:sale|sell|sold|shar|targeted\s+advertising|cross[- ]context)|do\s+not\s+(?:sell|share)(?:\s+or\s+share)?\s+my|(?:direct|request|tell|instruct|ask)\s+(?:us|a\s+business|businesses|the\s+company|them)\s+(?:to\s+)?not\s+to\s+(?:sell|share)|(?:direct|request|tell|instruct|ask)\s+(?:us|a\s+business|businesses|the\s+company|them)\s+not\s+(?:to\s+)?(?:sell|share)|right\s+to\s+opt[- ]?out(?![^.]{0,40}(?:marketing|e-?mail|newsletter|promotional))/i,
  },
  {
    type: 'limit_sensitive_use',
    strong:
      /\b(?:limit|restrict|object\s+to)\b[^.;]{0,60}\b(?:use|disclosure|processing)\b[^.;]{0,60}\bsensitive\b|right\s+to\s+limit\b|limit\s+the\s+use\s+of\s+my/i,
  },
  {
    type: 'opt_out_marketing_email',
    strong:
      /\b(?:unsubscribe|opt[- ]?out)\b[^.]{0,80}\b(?:e-?mails?|newsletters?)\b|\b(?:e-?mails?|newsletters?)\b[^.]{0,80}\b(?:unsubscribe|opt[- ]?out)\b/i,
  },
  { type: 'opt_out_marketing_sms', strong: /\b(?:reply|replying|text|texting|send)(?:ing)?\s+["“']?STOP\b/i },
];

// Worded as the reader's own choice: a right, a request, something they may ask or do.
const GRANT =
  /\b(?:right|rights|entitled|may\s+(?:request|ask|opt|exercise|also|have|submit|choose|contact|access|delete|correct|update|direct|instruct|obtain)|can\s+(?:request|ask|opt|exercise|also|submit|choose|contact|access|delete|correct|update|direct|instruct|obtain|unsubscribe)|(?:you|consumers?|residents?)\s+(?:may|can|have|might)|request|ask\s+us|opt[- ]?out|unsubscribe|choose\s+to|option\s+to|allow\s+you\s+to|enable\s+you\s+to|if\s+you\s+(?:would\s+like|wish|want|need)\s+to|(?:give|offer|provide)s?\s+you\s+(?:with\s+)?(?:an?\s+|the\s+)?(?:\w+\s+)?(?:way|means|ability|opportunity|option|tools?)\s+to|reply(?:ing)?\s+["“']?STOP)\b/i;
// Sentences about what the business does, not what the reader may ask for, and the notice's account of its own
// contents ("This notice explains the rights you may have"), which grants nothing itself.
const NOT_GRANT =
  /\b(?:we\s+(?:do\s+not|don't|will\s+not|won't)\s+(?:have\s+to|need\s+to)|not\s+required\s+to|may\s+(?:deny|refuse|decline)|(?:deny|refuse|decline)\s+(?:your|a|the)\s+request|this\s+(?:privacy\s+)?(?:notice|policy|statement)\s+(?:also\s+)?(?:explains|describes|sets\s+out|outlines|tells\s+you))\b/i;

interface Candidate {
  type: RequestType;
  sentence: PolicySentence;
  confidence: number;
  reason?: string;
}

/** The sentence, the list lead-in it follows ("You have the right to:") or its heading gives the reader a choice. */
function grantedIn(sentence: PolicySentence, sentences: readonly PolicySentence[]): boolean {
  if (NOT_GRANT.test(sentence.text)) return false;
  if (GRANT.test(sentence.text)) return true;
  const leadIn = sentences
    .slice(Math.max(0, sentence.index - 8), sentence.index)
    .reverse()
    .find((s) => s.text.endsWith(':'));
  if (leadIn && GRANT.test(leadIn.text)) return true;
  const heading = sentence.trail[sentence.trail.length - 1];
  return heading !== undefined && /\b(?:rights?|choices?|requests?|opt[- ]?out)\b/i.test(heading);
}

function candidatesIn(sentence: PolicySentence, sentences: readonly PolicySentence[]): Candidate[] {
  if (sentence.isHeading || !grantedIn(sentence, sentences) || underOtherCountrysLaw(sentence)) return [];
  const found: Candidate[] = [];
  const heading = sentence.trail[sentence.trail.length - 1] ?? '';
  for (const sign of RIGHT_SIGNS) {
    if (sign.strong.test(sentence.text) || sign.listed?.test(sentence.text)) {
      found.push({ type: sign.type, sentence, confidence: 0.95 });
    } else if (sign.weak?.test(sentence.text)) {
      found.push(
        sign.strong.test(heading)
          ? { type: sign.type, sentence, confidence: 0.9 }
          : {
              type: sign.type,
              sentence,
              confidence: 0.65,
              reason: 'speaks of this right in general words; check it is granted',
            },
      );
    }
  }
  return found;
}

export const RIGHT_LABELS: Record<RequestType, string> = {
  access: 'Know what personal information is held about me and get a copy',
  categories: 'Know the categories of personal information collected, used, sold or shared about me',
  deletion: 'Delete my personal information',
  correction: 'Correct inaccurate personal information about me',
  portability: 'Get my personal information in a portable form, to take elsewhere',
  restriction: 'Restrict how my personal information is used',
  objection: 'Object to the use of my personal information',
  automated_decision_objection: 'Object to decisions made about me by automated means',
  consent_withdrawal: 'Withdraw my consent',
  opt_out_marketing_email: 'Stop marketing email',
  opt_out_marketing_sms: 'Stop marketing text messages',
  opt_out_sale_share: 'Opt out of the sale or sharing of my personal information',
  limit_sensitive_use: 'Limit the use of my sensitive personal information',
};

/** Types granted only under one regime by their nature: marketing opt-outs belong to the email and SMS laws. */
function fixedRegime(type: RequestType, regimes: readonly Regime[]): Regime | undefined {
  if (type === 'opt_out_marketing_email') return regimes.includes('can_spam') ? 'can_spam' : 'none';
  if (type === 'opt_out_marketing_sms') return regimes.includes('fcc_tcpa') ? 'fcc_tcpa' : 'none';
  return undefined;
}

/** One right per type and regime, cited by its most certain sentence (the earliest among equals). */
export function extractRights(sentences: readonly PolicySentence[], regimes: readonly Regime[]): DraftRight[] {
  const best = new Map<string, DraftRight>();
  for (const sentence of sentences) {
    for (const candidate of candidatesIn(sentence, sentences)) {
      const fixed = fixedRegime(candidate.type, regimes);
      const inferred = fixed === undefined ? regimeOfSentence(sentence, regimes) : { regime: fixed };
      const guess = 'guess' in inferred ? inferred.guess : undefined;
      const confidence = guess ? Math.min(candidate.confidence, 0.75) : candidate.confidence;
      const reason = [candidate.reason, guess].filter(Boolean).join('; ');
      const right: DraftRight = {
        type: candidate.type,
        regime: inferred.regime,
        label: RIGHT_LABELS[candidate.type],
        citation: citationOf(sentence),
        confidence,
        ...(confidence < DRAFT_SURE && reason ? { reason } : {}),
      };
      const key = `${right.type}/${right.regime}`;
      const held = best.get(key);
      if (!held || held.confidence < right.confidence) best.set(key, right);
    }
  }
  return [...best.values()].sort((a, b) => a.citation.start - b.citation.start);
}
