import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { linkIn } from './support/form-client.js';
import { startSystem, type RunningSystem } from './support/running-system.js';
import { SmtpSink } from './support/smtp-sink.js';

describe('the request form in a real browser', () => {
  let sink: SmtpSink;
  let system: RunningSystem;
  let browser: Browser;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    system = await startSystem({ smtpUrl: sink.url });
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await sink?.stop();
  });

  it('fills the Securus Technologies form, reads the reference, and confirms from the mailed link', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
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

    const [mail] = await sink.waitForMailsTo(email);
    expect(mail.text).toContain(reference);
    await page.goto(linkIn(mail.text, system.baseUrl, '/v/'));
    await page.getByRole('button', { name: 'Confirm my request' }).click();
    await expect(page.locator('#reference').textContent()).resolves.toBe(reference);
    await page.close();
  }, 60_000);

  it("files an agent's request with the signed permission at ProntoTrak, and the consumer confirms it from their own mail", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${system.baseUrl}/o/prontotrak/requests/new`);
    const consumer = `browser-consumer-${Date.now()}@example.org`;
    const agent = `browser-agent-${Date.now()}@example.org`;
    await page.getByLabel(/^Your full name/).fill('Katherine Johnson');
    await page.getByLabel(/^Email address/).fill(consumer);
    await page.getByLabel(/^Delete my personal information, subject to certain exceptions/).check();
    await page.getByLabel('Someone else, as their authorised agent').check();
    await page.getByLabel(/^Your name, as the agent/).fill('Privacy Helpers Inc');
    await page.getByLabel(/^Your email address, as the agent/).fill(agent);
    await page.getByLabel('I act as a business').check();
    await expect(page.locator('#agent-registration-rule').textContent()).resolves.toContain('registered with the California Secretary of State');

    // ProntoTrak's policy: no registration number, no request; the file must be chosen again after the refusal.
    const permission = { name: 'permission.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) };
    await page.getByLabel(/^The signed permission of the person you act for/).setInputFiles(permission);
    await page.getByRole('button', { name: 'Send my request' }).click();
    await expect(page.locator('#agentRegistration-error').textContent()).resolves.toContain('registered with the California Secretary of State');
    await expect(page.locator('#agent-email').inputValue()).resolves.toBe(agent);
    expect(await page.locator('#agent-is-business').isChecked()).toBe(true);

    await page.getByLabel(/^California Secretary of State registration number/).fill('C1234567');
    await page.getByLabel(/^The signed permission of the person you act for/).setInputFiles(permission);
    await page.getByRole('button', { name: 'Send my request' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('We have the request');
    const reference = (await page.locator('#reference').textContent())!.trim();

    const [mail] = await sink.waitForMailsTo(consumer);
    expect(mail.text).toContain(`Privacy Helpers Inc asked ProntoTrak on your behalf`);
    await page.goto(linkIn(mail.text, system.baseUrl, '/v/'));
    await page.getByRole('button', { name: 'Confirm: I gave them permission' }).click();
    await expect(page.locator('#reference').textContent()).resolves.toBe(reference);
    const [receipt] = await sink.waitForMailsTo(agent);
    expect(receipt.text).toContain(reference);
    await page.close();
  }, 60_000);

  it('shows the field errors next to the fields and keeps what was typed', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${system.baseUrl}/o/securus-technologies/requests/new`);
    await page.getByLabel('Your full name').fill('Grace Hopper');
    await page.getByLabel(/^Email address/).fill('grace.example.org');
    await page.getByRole('button', { name: 'Send my request' }).click();

    await expect(page.locator('#error-summary h2').textContent()).resolves.toBe('There is a problem');
    await expect(page.locator('#email-error').textContent()).resolves.toBe('Enter your email address, like name@example.com.');
    await expect(page.locator('#rightId-error').textContent()).resolves.toBe('Choose what you would like to ask for.');
    expect(await page.locator('#email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#email').getAttribute('aria-describedby')).toBe('email-error');
    await expect(page.locator('#name').inputValue()).resolves.toBe('Grace Hopper');
    await expect(page.locator('#email').inputValue()).resolves.toBe('grace.example.org');
    await page.close();
  }, 30_000);
});
