import type { TableCounts, TableRows } from '#db';
import type { FulfilmentPurpose } from '#workflow';

/** What a service's answer (now, or in its callback) comes to once read: the task's counts, and for access the rows. */
export type ServiceResult = { counts: TableCounts; findings?: TableRows[] };

export type ReadAnswer = { ok: true; result: ServiceResult } | { ok: false; problem: string };

const COUNT_KEYS = ['found', 'deleted', 'updated', 'retained', 'remaining'] as const;
const MAX_TABLE_NAME = 200;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** PostgreSQL's jsonb cannot hold U+0000: such an answer could never be stored, so it is refused whole. */
const holdsNul = (value: unknown): boolean =>
  typeof value === 'string'
    ? value.includes('\u0000')
    : typeof value === 'object' &&
      value !== null &&
      Object.entries(value).some(([k, v]) => k.includes('\u0000') || holdsNul(v));

/**
 * Reads a service's answer for a purpose: `{ tables: [{ table, rows, truncated? }] }` for access, `{ counts }` for
 * erasure. The problem names what is wrong with the shape, never a value: the answer is the person's data.
 */
export function readServiceAnswer(purpose: FulfilmentPurpose, body: unknown): ReadAnswer {
  if (!isRecord(body)) return { ok: false, problem: 'the answer is not a JSON object' };
  if (holdsNul(body)) return { ok: false, problem: 'the answer holds a NUL character, which cannot be stored' };
  if (purpose === 'access') return readTables(body.tables);
  if (purpose === 'erasure') return readCounts(body.counts);
  return { ok: false, problem: `a service takes no part in ${purpose}` };
}

function readTables(tables: unknown): ReadAnswer {
  if (!Array.isArray(tables)) return { ok: false, problem: 'an access answer needs "tables", a list' };
  const counts: TableCounts = {};
  const findings: TableRows[] = [];
  for (const [i, entry] of tables.entries()) {
    if (!isRecord(entry)) return { ok: false, problem: `tables[${i}] is not an object` };
    const { table, rows, truncated } = entry;
    if (typeof table !== 'string' || table.length === 0 || table.length > MAX_TABLE_NAME)
      return { ok: false, problem: `tables[${i}].table is not a name` };
    if (table in counts) return { ok: false, problem: `tables[${i}] names a table already given` };
    if (!Array.isArray(rows) || !rows.every(isRecord))
      return { ok: false, problem: `tables[${i}].rows is not a list of objects` };
    if (truncated !== undefined && typeof truncated !== 'boolean')
      return { ok: false, problem: `tables[${i}].truncated is not true or false` };
    counts[table] = { found: rows.length };
    findings.push({ table, rows, ...(truncated ? { truncated } : {}) });
  }
  return { ok: true, result: { counts, findings } };
}

function readCounts(given: unknown): ReadAnswer {
  if (!isRecord(given)) return { ok: false, problem: 'an erasure answer needs "counts", an object of tables' };
  const counts: TableCounts = {};
  for (const [table, numbers] of Object.entries(given)) {
    if (table.length === 0 || table.length > MAX_TABLE_NAME) return { ok: false, problem: 'a table is not a name' };
    if (!isRecord(numbers)) return { ok: false, problem: 'the counts of a table are not an object' };
    const entry: TableCounts[string] = {};
    for (const [key, value] of Object.entries(numbers)) {
      if (!(COUNT_KEYS as readonly string[]).includes(key))
        return { ok: false, problem: `a count is not one of ${COUNT_KEYS.join(', ')}` };
      if (!Number.isSafeInteger(value) || (value as number) < 0)
        return { ok: false, problem: 'a count is not a whole number of rows' };
      entry[key as (typeof COUNT_KEYS)[number]] = value as number;
    }
    counts[table] = entry;
  }
  return { ok: true, result: { counts } };
}
