// Prints how the policy importer does on the labelled corpus and on the seeded organisations' texts.
// Run after `npm run build`: node dist/bench/policy-import/policy-import.eval.js

import { CORPUS_DIR, corpusAvailable, loadCorpus } from './corpus.js';
import { scoreCorpus, scoreSeeds, SEEDS_DIR, seedText } from './evaluate.js';

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(7);

if (!corpusAvailable()) {
  console.error(`policy corpus not found at ${CORPUS_DIR} (set POLICY_CORPUS_DIR)`);
  process.exit(1);
}
const started = performance.now();
const corpus = await scoreCorpus(loadCorpus());
console.log(
  `Policy corpus: ${corpus.policies} policies, ${corpus.imported} imported, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.log('right                      labelled drafted  precision  recall  citation overlap');
for (const r of corpus.rights) {
  console.log(
    `${r.right.padEnd(26)} ${String(r.labelled).padStart(8)} ${String(r.drafted).padStart(7)}  ${percent(r.precision)}  ${percent(r.recall)}  ${percent(r.citationOverlap)}`,
  );
}
console.log(
  `channel (email, phone or form) found: ${corpus.channelFound} of ${corpus.channelStated} policies that state one (${percent(corpus.channelFoundRate).trim()})`,
);

console.log(
  `published unedited, the seed validator accepts ${corpus.validUnedited} of ${corpus.imported} imported drafts`,
);
if (process.argv.includes('--problems')) corpus.validatorProblems.forEach((p) => console.log(`  ${p}`));
console.log('\nSeed policies re-imported against their hand-written files (matched / in the file):');
console.log('organisation               rights  deadlines  channels  drafted beyond the file');
for (const s of await scoreSeeds(SEEDS_DIR, seedText)) {
  const cell = (m: { matched: number; total: number }): string => `${m.matched}/${m.total}`;
  console.log(
    `${s.slug.padEnd(26)} ${cell(s.rights).padStart(6)} ${cell(s.deadlines).padStart(10)} ${cell(s.channels).padStart(9)}  ${s.extraRights.join(', ') || '-'}`,
  );
}
