import { randomBytes } from 'node:crypto';

import { beforeAll, describe, expect, it } from '@jest/globals';

import { DataSubjectRequest, InboundMessage, OrganisationDirectory } from '#db';
import { findRight, internalTargetDaysFor } from '#policy';
import { computeDeadlines, provisionalTriageDeadlines } from '#workflow';

import { eventually } from './support/eventually.js';
import { csrfTokenIn, FormClient, linkIn } from './support/form-client.js';
import { composeMail, deliverToMailbox, mailFromWithSize, SmtpRefusal } from './support/inbound-mail.js';
import { createStaff, signIn, type StaffAccount } from './support/staff.js';
import { useRunningSystem } from './support/system-fixture.js';
import { TestClock } from './support/test-clock.js';

// CCPA (and the policy's own promises), America/New_York; its policy spells the address "Privacy@prontotrak.com".
const PRONTO = { slug: 'prontotrak', address: 'privacy@PRONTOTRAK.com' };
const WEST = { slug: 'west-schoolmessenger', address: 'privacy@west.com' };
const OFFICER = { slug: 'officertrak', address: 'support@officertrak.com' };
const MAX_BYTES = 64 * 1024;
const DAY_MS = 86_400_000;

const HOSTILE_HTML = `<p>Please delete everything you hold about me.</p>
<script>document.title = 'pwned-script'</script>
<img src="https://tracker.example/open.gif" onerror="document.title = 'pwned-onerror'">
<a href="javascript:document.title = 'pwned-link'">my account</a>
<p style="background: url(https://tracker.example/bg.gif)" onclick="alert(1)">Thank you.</p>`;

describe('the inbound privacy mailbox', () => {
  const tag = randomBytes(4).toString('hex');
  const clock = new TestClock();
  const system = useRunningSystem({ clock, extraEnv: { INBOUND_MAX_MESSAGE_BYTES: String(MAX_BYTES) }, db: 'typeorm' });
  let directory: OrganisationDirectory;
  let account: StaffAccount;

  beforeAll(async () => {
    directory = new OrganisationDirectory(system.db);
    account = await createStaff(
      { [PRONTO.slug]: 'agent', [WEST.slug]: 'agent', [OFFICER.slug]: 'agent' },
      'Mailbox Agent',
    );
  }, 60_000);

  const sender = (label: string) => `${label}-${tag}@example.org`;
  const requestsFrom = (address: string) =>
    system.db
      .getRepository(DataSubjectRequest)
      .find({ where: { requesterEmail: address }, relations: { organisation: true } });
  const page = (slug: string, id: string) => `/staff/orgs/${slug}/requests/${id}`;
  // Staff sessions follow the moved clock: sign in afresh when it moved.
  const agent = () => signIn(system.baseUrl, account);

  it('stores a mail to a privacy address as a triage request, with its text, attachments and original, and acknowledges it', async () => {
    const from = sender('ann');
    const attachment = `Customer number: ${tag}\n`;
    const source = await composeMail({
      from: `Ann Sender <${from}>`,
      to: PRONTO.address,
      subject: `Delete my data ${tag}`,
      text: `Please delete everything you hold about me. Ref ${tag}.`,
      html: HOSTILE_HTML,
      messageId: `<ann-${tag}@example.org>`,
      attachments: [
        { filename: `customer-${tag}.txt`, contentType: 'text/plain', content: attachment },
        { filename: 'page.html', contentType: 'text/html', content: '<script>alert(1)</script>' },
      ],
    });
    const sentAt = clock.now();
    const outcome = await deliverToMailbox(system.mailboxPort, { from, to: [PRONTO.address] }, source);
    expect(outcome.accepted).toEqual([PRONTO.address]);
    expect(outcome.response).toMatch(/^250 /);

    // Stored before the 250: the request is there as soon as the sender has its answer.
    const [request] = await requestsFrom(from);
    expect(request).toMatchObject({
      status: 'received_by_email',
      channel: 'email',
      requesterEmail: from,
      requesterName: 'Ann Sender',
      closedAt: null,
    });
    expect(request.organisation!.slug).toBe(PRONTO.slug);
    expect(Math.abs(request.receivedAt.getTime() - sentAt.getTime())).toBeLessThan(10_000);
    // Held to the earliest due date any of ProntoTrak's rights would have if received at that moment.
    const context = await directory.forRequest(request);
    const provisional = provisionalTriageDeadlines(
      context.policy.rights.map((right) => ({
        right,
        internalTargetDays: internalTargetDaysFor(context.policy, right.id),
      })),
      request.receivedAt,
      context.organisation.timeZone,
      context.calendar,
    );
    expect(request.dueAt).toEqual(provisional.dueAt);
    const slowest = computeDeadlines({
      regime: 'ccpa',
      requestType: 'deletion',
      receivedAt: request.receivedAt,
      timeZone: context.organisation.timeZone,
      calendar: context.calendar,
    });
    expect(request.dueAt.getTime()).toBeLessThan(slowest.dueAt.getTime());

    const message = await system.db
      .getRepository(InboundMessage)
      .createQueryBuilder('m')
      .addSelect('m.source')
      .where('m.request_id = :id', { id: request.id })
      .getOneOrFail();
    expect(message).toMatchObject({
      messageKey: `<ann-${tag}@example.org>`,
      recipient: PRONTO.address.toLowerCase(),
      fromAddress: from,
      subject: `Delete my data ${tag}`,
    });
    expect(message.textBody.trim()).toBe(`Please delete everything you hold about me. Ref ${tag}.`);
    expect(message.source.equals(source)).toBe(true);
    const attachments: { id: string; file_name: string; content_type: string; size: number }[] = await system.db.query(
      'SELECT id, file_name, content_type, size FROM inbound_attachment WHERE message_id = $1 ORDER BY file_name',
      [message.id],
    );
    expect(attachments.map(({ file_name, content_type, size }) => ({ file_name, content_type, size }))).toEqual([
      { file_name: `customer-${tag}.txt`, content_type: 'text/plain', size: Buffer.byteLength(attachment) },
      { file_name: 'page.html', content_type: 'text/html', size: 25 },
    ]);

    // The acknowledgement goes to the sender, with the reference and no promised date (the type is not known yet).
    const [receipt] = await system.sink.waitForMailsTo(from);
    expect(receipt.subject).toContain(request.reference);
    // It quotes nothing the sender wrote: a forged From line must not carry someone's words to a victim.
    expect(receipt.subject + receipt.text + receipt.html).not.toContain(`Delete my data ${tag}`);
    expect(receipt.text + receipt.html).not.toContain('Ann Sender');
    expect(receipt.text).toContain('/s/');
    await eventually(
      async () =>
        (await system.db.getRepository(DataSubjectRequest).findOneByOrFail({ id: request.id })).acknowledgedAt !== null,
      'the acknowledgement recorded',
    );
    // Its status link names the mail, not the provisional right, and promises no date yet.
    const status = await new FormClient(system.baseUrl).get(linkIn(receipt.text, system.baseUrl, '/s/'));
    expect(status.body).toContain('Received by email, waiting for the privacy team to read it');
    expect(status.body).toContain('Your email to our privacy address');
    expect(status.body).not.toContain('Answer due by');

    // Staff see the mail; the sender's HTML arrives without anything that runs or fetches.
    const staff = await agent();
    const shown = await staff.get(page(PRONTO.slug, request.id));
    expect(shown.status).toBe(200);
    const body = shown.body;
    expect(body).toContain('id="mail-html"');
    expect(body).toContain('Please delete everything you hold about me.');
    expect(body).toContain(`Ann Sender &lt;${from}&gt;`);
    expect(body).toContain(`Delete my data ${tag}`);
    for (const hostile of [
      'pwned-script',
      'pwned-onerror',
      'pwned-link',
      'onerror',
      'onclick',
      'javascript:',
      'tracker.example',
      '<script>alert',
    ]) {
      expect({ hostile, onPage: body.includes(hostile) }).toEqual({ hostile, onPage: false });
    }
    expect(body).toContain('not classified yet');
    expect(body).toContain(`action="${page(PRONTO.slug, request.id)}/classify"`);

    // Attachments and the original are downloads, never rendered in the console's origin.
    const text = await staff.get(`${page(PRONTO.slug, request.id)}/mail/attachments/${attachments[0].id}`);
    expect(text.status).toBe(200);
    expect(text.body).toBe(attachment);
    expect(text.headers.get('content-type')).toBe('text/plain');
    // Quoted or not, as the name needs (content-disposition quotes only names with separators).
    expect(text.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="?customer-${tag}\\.txt"?$`),
    );
    expect(text.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await staff.get(`${page(PRONTO.slug, request.id)}/mail/attachments/${attachments[1].id}`);
    expect(html.headers.get('content-disposition')).toMatch(/^attachment; filename="?page\.html"?$/);
    expect(html.headers.get('content-security-policy')).toContain('sandbox');
    const original = await staff.get(`${page(PRONTO.slug, request.id)}/mail/original.eml`);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('message/rfc822');
    expect(original.headers.get('content-disposition')).toMatch(/^attachment; filename="?[0-9a-f-]+\.eml"?$/);
    expect(original.body).toBe(source.toString('utf8'));

    // The queue's status filter finds the triage requests.
    const queue = await staff.get(`/staff/orgs/${PRONTO.slug}/requests?status=received_by_email`);
    expect(queue.body).toContain(request.reference);
    expect(queue.body).toContain('not classified');
  }, 60_000);

  it('stores a mail whose text holds NUL characters, with each replaced by U+FFFD, instead of refusing it for ever', async () => {
    const from = sender('nul');
    const source = await composeMail({
      from,
      to: PRONTO.address,
      subject: `Nul\u0000subject ${tag}`,
      text: `Before\u0000after ${tag}.`,
      html: `<p>Html\u0000part</p>`,
      attachments: [{ filename: 'a\u0000b.txt', contentType: 'text/plain', content: 'x\u0000y' }],
    });
    expect(source.includes(0)).toBe(false);
    const outcome = await deliverToMailbox(system.mailboxPort, { from, to: [PRONTO.address] }, source);
    expect(outcome.response).toMatch(/^250 /);
    const [request] = await requestsFrom(from);
    const message = await system.db
      .getRepository(InboundMessage)
      .createQueryBuilder('m')
      .addSelect('m.source')
      .where('m.request_id = :id', { id: request.id })
      .getOneOrFail();
    expect(message.subject).toBe(`Nul\uFFFDsubject ${tag}`);
    expect(message.textBody.trim()).toBe(`Before\uFFFDafter ${tag}.`);
    expect(message.htmlBody).toContain('Html\uFFFDpart');
    // The original stays byte for byte as received.
    expect(message.source.equals(source)).toBe(true);
  }, 30_000);

  it('refuses unknown recipients at RCPT with 550, and takes the message for the known one', async () => {
    const from = sender('rcpt');
    const source = await composeMail({
      from,
      to: [PRONTO.address, `nobody@prontotrak.com`],
      subject: 'Hello',
      text: 'Two recipients.',
    });
    const outcome = await deliverToMailbox(
      system.mailboxPort,
      { from, to: [PRONTO.address, 'nobody@prontotrak.com'] },
      source,
    );
    expect(outcome.accepted).toEqual([PRONTO.address]);
    expect(outcome.rejected).toEqual([
      { address: 'nobody@prontotrak.com', code: 550, response: expect.stringMatching(/^550 5\.1\.1 /) },
    ]);
    expect(await requestsFrom(from)).toHaveLength(1);

    const strangerOnly = sender('stranger');
    const refused = await deliverToMailbox(
      system.mailboxPort,
      { from: strangerOnly, to: ['privacy@unknown.example'] },
      source,
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SmtpRefusal);
    expect(refused).toMatchObject({ code: 550, stage: 'RCPT TO' });
    expect(await requestsFrom(strangerOnly)).toHaveLength(0);
  }, 30_000);

  it('refuses a mail over the size limit, whether it says its size or not, and stores nothing', async () => {
    const from = sender('big');
    const source = await composeMail({ from, to: PRONTO.address, subject: 'Big', text: 'x'.repeat(MAX_BYTES + 1024) });
    // The SIZE extension: the limit is advertised, and a larger declared size is refused before any data is sent.
    const declared = await mailFromWithSize(system.mailboxPort, from, source.length);
    expect(declared.ehlo).toContain(`SIZE ${MAX_BYTES}`);
    expect(declared.reply).toMatch(/^552 /);
    const streamed = await deliverToMailbox(system.mailboxPort, { from, to: [PRONTO.address] }, source).catch(
      (e: unknown) => e,
    );
    expect(streamed).toBeInstanceOf(SmtpRefusal);
    expect(streamed).toMatchObject({ code: 552 });
    expect(await requestsFrom(from)).toHaveLength(0);
  }, 30_000);

  it('answers 451 when the mail cannot be stored, so the sender retries, and the retry is stored', async () => {
    const from = sender('retry');
    const source = await composeMail({
      from,
      to: [PRONTO.address, WEST.address],
      subject: 'Retry',
      text: 'Try again later.',
      messageId: `<retry-${tag}@example.org>`,
    });
    // A real failure of the database write, for this sender only, after the first organisation's rows were written.
    const trigger = `fail_inbound_${tag}`;
    await system.db.query(`CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.from_address = '${from}' AND NEW.recipient = '${WEST.address}' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$`);
    await system.db.query(
      `CREATE TRIGGER ${trigger} BEFORE INSERT ON inbound_message FOR EACH ROW EXECUTE FUNCTION ${trigger}()`,
    );
    try {
      const refused = await deliverToMailbox(
        system.mailboxPort,
        { from, to: [PRONTO.address, WEST.address] },
        source,
      ).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(SmtpRefusal);
      expect(refused).toMatchObject({ code: 451 });
      // Nothing half-stored: not even the first organisation's request.
      expect(await requestsFrom(from)).toHaveLength(0);
    } finally {
      await system.db.query(`DROP TRIGGER ${trigger} ON inbound_message`);
      await system.db.query(`DROP FUNCTION ${trigger}()`);
    }
    const retried = await deliverToMailbox(system.mailboxPort, { from, to: [PRONTO.address, WEST.address] }, source);
    expect(retried.response).toMatch(/^250 /);
    expect((await requestsFrom(from)).map((r) => r.organisation!.slug).sort()).toEqual([PRONTO.slug, WEST.slug]);
  }, 30_000);

  it('makes one request per organisation addressed, and one only however often the same mail arrives', async () => {
    const from = sender('twice');
    const source = await composeMail({
      from,
      to: [PRONTO.address, WEST.address],
      subject: `Access ${tag}`,
      text: 'Send me my data.',
      messageId: `<twice-${tag}@example.org>`,
    });
    for (let attempt = 0; attempt < 3; attempt++) {
      const outcome = await deliverToMailbox(system.mailboxPort, { from, to: [PRONTO.address, WEST.address] }, source);
      expect(outcome.response).toMatch(/^250 /);
    }
    // Two at once, as a sender retrying over two connections would.
    await Promise.all([0, 1].map(() => deliverToMailbox(system.mailboxPort, { from, to: [WEST.address] }, source)));
    const requests = await requestsFrom(from);
    expect(requests.map((r) => r.organisation!.slug).sort()).toEqual([PRONTO.slug, WEST.slug]);
    // Each organisation sees its own request only.
    const staff = await agent();
    const pronto = requests.find((r) => r.organisation!.slug === PRONTO.slug)!;
    const west = requests.find((r) => r.organisation!.slug === WEST.slug)!;
    expect((await staff.get(page(WEST.slug, pronto.id))).status).toBe(404);
    expect((await staff.get(`${page(WEST.slug, pronto.id)}/mail/original.eml`)).status).toBe(404);
    expect((await staff.get(page(WEST.slug, west.id))).status).toBe(200);
  }, 30_000);

  it('classifies a mail as a right: due from the mail’s receipt, and a verification link to the sender', async () => {
    const from = sender('classify');
    const source = await composeMail({
      from: `Cleo Classify <${from}>`,
      to: PRONTO.address,
      subject: 'My data',
      text: 'Please erase my account.',
    });
    await deliverToMailbox(system.mailboxPort, { from, to: [PRONTO.address] }, source);
    const [received] = await requestsFrom(from);
    await system.sink.waitForMailsTo(from);

    // Staff get to it ten days later: the CCPA's 45 days still count from the mail's arrival.
    clock.advanceDays(10);
    const staff = await agent();
    const path = page(PRONTO.slug, received.id);
    const refused = await staff.submitForm(path, `${path}/classify`, { rightId: 'no-such-right' });
    expect(refused.status).toBe(400);
    const classified = await staff.submitForm(path, `${path}/classify`, { rightId: 'ccpa-deletion' });
    expect(classified.status).toBe(303);

    const row = await system.db.getRepository(DataSubjectRequest).findOneByOrFail({ id: received.id });
    const context = await directory.forRequest(row);
    const expected = computeDeadlines({
      regime: 'ccpa',
      requestType: 'deletion',
      receivedAt: received.receivedAt,
      timeZone: context.organisation.timeZone,
      calendar: context.calendar,
      internalTargetDays: internalTargetDaysFor(context.policy, 'ccpa-deletion'),
    });
    expect(row).toMatchObject({
      status: 'unverified',
      rightId: 'ccpa-deletion',
      type: 'deletion',
      regime: 'ccpa',
      verificationRequired: findRight(context.policy, 'ccpa-deletion')!.verification,
    });
    expect(row.receivedAt).toEqual(received.receivedAt);
    expect(row.dueAt).toEqual(expected.dueAt);
    expect(row.dueAt.getTime() - received.receivedAt.getTime()).toBeLessThan(46 * DAY_MS);

    // The From line proves nothing: the sender confirms the address like any requester.
    const [, verification] = await system.sink.waitForMailsTo(from, 2);
    const verifyUrl = linkIn(verification.text, system.baseUrl, '/v/');
    const requester = new FormClient(system.baseUrl);
    const confirm = await requester.get(verifyUrl);
    expect((await requester.post(verifyUrl, { _csrf: csrfTokenIn(confirm.body) })).status).toBe(200);
    expect((await system.db.getRepository(DataSubjectRequest).findOneByOrFail({ id: received.id })).status).toBe(
      'verified',
    );

    // Classified once: the form is gone and a second try is refused.
    const again = await staff.get(path);
    expect(again.body).not.toContain(`action="${path}/classify"`);
    expect(
      (await staff.post(`${path}/classify`, { _csrf: csrfTokenIn(again.body), rightId: 'ccpa-deletion' })).status,
    ).toBe(409);
    const actions: { action: string }[] = await system.db.query(
      'SELECT action FROM audit_entry WHERE request_id = $1 ORDER BY seq',
      [received.id],
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['request.received', 'request.classified', 'request.verified']),
    );
  }, 60_000);

  it('classifies an opt-out and honours it at once: fulfilled with its suppression, and the sender told it is in effect', async () => {
    const from = sender('optout');
    const source = await composeMail({
      from,
      to: PRONTO.address,
      subject: 'Stop',
      text: 'No more marketing mail please.',
    });
    await deliverToMailbox(system.mailboxPort, { from, to: [PRONTO.address] }, source);
    const [received] = await requestsFrom(from);
    await system.sink.waitForMailsTo(from);
    const staff = await agent();
    const path = page(PRONTO.slug, received.id);
    expect((await staff.submitForm(path, `${path}/classify`, { rightId: 'marketing-email-opt-out' })).status).toBe(303);
    const row = await system.db.getRepository(DataSubjectRequest).findOneByOrFail({ id: received.id });
    expect(row).toMatchObject({
      status: 'fulfilled',
      type: 'opt_out_marketing_email',
      regime: 'can_spam',
      verificationRequired: 'none',
    });
    expect(row.closedAt).not.toBeNull();
    const suppressions = await system.db.query(
      'SELECT channel, address, source FROM suppression WHERE request_id = $1 AND ended_at IS NULL',
      [row.id],
    );
    expect(suppressions).toEqual([{ channel: 'email', address: from.toLowerCase(), source: 'privacy_mailbox' }]);
    const [, confirmation] = await system.sink.waitForMailsTo(from, 2);
    expect(confirmation.subject).toBe(`Your opt-out ${row.reference} to ProntoTrak is in effect`);
    expect(confirmation.text).not.toContain('/v/');
  }, 30_000);

  it('sets a mail aside as not a request: closed, without a reply', async () => {
    const from = sender('spam');
    const source = await composeMail({ from, to: OFFICER.address, subject: 'Cheap watches', text: 'Buy now.' });
    await deliverToMailbox(system.mailboxPort, { from, to: [OFFICER.address] }, source);
    const [received] = await requestsFrom(from);
    const staff = await agent();
    const path = page(OFFICER.slug, received.id);
    expect((await staff.submitForm(path, `${path}/not-a-request`, {})).status).toBe(303);
    const row = await system.db.getRepository(DataSubjectRequest).findOneByOrFail({ id: received.id });
    expect(row.status).toBe('not_a_request');
    expect(row.closedAt).not.toBeNull();
    const events: { n: number }[] = await system.db.query(
      'SELECT count(*)::int AS n FROM deadline_event WHERE request_id = $1 AND fired_at IS NULL',
      [received.id],
    );
    expect(events[0].n).toBe(0);
  }, 30_000);
});
