import { type Zippable, zipSync } from 'fflate';

import type { DataCategory } from '#policy';

import { CATEGORY_WORDS } from './category-words.js';
import {
  type AccessPackageInput,
  type CategoriesAnswer,
  categoriesAnswer,
  categoriesHeld,
  packageContents,
  type PackagedSystemContents,
  pathSegment,
  type SystemResult,
} from './package-contents.js';
import { tableCsv } from './package-csv.js';
import { packageIndex } from './package-index.js';

/**
 * What the package holds, without a single value found in a system (ids, names, results, categories, row counts; a
 * closed system's reason is staff's words): summary.json, and what the caller may record.
 */
export interface AccessPackageSummary {
  reference: string;
  type: AccessPackageInput['request']['type'];
  foundAnywhere: boolean;
  categories: DataCategory[];
  systems: {
    id: string;
    name: string;
    result: SystemResult;
    /** The skip or closing reason, as recorded on the task. */
    reason: string | null;
    categories: DataCategory[];
    /** Row counts per table found; left out of a categories package, which says what kinds of data, not how much. */
    tables?: { table: string; rows: number; held: number; truncated: boolean }[];
  }[];
  files: string[];
}

export interface AccessPackage {
  zip: Buffer;
  fileName: string;
  summary: AccessPackageSummary;
}

/**
 * Every entry's time: the zip format stores local wall-clock time, so this is built from local fields and reads the
 * same in any time zone. A fixed time makes the same input give the same bytes.
 */
const ENTRY_TIME = new Date(1980, 0, 1, 0, 0, 0);

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function summaryOf(
  input: AccessPackageInput,
  systems: PackagedSystemContents[],
  files: string[],
): AccessPackageSummary {
  const categories = categoriesHeld(systems);
  return {
    reference: input.request.reference,
    type: input.request.type,
    foundAnywhere: categories.length > 0 || systems.some((system) => system.found.length > 0),
    categories,
    systems: systems.map((system) => ({
      id: system.id,
      name: system.name,
      result: system.result,
      reason: system.reason,
      categories: system.categories,
      ...(input.request.type === 'categories'
        ? {}
        : {
            tables: system.found.map((t) => ({
              table: t.table,
              rows: t.rows.length,
              held: t.total,
              truncated: t.truncated,
            })),
          }),
    })),
    files,
  };
}

/** categories.json: the kinds of data held, in words too, and where they come from, why, and to whom. */
function categoriesDocument(input: AccessPackageInput, answer: CategoriesAnswer, summary: AccessPackageSummary) {
  return {
    organisation: input.organisation.name,
    reference: input.request.reference,
    foundAnywhere: summary.foundAnywhere,
    ...answer,
    categories: answer.categories.map(({ category, systems }) => ({ category, ...CATEGORY_WORDS[category], systems })),
  };
}

/** systems/<id>.json: the system's name and every table it found rows in, with each column's category. */
function systemDocument(system: PackagedSystemContents) {
  return {
    system: { id: system.id, name: system.name },
    tables: system.found.map((table) => ({
      table: table.table,
      truncated: table.truncated,
      rowsHeld: table.total,
      columns: table.columns,
      rows: table.rows,
    })),
  };
}

/**
 * The answer to an access, portability or categories request as one zip: index.html for the person, summary.json, and
 * either the values (a JSON file per system, a CSV per table) or, for categories, categories.json and no value at all.
 * Pure and deterministic: the same input gives the same bytes.
 */
export function buildAccessPackage(input: AccessPackageInput): AccessPackage {
  const systems = packageContents(input);
  const values = input.request.type !== 'categories';
  const valueFiles = values
    ? systems.flatMap((system) =>
        system.jsonPath
          ? [
              { path: system.jsonPath, text: json(systemDocument(system)) },
              ...system.found.map((table) => ({ path: table.csvPath, text: tableCsv(table) })),
            ]
          : [],
      )
    : [];
  const paths = [
    'index.html',
    'summary.json',
    ...(values ? [] : ['categories.json']),
    ...valueFiles.map((f) => f.path),
  ];
  const summary = summaryOf(input, systems, paths);
  const answer = categoriesAnswer(systems);
  const index = packageIndex({ input, systems, answer, foundAnywhere: summary.foundAnywhere });
  const texts: [string, string][] = [
    ['index.html', index],
    ['summary.json', json(summary)],
    ...(values ? [] : [['categories.json', json(categoriesDocument(input, answer, summary))] as [string, string]]),
    ...valueFiles.map((file): [string, string] => [file.path, file.text]),
  ];
  const entries: Zippable = {};
  for (const [path, text] of texts) entries[path] = Buffer.from(text, 'utf8');
  const zipped = zipSync(entries, { level: 6, mtime: ENTRY_TIME });
  const kind = values ? 'personal-data' : 'data-categories';
  return {
    zip: Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength),
    fileName: `${pathSegment(input.request.reference)}-${kind}.zip`,
    summary,
  };
}
