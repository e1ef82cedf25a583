import mysql from 'mysql2/promise';
import pg from 'pg';

import { ensureDatabase } from '#db';
import type { DatabaseKind } from '#policy';

/** One demo database, reached over its own driver; the generator speaks to both the same way. */
export interface DemoTarget {
  readonly kind: DatabaseKind;
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** `$1` for PostgreSQL, `?` for MariaDB. */
  placeholder(index: number): string;
  close(): Promise<void>;
}

/** Where a database is, for people to read: server and name, never the user or password in its URL. */
export function describeDatabase(url: string): string {
  const parsed = new URL(url);
  return `${decodeURIComponent(parsed.pathname.slice(1))} on ${parsed.hostname}:${parsed.port || (parsed.protocol.startsWith('mysql') ? 3306 : 5432)}`;
}

async function openPostgres(url: string): Promise<DemoTarget> {
  await ensureDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    kind: 'postgres',
    query: async (sql, params) => (await client.query(sql, params)).rows as Record<string, unknown>[],
    placeholder: (index) => `$${index}`,
    close: () => client.end(),
  };
}

async function openMariaDb(url: string): Promise<DemoTarget> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const server = new URL(url);
  server.pathname = '/';
  // Dates are written and read as UTC, whatever the server's or this machine's time zone.
  const connection = await mysql.createConnection({ uri: server.toString(), timezone: 'Z' });
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name.replace(/`/g, '``')}\` CHARACTER SET utf8mb4`);
    await connection.changeUser({ database: name });
  } catch (error) {
    await connection.end();
    throw error;
  }
  return {
    kind: 'mysql',
    query: async (sql, params) => {
      const [rows] = await connection.query(sql, params);
      return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
    },
    placeholder: () => '?',
    close: () => connection.end(),
  };
}

/** Connects to the database at `url`, creating it first when the server has none of that name. */
export function openDemoTarget(kind: DatabaseKind, url: string): Promise<DemoTarget> {
  return kind === 'postgres' ? openPostgres(url) : openMariaDb(url);
}
