import { describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';

import {
  acceptTransition,
  AuditEntry,
  commitTransition,
  DataSubjectRequest,
  DeadlineEvent,
  lockRequest,
  OutboxMessage,
  REQUESTER_ACTOR,
  requestFacts,
  RequestNote,
  VerificationDataPoint,
} from '#db';
import { findRight } from '#policy';
import { withdraw } from '#workflow';

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

  it('keeps the data points and signed declaration of a request for specific pieces, and drops the data points when it closes', async () => {
    const service = await intake();
    const context = await db.organisation('securus-technologies');
    const right = findRight(context.policy, 'ccpa-know')!;
    const identity = {
      dataPoints: [
        { kind: 'phone' as const, value: '+1 415 555 0134' },
        { kind: 'date_of_birth' as const, value: '1990-04-21' },
      ],
      declaration: { name: 'Ada Example', date: '2031-03-03' },
    };

    const request = await service.submit(context, right, form('sworn@example.org', right.id), day(0), { identity });

    expect(request.verificationRequired).toBe('high');
    const stored = await db.dataSource.getRepository(DataSubjectRequest).findOneByOrFail({ id: request.id });
    expect([stored.declarationName, stored.declarationDate, stored.declarationSignedAt]).toEqual([
      'Ada Example',
      '2031-03-03',
      day(0),
    ]);
    const points = await db.dataSource
      .getRepository(VerificationDataPoint)
      .find({ where: { requestId: request.id }, order: { kind: 'ASC' } });
    expect(points.map((p) => [p.organisationId, p.kind, p.value])).toEqual([
      [context.organisation.id, 'date_of_birth', '1990-04-21'],
      [context.organisation.id, 'phone', '+1 415 555 0134'],
    ]);
    // The timeline names the kinds given, never what they say.
    const [received] = await timeline(request.id);
    expect(received.detail).toEqual({
      channel: 'web',
      rightId: 'ccpa-know',
      dueAt: request.dueAt.toISOString(),
      dataPointKinds: ['phone', 'date_of_birth'],
      declarationSigned: true,
    });
    expect(JSON.stringify(await timeline(request.id))).not.toContain('1990-04-21');
    const jobs = await db.dataSource.getRepository(OutboxMessage).find();
    expect(JSON.stringify(jobs.filter((j) => JSON.stringify(j.payload).includes(request.id)))).not.toMatch(
      /555 0134|1990-04-21|Ada Example/,
    );

    await db.dataSource.transaction(async (tx) => {
      const locked = (await lockRequest(tx, { id: request.id }))!;
      const result = withdraw(requestFacts(locked, context), day(1), 'status_page');
      if (!result.ok) throw new Error(result.error.code);
      await commitTransition(tx, locked, context, {
        actor: REQUESTER_ACTOR,
        ...acceptTransition(locked, result),
        detail: {},
        at: day(1),
      });
    });

    expect(await db.dataSource.getRepository(VerificationDataPoint).countBy({ requestId: request.id })).toBe(0);
    const closed = await db.dataSource.getRepository(DataSubjectRequest).findOneByOrFail({ id: request.id });
    expect(closed.status).toBe('withdrawn');
    expect(closed.declarationName).toBe('Ada Example');
  });

  it('keeps the data points of a request still open when another closes', async () => {
    const service = await intake();
    const context = await db.organisation('securus-technologies');
    const right = findRight(context.policy, 'ccpa-categories')!;
    const identity = { dataPoints: [{ kind: 'postal_address' as const, value: '1 Main St, Springfield' }] };
    const open = await service.submit(context, right, form('open@example.org', right.id), day(0), { identity });
    const other = await service.submit(context, right, form('other@example.org', right.id), day(0), { identity });

    await db.dataSource.transaction(async (tx) => {
      const locked = (await lockRequest(tx, { id: other.id }))!;
      const result = withdraw(requestFacts(locked, context), day(1), 'status_page');
      if (!result.ok) throw new Error(result.error.code);
      await commitTransition(tx, locked, context, {
        actor: REQUESTER_ACTOR,
        ...acceptTransition(locked, result),
        detail: {},
        at: day(1),
      });
    });

    expect(open.verificationRequired).toBe('reasonable');
    expect(open.declarationName).toBeNull();
    expect(await db.dataSource.getRepository(VerificationDataPoint).countBy({ requestId: open.id })).toBe(1);
    expect(await db.dataSource.getRepository(VerificationDataPoint).countBy({ requestId: other.id })).toBe(0);
  });
});
