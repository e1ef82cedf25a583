import { describe, expect, it } from '@jest/globals';

import { VERIFICATION_LEVELS } from '#policy';

import { meetsVerification, needsRecordsMatch, reachedByMatch } from './identity-check.js';

describe('identity check rules', () => {
  it('matches against the records only the rights that need more than the email', () => {
    expect(VERIFICATION_LEVELS.filter(needsRecordsMatch)).toEqual(['reasonable', 'high']);
  });

  it('keeps the proven email when no data point got the request further', () => {
    expect(['none', 'reasonable', 'high'].map((l) => reachedByMatch(l as 'none'))).toEqual([
      'email',
      'reasonable',
      'high',
    ]);
  });

  it('meets a degree with that degree or a higher one, never a lower one', () => {
    for (const required of VERIFICATION_LEVELS)
      for (const reached of VERIFICATION_LEVELS)
        expect(meetsVerification(required, reached)).toBe(
          VERIFICATION_LEVELS.indexOf(reached) >= VERIFICATION_LEVELS.indexOf(required),
        );
  });
});
