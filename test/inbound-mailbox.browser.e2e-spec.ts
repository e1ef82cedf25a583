import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { composeMail, deliverToMailbox } from './support/inbound-mail.js';
import { startSystem, type RunningSystem } from './support/running-system.js';
import { SmtpSink } from './support/smtp-sink.js';
import { createStaff, type StaffAccount } from './support/staff.js';

const ORG = { slug: 'prontotrak', name: 'ProntoTrak', address: 'Privacy@prontotrak.com' };

// Everything a hostile HTML part could try in a page: each would change the title, open a dialog or fetch.
const HOSTILE_HTML = `<p id="body-text">Please delete my account, reference HOSTILE.</p>
<script>document.title = 'pwned'; alert('script')</script>
<img src="https://tracker.example/open.gif" onerror="document.title = 'pwned'; alert('onerror')">
<img src="x" onerror="alert('local')">
<svg onload="alert('svg')"></svg>
<iframe srcdoc="<script>parent.document.title='pwned'</script>"></iframe>
<a id="js-link" href="javascript:alert('link')">my account</a>
<form action="https://phish.example/"><button>Log in</button></form>
<style>body { background: url(https://tracker.example/bg.gif) }</style>`;

describe('a mailed-in request in a real browser, with JavaScript on', () => {
  const tag = randomBytes(4).toString('hex');
  let sink: SmtpSink;
  let system: RunningSystem;
  let browser: Browser;
  let agent: StaffAccount;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    system = await startSystem({ smtpUrl: sink.url });
    browser = await launchBrowser();
    agent = await createStaff({ [ORG.slug]: 'agent' }, 'Mail Agent');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await sink?.stop();
  });

  it('shows the mail with nothing of its HTML running or fetching, then classifies it', async () => {
    const from = `browser-${tag}@example.org`;
    const subject = `Erase me ${tag}`;
    const source = await composeMail({ from: `Bea Browser <${from}>`, to: ORG.address, subject, text: 'Please delete my account.', html: HOSTILE_HTML });
    await deliverToMailbox(system.mailboxPort, { from, to: [ORG.address] }, source);

    const page = await browser.newPage();
    const dialogs: string[] = [];
    const offsite: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(system.baseUrl)) offsite.push(request.url());
    });
    await page.goto(`${system.baseUrl}/staff`);
    await page.getByLabel('Email address').fill(agent.email);
    await page.getByLabel('Password').fill(agent.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: ORG.name }).click();
    await page.getByLabel('Reference or requester email').fill(from);
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page.locator('tbody tr').textContent()).resolves.toContain('not classified');
    await page.locator('tbody tr a').click();

    await expect(page.locator('#mail-subject').textContent()).resolves.toBe(subject);
    await expect(page.locator('#mail-html').textContent()).resolves.toContain('Please delete my account, reference HOSTILE.');
    await expect(page.locator('#mail-html').innerHTML()).resolves.not.toMatch(/<(script|img|svg|iframe|form|style)\b|on\w+=|javascript:/i);
    // Clicking what was a javascript: link does nothing either.
    await page.locator('#mail-html a').click();
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(offsite).toEqual([]);
    expect(await page.title()).not.toContain('pwned');

    await page.locator('#classify').getByLabel('Right').selectOption('ccpa-deletion');
    await page.getByRole('button', { name: 'Classify' }).click();
    await expect(page.locator('#status').textContent()).resolves.toBe('unverified');
    await expect(page.locator('#timeline li[data-action="request.classified"]').count()).resolves.toBe(1);
    await page.close();
  }, 60_000);
});
