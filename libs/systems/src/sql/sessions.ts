import type { DatabaseKind } from '#policy';

import { SystemError } from '../connector.js';
import type { DriverConnection, DriverPool, Row, SqlDialect, SqlDriver, Statement } from './dialect.js';
import { mariadbDriver } from './mariadb.js';
import { postgresDriver } from './postgres.js';

const DRIVERS: Record<DatabaseKind, SqlDriver> = { postgres: postgresDriver, mysql: mariadbDriver };

/** How long the client waits beyond the server's statement timeout before it gives up on the connection. */
const CLIENT_GRACE_MS = 2000;

export interface SessionTimeouts {
  connectTimeoutMs: number;
  statementTimeoutMs: number;
}

/** One small pool per connection URL for the life of the process; closeDatabasePools ends them at shutdown. */
const pools = new Map<string, DriverPool>();

export function dialectOf(kind: DatabaseKind): SqlDialect {
  return DRIVERS[kind].dialect;
}

/** The detail of a SystemError: the database's kind, the error's code and what was being done; never its message. */
function systemError(driver: SqlDriver, error: unknown, doing: string): SystemError {
  const { errorClass, code } = driver.classify(error);
  return new SystemError(errorClass, `${driver.dialect.kind} error ${code} while ${doing}`);
}

/** A connection for one run. After any error it is destroyed on release rather than handed to the next run. */
export class SqlSession {
  private broken = false;

  constructor(
    private readonly driver: SqlDriver,
    private readonly connection: DriverConnection,
    private readonly statementTimeoutMs: number,
  ) {}

  get dialect(): SqlDialect {
    return this.driver.dialect;
  }

  async run(statement: Statement): Promise<{ rows: Row[]; affected: number }> {
    try {
      return await this.connection.query(statement.text, statement.params, this.statementTimeoutMs + CLIENT_GRACE_MS);
    } catch (error) {
      this.broken = true;
      throw systemError(this.driver, error, statement.label);
    }
  }

  /** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.run({ text: 'BEGIN', params: [], label: 'starting a transaction' });
    let result: T;
    try {
      result = await work();
    } catch (error) {
      // The rollback's own failure (a lost connection) changes nothing: the server discards an open transaction.
      await this.connection.query('ROLLBACK', [], this.statementTimeoutMs).catch(() => undefined);
      throw error;
    }
    await this.run({ text: 'COMMIT', params: [], label: 'committing' });
    return result;
  }

  release(): void {
    this.connection.release(this.broken);
  }
}

export async function openSession(kind: DatabaseKind, url: string, timeouts: SessionTimeouts): Promise<SqlSession> {
  const driver = DRIVERS[kind];
  for (const ms of [timeouts.connectTimeoutMs, timeouts.statementTimeoutMs]) {
    if (!Number.isSafeInteger(ms) || ms <= 0) throw new Error(`a timeout must be a positive whole number of ms`);
  }
  if (!URL.canParse(url) || !driver.schemes.includes(new URL(url).protocol))
    throw new SystemError('misconfigured', `the connection URL is not a ${driver.schemes[0]}// URL`);
  const key = `${kind} ${url}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = driver.createPool(url, timeouts.connectTimeoutMs);
    pools.set(key, pool);
  }
  let connection: DriverConnection;
  try {
    connection = await pool.connect();
  } catch (error) {
    throw systemError(driver, error, 'connecting');
  }
  const session = new SqlSession(driver, connection, timeouts.statementTimeoutMs);
  try {
    for (const statement of driver.sessionSetup(timeouts.statementTimeoutMs)) await session.run(statement);
  } catch (error) {
    session.release();
    throw error;
  }
  return session;
}

/** Ends every pool this process opened; the worker calls it at shutdown, the CLI when a command is done. */
export async function closeDatabasePools(): Promise<void> {
  const open = [...pools.values()];
  pools.clear();
  await Promise.all(open.map((pool) => pool.end().catch(() => undefined)));
}
