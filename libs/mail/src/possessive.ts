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
export function answerDueSentence(organisationName: string, dueOn: string, internalTarget: boolean): string {
  return internalTarget
    ? `${organisationName} aims to answer by ${dueOn}: its own target, as no law or policy sets a deadline for this request.`
    : `${organisationName} must answer by ${dueOn}.`;
}
