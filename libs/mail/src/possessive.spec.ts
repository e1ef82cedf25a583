import { describe, expect, it } from '@jest/globals';

import { answerDueSentence, organisationsThing } from './possessive.js';

describe('organisationsThing', () => {
  it.each([
    ['OfficerTRAK', 'privacy policy', "OfficerTRAK's privacy policy"],
    ['Securus Technologies', 'privacy policy', "Securus Technologies' privacy policy"],
    [
      'West Corporation (SchoolMessenger)',
      'privacy policy',
      'the privacy policy of West Corporation (SchoolMessenger)',
    ],
    ['Securus Software', 'marketing email', "Securus Software's marketing email"],
  ])('%s + %s → %s', (name, thing, expected) => {
    expect(organisationsThing(name, thing)).toBe(expected);
  });
});

describe('answerDueSentence', () => {
  it('says "must" only for a deadline, and calls an internal target what it is', () => {
    expect(answerDueSentence('Securus Technologies', '18 December 2026', false)).toBe(
      'Securus Technologies must answer by 18 December 2026.',
    );
    const target = answerDueSentence('OfficerTRAK', '18 December 2026', true);
    expect(target).not.toContain('must');
    expect(target).toContain('its own target');
  });
});
