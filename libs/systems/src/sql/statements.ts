import type { ColumnMask, IdentityComparison, MappedTable } from '#policy';

import type { SqlDialect, Statement } from './dialect.js';

/** Keys of a parent table's found rows sent in one statement (an IN list, or one array parameter). */
export const FOLLOW_BATCH = 1000;

export interface IdentityMatch {
  column: string;
  compare: IdentityComparison;
  value: string;
}

export interface FollowMatch {
  column: string;
  keys: readonly unknown[];
}

/** How one table's rows of the person are recognised: any identity column matching, or any followed key found. */
export interface PersonFilter {
  identity: IdentityMatch[];
  follow: FollowMatch[];
}

/**
 * The filter cut into statements of at most FOLLOW_BATCH keys. Only a table found one way alone (one followed
 * relation) is cut: each row holds one value of that column, so it falls in exactly one batch and is never counted,
 * read or changed twice. A table found several ways is one statement, however many keys.
 */
export function slicesOf(filter: PersonFilter, batch = FOLLOW_BATCH): PersonFilter[] {
  const [only] = filter.follow;
  if (filter.identity.length > 0 || filter.follow.length !== 1 || only.keys.length <= batch) return [filter];
  const slices: PersonFilter[] = [];
  for (let start = 0; start < only.keys.length; start += batch)
    slices.push({ identity: [], follow: [{ column: only.column, keys: only.keys.slice(start, start + batch) }] });
  return slices;
}

/** Collects bound values in the order their placeholders appear in the text. */
class Builder {
  readonly params: unknown[] = [];

  constructor(readonly dialect: SqlDialect) {}

  readonly bind = (value: unknown): string => {
    this.params.push(value);
    return this.dialect.placeholder(this.params.length);
  };

  name(identifier: string): string {
    return this.dialect.quote(identifier);
  }

  statement(text: string, label: string): Statement {
    return { text, params: this.params, label };
  }
}

function compared(b: Builder, match: IdentityMatch): string {
  const column = b.name(match.column);
  if (match.compare === 'lower') return `lower(${column})`;
  if (match.compare === 'digits') return b.dialect.digitsOnly(column);
  return column;
}

function personCondition(b: Builder, filter: PersonFilter): string {
  const parts = [
    ...filter.identity.map((match) => b.dialect.equals(compared(b, match), b.bind, match.value)),
    ...filter.follow.map((match) => b.dialect.anyOf(b.name(match.column), b.bind, match.keys)),
  ];
  if (parts.length === 0) throw new Error('a person filter needs an identity value or a followed key');
  return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
}

/** Rows that still hold what erasure masks: a null mask's column not yet null, a text not yet written, no hash yet. */
function maskPending(b: Builder, masks: Record<string, ColumnMask>): string {
  const parts = Object.entries(masks).map(([column, mask]) => {
    const name = b.name(column);
    if (mask.kind === 'null') return `${name} IS NOT NULL`;
    if (mask.kind === 'text') return `${name} <> ${b.bind(mask.text)}`;
    return `(${name} IS NOT NULL AND NOT ${b.dialect.looksHashed(name)})`;
  });
  return `(${parts.join(' OR ')})`;
}

export function selectRows(
  dialect: SqlDialect,
  table: MappedTable,
  filter: PersonFilter,
  options: { columns: readonly string[]; limit?: number; lock?: boolean },
): Statement {
  const b = new Builder(dialect);
  const columns = options.columns.map((column) => b.name(column)).join(', ');
  let text = `SELECT ${columns} FROM ${b.name(table.name)} WHERE ${personCondition(b, filter)}`;
  if (options.limit !== undefined) text += ` ORDER BY ${b.name(table.key)} LIMIT ${wholeNumber(options.limit)}`;
  if (options.lock) text += ' FOR UPDATE';
  return b.statement(text, `reading ${table.name}`);
}

/** Counts the person's rows; with masks, only those erasure would still change. */
export function countRows(
  dialect: SqlDialect,
  table: MappedTable,
  filter: PersonFilter,
  masks?: Record<string, ColumnMask>,
): Statement {
  const b = new Builder(dialect);
  let text = `SELECT count(*) AS n FROM ${b.name(table.name)} WHERE ${personCondition(b, filter)}`;
  if (masks) text += ` AND ${maskPending(b, masks)}`;
  return b.statement(text, `counting ${table.name}`);
}

export function deleteRows(dialect: SqlDialect, table: MappedTable, filter: PersonFilter): Statement {
  const b = new Builder(dialect);
  const text = `DELETE FROM ${b.name(table.name)} WHERE ${personCondition(b, filter)}`;
  return b.statement(text, `erasing from ${table.name}`);
}

/** The distinct values of a hash-masked column that are not hashed yet: their hashes are computed outside SQL. */
export function unhashedValues(
  dialect: SqlDialect,
  table: MappedTable,
  filter: PersonFilter,
  column: string,
): Statement {
  const b = new Builder(dialect);
  const name = b.name(column);
  const text = `SELECT DISTINCT ${name} AS v FROM ${b.name(table.name)} WHERE ${personCondition(b, filter)} AND ${name} IS NOT NULL AND NOT ${dialect.looksHashed(name)}`;
  return b.statement(text, `reading ${table.name} to hash`);
}

/**
 * Masks the person's rows that still need it. `hashes` maps each hash-masked column's current values to their keyed
 * hashes; every assignment reads only its own column, so the order MariaDB applies them in does not matter.
 * Null when nothing is left to set.
 */
export function maskRows(
  dialect: SqlDialect,
  table: MappedTable,
  filter: PersonFilter,
  masks: Record<string, ColumnMask>,
  hashes: ReadonlyMap<string, readonly (readonly [unknown, string])[]>,
): Statement | null {
  const b = new Builder(dialect);
  const assignments: string[] = [];
  for (const [column, mask] of Object.entries(masks)) {
    const name = b.name(column);
    if (mask.kind === 'null') assignments.push(`${name} = NULL`);
    else if (mask.kind === 'text') assignments.push(`${name} = ${b.bind(mask.text)}`);
    else {
      const pairs = hashes.get(column) ?? [];
      if (pairs.length === 0) continue;
      const cases = pairs.map(([value, hash]) => `WHEN ${b.bind(value)} THEN ${b.bind(hash)}`).join(' ');
      assignments.push(`${name} = CASE ${name} ${cases} ELSE ${name} END`);
    }
  }
  if (assignments.length === 0) return null;
  const where = `${personCondition(b, filter)} AND ${maskPending(b, masks)}`;
  const text = `UPDATE ${b.name(table.name)} SET ${assignments.join(', ')} WHERE ${where}`;
  return b.statement(text, `masking ${table.name}`);
}

/** Sets a sale/share flag on the person's rows that do not hold it yet, so a second run changes nothing. */
export function setFlag(
  dialect: SqlDialect,
  table: MappedTable,
  filter: PersonFilter,
  flag: { column: string; value: boolean | string },
): Statement {
  const b = new Builder(dialect);
  const name = b.name(flag.column);
  const assignment = `${name} = ${b.bind(flag.value)}`;
  const where = `${personCondition(b, filter)} AND ${dialect.differs(name, b.bind(flag.value))}`;
  return b.statement(`UPDATE ${b.name(table.name)} SET ${assignment} WHERE ${where}`, `opting out in ${table.name}`);
}

function wholeNumber(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`expected a whole number, got ${value}`);
  return value;
}
