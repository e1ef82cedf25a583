import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

import { AxeBuilder } from '@axe-core/playwright';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';

import { runCli } from './support/cli.js';
import { planTasks, useDataMap } from './support/connected-systems.js';
import { agentId, person, ScriptedAgent } from './support/drp-agent.js';
import { csrfTokenIn, FormClient, linkIn } from './support/form-client.js';
import { type FiledRequest, fulfilmentFlow } from './support/fulfilment-flow.js';
import { submitRequest } from './support/requester.js';
import { createOperator, createStaff, signIn, type StaffAccount } from './support/staff.js';
import { storeRequest } from './support/stored-requests.js';
import { useRunningSystem } from './support/system-fixture.js';

// WCAG 2.1 A and AA, the level the regulations ask for.
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const VENDOR = 'privacy@mailinghouse.example';
const SEED_POLICY = fileURLToPath(new URL('../seeds/policies-text/officertrak.txt', import.meta.url));

// One organisation per regime, and ProntoTrak, which asks where the requester lives.
const FORMS = {
  ccpa: 'securus-technologies',
  ukGdpr: 'securus-software',
  gdpr: 'west-schoolmessenger',
  none: 'officertrak',
  residence: 'prontotrak',
};

/** Axe's findings on the page as Chromium drew it, each rule with the elements it names and how to fix it. */
async function violationsOn(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n${v.nodes
        .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n\s*/g, ' ') ?? ''}`)
        .join('\n')}`,
  );
}

describe('every public page and the main staff pages meet WCAG 2.1 AA (axe-core)', () => {
  // Its own database: the policy import and the requests filed here must not show in other specs' shared one.
  const system = useRunningSystem({
    browser: true,
    db: 'typeorm',
    ownStorage: 'a11y',
    // The service provider's mail goes out on the next sweep: soon, not in an hour.
    extraEnv: { FULFILMENT_VENDOR_SWEEP_MS: '500' },
  });
  const flow = fulfilmentFlow(system);
  const tag = randomBytes(3).toString('hex');
  const found = new Map<string, string[]>();
  let admin: StaffAccount;
  let operator: StaffAccount;

  beforeAll(async () => {
    admin = await createStaff(
      Object.fromEntries(Object.values(FORMS).map((slug) => [slug, 'admin' as const])),
      'Alex Admin',
      system.databaseUrl,
    );
    operator = await createOperator('Olga Operator', system.databaseUrl);
  }, 60_000);

  /** Opens the URL (or acts on the page) and records what axe finds there under the name given. */
  async function check(page: Page, name: string, open?: string | (() => Promise<unknown>)): Promise<void> {
    if (typeof open === 'string') await page.goto(open.startsWith('http') ? open : `${system.baseUrl}${open}`);
    else if (open) await open();
    await page.waitForLoadState('load');
    found.set(name, await violationsOn(page));
  }

  function expectNoneFound(): void {
    const failing = [...found].filter(([, v]) => v.length > 0).map(([name, v]) => `${name}:\n  ${v.join('\n  ')}`);
    expect(failing.join('\n')).toBe('');
    found.clear();
  }

  /** Opens the organisation's form and fills in a request for the right (and the data context, where asked). */
  async function fillForm(page: Page, slug: string, email: string, rightId: string, dataContext?: string) {
    await page.goto(`${system.baseUrl}/o/${slug}/requests/new`);
    await page.getByLabel('Your full name').fill('Grace Hopper');
    await page.getByLabel(/^Email address/).fill(email);
    await page.locator(`input[name=rightId][value=${rightId}]`).check();
    if (dataContext) await page.locator(`#data-context-${dataContext}`).check();
    // Specific pieces of personal information need the declaration under penalty of perjury.
    if (rightId === 'ccpa-know') {
      await page.getByLabel('I make this declaration').check();
      await page.getByLabel(/^Your signature/).fill('Grace Hopper');
    }
  }

  const send = (page: Page) => () => page.getByRole('button', { name: 'Send my request' }).click();
  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

  // Axe runs as script in the page (the pages have none of their own), in a context of its own, as AxeBuilder asks.
  const newPage = async () => (await system.browser.newContext()).newPage();

  it('the organisation index, each form, its errors, and the pages after sending', async () => {
    const page = await newPage();
    await check(page, 'organisation index', '/');
    for (const [regime, slug] of Object.entries(FORMS))
      await check(page, `form (${regime})`, `/o/${slug}/requests/new`);

    await page.goto(`${system.baseUrl}/o/${FORMS.ccpa}/requests/new`);
    await page.getByLabel('Your full name').fill('Grace Hopper');
    await page.getByLabel(/^Email address/).fill('not an address');
    await check(page, 'form with errors', send(page));
    await expect(page.locator('#error-summary li').count()).resolves.toBeGreaterThan(1);

    // The agent form: the agent chosen without the agent's own details or permission.
    await page.goto(`${system.baseUrl}/o/${FORMS.residence}/requests/new`);
    await page.getByLabel('Someone else, as their authorised agent').check();
    await check(page, 'agent form with errors', send(page));
    await expect(page.locator('#agentName-error').count()).resolves.toBe(1);

    const email = `a11y-form-${tag}@example.org`;
    await fillForm(page, FORMS.gdpr, email, 'access', 'own');
    await check(page, 'request received', send(page));
    await expect(heading(page)).resolves.toBe('We have your request');

    await fillForm(page, FORMS.gdpr, `a11y-processor-${tag}@example.org`, 'access', '1');
    await check(page, 'asked to go to the controller', send(page));
    await expect(heading(page)).resolves.toBe('Please ask the organisation responsible');

    await fillForm(page, FORMS.ccpa, `a11y-opt-out-${tag}@example.org`, 'marketing-email-opt-out');
    await check(page, 'opt-out received', send(page));
    await expect(page.locator('#reference').count()).resolves.toBe(1);

    await fillForm(page, FORMS.ccpa, `a11y-consumer-${tag}@example.org`, 'ccpa-know');
    await page.getByLabel('Someone else, as their authorised agent').check();
    await page.getByLabel(/^Your name, as the agent/).fill('Privacy Helpers Inc');
    await page.getByLabel(/^Your email address, as the agent/).fill(`a11y-agent-${tag}@example.org`);
    await page.getByLabel(/^The signed permission of the person you act for/).setInputFiles({
      name: 'permission.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 signed'),
    });
    await check(page, "agent's request received", send(page));
    await expect(heading(page)).resolves.toBe('We have the request');

    const [mail] = await system.sink.waitForMailsTo(email);
    await check(page, 'verification confirm', linkIn(mail.text, system.baseUrl, '/v/'));
    await check(page, 'request confirmed', () => page.getByRole('button', { name: /^Confirm/ }).click());
    await check(page, 'verification link used', linkIn(mail.text, system.baseUrl, '/v/'));
    const [consumerMail] = await system.sink.waitForMailsTo(`a11y-consumer-${tag}@example.org`);
    await check(page, "confirming an agent's request", linkIn(consumerMail.text, system.baseUrl, '/v/'));
    await expect(heading(page)).resolves.toBe('Did you ask Privacy Helpers Inc to make this request?');

    await fillForm(page, FORMS.ccpa, `a11y-resend-${tag}@example.org`, 'ccpa-know');
    await send(page)();
    await page.getByLabel('Email address').fill(`a11y-resend-${tag}@example.org`);
    await check(page, 'new link sent', () => page.getByRole('button', { name: 'Send a new link' }).click());
    await expect(heading(page)).resolves.toBe('Link sent');

    const signalling = await system.browser.newContext({ extraHTTPHeaders: { 'Sec-GPC': '1' } });
    const gpcPage = await signalling.newPage();
    await check(gpcPage, 'form with the Global Privacy Control notice', `/o/${FORMS.ccpa}/requests/new`);
    await expect(gpcPage.locator('#gpc-notice').count()).resolves.toBe(1);
    await signalling.close();
    expectNoneFound();
    await page.context().close();
  }, 180_000);

  it('the status page while pending, verified, awaiting an answer and closed with its download, and withdrawal', async () => {
    const page = await newPage();
    const pendingEmail = `a11y-pending-${tag}@example.org`;
    await submitRequest(system.baseUrl, FORMS.ccpa, pendingEmail, 'ccpa-know');
    const [pending] = await system.sink.waitForMailsTo(pendingEmail);
    await check(page, 'status: pending', linkIn(pending.text, system.baseUrl, '/s/'));
    await expect(page.locator('#status').textContent()).resolves.toMatch(/^Waiting for you to confirm/);

    const verified = await flow.verifiedRequest(`a11y-verified-${tag}@example.org`, 'access', '', FORMS.gdpr);
    await check(page, 'status: verified', verified.statusUrl);
    await check(page, 'withdraw confirm', () => page.locator('#withdraw').click());
    await expect(page.locator('#confirm-withdraw').count()).resolves.toBe(1);

    const staff = await signIn(system.baseUrl, admin);
    await flow.startWork(staff, verified.page);
    expect((await flow.act(staff, verified.page, 'ask', { question: 'Which school?' })).status).toBe(303);
    await check(page, 'status: awaiting an answer', verified.statusUrl);
    await expect(page.locator('#reply').count()).resolves.toBe(1);

    const done = await closedWithFile(staff);
    await check(page, 'status: closed with a download', done.statusUrl);
    await expect(page.locator('#files a').allTextContents()).resolves.toEqual(['export.csv']);
    await check(page, 'download refused', `${new URL(done.statusUrl).pathname}/files/${randomUUID()}`);
    expectNoneFound();
    await page.context().close();
  }, 180_000);

  async function closedWithFile(staff: FormClient): Promise<FiledRequest> {
    const request = await flow.verifiedRequest(`a11y-done-${tag}@example.org`, 'access', '', FORMS.gdpr);
    await flow.startWork(staff, request.page);
    const form = await staff.get(request.page);
    const fulfilled = await staff.postMultipart(`${request.page}/fulfil`, { _csrf: csrfTokenIn(form.body) }, [
      { field: 'files', name: 'export.csv', type: 'text/csv', content: 'school,name\nSpringfield,Ada\n' },
    ]);
    expect(fulfilled.status).toBe(303);
    return request;
  }

  it("unsubscribe, the DRP confirmation page, a service provider's confirmation, and the error pages", async () => {
    const page = await newPage();
    const email = `a11y-unsub-${tag}@example.org`;
    await submitRequest(system.baseUrl, FORMS.ccpa, email, 'ccpa-know');
    const [mail] = await system.sink.waitForMailsTo(email);
    const listUnsubscribe = mail.parsed.headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
    await check(page, 'unsubscribe', /<(http[^>]+\/u\/[^>]+)>/.exec(listUnsubscribe.replace(/\r?\n\s+/g, ''))![1]);
    await check(page, 'unsubscribed', () => page.locator('#unsubscribe').click());
    await expect(heading(page)).resolves.toBe('You are unsubscribed');
    await check(page, 'unsubscribe link not valid', '/u/not-a-token');

    const agent = new ScriptedAgent(system.baseUrl, agentId('AXE'));
    expect(
      (await runCli(['drp-agent', 'register', agent.id, 'Axe Agent', agent.verifyKey], system.databaseUrl)).code,
    ).toBe(0);
    expect((await agent.pairwiseSetup(FORMS.residence)).status).toBe(200);
    const exercised = await agent.exercise(FORMS.residence, {
      exercise: 'deletion',
      regime: 'ccpa',
      relationships: ['customer'],
      ...person(`a11y-drp-${tag}@example.org`),
    });
    expect(exercised.status).toBe(200);
    await check(page, 'DRP confirmation', String(exercised.json!.user_verification_url));
    await expect(heading(page)).resolves.toBe('Confirm your request to ProntoTrak');

    await useDataMap(system.db, {
      organisation: FORMS.none,
      systems: [
        {
          id: 'mailing-house',
          name: 'Mailing House Ltd',
          kind: 'email_vendor',
          email: VENDOR,
          remindEveryDays: 3,
          escalateAfterDays: 10,
          categories: ['contact'],
          purposes: ['Send our newsletters'],
          sources: ['You'],
          recipients: [],
        },
      ],
    });
    const erasure = await storeRequest(system.db, {
      slug: FORMS.none,
      rightId: 'deletion',
      status: 'in_progress',
      channel: 'web',
      receivedAt: new Date(),
      email: `a11y-erasure-${tag}@example.org`,
    });
    await planTasks(system.db, erasure, 'erasure', new Date());
    const [vendorMail] = await system.sink.waitForMailsTo(VENDOR);
    await check(page, 'service provider asked', linkIn(vendorMail.text, system.baseUrl, '/vendors/confirm/'));
    await check(page, 'service provider confirmed', () =>
      page.getByRole('button', { name: 'Confirm the deletion' }).click(),
    );
    await expect(heading(page)).resolves.toBe('Thank you: your confirmation is recorded');

    await check(page, 'not found', '/no-such-page');
    await expect(heading(page)).resolves.toBe('Page not found');
    await check(page, 'verification link not valid', '/v/not-a-token');
    await check(page, 'service provider link not valid', '/vendors/confirm/not-a-token');
    expectNoneFound();
    await page.context().close();
  }, 180_000);

  it('staff: sign-in, home, deadlines with charts, queue, a request, reports and the other sections', async () => {
    const page = await newPage();
    await check(page, 'staff sign-in', '/staff/sign-in');
    await page.getByLabel('Email address').fill(admin.email);
    await page.getByLabel('Password').fill('wrong password');
    await check(page, 'staff sign-in refused', () => page.getByRole('button', { name: 'Sign in' }).click());
    await check(page, 'forgotten password', '/staff/forgot-password');
    await check(page, 'invitation not valid', '/staff/invitations/not-a-link');

    await page.goto(`${system.baseUrl}/staff/sign-in`);
    await page.getByLabel('Email address').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const staff = await signIn(system.baseUrl, admin);
    const request = await flow.verifiedRequest(`a11y-staff-${tag}@example.org`, 'access', '', FORMS.gdpr);
    await flow.act(staff, request.page, 'note', { text: 'Looked in the school records.' });

    const org = `/staff/orgs/${FORMS.gdpr}`;
    await check(page, 'staff home', '/staff');
    await check(page, 'deadlines at a glance', org);
    await expect(page.locator('svg[role=img]').count()).resolves.toBeGreaterThan(0);
    await check(page, 'queue', `${org}/requests`);
    await check(page, 'request', request.page);
    await expect(heading(page)).resolves.toContain(request.reference);
    await check(page, 'reports', `${org}/reports`);
    await check(page, 'suppressions', `${org}/suppressions`);
    await check(page, 'api keys', `${org}/api-keys`);
    await check(page, 'staff admin', `${org}/staff`);
    await check(page, 'jobs', `${org}/jobs`);
    await check(page, 'change password', '/staff/account/password');
    expectNoneFound();
    await page.context().close();
  }, 180_000);

  it('the platform operator console: organisations and a policy import under review', async () => {
    const page = await newPage();
    await page.goto(`${system.baseUrl}/staff/platform`);
    await page.getByLabel('Email address').fill(operator.email);
    await page.getByLabel('Password').fill(operator.password);
    await check(page, 'platform home', () => page.getByRole('button', { name: 'Sign in' }).click());
    const form = page.locator('#new-organisation');
    await form.getByLabel('Name', { exact: true }).fill('Axe Onboarded');
    await form.getByLabel(/Address name/).fill(`axe-${tag}`);
    await form.getByLabel('Time zone its days are counted in').selectOption('America/Chicago');
    await form.getByLabel(/Policy file/).setInputFiles(SEED_POLICY);
    await check(page, 'policy review', () => form.getByRole('button', { name: 'Import and review' }).click());
    expect(new URL(page.url()).pathname).toMatch(/^\/staff\/platform\/imports\//);
    expectNoneFound();
    await page.context().close();
  }, 180_000);
});
