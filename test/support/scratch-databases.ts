import { createServer } from 'node:net';

import mysql from 'mysql2/promise';
import pg from 'pg';

import { uniqueRunName } from './run-storage.js';

export type ScratchKind = 'postgres' | 'mysql';

/** An empty database of one spec's own on this machine's PostgreSQL or MariaDB, standing in for a customer's. */
export interface ScratchDatabase {
  kind: ScratchKind;
  name: string;
  url: string;
  /** Runs a script of statements (DDL, fixtures), as the database's owner. */
  exec(script: string): Promise<void>;
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

const POSTGRES_ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';
const MARIADB_ADMIN = 'mysql://root@127.0.0.1:3306/';

async function postgresScratch(name: string): Promise<ScratchDatabase> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`).finally(() => admin.end());
  const url = `postgres://postgres@127.0.0.1:5432/${name}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    kind: 'postgres',
    name,
    url,
    exec: async (script) => void (await client.query(script)),
    rows: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
    async drop() {
      await client.end();
      const dropper = new pg.Client({ connectionString: POSTGRES_ADMIN });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => dropper.end());
    },
  };
}

async function mariadbScratch(name: string): Promise<ScratchDatabase> {
  const connection = await mysql.createConnection({ uri: MARIADB_ADMIN, multipleStatements: true });
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4; USE \`${name}\``);
  return {
    kind: 'mysql',
    name,
    url: `mysql://root@127.0.0.1:3306/${name}`,
    exec: async (script) => void (await connection.query(script)),
    rows: async <T>(sql: string, params: unknown[] = []) => (await connection.query(sql, params))[0] as T[],
    async drop() {
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}

export function createScratchDatabase(kind: ScratchKind, purpose: string): Promise<ScratchDatabase> {
  const name = `rd_${purpose}_${uniqueRunName()}`;
  return kind === 'postgres' ? postgresScratch(name) : mariadbScratch(name);
}

/** A port on this machine nothing listens on: a database that is down. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
