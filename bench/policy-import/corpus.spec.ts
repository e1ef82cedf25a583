import { describe, expect, it } from '@jest/globals';

import { loadCorpus } from './corpus.js';
import { type CorpusScore, scoreCorpus, scoreSeeds, SEEDS_DIR, seedText } from './evaluate.js';

// The labelled corpus sits beside the repository (CI has it there); this fails when it is missing.
describe('policy importer on the labelled corpus (C3PA, EMNLP 2024)', () => {
  let score: CorpusScore;
  const scoreOf = (right: string) => score.rights.find((r) => r.right === right)!;

  it('imports the corpus', async () => {
    score = await scoreCorpus(loadCorpus());
    expect(score.policies).toBe(101);
    expect(score.imported).toBeGreaterThanOrEqual(99);
  }, 120_000);

  // Floors at the measured numbers: a change that loses ground on any of them fails here.
  it.each([
    ['know', 0.95, 0.93],
    ['delete', 0.94, 0.96],
    ['correct', 0.9, 0.93],
    ['opt out of sale/sharing', 0.95, 0.9],
  ])('%s: precision ≥ %s, recall ≥ %s', (right, precision, recall) => {
    expect(scoreOf(right).precision).toBeGreaterThanOrEqual(precision);
    expect(scoreOf(right).recall).toBeGreaterThanOrEqual(recall);
    expect(scoreOf(right).citationOverlap).toBeGreaterThanOrEqual(0.75);
  });

  it('finds a channel for at least 9 in 10 policies that state one', () => {
    expect(score.channelFoundRate).toBeGreaterThanOrEqual(0.9);
  });

  it('drafts that most policies can publish unedited: the seed validator accepts at least 82 of them', () => {
    expect(score.validUnedited).toBeGreaterThanOrEqual(82);
  });

  it('re-imports the seed texts close to their hand-written files', async () => {
    const seeds = await scoreSeeds(SEEDS_DIR, seedText);
    const total = (pick: (s: (typeof seeds)[number]) => { matched: number; total: number }) =>
      seeds.reduce((sum, s) => ({ matched: sum.matched + pick(s).matched, total: sum.total + pick(s).total }), {
        matched: 0,
        total: 0,
      });
    expect(total((s) => s.rights).matched).toBeGreaterThanOrEqual(34);
    expect(total((s) => s.channels).matched).toBeGreaterThanOrEqual(14);
  });
});
