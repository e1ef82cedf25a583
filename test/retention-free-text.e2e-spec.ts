import { randomBytes, randomInt } from 'node:crypto';

import { beforeAll, describe, expect, it } from '@jest/globals';

import { runCli } from './support/cli.js';
import { eventually } from './support/eventually.js';
import { FormClient } from './support/form-client.js';
import { redisKeysHolding } from './support/redis-search.js';
import { confirmFromMail, submitRequest } from './support/requester.js';
import { createStaff, signIn, type StaffAccount } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';
import { TestClock } from './support/test-clock.js';
import { testRedisPrefix } from './support/test-env.js';

// GDPR, America/Chicago, 90 days' retention after closing.
const ORG = 'west-schoolmessenger';

/**
 * Every free-text field staff or the requester can fill carries the same marker, written like the personal data a
 * tester found left behind (a name, a date of birth, a street, a phone). After retention the marker must be nowhere:
 * not in any column of any table (the audit chain included) and not under the run's Redis prefix.
 */
describe('retention leaves no free text behind, in the database or in Redis', () => {
  const tag = randomBytes(4).toString('hex');
  const marker = `pd${tag}`;
  const phone = `+1 415 ${randomInt(100, 999)} ${randomInt(1000, 9999)}`;
  const personal = (what: string) => `${what}: Jane Roe ${marker}, born 1980-02-03, 12 Elm Street, ${phone}`;
  const clock = new TestClock();
  const system = useRunningSystem({ clock, extraEnv: { RETENTION_EVERY_MS: '1000' }, db: 'typeorm' });
  let admin: StaffAccount;
  const ids: string[] = [];

  beforeAll(async () => {
    admin = await createStaff({ [ORG]: 'admin' }, 'Retention Admin');
  }, 60_000);

  /** Tables holding the text anywhere in a row (every column as text, jsonb included). */
  async function tablesHolding(text: string): Promise<string[]> {
    const tables: { tablename: string }[] = await system.db.query(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    );
    const found: string[] = [];
    for (const { tablename } of tables) {
      const [{ n }] = await system.db.query(
        `SELECT count(*)::int AS n FROM "${tablename}" t WHERE strpos(lower(t::text), lower($1)) > 0`,
        [text],
      );
      if (n > 0) found.push(tablename);
    }
    return found;
  }

  async function newRequest(label: string, rightId: string): Promise<{ id: string; page: string; statusUrl: string }> {
    const email = `${marker}-${label}@example.org`;
    const reference = await submitRequest(system.baseUrl, ORG, email, rightId, {
      name: `Jane Roe ${marker}`,
      phone,
      details: personal('details'),
    });
    const [{ id }] = await system.db.query('SELECT id FROM data_subject_request WHERE reference = $1', [reference]);
    const { statusUrl } = await confirmFromMail(system.sink, system.baseUrl, email);
    ids.push(id);
    return { id, page: `/staff/orgs/${ORG}/requests/${id}`, statusUrl };
  }

  async function sent(id: string, template: string): Promise<void> {
    await eventually(
      async () =>
        (await system.db.query('SELECT 1 FROM sent_message WHERE request_id = $1 AND template = $2', [id, template]))
          .length > 0,
      `the ${template} mail of ${id}`,
    );
  }

  it('fills every free-text field with personal data, and finds it before retention', async () => {
    const staff = await signIn(system.baseUrl, admin);
    const act = async (page: string, path: string, fields: Record<string, string>) =>
      expect((await staff.submitForm(page, `${page}/${path}`, fields)).status).toBe(303);

    // Note, question, reply, extension reason, what a partial response withheld.
    const worked = await newRequest('worked', 'access');
    await act(worked.page, 'note', { text: personal('note') });
    await act(worked.page, 'start', {});
    await act(worked.page, 'ask', { question: personal('question') });
    await sent(worked.id, 'question_to_requester');
    expect(
      (
        await new FormClient(system.baseUrl).submitForm(worked.statusUrl, `${worked.statusUrl}/reply`, {
          text: personal('reply'),
        })
      ).status,
    ).toBe(303);
    await act(worked.page, 'extend', { reason: personal('extension reason') });
    await sent(worked.id, 'extension_notice');
    await act(worked.page, 'partially-fulfil', { reason: personal('withheld') });
    await sent(worked.id, 'request_partially_fulfilled');

    // A denial's explanation, the reason for reopening, a redirect's wording.
    const denied = await newRequest('denied', 'access');
    const ground = /<select name="reason" id="denialReason"><option value="([a-z_]+)"/.exec(
      (await staff.get(denied.page)).body,
    )?.[1];
    await act(denied.page, 'deny', { reason: ground!, explanation: personal('denial explanation') });
    await sent(denied.id, 'request_denied');
    await act(denied.page, 'reopen', { reason: personal('reopen reason') });
    await act(denied.page, 'redirect', { controller: 'other', controllerOther: personal('controller') });
    await sent(denied.id, 'redirected_to_controller');

    // What was done, for a request answered without files.
    const deleted = await newRequest('deleted', 'deletion');
    await act(deleted.page, 'fulfil', { resolution: personal('resolution') });
    await sent(deleted.id, 'request_fulfilled');

    // What the requester said when they phoned to withdraw.
    const withdrawn = await newRequest('withdrawn', 'access');
    await act(withdrawn.page, 'withdraw', { route: 'phone', note: personal('withdrawal call') });
    await sent(withdrawn.id, 'withdrawal_confirmed');

    const rows: { status: string }[] = await system.db.query(
      'SELECT status FROM data_subject_request WHERE id = ANY($1) ORDER BY status',
      [ids],
    );
    expect(rows.map((r) => r.status)).toEqual(['fulfilled', 'partially_fulfilled', 'redirected', 'withdrawn']);
    // The search finds what it looks for.
    expect(await tablesHolding(marker)).toEqual(expect.arrayContaining(['data_subject_request', 'request_note']));
    expect(await tablesHolding(phone)).toContain('data_subject_request');
  }, 120_000);

  it('after retention, the marker is in no column of any table and under no Redis key of the run', async () => {
    clock.advanceDays(95);
    await eventually(async () => {
      const [{ n }] = await system.db.query(
        'SELECT count(*)::int AS n FROM data_subject_request WHERE id = ANY($1) AND purged_at IS NULL',
        [ids],
      );
      return n === 0;
    }, 'every request purged');

    expect({ tables: await tablesHolding(marker) }).toEqual({ tables: [] });
    expect({ tables: await tablesHolding(phone) }).toEqual({ tables: [] });
    expect({ keys: (await redisKeysHolding(testRedisPrefix(), marker)).found }).toEqual({ keys: [] });
    // The chain still verifies: free text never went into it, so nothing had to be taken out.
    expect((await runCli(['verify-audit'])).code).toBe(0);
  }, 60_000);
});
