import type { DatabaseKind } from '#policy';

import type { Row } from './dialect.js';
import { openSession, type SessionTimeouts } from './sessions.js';

export interface SchemaColumn {
  name: string;
  /** The database's name of the type, lower-case: "integer", "character varying", "varchar", "citext". */
  type: string;
  nullable: boolean;
  /** For character types, the most characters the column holds; null when unbounded or not text. */
  maxLength: number | null;
}

/** A single-column foreign key: the only kind a data map's `follow` can state. */
export interface ForeignKey {
  column: string;
  table: string;
  references: string;
}

export interface SchemaTable {
  name: string;
  view: boolean;
  columns: SchemaColumn[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

/** The tables and views of the connection's current schema (PostgreSQL) or database (MariaDB). */
export interface DatabaseSchema {
  kind: DatabaseKind;
  database: string;
  tables: SchemaTable[];
}

const FAMILIES: [string, RegExp][] = [
  ['number', /^(smallint|integer|int|bigint|tinyint|mediumint|numeric|decimal|real|double precision|double|float)$/],
  ['text', /^(text|character varying|varchar|character|char|citext|tinytext|mediumtext|longtext|enum|set|name)$/],
  ['uuid', /^uuid$/],
  ['time', /^(date|datetime|year|time|timestamp)( with(out)? time zone)?$/],
  ['boolean', /^boolean$/],
  ['binary', /^(bytea|tinyblob|blob|mediumblob|longblob|binary|varbinary)$/],
];

/** Types that compare with each other without a cast: a relation between two families cannot join. */
export function typeFamily(type: string): string {
  return FAMILIES.find(([, pattern]) => pattern.test(type))?.[0] ?? type;
}

const truthy = (value: unknown) => value === true || value === 1 || value === '1';

/** Builds the schema from the two catalogue queries' rows (see each dialect's schemaQueries). */
export function assembleSchema(
  kind: DatabaseKind,
  columnRows: readonly Row[],
  keyRows: readonly Row[],
): DatabaseSchema {
  const tables = new Map<string, SchemaTable>();
  let database = '';
  for (const row of columnRows) {
    const name = String(row.table_name);
    database = String(row.database_name);
    let table = tables.get(name);
    if (!table) {
      table = { name, view: truthy(row.is_view), columns: [], primaryKey: [], foreignKeys: [] };
      tables.set(name, table);
    }
    const maxLength = row.max_length === null || row.max_length === undefined ? null : Number(row.max_length);
    table.columns.push({
      name: String(row.column_name),
      type: String(row.data_type).toLowerCase(),
      nullable: truthy(row.nullable),
      maxLength,
    });
  }
  const constraints = new Map<string, Row[]>();
  for (const row of keyRows) {
    const id = `${String(row.table_name)}\u0000${String(row.constraint_name)}`;
    constraints.set(id, [...(constraints.get(id) ?? []), row]);
  }
  for (const rows of constraints.values()) {
    const table = tables.get(String(rows[0].table_name));
    if (!table) continue;
    if (rows[0].kind === 'p') table.primaryKey = rows.map((row) => String(row.column_name));
    else if (rows.length === 1 && rows[0].ref_table !== null)
      table.foreignKeys.push({
        column: String(rows[0].column_name),
        table: String(rows[0].ref_table),
        references: String(rows[0].ref_column),
      });
  }
  return { kind, database, tables: [...tables.values()] };
}

/** Reads the schema a connection URL leads to: tables, columns, primary keys, single-column foreign keys. */
export async function readDatabaseSchema(
  kind: DatabaseKind,
  url: string,
  timeouts: SessionTimeouts = { connectTimeoutMs: 5000, statementTimeoutMs: 30_000 },
): Promise<DatabaseSchema> {
  const session = await openSession(kind, url, timeouts);
  try {
    const { columns, keys } = session.dialect.schemaQueries;
    const columnRows = (await session.run({ text: columns, params: [], label: 'reading the schema' })).rows;
    const keyRows = (await session.run({ text: keys, params: [], label: 'reading the schema' })).rows;
    return assembleSchema(kind, columnRows, keyRows);
  } finally {
    session.release();
  }
}
