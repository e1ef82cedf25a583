import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { describe, expect, it } from '@jest/globals';

import { DataSubjectRequest } from '#db';

import { launchBrowser } from './support/browser.js';
import { eventually } from './support/eventually.js';
import { FormClient } from './support/form-client.js';
import { submitRequest } from './support/requester.js';
import { useRunningSystem } from './support/system-fixture.js';

/** The dev pages and scripts a new user tries the channels with, on a system without SMTP_URL (the dev mailbox). */
describe('trying the channels in development', () => {
  // Its own database: a worker on the run's shared one may first send what other specs left in the outbox.
  const rd = useRunningSystem({
    sink: false,
    db: 'typeorm',
    ownStorage: 'channels',
    extraEnv: { SMS_WEBHOOK_SECRET: 'dev-sms-secret-for-the-e2e-test' },
  });
  const client = () => new FormClient(rd.baseUrl);

  /** The dev mailbox page of the newest mail to the address. */
  async function mailPageTo(email: string): Promise<string> {
    let link: string | undefined;
    await eventually(
      async () => {
        const listing = (await client().get('/dev/mailbox')).body;
        const row = listing.split('<tr>').find((r) => r.includes(email));
        link = row && /href="(\/dev\/mailbox\/\d+)"/.exec(row)?.[1];
        return link !== undefined;
      },
      `a mail to ${email} in the dev mailbox`,
      45_000,
    );
    return (await client().get(link!)).body;
  }

  it('shows each mail with its headers as they would be sent, escaped, List-Unsubscribe included', async () => {
    const email = `headers-${Date.now()}@example.org`;
    const reference = await submitRequest(rd.baseUrl, 'securus-software', email, 'access');
    const page = await mailPageTo(email);

    const headers = new Map(
      [...page.matchAll(/<tr><th scope="row">([^<]+)<\/th><td>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2]]),
    );
    expect(headers.get('From')).toBe('Rightsdesk &lt;no-reply@rightsdesk.localhost&gt;');
    expect(headers.get('To')).toBe(email);
    expect(headers.get('Subject')).toContain(reference);
    expect(Number.isNaN(Date.parse(headers.get('Date') ?? ''))).toBe(false);
    // Angle brackets come escaped: a header is shown as text, never as markup.
    expect(headers.get('Message-ID')).toMatch(/^&lt;[^&]+@[^&]+&gt;$/);
    expect(headers.get('List-Unsubscribe')).toMatch(new RegExp(`^&lt;${rd.baseUrl}/u/[^&]+&gt;$`));
    expect(headers.get('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(headers.get('Content-Type')).toMatch(/^multipart\/alternative/);
  }, 60_000);

  it("`npm run mail:send` delivers a mail to the privacy mailbox, which makes it a request on the organisation's queue", async () => {
    const from = `mail-send-${Date.now()}@example.org`;
    const { stdout } = await promisify(execFile)(
      'npm',
      [
        'run',
        '--silent',
        'mail:send',
        '--',
        '--to',
        'privacy@west.com',
        '--from',
        from,
        '--subject',
        'delete my data',
        '--body',
        'Please delete my data.',
      ],
      {
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: 'test',
          INBOUND_SMTP_PORT: String(rd.mailboxPort),
        },
      },
    );
    expect(stdout).toMatch(/^mail:send: 250 /);

    const requests = await rd.db
      .getRepository(DataSubjectRequest)
      .find({ where: { requesterEmail: from }, relations: { organisation: true } });
    expect(requests.map((r) => [r.organisation!.slug, r.status, r.channel])).toEqual([
      ['west-schoolmessenger', 'received_by_email', 'email'],
    ]);
  }, 60_000);

  const TEXT_NUMBER = '+15550100123';
  const smsSuppressions = async (number: string) => {
    const rows: { source: string }[] = await rd.db.query(
      "SELECT source FROM suppression WHERE channel = 'sms' AND address = $1 AND ended_at IS NULL",
      [number],
    );
    return rows.map((r) => r.source);
  };

  it('sends a correctly signed test text to the SMS webhook from /dev/sms and shows the TwiML answer', async () => {
    const from = `+1555010${String(Date.now()).slice(-4)}`;
    const page = await client().get('/dev/sms');
    expect(page.body).toContain(`<option value="${TEXT_NUMBER}">`);

    const answered = await client().submitForm('/dev/sms', '/dev/sms', { To: TEXT_NUMBER, From: from, Body: 'STOP' });
    expect(answered.status).toBe(200);
    expect(answered.body).toContain('The webhook answered 200');
    expect(answered.body).toContain('&lt;Response&gt;&lt;Message&gt;Securus Technologies: You are unsubscribed');
    expect(await smsSuppressions(from)).toEqual(['sms_stop']);

    // A form post without its token sends nothing.
    const forged = await client().post('/dev/sms', { To: TEXT_NUMBER, From: '+15550100888', Body: 'STOP' });
    expect(forged.status).toBe(403);
    expect(await smsSuppressions('+15550100888')).toEqual([]);
  }, 60_000);

  it('works in Chromium without JavaScript', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ javaScriptEnabled: false });
      await page.goto(`${rd.baseUrl}/dev/sms`);
      await page.selectOption('select[name="To"]', TEXT_NUMBER);
      await page.fill('input[name="From"]', '+15550100555');
      await page.fill('input[name="Body"]', 'HELP');
      await Promise.all([page.waitForURL(`${rd.baseUrl}/dev/sms`), page.click('button[type="submit"]')]);
      const answer = await page.textContent('pre.twiml');
      expect(answer).toMatch(
        /^<\?xml .*<Response><Message>Securus Technologies: For help, contact .*<\/Message><\/Response>$/,
      );
      // The form is there again, to send the next text.
      expect(await page.inputValue('input[name="From"]')).toBe('+15550100555');
    } finally {
      await browser.close();
    }
  }, 60_000);
});
