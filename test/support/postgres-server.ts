import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from './running-system.js';

const BIN = '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL cluster of a test's own (initdb into a temporary directory, trust auth, a free loopback port), so
 * the test can stop and start it without touching the machine's cluster that other runs share. PostgreSQL
 * refuses to run as root, so as root the cluster belongs to the `postgres` user.
 */
export class DedicatedPostgres {
  private constructor(
    private readonly directory: string,
    readonly port: number,
  ) {}

  static async start(): Promise<DedicatedPostgres> {
    const directory = mkdtempSync(join(tmpdir(), 'rd-pg-'));
    if (userInfo().uid === 0) chownSync(directory, postgresUid(), postgresUid());
    const server = new DedicatedPostgres(directory, await freePort());
    server.run('initdb', [
      '-D',
      server.dataDirectory,
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
      '-E',
      'UTF8',
      '--locale=C',
    ]);
    server.start();
    return server;
  }

  /** A database URL on this cluster. */
  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  start(): void {
    this.run('pg_ctl', [
      '-D',
      this.dataDirectory,
      '-o',
      `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.directory} -c fsync=off`,
      '-l',
      join(this.directory, 'server.log'),
      '-w',
      'start',
    ]);
  }

  /** Stops at once as an operator's restart would (`-m fast`: open connections are terminated). */
  stop(): void {
    this.run('pg_ctl', ['-D', this.dataDirectory, '-m', 'fast', '-w', 'stop']);
  }

  /** Stops the cluster for good and deletes its files. */
  destroy(): void {
    try {
      this.stop();
    } catch {
      // already stopped
    }
    rmSync(this.directory, { recursive: true, force: true });
  }

  private get dataDirectory(): string {
    return join(this.directory, 'data');
  }

  private run(program: string, args: string[]): void {
    const command =
      userInfo().uid === 0
        ? ['runuser', ['-u', 'postgres', '--', join(BIN, program), ...args]]
        : [join(BIN, program), args];
    execFileSync(command[0] as string, command[1] as string[], { stdio: ['ignore', 'ignore', 'pipe'] });
  }
}

function postgresUid(): number {
  return Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
}
