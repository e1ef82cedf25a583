import { tmpdir } from 'node:os';

import { describe, expect, it } from '@jest/globals';
import pg from 'pg';

import { linkIn } from './support/form-client.js';
import { useRunningSystem } from './support/system-fixture.js';
import { testDatabaseUrl } from './support/test-env.js';

// Screenshots of the pages as Chromium drew them, to look at after a run.
const SHOTS = process.env.SCREENSHOT_DIR ?? tmpdir();

describe('the request form in a real browser', () => {
  const system = useRunningSystem({ browser: true });

  it('fills the Securus Technologies form, reads the reference, and confirms from the mailed link', async () => {
    const page = await system.browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${system.baseUrl}/o/securus-technologies/requests/new`);
    expect(await page.title()).toContain('Securus Technologies');

    const email = `browser-${Date.now()}@example.org`;
    await page.getByLabel('Your full name').fill('Grace Hopper');
    await page.getByLabel(/^Email address/).fill(email);
    await page.getByLabel(/Find out what kinds of personal information/).check();
    await page.getByLabel('Myself').check();
    await page.getByLabel(/Anything that helps us find your information/).fill('Customer since 2019');
    await page.getByRole('button', { name: 'Send my request' }).click();

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('We have your request');
    const reference = (await page.locator('#reference').textContent())!.trim();
    expect(reference).toMatch(/^RD-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const [mail] = await system.sink.waitForMailsTo(email);
    expect(mail.text).toContain(reference);
    await page.goto(linkIn(mail.text, system.baseUrl, '/v/'));
    await page.getByRole('button', { name: 'Confirm my request' }).click();
    await expect(page.locator('#reference').textContent()).resolves.toBe(reference);
    await page.close();
  }, 60_000);

  it('asks for the specific pieces with data points and the declaration, and refuses an unsigned one', async () => {
    const page = await system.browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${system.baseUrl}/o/securus-technologies/requests/new`);
    const email = `browser-declaration-${Date.now()}@example.org`;
    await page.getByLabel('Your full name').fill('Grace Hopper');
    await page.getByLabel(/^Email address/).fill(email);
    await expect(page.getByLabel('Your date of birth').isVisible()).resolves.toBe(false);
    await page.getByLabel(/Get a copy of the specific personal information/).check();
    await page.getByLabel('Myself').check();
    await page.getByLabel(/A phone number Securus Technologies has for you/).fill('+1 415 555 0134');
    await page.getByLabel('Your date of birth').fill('1990-04-12');
    await page.getByRole('button', { name: 'Send my request' }).click();

    // Unsigned: the summary names the declaration, and what was typed is still there.
    await expect(page.locator('#error-summary').textContent()).resolves.toContain(
      'Tick the box to make the declaration',
    );
    await expect(page.getByLabel('Your date of birth').inputValue()).resolves.toBe('1990-04-12');
    await expect(page.getByLabel(/declaration under penalty of perjury|I make this declaration/).count()).resolves.toBe(
      1,
    );

    await page.getByLabel('I make this declaration').check();
    await page.getByLabel(/^Your signature/).fill('Grace Hopper');
    await page.getByRole('button', { name: 'Send my request' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('We have your request');
    const reference = (await page.locator('#reference').textContent())!.trim();

    const db = new pg.Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT r.declaration_name, r.declaration_date IS NOT NULL AS dated,
                array_agg(p.kind ORDER BY p.kind) AS kinds
           FROM data_subject_request r JOIN verification_data_point p ON p.request_id = r.id
          WHERE r.reference = $1 GROUP BY r.id`,
        [reference],
      );
      expect(rows).toEqual([{ declaration_name: 'Grace Hopper', dated: true, kinds: ['date_of_birth', 'phone'] }]);
    } finally {
      await db.end();
    }
    await page.close();
  }, 60_000);

  it("files an agent's request with the signed permission at ProntoTrak, and the consumer confirms it from their own mail", async () => {
    const page = await system.browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${system.baseUrl}/o/prontotrak/requests/new`);
    const consumer = `browser-consumer-${Date.now()}@example.org`;
    const agent = `browser-agent-${Date.now()}@example.org`;
    await page.getByLabel(/^Your full name/).fill('Katherine Johnson');
    await page.getByLabel(/^Email address/).fill(consumer);
    await page.getByLabel(/^Delete or suppress my personal information/).check();
    await page.getByLabel('Yes, I live in California').check();
    await page.getByLabel('Someone else, as their authorised agent').check();
    await page.getByLabel(/^Your name, as the agent/).fill('Privacy Helpers Inc');
    await page.getByLabel(/^Your email address, as the agent/).fill(agent);
    await page.getByLabel('I act as a business').check();
    await expect(page.locator('#agent-registration-rule').textContent()).resolves.toContain(
      'registered with the California Secretary of State',
    );

    // ProntoTrak's policy: no registration number, no request; the file must be chosen again after the refusal.
    const permission = {
      name: 'permission.png',
      mimeType: 'image/png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
    };
    await page.getByLabel(/^The signed permission of the person you act for/).setInputFiles(permission);
    await page.getByRole('button', { name: 'Send my request' }).click();
    await expect(page.locator('#agentRegistration-error').textContent()).resolves.toContain(
      'registered with the California Secretary of State',
    );
    await expect(page.locator('#agent-email').inputValue()).resolves.toBe(agent);
    expect(await page.locator('#agent-is-business').isChecked()).toBe(true);

    await page.getByLabel(/^California Secretary of State registration number/).fill('C1234567');
    await page.getByLabel(/^The signed permission of the person you act for/).setInputFiles(permission);
    await page.getByRole('button', { name: 'Send my request' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('We have the request');
    const reference = (await page.locator('#reference').textContent())!.trim();

    const [mail] = await system.sink.waitForMailsTo(consumer);
    expect(mail.text).toContain(`Privacy Helpers Inc asked ProntoTrak on your behalf`);
    await page.goto(linkIn(mail.text, system.baseUrl, '/v/'));
    await page.getByRole('button', { name: 'Confirm: I gave them permission' }).click();
    await expect(page.locator('#reference').textContent()).resolves.toBe(reference);
    const [receipt] = await system.sink.waitForMailsTo(agent);
    expect(receipt.text).toContain(reference);
    await page.close();
  }, 60_000);

  it('shows the field errors next to the fields and keeps what was typed', async () => {
    const page = await system.browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${system.baseUrl}/o/securus-technologies/requests/new`);
    await page.getByLabel('Your full name').fill('Grace Hopper');
    await page.getByLabel(/^Email address/).fill('grace.example.org');
    await page.getByRole('button', { name: 'Send my request' }).click();

    await expect(page.locator('#error-summary h2').textContent()).resolves.toBe('There is a problem');
    await expect(page.locator('#email-error').textContent()).resolves.toBe(
      'Enter your email address, like name@example.com.',
    );
    await expect(page.locator('#rightId-error').textContent()).resolves.toBe('Choose what you would like to ask for.');
    expect(await page.locator('#email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#email').getAttribute('aria-describedby')).toBe('email-error');
    await expect(page.locator('#name').inputValue()).resolves.toBe('Grace Hopper');
    await expect(page.locator('#email').inputValue()).resolves.toBe('grace.example.org');
    // The invalid field is drawn in the error colour; the valid one keeps the ordinary border.
    const border = (selector: string) =>
      page.locator(selector).evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).borderTopColor);
    await expect(border('#email')).resolves.toBe('rgb(176, 0, 32)');
    await expect(border('#name')).resolves.toBe('rgb(85, 85, 85)');
    await page.screenshot({ path: `${SHOTS}/invalid-fields.png`, fullPage: true });
    await page.close();
  }, 30_000);

  it('lists the organisations on the front page, each linking to its form', async () => {
    const page = await system.browser.newPage({ javaScriptEnabled: false });
    const response = await page.goto(`${system.baseUrl}/`);
    expect(response?.status()).toBe(200);
    const links = page.locator('ul.organisations a');
    await expect(links.allTextContents()).resolves.toEqual([
      'OfficerTRAK',
      'ProntoTrak',
      'Securus Software',
      'Securus Technologies',
      'West Corporation (SchoolMessenger)',
    ]);
    await page.screenshot({ path: `${SHOTS}/index.png`, fullPage: true });
    await page.getByRole('link', { name: 'Securus Software' }).click();
    expect(page.url()).toBe(`${system.baseUrl}/o/securus-software/requests/new`);
    await page.close();
  }, 30_000);

  it('asks only what applies: no agent section off the CCPA, no Social Security warning in the UK', async () => {
    const page = await system.browser.newPage({ javaScriptEnabled: false });
    for (const slug of ['securus-software', 'west-schoolmessenger', 'officertrak']) {
      await page.goto(`${system.baseUrl}/o/${slug}/requests/new`);
      await expect(page.locator('#agent').count()).resolves.toBe(0);
      await expect(page.getByText('Secretary of State').count()).resolves.toBe(0);
      await expect(page.getByText(/authorised agent|agent's request/).count()).resolves.toBe(0);
    }
    await page.goto(`${system.baseUrl}/o/securus-software/requests/new`);
    await expect(page.getByText('Social Security').count()).resolves.toBe(0);
    await expect(page.locator('label[for=details] .hint').textContent()).resolves.toContain('National Insurance');
    await page.screenshot({ path: `${SHOTS}/securus-software-form.png`, fullPage: true });
    await page.goto(`${system.baseUrl}/o/securus-technologies/requests/new`);
    await expect(page.locator('#agent').count()).resolves.toBe(1);
    await expect(page.locator('label[for=details] .hint').textContent()).resolves.toContain('Social Security');
    await page.close();
  }, 30_000);

  it("asks ProntoTrak's requesters where they live instead of which law, and shows its sender-address rule by the opt-outs", async () => {
    const page = await system.browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${system.baseUrl}/o/prontotrak/requests/new`);
    const choices = await page.locator('input[name=rightId]').count();
    expect(choices).toBe(7);
    await expect(page.getByText(/^Delete/).count()).resolves.toBe(1);
    await expect(page.locator('.sender-rule').first().textContent()).resolves.toContain(
      'linked to the email address the request is sent from',
    );
    await expect(page.locator('.sender-rule').count()).resolves.toBe(2);
    await page.screenshot({ path: `${SHOTS}/prontotrak-form.png`, fullPage: true });

    // Without the residence answer the law is unknown: asked beside its question, the choice kept.
    const email = `browser-resident-${Date.now()}@example.org`;
    await page.getByLabel('Your full name').fill('Dorothy Vaughan');
    await page.getByLabel(/^Email address/).fill(email);
    await page.getByLabel(/^Delete or suppress my personal information/).check();
    await page.getByRole('button', { name: 'Send my request' }).click();
    await expect(page.locator('#residence-error').textContent()).resolves.toContain('whether you live in California');
    await expect(
      page
        .locator('#residence-california')
        .evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).outlineColor),
    ).resolves.toBe('rgb(176, 0, 32)');
    await page.getByLabel('No, I live elsewhere').check();
    await page.getByRole('button', { name: 'Send my request' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('We have your request');
    const reference = (await page.locator('#reference').textContent())!.trim();
    const db = new pg.Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    const { rows } = await db.query('SELECT right_id, regime FROM data_subject_request WHERE reference = $1', [
      reference,
    ]);
    await db.end();
    expect(rows).toEqual([{ right_id: 'deletion', regime: 'none' }]);
    await page.close();
  }, 60_000);
});
