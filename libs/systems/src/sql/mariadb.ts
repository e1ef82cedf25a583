import mysql, { type ExecuteValues, type PoolConnection, type ResultSetHeader, type TypeCast } from 'mysql2/promise';

import type { SystemErrorClass } from '../connector.js';
import {
  type DriverConnection,
  isUnreachableCode,
  nodeErrorCode,
  POOL_SIZE,
  type SqlDialect,
  type SqlDriver,
} from './dialect.js';

export const mariadbDialect: SqlDialect = {
  kind: 'mysql',
  quote: (name) => `\`${name.replaceAll('`', '``')}\``,
  placeholder: () => '?',
  // The default collations ignore case and accents ("ann@exämple.org" = "ann@example.org"): the first comparison
  // finds candidates on the column's index, the binary one keeps only the exact value.
  equals: (expression, bind, value) =>
    `(${expression} = ${bind(value)} AND ${expression} = ${bind(value)} COLLATE utf8mb4_bin)`,
  anyOf: (expression, bind, values) => `${expression} IN (${values.map(bind).join(', ')})`,
  digitsOnly: (expression) => `REGEXP_REPLACE(${expression}, '[^0-9]', '')`,
  looksHashed: (expression) => `${expression} REGEXP '^[0-9a-f]{64}$'`,
  differs: (expression, placeholder) => `NOT (${expression} <=> ${placeholder})`,
  columnNamesIgnoreCase: true,
  schemaQueries: {
    columns: `SELECT c.TABLE_NAME AS table_name, c.COLUMN_NAME AS column_name, c.DATA_TYPE AS data_type,
        c.IS_NULLABLE = 'YES' AS nullable, c.CHARACTER_MAXIMUM_LENGTH AS max_length,
        t.TABLE_TYPE = 'VIEW' AS is_view, DATABASE() AS database_name
      FROM information_schema.COLUMNS c
      JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
      WHERE c.TABLE_SCHEMA = DATABASE()
      ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION`,
    keys: `SELECT k.CONSTRAINT_NAME AS constraint_name,
        CASE WHEN k.CONSTRAINT_NAME = 'PRIMARY' THEN 'p' ELSE 'f' END AS kind, k.TABLE_NAME AS table_name,
        k.COLUMN_NAME AS column_name, k.REFERENCED_TABLE_NAME AS ref_table, k.REFERENCED_COLUMN_NAME AS ref_column
      FROM information_schema.KEY_COLUMN_USAGE k
      WHERE k.TABLE_SCHEMA = DATABASE()
        AND (k.CONSTRAINT_NAME = 'PRIMARY' OR k.REFERENCED_TABLE_SCHEMA = DATABASE())
      ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
  },
};

// Dates and datetimes stay the text the database wrote (ISO-shaped); a TIMESTAMP is read in the session's UTC.
const typeCast: TypeCast = (field, next) => {
  if (field.type !== 'DATE' && field.type !== 'DATETIME' && field.type !== 'TIMESTAMP') return next();
  const text = field.string();
  if (text === null) return null;
  if (field.type === 'DATE') return text;
  return `${text.replace(' ', 'T')}${field.type === 'TIMESTAMP' ? 'Z' : ''}`;
};

const TIMEOUT_ERRNOS = new Set([
  1969, // max_statement_time exceeded
  3024, // max_execution_time exceeded (MySQL)
  1317, // query interrupted
  1205, // lock wait timeout
]);
const UNREACHABLE_ERRNOS = new Set([1040, 1053]); // too many connections, server shutting down
const REFUSED_ERRNOS = new Set([1044, 1045, 1129, 1130, 1142, 1143, 1227, 1370, 1698]); // access denied, host blocked
const MISCONFIGURED_ERRNOS = new Set([
  1049, // no such database
  1146, // no such table
  1054, // no such column
  1356, // a view refers to what is gone
  1048, // a null mask on a NOT NULL column
  1406, // a mask longer than the column allows
  1366, // a value the column's type cannot hold
  1267, // collations that cannot be compared
  1451, // a foreign key blocks a deletion: a table refers to one the map erases, and is not erased first
]);
const TIMEOUT_CODES = new Set(['PROTOCOL_SEQUENCE_TIMEOUT', 'ETIMEDOUT', 'POOL_TIMEOUT']);

function classify(error: unknown): { errorClass: SystemErrorClass; code: string } {
  const errno = (error as { errno?: unknown } | null)?.errno;
  const code = nodeErrorCode(error);
  if (typeof errno === 'number' && errno > 0) {
    const named = String(errno);
    if (TIMEOUT_ERRNOS.has(errno)) return { errorClass: 'timeout', code: named };
    if (UNREACHABLE_ERRNOS.has(errno)) return { errorClass: 'unreachable', code: named };
    if (REFUSED_ERRNOS.has(errno)) return { errorClass: 'refused', code: named };
    if (MISCONFIGURED_ERRNOS.has(errno)) return { errorClass: 'misconfigured', code: named };
    return { errorClass: 'failed', code: named };
  }
  if (code && isUnreachableCode(code)) return { errorClass: 'unreachable', code };
  if (code === 'PROTOCOL_CONNECTION_LOST') return { errorClass: 'unreachable', code };
  if (code && TIMEOUT_CODES.has(code)) return { errorClass: 'timeout', code };
  return { errorClass: 'failed', code: code ?? 'unknown' };
}

function connection(conn: PoolConnection): DriverConnection {
  return {
    async query(text, params, timeoutMs) {
      // Values go to the server in a prepared statement, never spliced into the text by the client: client-side
      // escaping would be wrong on a server running with NO_BACKSLASH_ESCAPES.
      const [result] =
        params.length === 0
          ? await conn.query({ sql: text, timeout: timeoutMs })
          : await conn.execute({ sql: text, timeout: timeoutMs }, params as ExecuteValues[]);
      if (Array.isArray(result)) return { rows: result as Record<string, unknown>[], affected: result.length };
      return { rows: [], affected: (result as ResultSetHeader).affectedRows };
    },
    release: (destroy) => (destroy ? conn.destroy() : conn.release()),
  };
}

class PoolTimeout extends Error {
  readonly code = 'POOL_TIMEOUT';
}

export const mariadbDriver: SqlDriver = {
  dialect: mariadbDialect,
  schemes: ['mysql:', 'mariadb:'],
  createPool(url, connectTimeoutMs) {
    const pool = mysql.createPool({
      uri: url.replace(/^mariadb:/, 'mysql:'),
      connectionLimit: POOL_SIZE,
      maxIdle: POOL_SIZE,
      idleTimeout: 30_000,
      connectTimeout: connectTimeoutMs,
      supportBigNumbers: true,
      bigNumberStrings: true,
      maxPreparedStatements: 64,
      typeCast,
    });
    return {
      // mysql2 waits for a free connection without limit; a run waits as long as it would to connect.
      async connect() {
        const pending = pool.getConnection();
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new PoolTimeout('no free connection')), connectTimeoutMs);
        });
        try {
          return connection(await Promise.race([pending, deadline]));
        } catch (error) {
          pending.then((late) => late.release()).catch(() => undefined);
          throw error;
        } finally {
          clearTimeout(timer);
        }
      },
      end: () => pool.end(),
    };
  },
  // max_statement_time is in seconds; the lock wait is a whole number of seconds, at least one.
  sessionSetup: (statementTimeoutMs) => [
    {
      text: `SET SESSION max_statement_time = ${(statementTimeoutMs / 1000).toFixed(3)}, innodb_lock_wait_timeout = ${Math.max(1, Math.ceil(statementTimeoutMs / 1000))}, time_zone = '+00:00'`,
      params: [],
      label: 'setting the statement timeout',
    },
  ],
  classify,
};
