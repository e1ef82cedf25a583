import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import { citationsOf, collapseWhitespace } from './policy.citations.js';
import { loadPolicies } from './policy.loader.js';

const seedsDir = fileURLToPath(new URL('../../../seeds', import.meta.url));

// Written out again rather than imported, so a fault in collapseWhitespace cannot hide a missing quote.
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('citations', () => {
  it('finds every quote of every seed file in its policy text', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const { policy, fileName } of loadPolicies(seedsDir)) {
      const text = squash(readFileSync(join(seedsDir, policy.source.file), 'utf8'));
      for (const { path, quote } of citationsOf(policy)) {
        checked += 1;
        if (!text.includes(squash(quote))) missing.push(`${fileName}: ${path}: "${quote}"`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it('lists a citation for every channel, right, limit, verification sentence, deadline, redirect and special rule', () => {
    for (const { policy } of loadPolicies(seedsDir)) {
      const limits = policy.rights.filter((r) => r.limit).length;
      const verifying = policy.rights.filter((r) => r.verificationCitation).length;
      const expected =
        policy.channels.length +
        policy.rights.length +
        limits +
        verifying +
        policy.deadlines.length +
        policy.processorRedirects.length +
        policy.specialRules.length;
      expect(citationsOf(policy)).toHaveLength(expected);
    }
  });

  it('matches a passage however its whitespace is re-flowed', () => {
    const text = readFileSync(join(seedsDir, 'policies-text/west-schoolmessenger.txt'), 'utf8');
    const words = collapseWhitespace(text).split(' ');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: words.length - 1 }),
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', ' \n '), { minLength: 30, maxLength: 30 }),
        (start, length, gaps) => {
          const passage = words
            .slice(start, start + length)
            .map((word, i) => (i === 0 ? word : gaps[i]! + word))
            .join('');
          expect(collapseWhitespace(text).includes(collapseWhitespace(passage))).toBe(true);
        },
      ),
    );
  });
});
