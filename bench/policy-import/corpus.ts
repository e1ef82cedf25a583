// The labelled policy corpus (C3PA, Musa et al., EMNLP 2024), read from beside the repository for evaluation only.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { parse } from 'csv-parse/sync';

/** CI keeps the corpus beside the repository (run from its root); POLICY_CORPUS_DIR points elsewhere. */
export const CORPUS_DIR = resolve(process.env.POLICY_CORPUS_DIR ?? '../shared/policy-corpus/c3pa-dev');

export const LABELS = {
  know: 'Description of Right to Know PI Collected',
  knowSold: 'Description of Right to Know PI sold / shared',
  delete: 'Description of Right to Delete',
  correct: 'Description of Right to Correct Information',
  optOut: 'Description of Right to Opt-out of sale of PI',
  limit: 'Description of Right to Limit use of PI',
  nonDiscrimination: 'Description of Right to Non-discrimination on exercising rights',
  methods: 'Methods to exercise rights',
} as const;

export interface LabelledPolicy {
  /** "DB/1" */
  id: string;
  html: Buffer;
  /** Labels present by the corpus's rule: used by at least two annotators, or by the only one. */
  present: Set<string>;
  /** Every annotator's spans per label. */
  spans: Map<string, string[]>;
}

interface Row {
  RANumb: string;
  Text: string;
  Label: string;
}

function readLabels(file: string): Pick<LabelledPolicy, 'present' | 'spans'> {
  const rows = parse(readFileSync(file), {
    columns: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  }) as Row[];
  const annotators = new Set(rows.map((r) => r.RANumb).filter(Boolean));
  const byLabel = new Map<string, Set<string>>();
  const spans = new Map<string, string[]>();
  for (const row of rows) {
    if (!row.Label) continue;
    byLabel.set(row.Label, (byLabel.get(row.Label) ?? new Set()).add(row.RANumb));
    spans.set(row.Label, [...(spans.get(row.Label) ?? []), row.Text ?? '']);
  }
  const present = new Set(
    [...byLabel].filter(([, who]) => who.size >= 2 || annotators.size === 1).map(([label]) => label),
  );
  return { present, spans };
}

export function corpusAvailable(dir = CORPUS_DIR): boolean {
  return existsSync(dir);
}

export function loadCorpus(dir = CORPUS_DIR): LabelledPolicy[] {
  const policies: LabelledPolicy[] = [];
  for (const group of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const folder = join(dir, group.name);
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.html'))) {
      const n = name.slice(0, -'.html'.length);
      const labels = join(folder, `${n}.annotations.csv`);
      if (!existsSync(labels)) continue;
      policies.push({ id: `${group.name}/${n}`, html: readFileSync(join(folder, name)), ...readLabels(labels) });
    }
  }
  return policies.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}
