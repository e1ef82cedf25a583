import type { TableCounts } from '#db';
import type { ColumnMask, DatabaseSystem } from '#policy';
import { erasureOrder, lookupOrder, type RequesterIdentity } from '#workflow';

import { SystemError } from '../connector.js';
import { type FoundTable, keyReader, walkPerson } from './person.js';
import type { SqlSession } from './sessions.js';
import { countRows, deleteRows, maskRows, type PersonFilter, slicesOf, unhashedValues } from './statements.js';
import { keyedHash } from './values.js';

async function sumOverSlices(filter: PersonFilter | null, each: (slice: PersonFilter) => Promise<number>) {
  let total = 0;
  for (const slice of filter ? slicesOf(filter) : []) total += await each(slice);
  return total;
}

/** Rows erasure would still change in an updated table: those not yet masked. */
function pendingMasks(session: SqlSession, { table, filter }: FoundTable, masks: Record<string, ColumnMask>) {
  return sumOverSlices(filter, async (slice) =>
    Number((await session.run(countRows(session.dialect, table, slice, masks))).rows[0].n),
  );
}

/** Counts in the order the tables are read, whatever order they were worked in. */
function ordered(system: DatabaseSystem, counts: TableCounts): TableCounts {
  return Object.fromEntries(lookupOrder(system).map((table) => [table.name, counts[table.name]]));
}

/** The dry run staff approve: per table, what was found and what erasure would delete, mask or keep. No writes. */
export async function previewErasure(
  session: SqlSession,
  system: DatabaseSystem,
  identity: RequesterIdentity,
): Promise<TableCounts> {
  const found = await walkPerson(system, identity, keyReader(session, system, false));
  const counts: TableCounts = {};
  for (const part of found.values()) {
    const { erasure, name } = part.table;
    const rows = part.rows.length;
    if (erasure.action === 'delete') counts[name] = { found: rows, deleted: rows };
    else if (erasure.action === 'retain') counts[name] = { found: rows, retained: rows };
    else counts[name] = { found: rows, updated: await pendingMasks(session, part, erasure.columns) };
  }
  return counts;
}

async function eraseTable(session: SqlSession, part: FoundTable, maskKey: string | undefined) {
  const { table, filter, rows } = part;
  const { dialect } = session;
  if (table.erasure.action === 'retain') return { found: rows.length, retained: rows.length };
  if (table.erasure.action === 'delete') {
    const deleted = await sumOverSlices(
      filter,
      async (slice) => (await session.run(deleteRows(dialect, table, slice))).affected,
    );
    return { found: rows.length, deleted };
  }
  const masks = table.erasure.columns;
  const updated = await sumOverSlices(filter, async (slice) => {
    const hashes = new Map<string, [unknown, string][]>();
    for (const [column, mask] of Object.entries(masks)) {
      if (mask.kind !== 'hash' || !maskKey) continue;
      const values = (await session.run(unhashedValues(dialect, table, slice, column))).rows.map((row) => row.v);
      hashes.set(
        column,
        values.map((value) => [value, keyedHash(value, maskKey)]),
      );
    }
    const statement = maskRows(dialect, table, slice, masks, hashes);
    return statement ? (await session.run(statement)).affected : 0;
  });
  return { found: rows.length, updated };
}

/** What a second look finds of the person outside retained tables: rows not deleted, values not masked. */
async function remainingAfter(session: SqlSession, system: DatabaseSystem, identity: RequesterIdentity) {
  const found = await walkPerson(system, identity, keyReader(session, system, false));
  const remaining = new Map<string, number>();
  for (const part of found.values()) {
    const { erasure } = part.table;
    if (erasure.action === 'delete') remaining.set(part.table.name, part.rows.length);
    if (erasure.action === 'update') remaining.set(part.table.name, await pendingMasks(session, part, erasure.columns));
  }
  return remaining;
}

/**
 * Erases the person from one system in one transaction: every row found is locked first, then tables are worked
 * children before parents (so foreign keys hold at each step), and nothing is written unless all of it is. A rerun
 * after a crash finds what the first run left: nothing, if it committed (masked values are not masked again).
 * After the commit the person is looked up again, and what is still there outside retained tables is counted.
 */
export async function erasePerson(
  session: SqlSession,
  system: DatabaseSystem,
  identity: RequesterIdentity,
  maskKey: string | undefined,
): Promise<TableCounts> {
  const hashed = system.tables.some(
    ({ erasure }) => erasure.action === 'update' && Object.values(erasure.columns).some((m) => m.kind === 'hash'),
  );
  if (hashed && !maskKey) throw new SystemError('misconfigured', 'the map hashes columns, and no mask key is set');
  const counts = await session.transaction(async () => {
    const found = await walkPerson(system, identity, keyReader(session, system, true));
    const done: TableCounts = {};
    for (const table of erasureOrder(system))
      done[table.name] = await eraseTable(session, found.get(table.name)!, maskKey);
    return done;
  });
  const remaining = await remainingAfter(session, system, identity);
  for (const [table, left] of remaining) counts[table] = { ...counts[table], remaining: left };
  return ordered(system, counts);
}
