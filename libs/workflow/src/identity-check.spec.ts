import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import { VERIFICATION_LEVELS } from '#policy';

import {
  meetsVerification,
  needsRecordsMatch,
  overrideLevels,
  reachedByMatch,
  staffDecideIdentity,
} from './identity-check.js';

const MATCHED = ['none', 'email', 'reasonable', 'high'] as const;

describe('identity check rules', () => {
  it('matches against the records only the rights that need more than the email, never documents', () => {
    expect(VERIFICATION_LEVELS.filter(needsRecordsMatch)).toEqual(['reasonable', 'high']);
  });

  it('leaves to staff the rights matched and the rights needing a document', () => {
    expect(VERIFICATION_LEVELS.filter(staffDecideIdentity)).toEqual(['reasonable', 'high', 'documents']);
  });

  it('keeps the proven email when no data point got the request further', () => {
    expect(['none', 'reasonable', 'high'].map((l) => reachedByMatch(l as 'none'))).toEqual([
      'email',
      'reasonable',
      'high',
    ]);
  });

  it('meets a matched degree with that degree or a higher one, never a lower one', () => {
    for (const required of MATCHED)
      for (const reached of MATCHED)
        expect(meetsVerification(required, reached)).toBe(MATCHED.indexOf(reached) >= MATCHED.indexOf(required));
  });

  it('meets a documents right only with a document checked', () => {
    expect(VERIFICATION_LEVELS.filter((reached) => meetsVerification('documents', reached))).toEqual(['documents']);
  });

  it('counts a checked document as the email proven, and no more', () => {
    expect(VERIFICATION_LEVELS.filter((required) => meetsVerification(required, 'documents'))).toEqual([
      'none',
      'email',
      'documents',
    ]);
  });

  it('meets every degree with itself', () => {
    fc.assert(fc.property(fc.constantFrom(...VERIFICATION_LEVELS), (level) => meetsVerification(level, level)));
  });

  it('lets staff set only degrees a request of that right can reach', () => {
    expect(overrideLevels('documents')).toEqual(['email', 'documents']);
    expect(overrideLevels('reasonable')).toEqual(['email', 'reasonable', 'high']);
    expect(overrideLevels('high')).toEqual(['email', 'reasonable', 'high']);
    expect(overrideLevels('email')).toEqual([]);
    expect(overrideLevels('none')).toEqual([]);
  });
});
