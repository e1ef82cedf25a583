import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';

import { runCli } from './support/cli.js';
import { createSeededDatabase, dropDatabase, uniqueRunName } from './support/run-storage.js';

// Tests may read the corpus beside the repository, as CI has it; nothing of it is kept in the project.
const CORPUS_POLICY = fileURLToPath(new URL('../../shared/policy-corpus/c3pa-dev/DB/1.html', import.meta.url));

describe('rightsdesk policy publish and staff add-operator', () => {
  let databaseUrl: string;
  let db: pg.Client;
  let dir: string;

  beforeAll(async () => {
    databaseUrl = createSeededDatabase(`rightsdesk_policycli_${uniqueRunName()}`);
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    dir = mkdtempSync(join(tmpdir(), 'rightsdesk-policy-'));
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    if (databaseUrl) await dropDatabase(databaseUrl);
    rmSync(dir, { recursive: true, force: true });
  });

  const currentVersion = async (slug: string) =>
    (
      await db.query<{ id: string; rights: number }>(
        `SELECT v.id, jsonb_array_length(v.document -> 'rights') AS rights
           FROM organisation o JOIN policy_version v ON v.id = o.current_policy_version_id WHERE o.slug = $1`,
        [slug],
      )
    ).rows[0];

  it('publishes a policy file as a new organisation, then a changed one as its new version', async () => {
    const created = await runCli(
      ['policy', 'publish', CORPUS_POLICY, '--slug', 'cli-onboarded', '--name', 'CLI Onboarded', '--country', 'US'],
      databaseUrl,
    );
    expect(created.stderr).toBe('');
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout).toMatch(
      /^policy: cli-onboarded \(CLI Onboarded\): created cli-onboarded-imported-\S+, \d+ rights/,
    );
    const first = await currentVersion('cli-onboarded');
    expect(first.rights).toBeGreaterThan(0);

    const { rows } = await db.query<{ policy_text: string; quote: string }>(
      `SELECT policy_text, draft -> 'rights' -> 0 -> 'citation' ->> 'quote' AS quote FROM policy_import`,
    );
    expect(rows).toHaveLength(1);
    const changed = join(dir, 'changed.txt');
    writeFileSync(changed, rows[0].policy_text.replace(rows[0].quote, ''));
    const again = await runCli(['policy', 'publish', changed, '--slug', 'cli-onboarded'], databaseUrl);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout).toContain('policy: cli-onboarded (CLI Onboarded): new policy version');
    expect((await currentVersion('cli-onboarded')).id).not.toBe(first.id);
  }, 60_000);

  it('refuses an empty file, a missing file and a new organisation without a name, publishing nothing', async () => {
    const empty = join(dir, 'empty.html');
    writeFileSync(empty, '');
    const count = async () => Number((await db.query('SELECT count(*) FROM policy_version')).rows[0].count);
    const before = await count();
    for (const args of [
      [empty, '--slug', 'empty-one', '--name', 'Empty'],
      [join(dir, 'missing.html'), '--slug', 'missing-one', '--name', 'Missing'],
      [CORPUS_POLICY, '--slug', 'nameless-one'],
    ]) {
      const result = await runCli(['policy', 'publish', ...args], databaseUrl);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/^policy: /);
    }
    expect(await count()).toBe(before);
  }, 60_000);

  it('makes an operator from the CLI, printing a link for them to choose a password', async () => {
    const result = await runCli(['staff', 'add-operator', 'ops@example.org', 'Ops Person'], databaseUrl);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('staff: ops@example.org is a platform operator (a new account)');
    expect(result.stdout).toMatch(/\/staff\/password-reset\/\S+/);
    const { rows } = await db.query('SELECT platform_operator FROM staff_user WHERE email = $1', ['ops@example.org']);
    expect(rows).toEqual([{ platform_operator: true }]);
  }, 60_000);
});
