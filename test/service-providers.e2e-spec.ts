import { createHash } from 'node:crypto';

import { beforeAll, describe, expect, it } from '@jest/globals';

import { FulfilmentTask, StaffAlert } from '#db';
import type { DataMap } from '#policy';

import { auditOf, planTasks, signedHeaders, taskIn, useDataMap } from './support/connected-systems.js';
import { eventually, sleep } from './support/eventually.js';
import { csrfTokenIn, FormClient, linkIn } from './support/form-client.js';
import { storeRequest } from './support/stored-requests.js';
import { useRunningSystem } from './support/system-fixture.js';
import { TestClock } from './support/test-clock.js';

const ORG = 'prontotrak';
const VENDOR = 'privacy@mailinghouse.example';
const SWEEP_MS = 200;

const MAP: DataMap = {
  organisation: ORG,
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
    {
      id: 'paper-archive',
      name: 'Paper archive',
      kind: 'manual',
      tasks: ['Search the archive boxes', 'Shred what is found'],
      categories: ['contact'],
      purposes: [],
      sources: [],
      recipients: [],
    },
  ],
};

describe('service providers asked by mail', () => {
  const clock = new TestClock();
  const system = useRunningSystem({
    db: 'typeorm',
    clock,
    ownStorage: 'vendors',
    sink: 'gated',
    extraEnv: { FULFILMENT_VENDOR_SWEEP_MS: String(SWEEP_MS) },
  });

  beforeAll(() => useDataMap(system.db, MAP));

  /** Long enough for several sweeps: what was not sent by then is not going to be. */
  const severalSweeps = () => sleep(SWEEP_MS * 6);
  const tasks = () => system.db.getRepository(FulfilmentTask);
  const alerts = (requestId: string) =>
    system.db.getRepository(StaffAlert).findBy({ requestId, kind: 'vendor_not_confirmed' });

  it('mails the request once, reminds, escalates once, and takes the confirmation once', async () => {
    const email = `vendor-person-${Date.now()}@example.org`;
    const request = await storeRequest(system.db, {
      slug: ORG,
      rightId: 'ccpa-deletion',
      status: 'in_progress',
      channel: 'web',
      receivedAt: clock.now(),
      email,
    });
    const asked = clock.now();
    const planned = await planTasks(system.db, request, 'erasure', asked);
    const manual = planned.find((t) => t.systemId === 'paper-archive')!;
    expect((await taskIn(system.db, manual.id, 'awaiting_staff')).state).toBe('awaiting_staff');

    // The request: once, with the identity to find the person by and nothing else of theirs, and its link.
    const vendorTask = planned.find((t) => t.systemId === 'mailing-house')!;
    const [mail] = await system.sink.waitForMailsTo(VENDOR, 1);
    expect(mail.subject).toBe(
      `Please delete the personal data of one person (ProntoTrak, privacy request ${request.reference})`,
    );
    expect(mail.text).toContain(`- Email address: ${email}`);
    expect(mail.text).not.toContain(request.requesterName);
    expect(mail.text).toContain('Cal. Civ. Code §1798.105(c)(1)');
    const link = linkIn(mail.text, system.baseUrl, '/vendors/confirm/');
    const token = link.slice(link.lastIndexOf('/') + 1);
    const waiting = await taskIn(system.db, vendorTask.id, 'awaiting_vendor');
    const day = 86_400_000;
    expect(waiting.confirmationTokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(waiting.nextReminderAt!.getTime() - asked.getTime()).toBeGreaterThanOrEqual(3 * day);
    expect(waiting.nextReminderAt!.getTime() - asked.getTime()).toBeLessThan(3 * day + 60_000);
    expect(waiting.escalationDueAt!.getTime() - waiting.nextReminderAt!.getTime()).toBe(7 * day);
    expect(
      (await auditOf(system.db, request.id, 'mail.sent')).map((e) => e.detail.template).filter((t) => t !== undefined),
    ).toContain('vendor_request');
    // A service provider has no signed callback: its task is not a service's.
    const body = JSON.stringify({ task: vendorTask.id, counts: {} });
    const callback = await fetch(`${system.baseUrl}/systems/callback/${vendorTask.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedHeaders('any secret', body, clock.now()) },
      body,
    });
    expect(callback.status).toBe(404);
    await severalSweeps();
    expect(system.sink.mailsTo(VENDOR)).toHaveLength(1);

    // Three days on: a reminder, with the same link, once.
    clock.advanceDays(3);
    const [, reminder] = await system.sink.waitForMailsTo(VENDOR, 2);
    expect(reminder.subject).toMatch(/^Reminder: Please delete the personal data of one person/);
    expect(linkIn(reminder.text, system.baseUrl, '/vendors/confirm/')).toBe(link);
    await severalSweeps();
    expect(system.sink.mailsTo(VENDOR)).toHaveLength(2);
    expect((await tasks().findOneByOrFail({ id: vendorTask.id })).remindersSent).toBe(1);

    // Ten days after asking: staff are alerted, once, and the provider is reminded again.
    clock.advanceDays(7);
    await system.sink.waitForMailsTo(VENDOR, 3);
    await eventually(async () => (await alerts(request.id)).length > 0, 'the escalation alert');
    await severalSweeps();
    const [alert, ...more] = await alerts(request.id);
    expect(more).toEqual([]);
    expect(alert.message).toContain(`Mailing House Ltd has not confirmed request ${request.reference}`);
    expect(alert.message).not.toContain(email);
    expect(await auditOf(system.db, request.id, 'fulfilment.vendor_escalated')).toEqual([
      {
        action: 'fulfilment.vendor_escalated',
        actor_label: 'system',
        detail: { systemId: 'mailing-house', purpose: 'erasure', days: 10, reminders: 1 },
      },
    ]);
    expect(system.sink.mailsTo(VENDOR)).toHaveLength(3);

    // Opening the link changes nothing: link scanners fetch it too.
    const provider = new FormClient(system.baseUrl);
    const page = await provider.get(link);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`privacy request ${request.reference}`);
    expect(page.body).toContain('Confirm the deletion');
    expect(await tasks().findOneByOrFail({ id: vendorTask.id })).toMatchObject({
      state: 'awaiting_vendor',
      confirmationTokenHash: waiting.confirmationTokenHash,
    });
    // A post without the page's form token confirms nothing.
    expect((await new FormClient(system.baseUrl).post(link, {})).status).toBe(403);
    expect((await tasks().findOneByOrFail({ id: vendorTask.id })).state).toBe('awaiting_vendor');

    const confirmed = await provider.post(link, { _csrf: csrfTokenIn(page.body) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toContain('your confirmation is recorded');
    expect(await tasks().findOneByOrFail({ id: vendorTask.id })).toMatchObject({
      state: 'done',
      confirmationTokenHash: null,
      nextReminderAt: null,
    });
    expect(
      await auditOf(system.db, request.id, 'fulfilment.vendor_confirmed', 'fulfilment.system_done').then((entries) =>
        entries.map((e) => [e.action, e.actor_label, e.detail.systemId]),
      ),
    ).toEqual([
      ['fulfilment.vendor_confirmed', 'service provider', 'mailing-house'],
      ['fulfilment.system_done', 'system', 'mailing-house'],
    ]);

    // Spent: a second press, or opening it again, says so (410); a link that never was ours is not found (404).
    const again = await provider.post(link, { _csrf: csrfTokenIn(page.body) });
    expect([again.status, again.body.includes('already been used')]).toEqual([410, true]);
    expect((await provider.get(link)).status).toBe(410);
    const forged = `${vendorTask.id}.${'A'.repeat(43)}`;
    expect((await provider.get(`/vendors/confirm/${forged}`)).status).toBe(404);
    expect((await provider.get('/vendors/confirm/not-a-token')).status).toBe(404);

    // Confirmed: no more reminders.
    clock.advanceDays(4);
    await severalSweeps();
    expect(system.sink.mailsTo(VENDOR)).toHaveLength(3);
  });

  it('takes a confirmation pressed before the worker that mailed the link has recorded it, and keeps it', async () => {
    const request = await storeRequest(system.db, {
      slug: ORG,
      rightId: 'ccpa-deletion',
      status: 'in_progress',
      channel: 'web',
      receivedAt: clock.now(),
      email: `vendor-quick-${Date.now()}@example.org`,
    });
    const before = system.sink.mailsTo(VENDOR).length;
    // The provider has the mail; the worker does not know yet that it was accepted, so its task is still running.
    system.sink.holdReplies(60_000);
    try {
      const planned = await planTasks(system.db, request, 'erasure', clock.now());
      const vendorTask = planned.find((t) => t.systemId === 'mailing-house')!;
      const mail = (await system.sink.waitForMailsTo(VENDOR, before + 1))[before];
      expect(mail.subject).toContain(request.reference);
      expect((await tasks().findOneByOrFail({ id: vendorTask.id })).state).toBe('running');

      const provider = new FormClient(system.baseUrl);
      const link = linkIn(mail.text, system.baseUrl, '/vendors/confirm/');
      const page = await provider.get(link);
      expect([page.status, page.body.includes('Confirm the deletion')]).toEqual([200, true]);
      const confirmed = await provider.post(link, { _csrf: csrfTokenIn(page.body) });
      expect([confirmed.status, confirmed.body.includes('your confirmation is recorded')]).toEqual([200, true]);

      system.sink.holdReplies(0);
      await eventually(
        async () => (await auditOf(system.db, request.id, 'mail.sent')).length > 0,
        'the worker to learn its mail went',
      );
      await severalSweeps();
      expect(await tasks().findOneByOrFail({ id: vendorTask.id })).toMatchObject({ state: 'done', runJobId: null });
      expect(
        (await auditOf(system.db, request.id, 'fulfilment.vendor_confirmed', 'fulfilment.system_awaiting_vendor')).map(
          (e) => e.action,
        ),
      ).toEqual(['fulfilment.vendor_confirmed']);
    } finally {
      system.sink.holdReplies(0);
    }
  });
});
