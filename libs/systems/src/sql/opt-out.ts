import type { TableCounts } from '#db';
import type { DatabaseSystem } from '#policy';
import type { RequesterIdentity } from '#workflow';

import { SystemError } from '../connector.js';
import { keyReader, walkPerson } from './person.js';
import type { SqlSession } from './sessions.js';
import { setFlag, slicesOf } from './statements.js';

/**
 * Sets the system's sale/share flag on the person's rows of its table, found as for access. Rows already holding it
 * are left alone, so `updated` counts what this run changed and a rerun changes nothing.
 */
export async function pushOptOut(
  session: SqlSession,
  system: DatabaseSystem,
  identity: RequesterIdentity,
): Promise<TableCounts> {
  const flag = system.optOut;
  if (!flag) throw new SystemError('misconfigured', 'the data map names no opt-out flag for this system');
  const found = await walkPerson(system, identity, keyReader(session, system, false), flag.table);
  const { table, filter, rows } = found.get(flag.table)!;
  let updated = 0;
  for (const slice of filter ? slicesOf(filter) : [])
    updated += (await session.run(setFlag(session.dialect, table, slice, flag))).affected;
  return { [table.name]: { found: rows.length, updated } };
}
