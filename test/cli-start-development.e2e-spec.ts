import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { afterAll, describe, expect, it } from '@jest/globals';
import mysql from 'mysql2/promise';
import pg from 'pg';

import { DEMO_PERSON } from '../apps/cli/src/demo/demo-persons.js';
import { runCli } from './support/cli.js';
import { deleteRedisKeys, dropDatabase, uniqueRunName } from './support/run-storage.js';
import { freePort, killProcess } from './support/running-system.js';

const SLUGS = ['officertrak', 'prontotrak', 'securus-software', 'securus-technologies', 'west-schoolmessenger'];

/** The environment a running process was given, read from /proc. */
function environmentOf(pid: number): Record<string, string> {
  const entries = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
  return Object.fromEntries(
    entries.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
  );
}

describe('rightsdesk start --seed in development, with no data map variable set', () => {
  // Short: the demo databases are named after it, and PostgreSQL cuts names at 63 characters.
  const name = `rd_dev_${uniqueRunName()}`;
  const database = `postgres://postgres@127.0.0.1:5432/${name}`;
  const demo = (slug: string) => `${name}_demo_${slug.replace(/-/g, '_')}`;
  const prefix = `rddev${name.slice(7)}`;
  let cli: ChildProcess | undefined;

  afterAll(async () => {
    if (cli) await killProcess(cli, 'SIGTERM');
    for (const slug of SLUGS.filter((s) => s !== 'securus-technologies'))
      await dropDatabase(`postgres://postgres@127.0.0.1:5432/${demo(slug)}`);
    const mariadb = await mysql.createConnection({ uri: 'mysql://root@127.0.0.1:3306' });
    await mariadb.query(`DROP DATABASE IF EXISTS ${demo('securus-technologies')}`);
    await mariadb.end();
    await dropDatabase(database);
    await deleteRedisKeys(prefix);
  }, 60_000);

  it('makes the demo databases, names the demo person, and gives the api, worker and mailbox every variable', async () => {
    expect((await runCli(['migrate'], database)).code).toBe(0);
    const port = await freePort();
    cli = spawn(process.execPath, ['dist/apps/cli/src/main.js', 'start', '--seed'], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        DATABASE_URL: database,
        REDIS_PREFIX: prefix,
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        PORT: String(port),
        INBOUND_SMTP_PORT: String(await freePort()),
        DEMO_PEOPLE: '20',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    cli.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const deadline = Date.now() + 90_000;
    while (!/shown this once[^\n]*\n(  .*\n){5}/.test(out)) {
      if (Date.now() > deadline || cli.exitCode !== null) throw new Error(`no closing banner:\n${out}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for (const slug of SLUGS) {
      expect(out).toContain(`seed: ${slug} data map: new version`);
      expect(out).toMatch(
        new RegExp(`demo: ${slug}: \\w+ ${demo(slug)} on 127\\.0\\.0\\.1:\\d+: created 22 customers`),
      );
    }
    const banner = out.slice(out.indexOf('Rightsdesk is running'));
    expect(banner).toContain(`Demo person in each: ${DEMO_PERSON.fullName}, ${DEMO_PERSON.email}`);
    expect(banner).toMatch(new RegExp(`securus-technologies\\s+MariaDB\\s+${demo('securus-technologies')} on`));

    const jordan = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${demo('prontotrak')}` });
    await jordan.connect();
    const found = await jordan.query('SELECT full_name FROM customers WHERE email = $1', [DEMO_PERSON.email]);
    await jordan.end();
    expect(found.rows).toEqual([{ full_name: DEMO_PERSON.fullName }]);

    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(cli.pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim())
      .map(Number);
    expect(children).toHaveLength(3);
    for (const child of children) {
      const env = environmentOf(child);
      expect(env.PRONTOTRAK_CUSTOMER_DB_URL).toBe(`postgres://postgres@127.0.0.1:5432/${demo('prontotrak')}`);
      expect(env.SECURUS_TECHNOLOGIES_CUSTOMER_DB_URL).toBe(
        `mysql://root@127.0.0.1:3306/${demo('securus-technologies')}`,
      );
      expect(env.WEST_SCHOOLMESSENGER_SUPPORT_URL).toBe(
        `http://127.0.0.1:${port}/dev/demo-systems/west-schoolmessenger/support`,
      );
      expect(env.OFFICERTRAK_SUPPORT_SECRET).toBeTruthy();
    }
    // The URLs are named, never printed.
    expect(out).not.toContain('postgres://');
    expect(out).not.toContain('mysql://');
  }, 150_000);
});
