import { type ChildProcess, spawn } from 'node:child_process';

import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';

import { runCli } from './support/cli.js';
import { freePort, killProcess } from './support/running-system.js';
import { signIn } from './support/staff.js';
import { testDatabaseUrl, testRedisPrefix } from './support/test-env.js';

describe('rightsdesk start --seed (what npm start runs) on a fresh database', () => {
  const database = `${testDatabaseUrl()}_first_start`;
  let cli: ChildProcess | undefined;

  afterAll(async () => {
    if (cli) await killProcess(cli, 'SIGTERM');
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${new URL(database).pathname.slice(1)}" WITH (FORCE)`);
    await admin.end();
  });

  it('prints the demo admins again in the closing banner, and their passwords sign in', async () => {
    expect((await runCli(['migrate'], database)).code).toBe(0);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    cli = spawn(process.execPath, ['dist/apps/cli/src/main.js', 'start', '--seed'], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        DATABASE_URL: database,
        REDIS_URL: 'redis://127.0.0.1:6379',
        REDIS_PREFIX: `${testRedisPrefix()}first`,
        PUBLIC_URL: baseUrl,
        PORT: String(port),
        INBOUND_SMTP_PORT: String(await freePort()),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    cli.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const deadline = Date.now() + 90_000;
    while (!/shown this once[^\n]*\n(  .*\n){5}/.test(out)) {
      if (Date.now() > deadline || cli.exitCode !== null)
        throw new Error(`no closing banner with five demo admins:\n${out}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const [log, banner] = out.split('Rightsdesk is running');
    const seeded = [...log.matchAll(/demo admin: (\S+)\s+password: (\S+)/g)].map((m) => ({
      email: m[1],
      password: m[2],
    }));
    expect(seeded).toHaveLength(5);
    const closing = [...banner.matchAll(/^ {2}(\S+@\S+)\s+password: (\S+)/gm)].map((m) => ({
      email: m[1],
      password: m[2],
    }));
    expect(closing).toEqual(seeded);
    const admin = await signIn(baseUrl, { ...closing[0], name: 'Demo admin' });
    expect((await admin.get('/staff')).status).toBe(200);
  }, 150_000);
});
