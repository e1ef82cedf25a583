import type { OrganisationPolicy } from './policy.model.js';

export interface CitedQuote {
  /** Field path of the citation's quote, e.g. "rights[0].limit.citation.quote". */
  path: string;
  quote: string;
}

/** Line breaks and indentation differ between a copied sentence and the stored text; wording must not. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Every citation in the policy, so each can be checked against (or shown beside) the policy text. */
export function citationsOf(policy: OrganisationPolicy): CitedQuote[] {
  const cited: CitedQuote[] = [];
  const add = (path: string, quote: string, key = 'citation'): void => {
    cited.push({ path: `${path}.${key}.quote`, quote });
  };
  policy.channels.forEach((c, i) => add(`channels[${i}]`, c.citation.quote));
  policy.rights.forEach((r, i) => {
    add(`rights[${i}]`, r.citation.quote);
    if (r.verificationCitation) add(`rights[${i}]`, r.verificationCitation.quote, 'verificationCitation');
    if (r.limit) add(`rights[${i}].limit`, r.limit.citation.quote);
  });
  policy.deadlines.forEach((d, i) => add(`deadlines[${i}]`, d.citation.quote));
  policy.processorRedirects.forEach((p, i) => add(`processorRedirects[${i}]`, p.citation.quote));
  policy.specialRules.forEach((s, i) => add(`specialRules[${i}]`, s.citation.quote));
  return cited;
}
