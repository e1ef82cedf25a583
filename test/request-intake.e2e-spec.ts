import { beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';

import { computeDeadlines, publicHolidayCalendar } from '#workflow';

import type { QueuedRequest } from '../apps/api/src/queue/request-queue.service.js';
import { FormClient, linkIn } from './support/form-client.js';
import { confirmFromMail, submitRequest } from './support/requester.js';
import { createStaff, signIn } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';
import { testDatabaseUrl } from './support/test-env.js';

const SLUGS = ['officertrak', 'prontotrak', 'securus-software', 'securus-technologies', 'west-schoolmessenger'];

describe('a request from the web form to its organisation queue', () => {
  const system = useRunningSystem();
  let staff: FormClient;

  beforeAll(async () => {
    // One reader of all five organisations, to see that a request shows up in its own queue only.
    staff = await signIn(
      system.baseUrl,
      await createStaff(Object.fromEntries(SLUGS.map((s) => [s, 'auditor' as const]))),
    );
  }, 60_000);

  async function queue(
    slug: string,
    query = '',
  ): Promise<{ status: number; json: { items: QueuedRequest[]; nextCursor: string | null; message?: string[] } }> {
    return staff.getJson(`/api/orgs/${slug}/requests?sort=due_at${query}`);
  }

  async function allOf(slug: string, filter = ''): Promise<QueuedRequest[]> {
    const items: QueuedRequest[] = [];
    let cursor: string | null = null;
    do {
      const page = await queue(slug, `&limit=200${filter}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      items.push(...page.json.items);
      cursor = page.json.nextCursor;
    } while (cursor);
    return items;
  }

  const submit = (slug: string, email: string, rightId: string) => submitRequest(system.baseUrl, slug, email, rightId);
  const verifyFromMail = (email: string) => confirmFromMail(system.sink, system.baseUrl, email);

  it('verifies a UK GDPR request by mail, leaves its clock for the identity document, and lists it only for its organisation', async () => {
    const email = `uk-${Date.now()}@example.org`;
    const reference = await submit('securus-software', email, 'access');

    const before = (await allOf('securus-software')).find((r) => r.reference === reference)!;
    expect(before.status).toBe('unverified');
    expect(before.policyVersion).toBe('2022-10-17');

    const [mail] = await system.sink.waitForMailsTo(email);
    expect(mail.subject).toBe(`Confirm your privacy request ${reference} to Securus Software`);
    expect(mail.html).toContain(reference);
    const { statusUrl, verifyUrl } = await verifyFromMail(email);

    const item = (await allOf('securus-software')).find((r) => r.reference === reference)!;
    expect(item.status).toBe('verified');
    expect(item.verifiedAt).not.toBeNull();
    // UK GDPR: one calendar month from when the identity Securus Software asks for arrives, rolled to a working
    // day in England. The email link is not all of it (an identity document is), so the date is still receipt's.
    const expected = computeDeadlines({
      regime: 'uk_gdpr',
      requestType: 'access',
      receivedAt: new Date(item.receivedAt),
      timeZone: 'Europe/London',
      calendar: publicHolidayCalendar('GB', 'ENG'),
    });
    expect(item.dueAt).toBe(expected.dueAt.toISOString());
    expect(item.daysLeft).toBeGreaterThanOrEqual(28);
    expect(item.daysLeft).toBeLessThanOrEqual(34);

    for (const other of SLUGS.filter((s) => s !== 'securus-software')) {
      const items = await allOf(other);
      expect(items.map((r) => r.id)).not.toContain(item.id);
      expect(items.map((r) => r.reference)).not.toContain(reference);
    }

    const status = await new FormClient(system.baseUrl).get(statusUrl);
    expect(status.status).toBe(200);
    expect(status.body).toContain(reference);
    expect(status.body).toContain('Confirmed, waiting to be worked on');

    const reused = await new FormClient(system.baseUrl).get(verifyUrl);
    expect(reused.status).toBe(410);
    expect(reused.body).toContain('This link has already been used');
  }, 60_000);

  it('counts a CCPA request from receipt: verification does not move its 45-day due date', async () => {
    const email = `ccpa-${Date.now()}@example.org`;
    const reference = await submit('securus-technologies', email, 'ccpa-know');
    const before = (await allOf('securus-technologies')).find((r) => r.reference === reference)!;
    await verifyFromMail(email);
    const after = (await allOf('securus-technologies')).find((r) => r.reference === reference)!;

    expect(after.status).toBe('verified');
    expect(after.dueAt).toBe(before.dueAt);
    const expected = computeDeadlines({
      regime: 'ccpa',
      requestType: 'access',
      receivedAt: new Date(after.receivedAt),
      timeZone: 'America/Chicago',
      calendar: publicHolidayCalendar('US'),
    });
    expect(after.dueAt).toBe(expected.dueAt.toISOString());
    expect(after.acknowledgeBy).toBe(expected.acknowledgeBy!.toISOString());
    // Day one is the receipt's date where it is earlier, Chicago's or California's: late at night in Chicago the
    // day in California is still the day before, and one of the 45 days has gone by.
    const receivedAt = new Date(after.receivedAt);
    const californiaDayBehind =
      localDate(receivedAt, 'America/Chicago') !== localDate(receivedAt, 'America/Los_Angeles');
    expect(after.daysLeft).toBe(californiaDayBehind ? 44 : 45);
  }, 60_000);

  it('fulfils an opt-out at once with its suppression, confirms it by mail, and needs no verification', async () => {
    const email = `optout-${Date.now()}@example.org`;
    const reference = await submit('prontotrak', email, 'marketing-email-opt-out');
    const [mail] = await system.sink.waitForMailsTo(email);
    expect(mail.subject).toBe(`Your opt-out ${reference} to ProntoTrak is in effect`);
    expect(mail.text).not.toContain('/v/');
    const item = (await allOf('prontotrak', '&status=all')).find((r) => r.reference === reference)!;
    expect(item.status).toBe('fulfilled');
    expect(item.regime).toBe('can_spam');
  }, 60_000);

  it('re-sends a verification link that replaces the first, and tells expired-or-replaced links apart', async () => {
    const email = `resend-${Date.now()}@example.org`;
    const reference = await submit('officertrak', email, 'deletion');
    const [first] = await system.sink.waitForMailsTo(email);
    const firstLink = linkIn(first.text, system.baseUrl, '/v/');

    const client = new FormClient(system.baseUrl);
    const resent = await client.submitForm(
      '/o/officertrak/requests/new',
      `/o/officertrak/requests/${reference}/resend`,
      { email },
    );
    expect(resent.status).toBe(200);
    const mails = await system.sink.waitForMailsTo(email, 2);
    const secondLink = linkIn(mails[1].text, system.baseUrl, '/v/');
    expect(secondLink).not.toBe(firstLink);

    const old = await new FormClient(system.baseUrl).get(firstLink);
    expect(old.status).toBe(410);
    expect(old.body).toContain('A newer link replaced this one');

    const wrongAddress = await client.submitForm(
      '/o/officertrak/requests/new',
      `/o/officertrak/requests/${reference}/resend`,
      {
        email: 'someone-else@example.org',
      },
    );
    expect(wrongAddress.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(system.sink.mailsTo(email)).toHaveLength(2);
    expect(system.sink.mailsTo('someone-else@example.org')).toHaveLength(0);
  }, 60_000);

  it('explains an expired link', async () => {
    const email = `expired-${Date.now()}@example.org`;
    await submit('securus-software', email, 'deletion');
    const [mail] = await system.sink.waitForMailsTo(email);
    const verifyUrl = linkIn(mail.text, system.baseUrl, '/v/');
    const tokenId = verifyUrl.split('/v/')[1].split('.')[0];
    const db = new pg.Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    await db.query("UPDATE request_token SET expires_at = now() - interval '1 minute' WHERE id = $1", [tokenId]);
    await db.end();
    const expired = await new FormClient(system.baseUrl).get(verifyUrl);
    expect(expired.status).toBe(410);
    expect(expired.body).toContain('This link has expired');
  }, 60_000);

  it('re-renders the form with messages beside the fields and keeps what was typed', async () => {
    const client = new FormClient(system.baseUrl);
    const response = await client.submitForm(
      '/o/west-schoolmessenger/requests/new',
      '/o/west-schoolmessenger/requests',
      {
        name: '',
        email: 'not-an-email',
        rightId: 'no-such-right',
        relationship: 'self',
        details: 'my SSN is 123-45-6789 <script>',
      },
    );
    expect(response.status).toBe(400);
    expect(response.body).toContain('id="name-error"');
    expect(response.body).toContain('Enter your email address, like name@example.com.');
    expect(response.body).toContain('Choose one of the requests listed.');
    expect(response.body).toContain('Please remove any Social Security or card number');
    expect(response.body).toContain('value="not-an-email"');
    expect(response.body).toContain('my SSN is 123-45-6789 &lt;script&gt;');
    expect(response.body).not.toContain('<script>');
  });

  it('asks who the requester is only where a right needs it, and the declaration only where one needs a high degree', async () => {
    const ccpa = (await new FormClient(system.baseUrl).get('/o/securus-technologies/requests/new')).body;
    expect(ccpa).toContain('<legend>Confirm who you are</legend>');
    expect(ccpa).toContain('compares what you give here with its own records');
    expect(ccpa).toMatch(/<input type="tel" name="dataPointPhone" id="data-point-phone" autocomplete="tel"/);
    expect(ccpa).toMatch(
      /<input type="text" name="dataPointDateOfBirth" id="data-point-date-of-birth" autocomplete="bday" maxlength="10"/,
    );
    expect(ccpa).toMatch(/name="dataPointPostalAddress" id="data-point-postal-address" autocomplete="street-address"/);
    expect(ccpa).toContain('type="text" name="dataPointLastOrderDate"');
    expect(ccpa).toContain('I declare under penalty of perjury under the laws of the State of California');
    expect(ccpa).toMatch(
      /<input type="text" maxlength="10" name="declarationDate" id="declaration-date" value="\d{4}-\d{2}-\d{2}"/,
    );
    const spanish = (await new FormClient(system.baseUrl).get('/o/securus-technologies/requests/new?lang=es')).body;
    expect(spanish).toContain('<legend>Confirme quién es usted</legend>');
    expect(spanish).toContain('Declaro bajo pena de perjurio');
    // ProntoTrak holds nothing to a high degree; OfficerTRAK asks only for the email address.
    const pronto = (await new FormClient(system.baseUrl).get('/o/prontotrak/requests/new')).body;
    expect(pronto).toContain('Confirm who you are');
    expect(pronto).not.toContain('penalty of perjury');
    const officer = (await new FormClient(system.baseUrl).get('/o/officertrak/requests/new')).body;
    expect(officer).not.toContain('Confirm who you are');
    expect(officer).not.toContain('penalty of perjury');
  });

  it('takes a request for specific pieces only with the signed declaration, and keeps the data points given', async () => {
    const email = `sworn-${Date.now()}@example.org`;
    const fields = {
      name: 'Ada Lovelace',
      email,
      rightId: 'ccpa-know',
      relationship: 'self',
      website: '',
      dataPointPhone: '+1 415 555 0134',
      dataPointDateOfBirth: '1990-02-30',
      dataPointPostalAddress: '',
    };
    const refused = await new FormClient(system.baseUrl).submitForm(
      '/o/securus-technologies/requests/new',
      '/o/securus-technologies/requests',
      fields,
    );
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('id="error-summary"');
    expect(refused.body).toContain('<a href="#declaration">Tick the box to make the declaration');
    expect(refused.body).toContain('<a href="#declaration-name">Type your full name to sign the declaration.</a>');
    expect(refused.body).toContain('<a href="#data-point-date-of-birth">Enter a date as year-month-day');
    expect(refused.body).toMatch(
      /id="declaration" value="yes" aria-invalid="true" aria-describedby="declaration-error"/,
    );
    expect(refused.body).toContain('value="+1 415 555 0134"');

    const filed = await new FormClient(system.baseUrl).submitForm(
      '/o/securus-technologies/requests/new',
      '/o/securus-technologies/requests',
      {
        ...fields,
        dataPointDateOfBirth: '1990-04-21',
        declaration: 'yes',
        declarationName: ' Ada Lovelace ',
        declarationDate: '2026-01-15',
      },
    );
    expect(filed.status).toBe(201);
    const db = new pg.Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT r.verification_required, r.declaration_name, to_char(r.declaration_date, 'YYYY-MM-DD') AS declaration_date,
                r.declaration_signed_at IS NOT NULL AS signed,
                (SELECT json_agg(json_build_array(p.kind, p.value) ORDER BY p.kind) FROM verification_data_point p
                  WHERE p.request_id = r.id) AS points
           FROM data_subject_request r WHERE r.requester_email = $1`,
        [email],
      );
      expect(rows).toEqual([
        {
          verification_required: 'high',
          declaration_name: 'Ada Lovelace',
          declaration_date: '2026-01-15',
          signed: true,
          points: [
            ['date_of_birth', '1990-04-21'],
            ['phone', '+1 415 555 0134'],
          ],
        },
      ]);
    } finally {
      await db.end();
    }
  }, 60_000);

  it('offers exactly the rights the policy grants, with their citations', async () => {
    const page = await new FormClient(system.baseUrl).get('/o/securus-technologies/requests/new');
    const offered = [...page.body.matchAll(/name="rightId" id="right-\d+" value="([^"]+)"/g)].map((m) => m[1]);
    expect(offered).toEqual(['ccpa-know', 'ccpa-categories', 'correction', 'marketing-email-opt-out']);
    expect(page.body).toContain('twice per 12-month period');
    // Where the policy says how it verifies, beside the rights it verifies that way.
    expect(page.body).toContain(
      '<blockquote>Securus shall not require you to create an account with Securus in order to make a verifiable request.</blockquote>',
    );
    expect(page.body).not.toMatch(/social security number<\/label>/i);
  });

  it('refuses a post without the form token, and a filled honeypot', async () => {
    const client = new FormClient(system.baseUrl);
    const fields = { name: 'Bot', email: 'bot@example.org', rightId: 'access', relationship: 'self' };
    const noToken = await client.post('/o/officertrak/requests', fields);
    expect(noToken.status).toBe(403);
    expect(noToken.body).toContain('This form has expired');
    const honeypot = await client.submitForm('/o/officertrak/requests/new', '/o/officertrak/requests', {
      ...fields,
      website: 'http://spam',
    });
    expect(honeypot.status).toBe(400);
  });

  it('guards the queue API with staff sign-in and explains bad queries', async () => {
    const anonymous = await fetch(`${system.baseUrl}/api/orgs/officertrak/requests`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { message: string[] }).message[0]).toContain('Sign in');
    const badStatus = await queue('officertrak', '&status=lost');
    expect(badStatus.status).toBe(400);
    expect(badStatus.json.message?.join(' ')).toContain('status must be one of');
    const badCursor = await queue('officertrak', '&cursor=xyz');
    expect(badCursor.status).toBe(400);
    expect((await queue('no-such-org')).status).toBe(404);
  });

  it('pages the queue by due date without gaps or repeats', async () => {
    for (let i = 0; i < 3; i++) await submit('prontotrak', `page-${i}-${Date.now()}@example.org`, 'ccpa-deletion');
    const everything = await allOf('prontotrak');
    const paged: QueuedRequest[] = [];
    let cursor: string | null = null;
    do {
      const page = await queue('prontotrak', `&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...page.json.items);
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(paged.map((r) => r.id)).toEqual(everything.map((r) => r.id));
    const dues = paged.map((r) => r.dueAt);
    expect([...dues].sort()).toEqual(dues);
    const unverified = await queue('prontotrak', '&status=unverified&limit=200');
    expect(unverified.json.items.every((r) => r.status === 'unverified')).toBe(true);
  }, 60_000);
});

function localDate(at: Date, timeZone: string): string {
  return at.toLocaleDateString('en-CA', { timeZone });
}
