import type { TableCounts, TableRows } from '#db';
import type { DatabaseSystem } from '#policy';
import type { RequesterIdentity } from '#workflow';

import type { Row } from './dialect.js';
import { walkPerson } from './person.js';
import type { SqlSession } from './sessions.js';
import { countRows, selectRows, slicesOf } from './statements.js';
import { jsonSafe } from './values.js';

/**
 * The person's rows, every mapped column and nothing else, at most `rowCap` per table. A table holding more is marked
 * truncated and counted in full instead of loaded; the tables that follow it are found from the rows read.
 */
export async function readPersonData(
  session: SqlSession,
  system: DatabaseSystem,
  identity: RequesterIdentity,
  rowCap: number,
): Promise<{ counts: TableCounts; findings: TableRows[] }> {
  const truncated = new Set<string>();
  const found = await walkPerson(system, identity, async (table, filter) => {
    const rows: Row[] = [];
    const columns = Object.keys(table.columns);
    for (const slice of slicesOf(filter)) {
      const room = rowCap - rows.length;
      const read = await session.run(selectRows(session.dialect, table, slice, { columns, limit: room + 1 }));
      rows.push(...read.rows.slice(0, room));
      if (read.rows.length > room) {
        truncated.add(table.name);
        break;
      }
    }
    return rows;
  });

  const counts: TableCounts = {};
  const findings: TableRows[] = [];
  for (const { table, filter, rows } of found.values()) {
    let total = rows.length;
    if (filter && truncated.has(table.name)) {
      total = 0;
      for (const slice of slicesOf(filter))
        total += Number((await session.run(countRows(session.dialect, table, slice))).rows[0].n);
    }
    counts[table.name] = { found: total };
    if (rows.length === 0) continue;
    findings.push({
      table: table.name,
      rows: rows.map((row) => jsonSafe(row) as Row),
      ...(truncated.has(table.name) ? { truncated: true } : {}),
    });
  }
  return { counts, findings };
}
