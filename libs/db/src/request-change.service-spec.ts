import { describe, expect, it } from '@jest/globals';

import { findRight } from '#policy';
import { withdraw } from '#workflow';

import { useServiceDatabase } from '../../../test/support/service-database.js';
import { AuditEntry } from './entities/audit-entry.entity.js';
import { DataSubjectRequest } from './entities/data-subject-request.entity.js';
import { DeadlineEvent } from './entities/deadline-event.entity.js';
import { OutboxMessage } from './entities/outbox-message.entity.js';
import { insertRequest, type Requester } from './new-request.js';
import type { OrganisationContext } from './organisation.directory.js';
import { acceptTransition, commitTransition, lockRequest, REQUESTER_ACTOR } from './request-change.js';
import { requestFacts } from './request-facts.js';

const requester: Requester = {
  name: 'Ada Example',
  email: 'ada@example.org',
  phone: null,
  relationship: 'self',
  details: '',
};
const receivedAt = new Date('2031-03-03T15:00:00Z');

describe('saving a request change (libs/db, real PostgreSQL)', () => {
  const db = useServiceDatabase();

  async function inserted(context: OrganisationContext, rightId = 'ccpa-know'): Promise<DataSubjectRequest> {
    const right = findRight(context.policy, rightId)!;
    return db.dataSource.transaction((tx) =>
      insertRequest(tx, context, { right, requester, channel: 'web', receivedAt }),
    );
  }

  it('inserts a request with its deadlines, its received entry and its reminders', async () => {
    const context = await db.organisation('securus-technologies');
    const request = await inserted(context);

    expect(request.reference).toMatch(/^RD-/);
    expect(request.status).toBe('unverified');
    expect(request.verificationRequired).toBe('high');
    const entries = await db.dataSource.getRepository(AuditEntry).findBy({ requestId: request.id });
    expect(entries.map((e) => [e.action, e.actorLabel, e.detail])).toEqual([
      ['request.received', 'requester', { channel: 'web', rightId: 'ccpa-know', dueAt: request.dueAt.toISOString() }],
    ]);
    const events = await db.dataSource.getRepository(DeadlineEvent).findBy({ requestId: request.id });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.organisationId === context.organisation.id)).toBe(true);
  });

  it('holds a mail awaiting triage to the dates it is given, with no verification and no right on its entry', async () => {
    const context = await db.organisation('securus-technologies');
    const dueAt = new Date('2031-04-01T04:59:59Z');
    const right = { id: 'ccpa-know', type: 'access', regime: 'ccpa' } as const;
    const request = await db.dataSource.transaction((tx) =>
      insertRequest(tx, context, {
        requester,
        channel: 'email',
        receivedAt,
        awaitingTriage: { right, acknowledgeBy: null, dueAt },
        receivedDetail: { attachments: 0 },
      }),
    );
    expect(request.status).toBe('received_by_email');
    expect(request.verificationRequired).toBe('none');
    expect(request.dueAt.toISOString()).toBe(dueAt.toISOString());
    const [entry] = await db.dataSource.getRepository(AuditEntry).findBy({ requestId: request.id });
    expect(entry.detail).toEqual({ channel: 'email', dueAt: dueAt.toISOString(), attachments: 0 });
  });

  it('commits a transition: the row, its entry by its actor, and one outbox row per mail naming that entry', async () => {
    const context = await db.organisation('securus-technologies');
    const request = await inserted(context);
    const at = new Date(receivedAt.getTime() + 60_000);

    const entry = await db.dataSource.transaction(async (tx) => {
      const locked = (await lockRequest(tx, { id: request.id, organisationId: context.organisation.id }))!;
      const result = withdraw(requestFacts(locked, context), at, 'status_page');
      if (!result.ok) throw new Error(result.error.message);
      const change = acceptTransition(locked, result);
      return commitTransition(tx, locked, context, {
        actor: REQUESTER_ACTOR,
        ...change,
        detail: { route: 'status_page' },
        at,
      });
    });

    const stored = await db.dataSource.getRepository(DataSubjectRequest).findOneByOrFail({ id: request.id });
    expect(stored.status).toBe('withdrawn');
    expect([entry.action, entry.actorLabel, entry.detail]).toEqual([
      'request.withdrawn',
      'requester',
      { route: 'status_page' },
    ]);
    const outbox = await db.dataSource.getRepository(OutboxMessage).find({ where: { jobName: 'requester.notify' } });
    const mine = outbox.filter((m) => (m.payload as { requestId: string }).requestId === request.id);
    expect(mine.map((m) => m.payload)).toEqual([
      { requestId: request.id, template: 'withdrawal_confirmed', auditEntryId: entry.id },
    ]);
    // Closed: nothing is left scheduled.
    const pending = await db.dataSource.getRepository(DeadlineEvent).countBy({ requestId: request.id });
    expect(pending).toBe(0);
  });

  it('finds no request under another organisation', async () => {
    const [securus, west] = await Promise.all([
      db.organisation('securus-technologies'),
      db.organisation('west-schoolmessenger'),
    ]);
    const request = await inserted(securus);
    await db.dataSource.transaction(async (tx) => {
      expect(await lockRequest(tx, { id: request.id, organisationId: west.organisation.id })).toBeNull();
      expect((await lockRequest(tx, { id: request.id, organisationId: securus.organisation.id }))?.id).toBe(request.id);
    });
  });
});
