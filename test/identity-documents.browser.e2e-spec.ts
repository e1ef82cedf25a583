import { beforeAll, describe, expect, it } from '@jest/globals';
import { decodePDFRawStream, PDFArray, PDFDocument, type PDFRawStream } from 'pdf-lib';

import { computeDeadlines, publicHolidayCalendar } from '#workflow';

import { eventually } from './support/eventually.js';
import { linkIn } from './support/form-client.js';
import { createStaff, signIn, type StaffAccount } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';
import { TestClock } from './support/test-clock.js';

// Securus Software: UK GDPR, Europe/London; each right asks for an identity document, kept 30 days after the decision.
const ORG = 'securus-software';
const DAY_MS = 86_400_000;
// A real PNG of one pixel: the staff view embeds it in a PDF.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

interface Row {
  id: string;
  reference: string;
  received_at: Date;
  verified_at: Date | null;
  clock_started_at: Date;
  due_at: Date;
  verification_reached: string;
  identity_check: string | null;
}

/** The decompressed drawing operators of every page. */
function pageContents(pdf: PDFDocument): string[] {
  return pdf.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => pdf.context.lookup(r)) : [contents];
    return streams
      .map((s) => Buffer.from(decodePDFRawStream(s as PDFRawStream).decode()).toString('latin1'))
      .join('\n');
  });
}

describe('identity documents: uploaded by the requester, viewed watermarked by staff, deleted after the decision', () => {
  const clock = new TestClock();
  const system = useRunningSystem({
    browser: true,
    clock,
    db: 'typeorm',
    // The clock moves a month ahead here: retention must not reach the shared database's requests.
    ownStorage: 'iddocs',
    extraEnv: { RETENTION_EVERY_MS: '1000' },
  });
  let staff: StaffAccount;
  let reference: string;
  let statusUrl: string;
  let id: string;

  beforeAll(async () => {
    staff = await createStaff({ [ORG]: 'agent' }, 'Dana Checker', system.databaseUrl);
  }, 60_000);

  const row = async (): Promise<Row> =>
    (await system.db.query('SELECT * FROM data_subject_request WHERE reference = $1', [reference]))[0];
  const documents = async (): Promise<{ content_type: string; size: number; decided_at: Date | null }[]> =>
    system.db.query('SELECT content_type, size, decided_at FROM identity_document WHERE request_id = $1', [id]);
  const actions = async (action: string): Promise<{ actor_id: string | null; detail: Record<string, unknown> }[]> =>
    system.db.query('SELECT actor_id, detail FROM audit_entry WHERE request_id = $1 AND action = $2 ORDER BY seq', [
      id,
      action,
    ]);
  const dueFrom = (r: Row, clockStartedAt?: Date) =>
    computeDeadlines({
      regime: 'uk_gdpr',
      requestType: 'access',
      receivedAt: r.received_at,
      clockStartedAt,
      timeZone: 'Europe/London',
      calendar: publicHolidayCalendar('GB', 'ENG'),
    }).dueAt;

  it('files the request on the form and confirms it by the mailed link, which does not start the month', async () => {
    const page = await system.browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${system.baseUrl}/o/${ORG}/requests/new`);
    const email = `documents-${Date.now()}@example.org`;
    await page.getByLabel('Your full name').fill('Mary Somerville');
    await page.getByLabel(/^Email address/).fill(email);
    await page.getByLabel(/^Get a copy of the personal information Securus Software holds/).check();
    await page.getByLabel('My own relationship with Securus Software').check();
    await page.getByRole('button', { name: 'Send my request' }).click();
    reference = (await page.locator('#reference').textContent())!.trim();
    const received = await row();
    id = received.id;
    expect(received.due_at.toISOString()).toBe(dueFrom(received).toISOString());

    const [mail] = await system.sink.waitForMailsTo(email);
    statusUrl = linkIn(mail.text, system.baseUrl, '/s/');
    await page.goto(linkIn(mail.text, system.baseUrl, '/v/'));
    await page.getByRole('button', { name: 'Confirm my request' }).click();
    await expect(page.locator('#reference').textContent()).resolves.toBe(reference);

    // The link proves the address; the month waits for the document the policy asks for.
    const verified = await row();
    expect(verified.verified_at).not.toBeNull();
    expect(verified.verification_reached).toBe('email');
    expect(verified.clock_started_at.toISOString()).toBe(received.received_at.toISOString());
    expect(verified.due_at.toISOString()).toBe(received.due_at.toISOString());
    // Nothing is matched against records: staff look at the document.
    expect(verified.identity_check).toBeNull();
    await page.close();
  }, 90_000);

  it('refuses a file that is no PDF, PNG or JPEG on the status page, then takes a PNG and starts the month', async () => {
    clock.advanceDays(3);
    const page = await system.browser.newPage({ javaScriptEnabled: false });
    await page.goto(statusUrl);
    await page
      .getByLabel(/^Your identity document/)
      .setInputFiles({ name: 'passport.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
    await page.getByRole('button', { name: 'Upload the document' }).click();
    await expect(page.locator('#error').textContent()).resolves.toBe(
      'The identity document must be a PDF, PNG or JPEG file; this file is none of them.',
    );
    expect(await documents()).toEqual([]);

    const before = await row();
    await page
      .getByLabel(/^Your identity document/)
      .setInputFiles({ name: 'passport.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Upload the document' }).click();
    await expect(page.locator('#identity-document-received').textContent()).resolves.toContain(
      'The privacy team will check it.',
    );
    expect(await page.locator('#document').count()).toBe(0);
    expect(await documents()).toEqual([{ content_type: 'image/png', size: PNG.length, decided_at: null }]);

    const after = await row();
    // The month runs from the upload, three days after the link: the due date moved with it.
    expect(after.clock_started_at.getTime()).toBeGreaterThan(after.verified_at!.getTime() + 3 * DAY_MS - 60_000);
    expect(after.due_at.toISOString()).toBe(dueFrom(after, after.clock_started_at).toISOString());
    expect(after.due_at.getTime()).toBeGreaterThan(before.due_at.getTime());
    const [entry] = await actions('request.identity_document_received');
    expect(entry.detail).toMatchObject({ contentType: 'image/png', size: PNG.length, replaced: false });
    await page.close();
  }, 60_000);

  it('shows staff the document as a watermarked PDF, and records each view', async () => {
    const client = await signIn(system.baseUrl, staff);
    const requestPage = `/staff/orgs/${ORG}/requests/${id}`;
    const shown = await client.get(requestPage);
    expect(shown.body).toContain(`href="${requestPage}/identity/document"`);
    // A document is the evidence here: the page does not ask staff to look for data points to match.
    expect(shown.body).not.toContain('id="identity-nothing-given"');

    const viewed = await client.getBytes(`${requestPage}/identity/document`);
    expect(viewed.status).toBe(200);
    expect(viewed.headers.get('content-type')).toBe('application/pdf');
    expect(viewed.headers.get('cache-control')).toBe('no-store');
    expect(viewed.headers.get('x-content-type-options')).toBe('nosniff');
    expect(viewed.headers.get('content-disposition')).toMatch(/^inline; filename=/);
    expect(viewed.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const pdf = await PDFDocument.load(viewed.bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getSubject()).toMatch(
      new RegExp(
        `^Identity check for request ${reference} only — viewed by Dana Checker \\d+ \\w+ \\d{4}, \\d\\d:\\d\\d$`,
      ),
    );
    const drawn = Buffer.from(`Identity check for request ${reference} only`, 'latin1').toString('hex').toUpperCase();
    expect(pageContents(pdf)[0]).toContain(drawn);

    const views = await actions('identity_document.viewed');
    expect(views).toHaveLength(1);
    expect(views[0].actor_id).not.toBeNull();
    expect(Object.keys(views[0].detail)).toEqual(['documentId']);

    // Another organisation's staff, and no one signed out, see nothing.
    const stranger = await signIn(
      system.baseUrl,
      await createStaff({ prontotrak: 'admin' }, 'Other', system.databaseUrl),
    );
    expect((await stranger.getBytes(`${requestPage}/identity/document`)).status).toBe(404);
  }, 60_000);

  it('lets staff decide the documents degree with a reason, which starts the document’s deletion period', async () => {
    const client = await signIn(system.baseUrl, staff);
    const requestPage = `/staff/orgs/${ORG}/requests/${id}`;
    const decided = await client.submitForm(requestPage, `${requestPage}/identity`, {
      level: 'documents',
      reason: 'Passport checked: the name and photo match',
    });
    expect(decided.status).toBe(303);
    const r = await row();
    expect(r.verification_reached).toBe('documents');
    expect(r.identity_check).toBe('overridden');
    const [document] = await documents();
    expect(document.decided_at).not.toBeNull();
    const page = await client.get(requestPage);
    expect(page.body).toContain('an identity document checked by staff');
    expect(page.body).toContain('data-met="true"');
  }, 60_000);

  it('keeps the document through the 30 days after the decision, and deletes it after', async () => {
    clock.advanceDays(29);
    // Several retention runs (one a second) at day 29: the document stays.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await documents()).toHaveLength(1);

    clock.advanceDays(2);
    await eventually(async () => (await documents()).length === 0, 'the identity document to be deleted');
    const [deleted] = await actions('identity_document.deleted');
    expect(deleted.detail).toEqual({ documents: 1 });
    // The request itself is open and keeps its degree; neither page offers to take another document.
    expect((await row()).verification_reached).toBe('documents');
    const staffPage = await (await signIn(system.baseUrl, staff)).get(`/staff/orgs/${ORG}/requests/${id}`);
    expect(staffPage.body).toContain('The identity document was checked and has since been deleted.');
    const page = await system.browser.newPage({ javaScriptEnabled: false });
    await page.goto(statusUrl);
    await expect(page.locator('#status').textContent()).resolves.toBeTruthy();
    expect(await page.locator('#identity-document').count()).toBe(0);
    await page.close();
  }, 60_000);
});
