import { beforeAll, describe, expect, it } from '@jest/globals';

import { csrfTokenIn, FormClient, referenceIn } from './support/form-client.js';
import { confirmFromMail, SIGNED_DECLARATION } from './support/requester.js';
import { createStaff, signIn } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';

const ORG = 'securus-technologies';
const LIMIT_WORDS = 'Securus Technologies answers this request 2 times in 12 months';

describe("Securus Technologies' limit of two requests to know in twelve months", () => {
  const system = useRunningSystem({ db: 'pg' });
  let staff: FormClient;

  beforeAll(async () => {
    staff = await signIn(system.baseUrl, await createStaff({ [ORG]: 'agent' }, 'Limit Checker'));
  }, 60_000);

  /** The form's answer page for one request, posted as the form does. */
  async function ask(email: string, rightId: string): Promise<{ status: number; body: string; reference: string }> {
    const answer = await new FormClient(system.baseUrl).submitForm(`/o/${ORG}/requests/new`, `/o/${ORG}/requests`, {
      name: 'Ada Lovelace',
      email,
      rightId,
      relationship: 'self',
      website: '',
      ...SIGNED_DECLARATION,
    });
    return { ...answer, reference: answer.status === 201 ? referenceIn(answer.body) : '' };
  }

  const stored = async (reference: string) =>
    (
      await system.db.query('SELECT id, status, denial_reason FROM data_subject_request WHERE reference = $1', [
        reference,
      ])
    ).rows[0] as { id: string; status: string; denial_reason: string | null };

  it('records a third confirmed-address request in twelve months and declines it by mail, the answer page saying the limit', async () => {
    const email = `limit-${Date.now()}@example.org`;
    const first = await ask(email, 'ccpa-know');
    await confirmFromMail(system.sink, system.baseUrl, email);
    // The allowance is shared with the request for categories (the policy's one "twice per 12-month period").
    const second = await ask(email.toUpperCase(), 'ccpa-categories');
    await confirmFromMailLink(await verificationMailFor(email, second.reference));

    const third = await ask(` ${email} `, 'ccpa-know');
    expect(third.status).toBe(201);
    expect(third.body).toContain('id="limit-notice"');
    expect(third.body).toContain(LIMIT_WORDS);
    // The same words on every answer for the right: the page, open to anyone typing the address, tells nothing of it.
    for (const answer of [first, second]) expect(answer.body).toContain(LIMIT_WORDS);

    expect(await stored(third.reference)).toMatchObject({
      status: 'denied',
      denial_reason: 'frequency_limit_exceeded',
    });
    for (const earlier of [first, second]) expect((await stored(earlier.reference)).status).toBe('verified');
    let denial: string | undefined;
    for (let count = 1; !denial; count++)
      denial = (await system.sink.waitForMailsTo(email, count)).find((m) => m.text.includes(third.reference))?.text;
    expect(denial).not.toContain('/v/');
    expect(denial).toContain('twice per 12-month period');

    // Staff see the earlier two, linked, on the declined request's page.
    const thirdPage = await staff.get(`/staff/orgs/${ORG}/requests/${(await stored(third.reference)).id}`);
    expect(thirdPage.status).toBe(200);
    for (const earlier of [first, second]) {
      expect(thirdPage.body).toContain(
        `<a href="/staff/orgs/${ORG}/requests/${(await stored(earlier.reference)).id}">${earlier.reference}</a>`,
      );
    }
    expect(thirdPage.body).toContain('id="frequency-limit"');
  }, 90_000);

  it("does not let unconfirmed requests with someone's address use up their allowance", async () => {
    const email = `unconfirmed-${Date.now()}@example.org`;
    const answers = [await ask(email, 'ccpa-know'), await ask(email, 'ccpa-know'), await ask(email, 'ccpa-know')];
    for (const answer of answers) expect((await stored(answer.reference)).status).toBe('unverified');
  }, 60_000);

  it('offers staff the frequency-limit ground only where the policy limits the right', async () => {
    const email = `grounds-${Date.now()}@example.org`;
    const know = await ask(email, 'ccpa-know');
    const correction = await ask(email, 'correction');
    const grounds = async (reference: string) => {
      const page = await staff.get(`/staff/orgs/${ORG}/requests/${(await stored(reference)).id}`);
      return [...page.body.matchAll(/<option value="([a-z_]+)">/g)].map((m) => m[1]);
    };
    expect(await grounds(know.reference)).toContain('frequency_limit_exceeded');
    const correctionGrounds = await grounds(correction.reference);
    expect(correctionGrounds.length).toBeGreaterThan(0);
    expect(correctionGrounds).not.toContain('frequency_limit_exceeded');
  }, 60_000);

  /** The text of the verification mail of one request, once it has arrived. */
  async function verificationMailFor(email: string, reference: string): Promise<string> {
    for (let count = 1; ; count++) {
      const mail = (await system.sink.waitForMailsTo(email, count)).find(
        (m) => m.text.includes(reference) && m.text.includes('/v/'),
      );
      if (mail) return mail.text;
    }
  }

  /** Opens a mailed verification link and confirms, as the requester would. */
  async function confirmFromMailLink(text: string): Promise<void> {
    const verifyUrl = /https?:\/\/[^\s]+\/v\/[^\s]+/.exec(text)![0];
    const client = new FormClient(system.baseUrl);
    const page = await client.get(verifyUrl);
    const confirmed = await client.post(verifyUrl, { _csrf: csrfTokenIn(page.body) });
    expect(confirmed.status).toBe(200);
  }
});
