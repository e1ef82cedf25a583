import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { confirmFromMail, submitRequest } from './support/requester.js';
import { startSystem, type RunningSystem } from './support/running-system.js';
import { SmtpSink } from './support/smtp-sink.js';
import { createStaff, type StaffAccount } from './support/staff.js';

describe('the staff console in a real browser', () => {
  let sink: SmtpSink;
  let system: RunningSystem;
  let browser: Browser;
  let agent: StaffAccount;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    system = await startSystem({ smtpUrl: sink.url });
    browser = await launchBrowser();
    agent = await createStaff({ 'securus-technologies': 'agent' }, 'Ada Agent');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await sink?.stop();
  });

  async function signInPage(page: Page, password: string): Promise<void> {
    await page.goto(`${system.baseUrl}/staff`);
    await page.getByLabel('Email address').fill(agent.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** A verified CCPA request made through the public form and the mailed link. */
  async function verifiedRequest(): Promise<{ reference: string; email: string }> {
    const email = `console-${Date.now()}@example.org`;
    const reference = await submitRequest(system.baseUrl, 'securus-technologies', email, 'ccpa-know');
    await confirmFromMail(sink, system.baseUrl, email);
    return { reference, email };
  }

  it('shows the error for a wrong password', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await signInPage(page, 'certainly-not-it');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('That email address and password do not match an account.');
    expect(page.url()).toContain('/staff/sign-in');
    await page.close();
  }, 30_000);

  it('signs in, filters the queue, opens a request, extends it with a reason and sees the new due date and the notice', async () => {
    const { reference, email } = await verifiedRequest();
    const page = await browser.newPage({ javaScriptEnabled: false });
    await signInPage(page, agent.password);
    await page.getByRole('link', { name: 'Securus Technologies' }).click();

    await page.getByLabel('Reference or requester email').fill(reference);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('link', { name: reference }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Request ${reference}`);
    const dueBefore = await page.locator('#due').textContent();

    await page.locator('#extend').getByLabel('Reason').fill('We need the archived call records, which take time to retrieve.');
    await page.getByRole('button', { name: 'Extend and notify' }).click();

    const extendedDue = (await page.locator('#extended-due').textContent())!;
    expect(extendedDue).not.toContain('not extended');
    expect(await page.locator('#due').textContent()).not.toBe(dueBefore);
    expect(await page.locator('#due').textContent()).toContain(extendedDue);
    await expect(page.locator('#timeline li[data-action="request.extended"]').textContent()).resolves.toContain('archived call records');

    // The notice goes out through the worker; the timeline shows it once the mail is sent.
    const [, notice] = await sink.waitForMailsTo(email, 2);
    expect(notice.text).toContain('archived call records');
    await page.reload();
    await expect(page.locator('#timeline li[data-action="mail.sent"]').last().textContent()).resolves.toMatch(/extension notice/i);
    await page.close();
  }, 60_000);
});
