import type { DatabaseSystem, MappedTable } from '#policy';
import { comparedValue, lookupOrder, type RequesterIdentity } from '#workflow';

import type { Row } from './dialect.js';
import type { SqlSession } from './sessions.js';
import { type FollowMatch, type IdentityMatch, type PersonFilter, selectRows, slicesOf } from './statements.js';
import { keyIdentity } from './values.js';

/** A table's part of the person: how its rows are recognised (null: not at all) and the rows read. */
export interface FoundTable {
  table: MappedTable;
  filter: PersonFilter | null;
  rows: Row[];
}

export type TableReader = (table: MappedTable, filter: PersonFilter) => Promise<Row[]>;

function distinctKeys(rows: readonly Row[], column: string): unknown[] {
  const seen = new Map<string, unknown>();
  for (const row of rows) {
    const value = row[column];
    if (value !== null && value !== undefined) seen.set(keyIdentity(value), value);
  }
  return [...seen.values()];
}

/**
 * The table's rows are the person's when an identity column holds what the requester gave, or when a followed column
 * holds a key of the parent's found rows. A table following itself is not followed: that would reach other people
 * (a customer's referrals, a thread's other authors).
 */
export function personFilter(
  table: MappedTable,
  identity: RequesterIdentity,
  found: ReadonlyMap<string, FoundTable>,
): PersonFilter | null {
  const identityMatches: IdentityMatch[] = table.identity.flatMap((column) => {
    const value = comparedValue(identity, column);
    return value === null ? [] : [{ column: column.column, compare: column.compare, value }];
  });
  const follow: FollowMatch[] = table.relations
    .filter((relation) => relation.table !== table.name)
    .map((relation) => ({
      column: relation.column,
      keys: distinctKeys(found.get(relation.table)?.rows ?? [], relation.references),
    }))
    .filter((match) => match.keys.length > 0);
  return identityMatches.length + follow.length === 0 ? null : { identity: identityMatches, follow };
}

/** Walks the system's tables parents first, reading each table's rows of the person with `read`; stops after `until`. */
export async function walkPerson(
  system: DatabaseSystem,
  identity: RequesterIdentity,
  read: TableReader,
  until?: string,
): Promise<Map<string, FoundTable>> {
  const found = new Map<string, FoundTable>();
  for (const table of lookupOrder(system)) {
    const filter = personFilter(table, identity, found);
    found.set(table.name, { table, filter, rows: filter ? await read(table, filter) : [] });
    if (table.name === until) break;
  }
  return found;
}

/** The columns of a table that other tables follow; the key when none does (a row must be read to be counted). */
export function keyColumns(system: DatabaseSystem, table: MappedTable): string[] {
  const followed = system.tables.flatMap((other) =>
    other.relations
      .filter((relation) => relation.table === table.name && other.name !== table.name)
      .map((relation) => relation.references),
  );
  return followed.length > 0 ? [...new Set(followed)] : [table.key];
}

/** Reads only what the walk needs to go on (the followed columns), every row, locked for update inside an erasure. */
export function keyReader(session: SqlSession, system: DatabaseSystem, lock: boolean): TableReader {
  return async (table, filter) => {
    const rows: Row[] = [];
    for (const slice of slicesOf(filter)) {
      const statement = selectRows(session.dialect, table, slice, { columns: keyColumns(system, table), lock });
      rows.push(...(await session.run(statement)).rows);
    }
    return rows;
  };
}
