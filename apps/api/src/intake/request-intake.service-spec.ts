import { describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';

import { AuditEntry, DataSubjectRequest, DeadlineEvent, OutboxMessage, RequestNote } from '#db';
import { findRight } from '#policy';

import { useServiceDatabase } from '../../../../test/support/service-database.js';
import { DATA_SOURCE } from '../infra/tokens.js';
import { OptOutService } from '../suppression/opt-out.service.js';
import type { RequestFormDto } from './request-form.dto.js';
import { RequestIntakeService } from './request-intake.service.js';

const day = (n: number) => new Date(Date.UTC(2031, 2, 3 + n, 15));

describe('RequestIntakeService in process (real PostgreSQL)', () => {
  const db = useServiceDatabase();

  async function intake(): Promise<RequestIntakeService> {
    const module = await Test.createTestingModule({
      providers: [RequestIntakeService, OptOutService, { provide: DATA_SOURCE, useValue: db.dataSource }],
    }).compile();
    return module.get(RequestIntakeService);
  }

  const form = (email: string, rightId: string): RequestFormDto => ({
    name: 'Ada Example',
    email,
    rightId,
    relationship: 'self',
  });

  async function timeline(requestId: string): Promise<AuditEntry[]> {
    return db.dataSource.getRepository(AuditEntry).find({ where: { requestId }, order: { seq: 'ASC' } });
  }

  it('denies a request over the policy limit at once, its explanation in a note the timeline names', async () => {
    const service = await intake();
    const context = await db.organisation('securus-technologies');
    const right = findRight(context.policy, 'ccpa-know')!;
    const email = 'often@example.org';
    for (const n of [0, 1]) {
      const earlier = await service.submit(context, right, form(email, right.id), day(n));
      await db.dataSource
        .getRepository(DataSubjectRequest)
        .update({ id: earlier.id }, { status: 'verified', verifiedAt: day(n) });
    }

    const third = await service.submit(context, right, form(email, right.id), day(2));

    expect(third.status).toBe('denied');
    const [note] = await db.dataSource.getRepository(RequestNote).findBy({ requestId: third.id });
    expect(note.kind).toBe('denial_explanation');
    expect(note.text).toContain('2 times in 12 months');
    const entries = await timeline(third.id);
    expect(entries.map((e) => [e.action, e.actorLabel])).toEqual([
      ['request.received', 'requester'],
      ['request.denied', 'system'],
    ]);
    expect(entries[1].detail).toEqual({ denialReason: 'frequency_limit_exceeded', noteId: note.id, counted: 2 });
    const jobs = await db.dataSource.getRepository(OutboxMessage).find();
    const mine = jobs.filter((j) => (j.payload as { requestId: string }).requestId === third.id);
    expect(mine.map((j) => [j.jobName, j.payload])).toEqual([
      ['requester.notify', { requestId: third.id, template: 'request_denied', auditEntryId: entries[1].id }],
    ]);
    expect(await db.dataSource.getRepository(DeadlineEvent).countBy({ requestId: third.id })).toBe(0);
  });

  it("closes a request about a processor's service as redirected, naming the controller in the policy's words", async () => {
    const service = await intake();
    const context = await db.organisation('securus-software');
    const right = context.policy.rights.find((r) => r.type === 'access')!;
    const redirect = context.policy.processorRedirects[0];

    const request = await service.submit(context, right, form('pupil@example.org', right.id), day(0), {
      route: { kind: 'redirect', redirect },
    });

    expect(request.status).toBe('redirected');
    expect(request.redirectedTo).toBe(redirect.controller);
    const entries = await timeline(request.id);
    expect(entries.map((e) => [e.action, e.actorLabel, e.detail])).toEqual([
      ['request.received', 'requester', { channel: 'web', rightId: right.id, dueAt: request.dueAt.toISOString() }],
      ['request.redirected', 'requester', { controller: redirect.controller, services: redirect.services }],
    ]);
  });

  it('fulfils an opt-out at once with its suppression, and sends a verification link for anything else', async () => {
    const service = await intake();
    const context = await db.organisation('securus-technologies');
    const optOut = await service.submit(
      context,
      findRight(context.policy, 'marketing-email-opt-out')!,
      form('Quiet@Example.org', 'marketing-email-opt-out'),
      day(0),
    );
    const access = await service.submit(
      context,
      findRight(context.policy, 'ccpa-know')!,
      form('curious@example.org', 'ccpa-know'),
      day(0),
    );

    expect(optOut.status).toBe('fulfilled');
    const suppressions = await db.dataSource.query(
      'SELECT address, channel, request_id FROM suppression WHERE request_id = $1',
      [optOut.id],
    );
    expect(suppressions).toEqual([{ address: 'quiet@example.org', channel: 'email', request_id: optOut.id }]);
    expect(access.status).toBe('unverified');
    const jobs = await db.dataSource.getRepository(OutboxMessage).findBy({ jobName: 'verification.send' });
    expect(jobs.filter((j) => (j.payload as { requestId: string }).requestId === access.id)).toHaveLength(1);
  });
});
