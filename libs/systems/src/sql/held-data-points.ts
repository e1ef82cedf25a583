import type { ColumnMask, DatabaseSystem, DataPointKind, MappedTable } from '#policy';
import { localDate, type RequesterIdentity } from '#workflow';

import { SystemError } from '../connector.js';
import { DATABASE_DEFAULTS } from './database-connector.js';
import type { Row } from './dialect.js';
import { keyColumns, walkPerson } from './person.js';
import { openSession, type SqlSession } from './sessions.js';
import { selectRows, slicesOf } from './statements.js';

/** What a system holds of the person found by the request: whether it found them, and each data point's values. */
export interface HeldDataPoints {
  personFound: boolean;
  /** Each kind's distinct values over the person's rows, dates as YYYY-MM-DD; a kind with none held is left out. */
  values: Partial<Record<DataPointKind, string[]>>;
}

export interface HeldDataPointsOptions {
  /** The organisation's time zone: an instant (a timestamp with a time zone) falls on its date there. UTC if unset. */
  timeZone?: string;
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
}

const DATE_KINDS = new Set<DataPointKind>(['date_of_birth', 'last_order_date']);
const HASHED = /^[0-9a-f]{64}$/;

/** Maps stored before data points were mapped have no `verify`. */
function verifyOf(table: MappedTable): [DataPointKind, string][] {
  return Object.entries(table.verify ?? {}) as [DataPointKind, string][];
}

/**
 * The tables worth reading: those holding a data point, those searched by identity (whether the person is there at
 * all), and the parents the walk reaches them through. A table that is none of these is not read.
 */
function tablesToRead(system: DatabaseSystem): Set<string> {
  const read = new Set(
    system.tables.filter((t) => verifyOf(t).length > 0 || t.identity.length > 0).map((table) => table.name),
  );
  for (let grew = true; grew;) {
    grew = false;
    for (const table of system.tables.filter((t) => read.has(t.name))) {
      for (const relation of table.relations) {
        if (read.has(relation.table)) continue;
        read.add(relation.table);
        grew = true;
      }
    }
  }
  return read;
}

/** What erasure wrote in place of a value: no longer the person's data point. */
function masked(mask: ColumnMask | undefined, value: string): boolean {
  if (mask?.kind === 'text') return value === mask.text;
  return mask?.kind === 'hash' && HASHED.test(value);
}

/**
 * A stored value as text. Dates come as the database wrote them (YYYY-MM-DD); naive timestamps as local ISO text,
 * whose date is the one written; instants (PostgreSQL's timestamptz as a Date, MariaDB's TIMESTAMP in UTC) fall on
 * their date in the organisation's time zone. Bytes, booleans and JSON are no data point.
 */
function asText(kind: DataPointKind, value: unknown, timeZone: string): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : localDate(value, timeZone);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value !== 'string' || value.trim() === '') return null;
  if (!DATE_KINDS.has(kind) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return value;
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(value)) return value.slice(0, 10);
  // Text that only looks like an instant is passed on as written: matching reads it as no date.
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : localDate(instant, timeZone);
}

async function readHeld(
  session: SqlSession,
  system: DatabaseSystem,
  identity: RequesterIdentity,
  timeZone: string,
): Promise<HeldDataPoints> {
  const read = tablesToRead(system);
  const found = await walkPerson(system, identity, async (table, filter) => {
    if (!read.has(table.name)) return [];
    const columns = [...new Set([...keyColumns(system, table), ...verifyOf(table).map(([, column]) => column)])];
    const rows: Row[] = [];
    for (const slice of slicesOf(filter))
      rows.push(...(await session.run(selectRows(session.dialect, table, slice, { columns }))).rows);
    return rows;
  });
  const values = new Map<DataPointKind, Set<string>>();
  let personFound = false;
  for (const { table, rows } of found.values()) {
    personFound ||= rows.length > 0;
    const masks = table.erasure.action === 'update' ? table.erasure.columns : {};
    for (const [kind, column] of verifyOf(table)) {
      for (const row of rows) {
        const text = asText(kind, row[column], timeZone);
        if (text === null || masked(masks[column], text)) continue;
        values.set(kind, (values.get(kind) ?? new Set()).add(text));
      }
    }
  }
  return { personFound, values: Object.fromEntries([...values].map(([kind, held]) => [kind, [...held].sort()])) };
}

/**
 * The data points a database system holds for the person the request's identity finds, found as access finds them
 * (the same walk over the same tables) but reading only the key and `verify` columns. Throws a SystemError as the
 * connector does. Never logs a value.
 */
export async function findHeldDataPoints(
  target: { system: DatabaseSystem; env: Readonly<Record<string, string | undefined>> },
  identity: RequesterIdentity,
  options: HeldDataPointsOptions = {},
): Promise<HeldDataPoints> {
  const { system, env } = target;
  const url = env[system.connection];
  if (!url) throw new SystemError('misconfigured', `environment variable ${system.connection} is not set`);
  const session = await openSession(system.kind, url, {
    statementTimeoutMs: options.statementTimeoutMs ?? DATABASE_DEFAULTS.statementTimeoutMs,
    connectTimeoutMs: options.connectTimeoutMs ?? DATABASE_DEFAULTS.connectTimeoutMs,
  });
  try {
    return await readHeld(session, system, identity, options.timeZone ?? 'UTC');
  } finally {
    session.release();
  }
}
