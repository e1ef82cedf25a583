import { beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';

import { runCli } from './support/cli.js';
import { confirmFromMail, submitRequest } from './support/requester.js';
import { useRunningSystem } from './support/system-fixture.js';
import { testDatabaseUrl } from './support/test-env.js';

const SLUG = 'securus-software';

interface Entry {
  id: string;
  seq: number;
  detail: Record<string, unknown>;
}

/** Writes to audit_entry past its append-only trigger, as only a superuser could (replica mode skips triggers). */
async function writeBehindTheTrigger(sql: string, params: unknown[]): Promise<void> {
  const superuser = new pg.Client({ connectionString: testDatabaseUrl() });
  await superuser.connect();
  try {
    await superuser.query('SET session_replication_role = replica');
    await superuser.query(sql, params);
  } finally {
    await superuser.end();
  }
}

describe('the audit log: append-only and hash-chained, checked by `verify-audit`', () => {
  const system = useRunningSystem({ db: 'pg' });
  let verified: Entry;

  beforeAll(async () => {
    const email = `audited-${Date.now()}@example.org`;
    const reference = await submitRequest(system.baseUrl, SLUG, email, 'access');
    await confirmFromMail(system.sink, system.baseUrl, email);
    const entries = await system.db.query<Entry & { action: string }>(
      'SELECT a.id, a.seq, a.action, a.detail FROM audit_entry a JOIN data_subject_request r ON r.id = a.request_id WHERE r.reference = $1 ORDER BY a.seq',
      [reference],
    );
    expect(entries.rows.map((e) => e.action)).toContain('request.verified');
    verified = entries.rows.find((e) => e.action === 'request.verified')!;
  }, 60_000);

  const countEntries = async () =>
    Number((await system.db.query<{ n: string }>('SELECT count(*) AS n FROM audit_entry')).rows[0].n);

  it('reports an intact chain with the number of entries and organisations, and exits 0', async () => {
    const before = await countEntries();
    const result = await runCli(['verify-audit']);
    const after = await countEntries();
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const match = /^audit chain intact: (\d+) entries in (\d+) organisations?\n$/.exec(result.stdout);
    expect(match).not.toBeNull();
    expect(Number(match![1])).toBeGreaterThanOrEqual(before);
    expect(Number(match![1])).toBeLessThanOrEqual(after);
    const organisations = Number(
      (await system.db.query<{ n: string }>('SELECT count(DISTINCT organisation_id) AS n FROM audit_entry')).rows[0].n,
    );
    expect(Number(match![2])).toBe(organisations);
  });

  it('refuses a plain UPDATE or DELETE of an entry', async () => {
    await expect(system.db.query(`UPDATE audit_entry SET detail = '{}' WHERE id = $1`, [verified.id])).rejects.toThrow(
      'audit_entry is append-only: UPDATE refused',
    );
    await expect(system.db.query('DELETE FROM audit_entry WHERE id = $1', [verified.id])).rejects.toThrow(
      'audit_entry is append-only: DELETE refused',
    );
    const unchanged = await system.db.query<Entry>('SELECT detail FROM audit_entry WHERE id = $1', [verified.id]);
    expect(unchanged.rows[0].detail).toEqual(verified.detail);
  });

  it('names the organisation, seq and id of an entry edited behind the trigger, and exits 1', async () => {
    await writeBehindTheTrigger(
      `UPDATE audit_entry SET detail = detail || '{"dueAt": "2099-01-01T00:00:00.000Z"}' WHERE id = $1`,
      [verified.id],
    );
    try {
      const all = await runCli(['verify-audit']);
      expect(all.code).toBe(1);
      expect(all.stderr).toBe(
        `audit chain broken in organisation ${SLUG}, entry seq ${verified.seq} (id ${verified.id}): its content does not match its hash\n`,
      );
      expect(all.stdout).toBe('');

      expect((await runCli(['verify-audit', SLUG])).code).toBe(1);
      // The other organisations' chains are their own, and still intact.
      const other = await runCli(['verify-audit', 'west-schoolmessenger']);
      expect(other.code).toBe(0);
      expect(other.stdout).toMatch(/^audit chain intact: \d+ (entry|entries) in (0|1) organisations?\n$/);
    } finally {
      // Put the row back so the chain of this run's shared database is whole again for later tests.
      await writeBehindTheTrigger('UPDATE audit_entry SET detail = $2::jsonb WHERE id = $1', [
        verified.id,
        JSON.stringify(verified.detail),
      ]);
    }
    const restored = await runCli(['verify-audit', SLUG]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^audit chain intact: \d+ entries in 1 organisation\n$/);
    // Four CLI processes, each starting Node and connecting: more than jest's default 5 s on a busy machine.
  }, 30_000);

  it('refuses an unknown organisation', async () => {
    const result = await runCli(['verify-audit', 'no-such-org']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('verify-audit: there is no organisation "no-such-org"');
  });
});
