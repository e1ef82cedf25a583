import pg from 'pg';

import type { SystemErrorClass } from '../connector.js';
import {
  type DriverConnection,
  isUnreachableCode,
  nodeErrorCode,
  POOL_SIZE,
  type SqlDialect,
  type SqlDriver,
} from './dialect.js';

export const postgresDialect: SqlDialect = {
  kind: 'postgres',
  quote: (name) => `"${name.replaceAll('"', '""')}"`,
  placeholder: (position) => `$${position}`,
  equals: (expression, bind, value) => `${expression} = ${bind(value)}`,
  // One array parameter whatever the number of keys: the statement's text stays the same.
  anyOf: (expression, bind, values) => `${expression} = ANY(${bind(values)})`,
  digitsOnly: (expression) => `regexp_replace(${expression}, '[^0-9]', '', 'g')`,
  looksHashed: (expression) => `${expression} ~ '^[0-9a-f]{64}$'`,
  differs: (expression, placeholder) => `${expression} IS DISTINCT FROM ${placeholder}`,
  columnNamesIgnoreCase: false,
  schemaQueries: {
    columns: `SELECT c.table_name AS table_name, c.column_name AS column_name,
        CASE WHEN c.data_type IN ('USER-DEFINED', 'ARRAY') THEN c.udt_name ELSE c.data_type END AS data_type,
        c.is_nullable = 'YES' AS nullable, c.character_maximum_length AS max_length,
        t.table_type = 'VIEW' AS is_view, current_database() AS database_name
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema()
      ORDER BY c.table_name, c.ordinal_position`,
    keys: `SELECT con.conname AS constraint_name, con.contype AS kind, rel.relname AS table_name,
        att.attname AS column_name, frel.relname AS ref_table, fatt.attname AS ref_column
      FROM pg_constraint con
      JOIN pg_class rel ON rel.oid = con.conrelid
      CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, position)
      JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = k.attnum
      LEFT JOIN pg_class frel ON frel.oid = con.confrelid
      LEFT JOIN pg_attribute fatt ON fatt.attrelid = con.confrelid AND fatt.attnum = con.confkey[k.position]
      WHERE rel.relnamespace = current_schema()::regnamespace AND con.contype IN ('p', 'f')
      ORDER BY rel.relname, con.conname, k.position`,
  },
};

const DATE = 1082;
const TIMESTAMP = 1114;

// Dates and naive timestamps stay the text the database wrote: read as a local-time Date, a date of birth would move
// by a day in any time zone west of UTC. Timestamps with a time zone become Dates, written out as ISO in UTC.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === DATE) return (value: string) => value;
    if (oid === TIMESTAMP) return (value: string) => value.replace(' ', 'T');
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

const TIMEOUT_STATES = new Set(['57014', '55P03']); // statement timeout or cancel; lock not available
const UNREACHABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']); // shutting down, starting, too many clients
const REFUSED_STATES = new Set(['42501']); // insufficient privilege (class 28: authentication)
const MISCONFIGURED_STATES = new Set([
  '42P01', // undefined table
  '42703', // undefined column
  '3D000', // no such database
  '3F000', // no such schema
  '42883', // no such function for these types: the column's type does not fit how the map uses it
  '42804', // datatype mismatch
  '22P02', // a value the column's type cannot hold (an identity into a numeric column, a mask text)
  '22001', // a mask longer than the column allows
  '23502', // a null mask on a NOT NULL column
  '23503', // a foreign key blocks a deletion: a table refers to one the map erases, and is not erased first
]);

// pg's own errors carry no code; their messages are fixed texts of the driver, never data.
const CLIENT_TIMEOUTS = ['Query read timeout', 'timeout exceeded when trying to connect', 'connection timeout'];

function classify(error: unknown): { errorClass: SystemErrorClass; code: string } {
  const code = nodeErrorCode(error);
  if (code && isUnreachableCode(code)) return { errorClass: 'unreachable', code };
  if (code && /^[0-9A-Z]{5}$/.test(code)) {
    if (TIMEOUT_STATES.has(code)) return { errorClass: 'timeout', code };
    if (code.startsWith('08') || UNREACHABLE_STATES.has(code)) return { errorClass: 'unreachable', code };
    if (code.startsWith('28') || REFUSED_STATES.has(code)) return { errorClass: 'refused', code };
    if (MISCONFIGURED_STATES.has(code)) return { errorClass: 'misconfigured', code };
    return { errorClass: 'failed', code };
  }
  const message = error instanceof Error ? error.message : '';
  if (CLIENT_TIMEOUTS.some((text) => message.includes(text))) return { errorClass: 'timeout', code: 'client-timeout' };
  if (message.includes('Connection terminated')) return { errorClass: 'unreachable', code: 'connection-lost' };
  return { errorClass: 'failed', code: code ?? 'unknown' };
}

function connection(client: pg.PoolClient): DriverConnection {
  return {
    async query(text, params, timeoutMs) {
      // query_timeout guards against a server that stops answering; the statement timeout is the server's own.
      const config = { text, values: [...params], query_timeout: timeoutMs } as pg.QueryConfig;
      const result = await client.query(config);
      return { rows: result.rows as Record<string, unknown>[], affected: result.rowCount ?? 0 };
    },
    release: (destroy) => client.release(destroy),
  };
}

export const postgresDriver: SqlDriver = {
  dialect: postgresDialect,
  schemes: ['postgres:', 'postgresql:'],
  createPool(url, connectTimeoutMs) {
    const pool = new pg.Pool({
      connectionString: url,
      max: POOL_SIZE,
      connectionTimeoutMillis: connectTimeoutMs,
      idleTimeoutMillis: 30_000,
      application_name: 'rightsdesk',
      types,
    });
    // An idle connection the server closed: the pool drops it and the next run opens another.
    pool.on('error', () => undefined);
    return { connect: async () => connection(await pool.connect()), end: () => pool.end() };
  },
  sessionSetup: (statementTimeoutMs) => [
    {
      text: "SELECT set_config('statement_timeout', $1, false)",
      params: [String(statementTimeoutMs)],
      label: 'setting the statement timeout',
    },
  ],
  classify,
};
