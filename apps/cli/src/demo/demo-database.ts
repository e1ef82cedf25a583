import { DEMO_DATA_VERSION } from './demo-people.js';
import { countRows, DEMO_TABLES, type DemoRows, type DemoTable } from './demo-rows.js';
import { demoSchema, MARKER_TABLE } from './demo-schema.js';
import type { DemoTarget } from './demo-target.js';

export type FillOutcome =
  | { state: 'created'; counts: Record<DemoTable, number> }
  /** The marker says the generator filled it before: nothing is written, so an erased demo person stays erased. */
  | { state: 'unchanged'; people: number }
  /** Customers are there but no marker: someone else's data, left alone. */
  | { state: 'refused'; reason: string };

const BATCH = 500;

async function existingTables(target: DemoTarget): Promise<Set<string>> {
  const schema = target.kind === 'postgres' ? 'current_schema()' : 'database()';
  const rows = await target.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ${schema}`,
  );
  return new Set(rows.map((row) => String(row.name)));
}

async function insertAll(target: DemoTarget, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const params: unknown[] = [];
    const tuples = batch.map((row) => {
      const marks = columns.map((column) => {
        params.push(row[column]);
        return target.placeholder(params.length);
      });
      return `(${marks.join(', ')})`;
    });
    await target.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
  }
}

/**
 * Creates the five tables and fills them with `rows` and the marker, in one transaction (MariaDB commits its table
 * definitions on their own, but an interrupted fill leaves them empty, and the next run fills them).
 */
export async function fillDemoDatabase(target: DemoTarget, rows: DemoRows, people: number): Promise<FillOutcome> {
  const tables = await existingTables(target);
  if (tables.has(MARKER_TABLE)) {
    const [marker] = await target.query(`SELECT people FROM ${MARKER_TABLE}`);
    if (marker) return { state: 'unchanged', people: Number(marker.people) };
  }
  if (tables.has('customers') && (await target.query('SELECT 1 FROM customers LIMIT 1')).length > 0)
    return { state: 'refused', reason: 'it holds customers the demo generator did not write' };
  await target.query('BEGIN');
  try {
    for (const statement of demoSchema(target.kind)) await target.query(statement);
    for (const table of DEMO_TABLES)
      await insertAll(target, table, rows[table] as unknown as Record<string, unknown>[]);
    if (target.kind === 'postgres') {
      // The ids were given: the identity sequences start after them, so a row added by hand gets a free id.
      for (const table of DEMO_TABLES)
        await target.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
    }
    await target.query(
      `INSERT INTO ${MARKER_TABLE} (version, people, made_at) VALUES (${target.placeholder(1)}, ${target.placeholder(2)}, ${target.placeholder(3)})`,
      [DEMO_DATA_VERSION, people, new Date()],
    );
    await target.query('COMMIT');
  } catch (error) {
    await target.query('ROLLBACK');
    throw error;
  }
  return { state: 'created', counts: countRows(rows) };
}
