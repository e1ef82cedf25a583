import { fileURLToPath } from 'node:url';

import { beforeAll, describe, expect, it } from '@jest/globals';

import { createOperator, type StaffAccount } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';

// Tests may read the corpus beside the repository, as CI has it; nothing of it is kept in the project.
const CORPUS_POLICY = fileURLToPath(new URL('../../shared/policy-corpus/c3pa-dev/DB/1.html', import.meta.url));

describe('the policy review page in a real browser, without JavaScript', () => {
  // Its own database: the organisation it publishes must not show up in other specs' shared one.
  const system = useRunningSystem({ browser: true, ownStorage: 'reviewpage' });
  let operator: StaffAccount;

  beforeAll(async () => {
    operator = await createOperator('Olga Operator', system.databaseUrl);
  }, 60_000);

  it('uploads a policy, follows a right to its marked sentence, edits the right and publishes', async () => {
    const slug = `browser-${Date.now().toString(36)}`;
    const page = await system.browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${system.baseUrl}/staff/platform`);
    await page.getByLabel('Email address').fill(operator.email);
    await page.getByLabel('Password').fill(operator.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Organisations on this platform');
    const form = page.locator('#new-organisation');
    await form.getByLabel('Name', { exact: true }).fill('Browser Onboarded');
    await form.getByLabel(/Address name/).fill(slug);
    await form.getByLabel('Time zone its days are counted in').selectOption('America/Chicago');
    await form.getByLabel(/Policy file/).setInputFiles(CORPUS_POLICY);
    await form.getByRole('button', { name: 'Import and review' }).click();

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'A new organisation: Browser Onboarded',
    );
    // The first right's link lands on its sentence, marked in the text column beside the draft.
    const firstRight = page.locator('#right-0');
    const quote = (await firstRight.locator('blockquote').textContent())!.replace(/\s*in the text\s*$/, '').trim();
    await firstRight.getByRole('link', { name: 'in the text' }).click();
    const target = page.locator('.policy-text mark:target');
    await expect(target.count()).resolves.toBe(1);
    expect(quote).toContain(((await target.textContent()) ?? '').trim().slice(0, 40));
    // Beside, not below: the text column starts left of the draft on a desktop-wide window.
    const side = {
      text: (await page.locator('.policy-text').boundingBox())!.x,
      draft: (await page.locator('.draft').boundingBox())!.x,
    };
    expect(side.text).toBeLessThan(side.draft);

    await firstRight.getByLabel('Label of right 1').fill('Know what Browser Onboarded holds about me');
    await firstRight.getByRole('button', { name: 'Save right 1' }).click();
    await expect(page.locator('#right-0').getByLabel('Label of right 1').inputValue()).resolves.toBe(
      'Know what Browser Onboarded holds about me',
    );

    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.locator('#published').textContent()).resolves.toContain(`/o/${slug}/requests/new`);
    await page.locator('#published').getByRole('link').click();
    await expect(page.content()).resolves.toContain('Know what Browser Onboarded holds about me');
    await page.close();
  }, 90_000);
});
