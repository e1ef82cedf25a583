import { randomBytes } from 'node:crypto';

import { beforeAll, describe, expect, it } from '@jest/globals';

import { composeMail, deliverToMailbox } from './support/inbound-mail.js';
import { createStaff, type StaffAccount } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';

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
  const system = useRunningSystem({ browser: true });
  let agent: StaffAccount;

  beforeAll(async () => {
    agent = await createStaff({ [ORG.slug]: 'agent' }, 'Mail Agent');
  }, 60_000);

  it('shows the mail with nothing of its HTML running or fetching, then classifies it', async () => {
    const from = `browser-${tag}@example.org`;
    const subject = `Erase me ${tag}`;
    const source = await composeMail({
      from: `Bea Browser <${from}>`,
      to: ORG.address,
      subject,
      text: 'Please delete my account.',
      html: HOSTILE_HTML,
    });
    await deliverToMailbox(system.mailboxPort, { from, to: [ORG.address] }, source);

    const page = await system.browser.newPage();
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
    await expect(page.locator('#mail-html').textContent()).resolves.toContain(
      'Please delete my account, reference HOSTILE.',
    );
    await expect(page.locator('#mail-html').innerHTML()).resolves.not.toMatch(
      /<(script|img|svg|iframe|form|style)\b|on\w+=|javascript:/i,
    );
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

  it('frames the sender’s HTML as theirs: labelled, headings reduced, each link showing its real target, no inline style', async () => {
    const from = `framed-${tag}@example.org`;
    const lookalike = `<h1>Actions</h1><h2 id="fake">Your staff account is locked</h2>
<p>Sign in again at <a href="https://phish.example/login">https://rightsdesk.example/staff</a>.</p>`;
    const source = await composeMail({
      from,
      to: ORG.address,
      subject: `Framed ${tag}`,
      text: 'See the HTML part.',
      html: lookalike,
    });
    await deliverToMailbox(system.mailboxPort, { from, to: [ORG.address] }, source);

    const page = await system.browser.newPage();
    await page.goto(`${system.baseUrl}/staff`);
    await page.getByLabel('Email address').fill(agent.email);
    await page.getByLabel('Password').fill(agent.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: ORG.name }).click();
    await page.getByLabel('Reference or requester email').fill(from);
    await page.getByRole('button', { name: 'Filter' }).click();
    const response = page.waitForResponse(
      (r) => r.url().includes('/requests/') && r.request().resourceType() === 'document',
    );
    await page.locator('tbody tr a').click();
    const csp = (await response).headers()['content-security-policy'] ?? '';

    // None of the sender's headings is a heading of the page.
    const headings = await page.locator('h1, h2, h3, h4, h5, h6').allTextContents();
    expect(headings.filter((h) => h.includes('Your staff account is locked'))).toEqual([]);
    await expect(page.locator('#mail-html h1, #mail-html h2').count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { name: 'Your staff account is locked' }).count()).resolves.toBe(0);
    // In a labelled frame, in the page's body size.
    const frame = page.getByRole('region', { name: 'The sender’s content' });
    await expect(frame.textContent()).resolves.toContain('Written by the sender, not by Rightsdesk.');
    await expect(frame.locator('#mail-html').textContent()).resolves.toContain('Your staff account is locked');
    // Read in the page (the test itself has no DOM types): computed sizes and the frame's border.
    const sizes = (await page.evaluate(`(() => {
      const px = (el) => (el ? parseFloat(getComputedStyle(el).fontSize) : NaN);
      return {
        heading: px(document.querySelector('#mail-html .sender-heading')),
        body: px(document.body),
        border: getComputedStyle(document.querySelector('.sender-content')).borderTopStyle,
      };
    })()`)) as { heading: number; body: number; border: string };
    expect(sizes.heading).toBe(sizes.body);
    expect(sizes.border).toBe('dashed');
    // The link says where it really goes, and tells its target nothing.
    const link = page.locator('#mail-html a');
    await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer nofollow');
    const shown = (await page.evaluate(
      `getComputedStyle(document.querySelector('#mail-html a'), '::after').content`,
    )) as string;
    expect(shown).toContain('https://phish.example/login');
    // Still no inline style anywhere, and a CSP that allows none.
    await expect(page.locator('[style]').count()).resolves.toBe(0);
    expect(csp).toContain('style-src');
    expect(csp).not.toContain('unsafe-inline');
    await page.close();
  }, 60_000);
});
