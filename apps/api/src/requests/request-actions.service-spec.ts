import { describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';

import {
  addStaffMember,
  AuditEntry,
  DataSubjectRequest,
  insertRequest,
  OrganisationDirectory,
  OutboxMessage,
  RequestNote,
} from '#db';
import { findRight } from '#policy';

import { useServiceDatabase } from '../../../../test/support/service-database.js';
import { DATA_SOURCE } from '../infra/tokens.js';
import { OptOutService } from '../suppression/opt-out.service.js';
import { ActionRefused } from './action-refused.js';
import { RequestActionsService } from './request-actions.service.js';

const receivedAt = new Date('2031-03-03T15:00:00Z');
const later = (minutes: number) => new Date(receivedAt.getTime() + minutes * 60_000);

describe('RequestActionsService in process (real PostgreSQL)', () => {
  const db = useServiceDatabase();

  async function service(): Promise<RequestActionsService> {
    const module = await Test.createTestingModule({
      providers: [
        RequestActionsService,
        OptOutService,
        { provide: DATA_SOURCE, useValue: db.dataSource },
        { provide: OrganisationDirectory, useValue: db.directory },
      ],
    }).compile();
    return module.get(RequestActionsService);
  }

  async function verifiedRequest(slug: string, rightId: string): Promise<DataSubjectRequest> {
    const context = await db.organisation(slug);
    const right = findRight(context.policy, rightId)!;
    const requester = {
      name: 'Ada Example',
      email: 'ada@example.org',
      phone: null,
      relationship: 'self' as const,
      details: '',
    };
    const request = await db.dataSource.transaction((tx) =>
      insertRequest(tx, context, { right, requester, channel: 'web', receivedAt }),
    );
    await db.dataSource
      .getRepository(DataSubjectRequest)
      .update({ id: request.id }, { status: 'verified', verifiedAt: receivedAt });
    return request;
  }

  it('denies with the explanation in a note: the timeline names the note, the mail names the entry', async () => {
    const actions = await service();
    const request = await verifiedRequest('securus-technologies', 'ccpa-know');
    const staff = { id: null, label: 'Priya Staff' };

    await actions.deny(
      request.organisationId,
      request.id,
      staff,
      { reason: 'identity_not_verified', explanation: 'We could not match Ada Example, 12 High St.' },
      later(5),
    );

    const stored = await db.dataSource.getRepository(DataSubjectRequest).findOneByOrFail({ id: request.id });
    expect(stored.status).toBe('denied');
    const [note] = await db.dataSource.getRepository(RequestNote).findBy({ requestId: request.id });
    expect([note.kind, note.text]).toEqual(['denial_explanation', 'We could not match Ada Example, 12 High St.']);
    const entry = await db.dataSource
      .getRepository(AuditEntry)
      .findOneByOrFail({ requestId: request.id, action: 'request.denied' });
    expect(entry.actorLabel).toBe('Priya Staff');
    expect(entry.detail).toEqual({ denialReason: 'identity_not_verified', noteId: note.id });
    expect(JSON.stringify(entry.detail)).not.toContain('High St');
    const mails = await db.dataSource.getRepository(OutboxMessage).findBy({ jobName: 'requester.notify' });
    expect(mails.map((m) => m.payload).filter((p) => (p as { requestId: string }).requestId === request.id)).toEqual([
      { requestId: request.id, template: 'request_denied', auditEntryId: entry.id },
    ]);
  });

  it('refuses what the workflow refuses and keeps nothing of the attempt', async () => {
    const actions = await service();
    const request = await verifiedRequest('securus-technologies', 'ccpa-know');

    const refusal = actions.reopen(
      request.organisationId,
      request.id,
      { id: null, label: 'Priya Staff' },
      'Opened by mistake',
      later(1),
    );
    await expect(refusal).rejects.toBeInstanceOf(ActionRefused);

    expect(await db.dataSource.getRepository(RequestNote).countBy({ requestId: request.id })).toBe(0);
    const entries = await db.dataSource.getRepository(AuditEntry).findBy({ requestId: request.id });
    expect(entries.map((e) => e.action)).toEqual(['request.received']);
  });

  it('assigns only to an agent or admin of the request organisation', async () => {
    const actions = await service();
    const request = await verifiedRequest('securus-technologies', 'ccpa-know');
    const west = await db.organisation('west-schoolmessenger');
    const outsider = await db.dataSource.transaction((tx) =>
      addStaffMember(tx, {
        email: 'out@west.example',
        name: 'Out Sider',
        password: 'correct horse battery staple',
        organisationId: west.organisation.id,
        role: 'admin',
      }),
    );
    const staff = { id: null, label: 'Priya Staff' };

    await expect(actions.assign(request.organisationId, request.id, staff, outsider.id, later(1))).rejects.toThrow(
      /Choose an agent or admin/,
    );
    // Another organisation's request is not found under this one.
    await expect(actions.startWork(west.organisation.id, request.id, staff, later(1))).rejects.toThrow(
      /no such request/,
    );
  });
});
