import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';

import type { DataSubjectRequest } from '#db';

import { createStaff, type StaffAccount } from './support/staff.js';
import { storeRequest } from './support/stored-requests.js';
import { useRunningSystem } from './support/system-fixture.js';

const ORG = 'officertrak';
const DAY = 86_400_000;

describe('the deadline charts on the organisation home page and the reports page, without JavaScript', () => {
  const system = useRunningSystem({ browser: true, db: 'typeorm', ownStorage: 'dashboard', sink: false });
  let auditor: StaffAccount;
  let open: DataSubjectRequest[];

  beforeAll(async () => {
    auditor = await createStaff({ [ORG]: 'auditor' }, 'Audrey Auditor', system.databaseUrl);
    const now = Date.now();
    const store = (status: 'fulfilled' | 'in_progress', daysAgo: number, rightId = 'access') =>
      storeRequest(system.db, {
        slug: ORG,
        rightId,
        status,
        channel: 'web',
        receivedAt: new Date(now - daysAgo * DAY),
        email: `dashboard-${daysAgo}@example.org`,
      });
    // Closed today after 10 and 20 days, by their due dates in force.
    await store('fulfilled', 10);
    await store('fulfilled', 20, 'deletion');
    open = [await store('in_progress', 70), await store('in_progress', 3, 'deletion')];
  }, 60_000);

  async function signedIn(): Promise<Page> {
    const page = await system.browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${system.baseUrl}/staff`);
    await page.getByLabel('Email address').fill(auditor.email);
    await page.getByLabel('Password').fill(auditor.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    return page;
  }

  const tile = (page: Page, words: string) =>
    page.locator('.tiles li', { hasText: words }).locator('strong').textContent();

  it('home: overdue now, due this week, median days, on-time share and the weekly bars, drawn as SVG', async () => {
    const page = await signedIn();
    await page.getByRole('link', { name: 'deadlines at a glance' }).click();
    expect(new URL(page.url()).pathname).toBe(`/staff/orgs/${ORG}`);
    const overdue = open.filter((r) => r.dueAt.getTime() < Date.now()).length;
    expect(overdue).toBe(1);
    await expect(tile(page, 'overdue now')).resolves.toBe(String(overdue));
    await expect(tile(page, 'median days to close')).resolves.toBe('15.0');

    const meter = page.getByRole('img', { name: /^Closed by the legal due date: \d+%$/ });
    await expect(meter.getAttribute('aria-label')).resolves.toBe('Closed by the legal due date: 100%');
    const weekly = page.getByRole('img', { name: 'Requests received per week, by type' });
    await expect(weekly.locator('desc').textContent()).resolves.toMatch(/^\d+ in all over 12 weeks; /);
    // Every request on the chart drew: one rectangle per week and type received.
    expect(await weekly.locator('rect').count()).toBeGreaterThanOrEqual(3);
    const box = await weekly.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(100);
    await page.close();
  }, 60_000);

  it('reports: the same charts over the period asked for', async () => {
    const page = await signedIn();
    const from = new Date(Date.now() - 15 * DAY).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    await page.goto(`${system.baseUrl}/staff/orgs/${ORG}/reports?from=${from}&to=${to}`);
    // Received in the period: the one closed after 10 days and the one open for 3.
    await expect(tile(page, 'median days to close')).resolves.toBe('10.0');
    const weekly = page.getByRole('img', { name: 'Requests received per week, by type' });
    await expect(weekly.locator('desc').textContent()).resolves.toMatch(/^2 in all over \d weeks; /);
    await page.close();
  }, 60_000);
});
