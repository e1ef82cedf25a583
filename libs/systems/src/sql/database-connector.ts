import { isDatabaseSystem } from '#policy';

import {
  type Connector,
  type ConnectorContext,
  SystemError,
  type SystemOutcome,
  type SystemRun,
} from '../connector.js';
import { readPersonData } from './access.js';
import { erasePerson, previewErasure } from './erasure.js';
import { pushOptOut } from './opt-out.js';
import { openSession } from './sessions.js';

export interface DatabaseConnectorOptions {
  /** Longest one statement may run, in ms; the server cancels it after that (default 5,000). */
  statementTimeoutMs?: number;
  /** Longest connecting, or waiting for a free connection of the pool, may take, in ms (default 5,000). */
  connectTimeoutMs?: number;
  /** Rows read per table for an access package (default 10,000); a table holding more is marked truncated. */
  rowCap?: number;
  /** The key of the HMAC-SHA256 that erasure writes for `hash` masks; required when the map hashes a column. */
  maskKey?: string;
}

export const DATABASE_DEFAULTS = { statementTimeoutMs: 5000, connectTimeoutMs: 5000, rowCap: 10_000 } as const;

/**
 * A PostgreSQL or MariaDB system of a data map. The connection URL is read from the environment variable the map
 * names, at each run; connections come from a small pool per URL, kept for the process (closeDatabasePools).
 */
export class DatabaseConnector implements Connector {
  private readonly options: Required<Omit<DatabaseConnectorOptions, 'maskKey'>> & { maskKey?: string };

  constructor(
    private readonly context: ConnectorContext,
    options: DatabaseConnectorOptions = {},
  ) {
    this.options = {
      statementTimeoutMs: options.statementTimeoutMs ?? DATABASE_DEFAULTS.statementTimeoutMs,
      connectTimeoutMs: options.connectTimeoutMs ?? DATABASE_DEFAULTS.connectTimeoutMs,
      rowCap: options.rowCap ?? DATABASE_DEFAULTS.rowCap,
      ...(options.maskKey ? { maskKey: options.maskKey } : {}),
    };
    if (!Number.isSafeInteger(this.options.rowCap) || this.options.rowCap < 1)
      throw new Error('rowCap must be a positive whole number');
  }

  async run(run: SystemRun): Promise<SystemOutcome> {
    const { system, env } = this.context;
    if (!isDatabaseSystem(system)) throw new SystemError('misconfigured', `${system.id} is not a database system`);
    const url = env[system.connection];
    if (!url) throw new SystemError('misconfigured', `environment variable ${system.connection} is not set`);
    const session = await openSession(system.kind, url, this.options);
    try {
      switch (run.purpose) {
        case 'access': {
          const { counts, findings } = await readPersonData(session, system, run.identity, this.options.rowCap);
          return { state: 'done', counts, findings };
        }
        case 'erasure_preview':
          return { state: 'done', counts: await previewErasure(session, system, run.identity) };
        case 'erasure':
          return { state: 'done', counts: await erasePerson(session, system, run.identity, this.options.maskKey) };
        case 'opt_out':
          return { state: 'done', counts: await pushOptOut(session, system, run.identity) };
      }
    } finally {
      session.release();
    }
  }
}
