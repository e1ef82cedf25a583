import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createDataSource, DataSubjectRequest } from '#db';
import { eventually } from './support/eventually.js';
import { FormClient } from './support/form-client.js';
import { submitRequest } from './support/requester.js';
import { startSystem, type RunningSystem } from './support/running-system.js';
import { testDatabaseUrl } from './support/test-env.js';

/** The dev pages and scripts a new user tries the channels with, on a system without SMTP_URL (the dev mailbox). */
describe('trying the channels in development', () => {
  let rd: RunningSystem;
  const client = () => new FormClient(rd.baseUrl);

  beforeAll(async () => {
    rd = await startSystem({ extraEnv: { SMS_WEBHOOK_SECRET: 'dev-sms-secret-for-the-e2e-test' } });
  }, 60_000);

  afterAll(async () => {
    await rd?.stop();
  });

  /** The dev mailbox page of the newest mail to the address. */
  async function mailPageTo(email: string): Promise<string> {
    let link: string | undefined;
    await eventually(async () => {
      const listing = (await client().get('/dev/mailbox')).body;
      const row = listing.split('<tr>').find((r) => r.includes(email));
      link = row && /href="(\/dev\/mailbox\/\d+)"/.exec(row)?.[1];
      return link !== undefined;
    }, `a mail to ${email} in the dev mailbox`);
    return (await client().get(link!)).body;
  }

  it('shows each mail with its headers as they would be sent, escaped, List-Unsubscribe included', async () => {
    const email = `headers-${Date.now()}@example.org`;
    const reference = await submitRequest(rd.baseUrl, 'securus-software', email, 'access');
    const page = await mailPageTo(email);

    const headers = new Map([...page.matchAll(/<tr><th scope="row">([^<]+)<\/th><td>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2]]));
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

  it('`npm run mail:send` delivers a mail to the privacy mailbox, which makes it a request on the organisation\'s queue', async () => {
    const from = `mail-send-${Date.now()}@example.org`;
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'mail:send', '--', '--to', 'privacy@west.com', '--from', from, '--subject', 'delete my data', '--body', 'Please delete my data.'],
      { env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', INBOUND_SMTP_PORT: String(rd.mailboxPort) } },
    );
    expect(stdout).toMatch(/^mail:send: 250 /);

    const db = await createDataSource(testDatabaseUrl(), { poolSize: 1 }).initialize();
    try {
      const requests = await db.getRepository(DataSubjectRequest).find({ where: { requesterEmail: from }, relations: { organisation: true } });
      expect(requests.map((r) => [r.organisation!.slug, r.status, r.channel])).toEqual([['west-schoolmessenger', 'received_by_email', 'email']]);
    } finally {
      await db.destroy();
    }
  }, 60_000);
});
