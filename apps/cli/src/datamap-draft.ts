import { Document, type Scalar, type YAMLMap } from 'yaml';

import { DATA_CATEGORIES, type DataCategory, type IdentityKind } from '#policy';
import type { DatabaseSchema, ForeignKey, SchemaTable } from '#systems';

/** What staff replace before the map is used; the validator refuses it wherever it is left. */
export const PLACEHOLDER = 'FILL_IN';

interface Guess {
  what: string;
  category: DataCategory;
  identity?: { kind: IdentityKind; compare: 'lower' | 'digits' };
}

// From a column's name alone, so every guess is marked as one for staff to confirm.
const GUESSES: [RegExp, Guess][] = [
  [
    /(^|_)e_?mail(_?address)?$/,
    { what: 'email address', category: 'contact', identity: { kind: 'email', compare: 'lower' } },
  ],
  [
    /(^|_)(phone|mobile|cell|msisdn|telephone|tel)(_?(number|no))?$/,
    { what: 'phone number', category: 'contact', identity: { kind: 'phone', compare: 'digits' } },
  ],
  [
    /^(name|full_?name|first_?name|last_?name|given_?names?|family_?name|surname|middle_?names?|display_?name|maiden_?name)$/,
    { what: 'name', category: 'contact' },
  ],
  [
    /^(postal_?)?(address(_?line)?_?\d?|street(_?address)?|house_?number|city|town|post_?code|postal_?code|zip(_?code)?)$/,
    { what: 'postal address', category: 'contact' },
  ],
  [/^(dob|birth_?date|date_?of_?birth|birthday|born_on)$/, { what: 'date of birth', category: 'identifiers' }],
];

function guess(column: string): Guess | undefined {
  return GUESSES.find(([pattern]) => pattern.test(column.toLowerCase()))?.[1];
}

/**
 * Foreign keys a map can follow: single-column, between two drafted tables, not a table to itself, and none that
 * would close a loop (the validator refuses loops: no table could be read first).
 */
function followable(tables: readonly SchemaTable[]): Map<string, ForeignKey[]> {
  const kept = new Map<string, ForeignKey[]>(tables.map((table) => [table.name, []]));
  const dependsOn = (from: string, to: string, seen = new Set<string>()): boolean =>
    from === to || (!seen.has(from) && (kept.get(from) ?? []).some((key) => dependsOn(key.table, to, seen.add(from))));
  for (const table of tables) {
    for (const key of table.foreignKeys) {
      if (key.table === table.name || !kept.has(key.table) || dependsOn(key.table, table.name)) continue;
      kept.get(table.name)!.push(key);
    }
  }
  return kept;
}

/** Tables an identity column reaches, directly or through foreign keys into a reached table. */
function reachedTables(tables: readonly SchemaTable[], follows: Map<string, ForeignKey[]>): Set<string> {
  const reached = new Set(
    tables.filter((table) => table.columns.some((column) => guess(column.name)?.identity)).map((table) => table.name),
  );
  if (reached.size === 0) return new Set(tables.map((table) => table.name));
  for (let grew = true; grew;) {
    grew = false;
    for (const table of tables) {
      if (reached.has(table.name) || !follows.get(table.name)!.some((key) => reached.has(key.table))) continue;
      reached.add(table.name);
      grew = true;
    }
  }
  return reached;
}

export function environmentNameFor(database: string): string {
  const name = database
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[A-Z]/.test(name) ? `${name}_DB_URL` : `DB_${name}_URL`.replace('__', '_');
}

function header(schema: DatabaseSchema, variable: string, leftOut: string[]): string {
  const lines = [
    ` Draft data map of database "${schema.database}", read from its schema by \`rightsdesk datamap draft\`.`,
    ` Before it is used, replace every ${PLACEHOLDER}:`,
    `  - organisation: the slug of the organisation's policy (the file is named <slug>.datamap.yaml);`,
    `  - each column's data category: ${DATA_CATEGORIES.slice(0, 5).join(', ')},`,
    `    ${DATA_CATEGORIES.slice(5).join(', ')};`,
    `  - each table's erasure: delete, { update: { column: null | hash | { text: ... } } },`,
    `    or { retain: complete_transaction | security | legal_obligation | legal_claims, note: ... }.`,
    ` Check every "guessed" category and identity column, remove tables and columns that hold no personal data,`,
    ` fill in purposes, sources and recipients for categories requests, and set ${variable} to the`,
    ` connection URL where Rightsdesk runs (never in this file). Then: rightsdesk datamap validate <file>.`,
  ];
  if (leftOut.length > 0)
    lines.push(` Left out, reached by no identity column through foreign keys: ${leftOut.join(', ')}.`);
  return lines.join('\n');
}

/**
 * A draft data map of one database: its tables reached from an email or phone column, every column, foreign keys as
 * `follow`, guessed categories and identity columns marked as guesses, and placeholders the validator refuses until
 * staff fill them in. The connection is an environment variable's name, never the URL.
 */
export function draftDataMap(schema: DatabaseSchema): { yaml: string; placeholders: number; tables: number } {
  const tables = schema.tables.filter((table) => !table.view);
  const follows = followable(tables);
  const reached = reachedTables(tables, follows);
  const drafted = tables.filter((table) => reached.has(table.name));
  const variable = environmentNameFor(schema.database);
  const id =
    schema.database
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'database';
  const comments: { path: (string | number)[]; comment: string }[] = [];
  const flows: (string | number)[][] = [];
  let placeholders = 1 + drafted.length;
  const tableEntries = drafted.map((table) => {
    const at = ['systems', 0, 'tables', table.name];
    const identity: Record<string, { kind: IdentityKind; compare: string }> = {};
    const columns: Record<string, string> = {};
    for (const column of table.columns) {
      const guessed = guess(column.name);
      columns[column.name] = guessed?.category ?? PLACEHOLDER;
      if (!guessed) placeholders++;
      else comments.push({ path: [...at, 'columns', column.name], comment: ` guessed: ${guessed.what}` });
      if (guessed?.identity && follows.get(table.name)!.every((key) => key.column !== column.name)) {
        identity[column.name] = guessed.identity;
        flows.push([...at, 'identity', column.name]);
        comments.push({ path: [...at, 'identity', column.name], comment: ' guessed' });
      }
    }
    const hasId = table.columns.some((column) => column.name === 'id');
    const key = table.primaryKey.length === 1 ? table.primaryKey[0] : hasId ? 'id' : table.columns[0].name;
    const follow = Object.fromEntries(
      follows
        .get(table.name)!
        .filter((fk) => reached.has(fk.table))
        .map((fk) => [fk.column, `${fk.table}.${fk.references}`]),
    );
    if (Object.keys(follow).length > 0) flows.push([...at, 'follow']);
    const entry = {
      ...(key === 'id' ? {} : { key }),
      ...(Object.keys(identity).length > 0 ? { identity } : {}),
      ...(Object.keys(follow).length > 0 ? { follow } : {}),
      columns,
      erasure: PLACEHOLDER,
    };
    return [table.name, entry] as const;
  });
  const doc = new Document({
    organisation: PLACEHOLDER,
    systems: [
      {
        id,
        name: schema.database,
        kind: schema.kind,
        connection: variable,
        purposes: [],
        sources: [],
        recipients: [],
        tables: Object.fromEntries(tableEntries),
      },
    ],
  });
  const leftOut = tables.filter((table) => !reached.has(table.name)).map((table) => table.name);
  doc.commentBefore = header(schema, variable, leftOut);
  for (const path of flows) (doc.getIn(path, true) as YAMLMap).flow = true;
  for (const { path, comment } of comments) (doc.getIn(path, true) as Scalar | YAMLMap).comment = comment;
  return { yaml: doc.toString({ lineWidth: 120 }), placeholders, tables: drafted.length };
}
