// Where a request can be made: email addresses, phone numbers, web forms, postal addresses, STOP, unsubscribe.

import type { ChannelKind } from '../policy.model.js';
import { DRAFT_SURE, type DraftChannel } from './draft.model.js';
import { internationalPhone } from './phone-numbers.js';
import { citationOf, type PolicySentence } from './sentences.js';

const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;
// North American numbers, with the vanity letters some toll-free numbers use; or an international +CC number.
const PHONE =
  /(?:\+?1[\s.-]?)?\(?\b[2-9]\d{2}\)?[\s.-]?[2-9][0-9A-Z]{2}[\s.-]?[0-9A-Z]{4}\b|\+(?:[2-9]\d{0,2})[\s.-]?\d{1,4}(?:[\s.-]?\d{2,4}){2,4}/g;
const TOLL_FREE = /^(?:\+?1[\s.-]?)?\(?8(?:00|33|44|55|66|77|88)\)?/;
const URL = /\bhttps?:\/\/[^\s<>"')\]]+[^\s<>"')\].,;:]/g;
// Said where the address or number is offered for requests, not for sales or support in general.
const REQUEST_CONTEXT =
  /\b(?:request|rights?|exercise|privacy|delet\w*|access|opt[- ]?out|correct\w*|know|contact\s+us|questions?|inquir\w*|concerns?|data\s+protection|DPO)\b/i;
const FORM =
  /\b(?:web\s*form|online\s+form|request\s+form|(?:submit|complete|fill\s+(?:out|in)|use|using|visit|through)\s+(?:our|the|this|a)\s+(?:online\s+|web\s+|privacy\s+|request\s+|webform\s+)?(?:form|portal|page|link|request\s+form)|privacy\s+(?:request\s+)?(?:portal|center|centre)|do\s+not\s+sell(?:\s+or\s+share)?\s+my|click(?:ing)?\s+(?:here|on\s+the)|interactive\s+(?:web)?form)\b/i;
const POSTAL_WORDS = /\b(?:mail|write\s+to|post|postal|letter|address)\b/i;
const STREET =
  /\b\d{1,6}\s+(?:[A-Z0-9][\w.'-]*\s+){1,5}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Lane|Ln\.?|Way|Parkway|Pkwy\.?|Place|Pl\.?|Court|Ct\.?|Plaza|Square|Circle|Highway|Hwy\.?|Terrace|Center|Centre)\b|\bP\.?\s?O\.?\s+Box\s+\d+/;
const POSTCODE =
  /\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\b(?:California|Texas|New York|Florida|Washington|Illinois|Massachusetts|Virginia|Colorado|Utah|Georgia|Oregon|Arizona|Ohio|Michigan|Delaware|Nevada)\s+\d{5}\b/;
const STOP = /\b(?:reply|replying|text|texting|send)(?:ing)?\s+["“']?STOP\b/i;
const UNSUBSCRIBE = /\bunsubscribe\b/i;
const ACCOUNT =
  /\b(?:account\s+settings|privacy\s+settings|(?:log|sign)(?:ging)?\s+in(?:to)?\s+(?:to\s+)?your\s+account|your\s+account\s+(?:page|profile|dashboard))\b/i;

type Found = Omit<DraftChannel, 'citation'> & { sentence: PolicySentence };

function phoneDigits(value: string): string {
  return value.replace(/[^0-9A-Z+]/g, '');
}

function emails(s: PolicySentence): Found[] {
  const values = new Set<string>([
    ...(s.text.match(EMAIL) ?? []),
    ...s.hrefs.filter((h) => /^mailto:/i.test(h)).map((h) => decodeURIComponent(h.slice(7).split('?')[0])),
  ]);
  const inContext = REQUEST_CONTEXT.test(s.text) || s.trail.some((h) => REQUEST_CONTEXT.test(h));
  return [...values]
    .filter((v) => /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/.test(v) && !/example\.(com|org)$/i.test(v))
    .map((value) =>
      inContext
        ? { kind: 'email', value, sentence: s, confidence: 0.9 }
        : {
            kind: 'email',
            value,
            sentence: s,
            confidence: 0.6,
            reason: 'an address given without saying it takes requests',
          },
    );
}

function phones(s: PolicySentence): Found[] {
  const values = new Set<string>([
    ...(s.text.match(PHONE) ?? []).filter((v) => phoneDigits(v).replace(/\D/g, '').length >= 10),
    ...s.hrefs.filter((h) => /^tel:/i.test(h)).map((h) => h.slice(4)),
  ]);
  const inContext = REQUEST_CONTEXT.test(s.text) || s.trail.some((h) => REQUEST_CONTEXT.test(h));
  // A fax number takes no requests.
  if (/\bfax\b/i.test(s.text) && values.size === 1) return [];
  return [...values].map((written) => {
    const tollFree = TOLL_FREE.test(written.trim());
    // Policies write numbers every way; the validator and the requester's dialler want one.
    const value = internationalPhone(written) ?? written;
    return inContext || tollFree
      ? { kind: 'phone', value: value.trim(), sentence: s, confidence: tollFree && inContext ? 0.95 : 0.85 }
      : {
          kind: 'phone',
          value: value.trim(),
          sentence: s,
          confidence: 0.6,
          reason: 'a number given without saying it takes requests',
        };
  });
}

// A form is offered for requests when the sentence itself speaks of making one, not of reading more or of emails.
const FORM_FOR_REQUESTS =
  /\b(?:request|exercise|submit|opt[- ]?out|delet\w*|access|correct\w*|do\s+not\s+(?:sell|share)|appeal)\b/i;
const NOT_A_FORM_FOR_REQUESTS =
  /\b(?:we\s+(?:may\s+|also\s+)?(?:collect|receive)|learn\s+more|more\s+information|additional\s+(?:information|disclosures)|for\s+details|to\s+(?:read|view|see)\b|unsubscribe|links?\s+(?:placed\s+|included\s+|contained\s+)?in\s+(?:the|each|any|such|our)\s+(?:e-?mails?|communications?|messages?|newsletters?))/i;
const BARE_ADDRESS = /\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^\s<>"')\]]*[^\s<>"')\].,;:])?/gi;
// The link is announced as coming next ("click the link below", "visit:").
const LINK_FOLLOWS = /\b(?:below|following)\b|:$/i;

function formAddressIn(s: PolicySentence): string | undefined {
  return (
    s.text.match(URL)?.[0] ??
    s.hrefs.find((h) => /^https?:/i.test(h)) ??
    s.text.match(BARE_ADDRESS)?.map((a) => `https://${a}`)[0]
  );
}

function forms(s: PolicySentence, all: readonly PolicySentence[]): Found[] {
  if (s.isHeading || !FORM.test(s.text) || !FORM_FOR_REQUESTS.test(s.text) || NOT_A_FORM_FOR_REQUESTS.test(s.text))
    return [];
  const following = LINK_FOLLOWS.test(s.text) ? all.slice(s.index + 1, s.index + 3) : [];
  const value = [s, ...following].map(formAddressIn).find((a) => a !== undefined);
  if (value !== undefined) return [{ kind: 'web_form', value, sentence: s, confidence: 0.9 }];
  return [
    {
      kind: 'web_form',
      sentence: s,
      confidence: 0.5,
      reason: "names a form but not its address: give the form's URL, or remove the channel, before publishing",
    },
  ];
}

// A UK address often has no house number ("Mill House, Brook Way, Guildford, Surrey, GU1 4AA"): two to six
// capitalised parts, comma-separated, ending in the postcode.
const NAMED_ADDRESS =
  /(?:\b[A-Z0-9][\w.'&-]*(?:\s+[A-Z0-9][\w.'&-]*){0,4},\s*){2,6}[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/;

/** A street line and a postcode in this sentence or the few lines after it, or a UK address with no number. */
function postal(s: PolicySentence, all: readonly PolicySentence[]): Found[] {
  if (!STREET.test(s.text)) return postedTo(s, all, s.text.match(NAMED_ADDRESS)?.[0]);
  const lines = all.slice(s.index, s.index + 5).filter((l) => l.text.length < 160);
  const endLine = lines.findIndex((l) => POSTCODE.test(l.text));
  if (endLine < 0) return [];
  const value = lines
    .slice(0, endLine + 1)
    .map((l) => l.text)
    .join(', ');
  return postedTo(s, all, value);
}

/** Surer where the text around it speaks of writing. */
function postedTo(s: PolicySentence, all: readonly PolicySentence[], value: string | undefined): Found[] {
  if (value === undefined) return [];
  const before = all.slice(Math.max(0, s.index - 6), s.index + 1);
  const spoken = before.some((l) => POSTAL_WORDS.test(l.text)) || s.trail.some((h) => POSTAL_WORDS.test(h));
  return [
    spoken
      ? { kind: 'post', value, sentence: s, confidence: 0.85 }
      : {
          kind: 'post',
          value,
          sentence: s,
          confidence: 0.6,
          reason: 'an address given without saying requests may be sent there',
        },
  ];
}

function marked(s: PolicySentence, kind: ChannelKind, pattern: RegExp): Found[] {
  return pattern.test(s.text) ? [{ kind, sentence: s, confidence: 0.85 }] : [];
}

export function extractChannels(sentences: readonly PolicySentence[]): DraftChannel[] {
  const found = new Map<string, DraftChannel>();
  for (const s of sentences) {
    const here = [
      ...emails(s),
      ...phones(s),
      ...forms(s, sentences),
      ...postal(s, sentences),
      ...marked(s, 'sms_stop', STOP),
      ...(/\be-?mails?\b/i.test(s.text) ? marked(s, 'email_unsubscribe', UNSUBSCRIBE) : []),
      ...(REQUEST_CONTEXT.test(s.text) ? marked(s, 'account_settings', ACCOUNT) : []),
    ];
    for (const { sentence, ...channel } of here) {
      const key = `${channel.kind}/${channel.kind === 'phone' ? phoneDigits(channel.value ?? '') : (channel.value ?? '').toLowerCase()}`;
      const held = found.get(key);
      if (held && held.confidence >= channel.confidence) continue;
      found.set(key, {
        ...channel,
        citation: citationOf(sentence),
        ...(channel.confidence < DRAFT_SURE && channel.reason ? { reason: channel.reason } : {}),
      });
    }
  }
  // A form named without its address, where the policy gives one form's address, is most likely that form.
  const addressed = [...found.values()].some((c) => c.kind === 'web_form' && c.value !== undefined);
  return [...found.values()]
    .filter((c) => !(addressed && c.kind === 'web_form' && c.value === undefined))
    .sort((a, b) => a.citation.start - b.citation.start);
}
