import type { Language } from '#policy';

import { translator } from './i18n/i18n.js';

/**
 * "<organisation>'s <thing>", written as English does for the names we have: a name ending in s takes a bare
 * apostrophe (Securus Technologies' policy), and one ending in a parenthesis is turned round (the policy of West
 * Corporation (SchoolMessenger)), since an apostrophe after the bracket reads as a typo.
 */
export function organisationsThing(organisationName: string, thing: string): string {
  const name = organisationName.trim();
  if (name.endsWith(')')) return `the ${thing} of ${name}`;
  if (/s$/i.test(name)) return `${name}' ${thing}`;
  return `${name}'s ${thing}`;
}

/**
 * When the answer is due, said as what it is: a legal deadline ("must answer by"), or, where no law applies and the
 * policy sets none (OfficerTRAK), the organisation's own internal target, which nothing obliges it to meet.
 */
export function answerDueSentence(
  organisationName: string,
  dueOn: string,
  internalTarget: boolean,
  language: Language = 'en',
): string {
  return translator(language)(internalTarget ? 'due.internalTarget' : 'due.mustAnswer', {
    org: organisationName,
    date: dueOn,
  });
}

/**
 * "<organisation>'s privacy policy" in the language: English by the possessive rules above, Spanish as "la política de
 * privacidad de <organisation>".
 */
export function policyOf(
  language: Language,
  organisationName: string,
  which: 'privacyPolicy' | 'policy' | 'privacyAddress',
): string {
  const thing = translator(language)(`possessive.${which}`);
  return language === 'en' ? organisationsThing(organisationName, thing) : `la ${thing} de ${organisationName.trim()}`;
}
