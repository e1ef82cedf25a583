import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';

import { confirmFromMail, submitRequest } from './support/requester.js';
import { createStaff, type StaffAccount } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';

/** The part of the browser's window these tests read (the project compiles without DOM types). */
interface BrowserWindow {
  getComputedStyle(element: unknown): { backgroundColor: string };
}

describe('the staff console in a real browser', () => {
  const system = useRunningSystem({ browser: true });
  let agent: StaffAccount;

  beforeAll(async () => {
    agent = await createStaff({ 'securus-technologies': 'agent' }, 'Ada Agent');
  }, 60_000);

  async function signInPage(page: Page, password: string): Promise<void> {
    await page.goto(`${system.baseUrl}/staff`);
    await page.getByLabel('Email address').fill(agent.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** A verified CCPA request made through the public form and the mailed link. */
  async function verifiedRequest(): Promise<{ reference: string; email: string; statusUrl: string }> {
    const email = `console-${Date.now()}@example.org`;
    const reference = await submitRequest(system.baseUrl, 'securus-technologies', email, 'ccpa-know');
    const { statusUrl } = await confirmFromMail(system.sink, system.baseUrl, email);
    return { reference, email, statusUrl };
  }

  async function openRequest(page: Page, reference: string): Promise<void> {
    await signInPage(page, agent.password);
    await page.getByRole('link', { name: 'Securus Technologies' }).click();
    await page.getByLabel('Reference or requester email').fill(reference);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('link', { name: reference }).click();
  }

  const background = (page: Page, name: string) =>
    page
      .getByRole('button', { name, exact: true })
      .evaluate((b) => (globalThis as unknown as BrowserWindow).getComputedStyle(b).backgroundColor);

  it('shows the error for a wrong password', async () => {
    const page = await system.browser.newPage({ javaScriptEnabled: false });
    await signInPage(page, 'certainly-not-it');
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'That email address and password do not match an account.',
    );
    expect(page.url()).toContain('/staff/sign-in');
    await page.close();
  }, 30_000);

  it('signs in, filters the queue, opens a request, extends it with a reason and sees the new due date and the notice', async () => {
    const { reference, email } = await verifiedRequest();
    const page = await system.browser.newPage({ javaScriptEnabled: false });
    await signInPage(page, agent.password);
    await page.getByRole('link', { name: 'Securus Technologies' }).click();

    await page.getByLabel('Reference or requester email').fill(reference);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('link', { name: reference }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Request ${reference}`);
    const dueBefore = await page.locator('#due').textContent();

    // Extending is one of the rarer actions, folded under "More".
    await page.locator('#more-actions > summary').click();
    await page
      .locator('#extend')
      .getByLabel('Reason')
      .fill('We need the archived call records, which take time to retrieve.');
    await page.getByRole('button', { name: 'Extend and notify' }).click();

    const extendedDue = (await page.locator('#extended-due').textContent())!;
    expect(extendedDue).not.toContain('not extended');
    expect(await page.locator('#due').textContent()).not.toBe(dueBefore);
    expect(await page.locator('#due').textContent()).toContain(extendedDue);
    await expect(page.locator('#timeline li[data-action="request.extended"]').textContent()).resolves.toContain(
      'archived call records',
    );

    // The notice goes out through the worker; the timeline shows it once the mail is sent.
    const [, notice] = await system.sink.waitForMailsTo(email, 2);
    expect(notice.text).toContain('archived call records');
    await page.reload();
    await expect(page.locator('#timeline li[data-action="mail.sent"]').last().textContent()).resolves.toMatch(
      /extension notice/i,
    );
    await page.close();
  }, 60_000);

  it('groups the actions: the next steps open, the rare ones folded, the ones that end a request folded and red', async () => {
    const { reference } = await verifiedRequest();
    const page = await system.browser.newPage({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await openRequest(page, reference);

    // Verified, not started: starting, asking and answering are in the open; nothing the status refuses is offered.
    await expect(page.locator('#work-actions').getByRole('button', { name: 'Start work' }).isVisible()).resolves.toBe(
      true,
    );
    await expect(
      page.locator('#answer-actions').getByRole('button', { name: 'Send the response' }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.locator('#reopen').count()).resolves.toBe(0);
    // Rare and destructive actions are folded away until asked for.
    for (const id of ['#more-actions', '#closing-actions'])
      await expect(page.locator(id).getAttribute('open')).resolves.toBeNull();
    await expect(page.getByRole('button', { name: 'Extend and notify' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Deny', exact: true }).isVisible()).resolves.toBe(false);
    await expect(page.locator('#closing-actions > summary').textContent()).resolves.toContain(
      'deny, record a withdrawal',
    );

    // Not every button is green: the next step is, assignment and notes are grey, denial and withdrawal red.
    const green = 'rgb(0, 112, 60)';
    const grey = 'rgb(80, 90, 95)';
    const red = 'rgb(176, 0, 32)';
    await expect(background(page, 'Start work')).resolves.toBe(green);
    await expect(background(page, 'Assign to me')).resolves.toBe(grey);
    await expect(background(page, 'Add note')).resolves.toBe(grey);
    await page.locator('#closing-actions > summary').click();
    await expect(page.getByRole('button', { name: 'Deny', exact: true }).isVisible()).resolves.toBe(true);
    await expect(background(page, 'Deny')).resolves.toBe(red);
    await expect(background(page, 'Record the withdrawal')).resolves.toBe(red);
    // For a person to look at: the grouped actions as a browser draws them.
    await page.locator('#actions').screenshot({ path: join(tmpdir(), 'rightsdesk-staff-request-actions.png') });

    // Once work has started, "Start work" is gone.
    await page.getByRole('button', { name: 'Start work' }).click();
    await expect(page.locator('#status').textContent()).resolves.toBe('in progress');
    await expect(page.getByRole('button', { name: 'Start work' }).count()).resolves.toBe(0);
    await page.close();
  }, 60_000);

  it('lets the requester withdraw from the status page, with a confirmation step, without JavaScript', async () => {
    const { statusUrl, email } = await verifiedRequest();
    const page = await system.browser.newPage({ javaScriptEnabled: false });
    await page.goto(statusUrl);
    await page.getByRole('link', { name: 'Withdraw my request' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/^Withdraw your request/);
    await page.getByRole('button', { name: 'Yes, withdraw my request' }).click();
    expect(page.url()).toBe(statusUrl);
    await expect(page.locator('#status').textContent()).resolves.toBe('Withdrawn');
    await expect(page.locator('body').textContent()).resolves.toContain('Withdrawn on');
    await expect(page.getByRole('link', { name: 'Withdraw my request' }).count()).resolves.toBe(0);
    const [, confirmation] = await system.sink.waitForMailsTo(email, 2);
    expect(confirmation.subject).toContain('is withdrawn');
    await page.close();
  }, 60_000);
});
