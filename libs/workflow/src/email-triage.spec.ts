import { describe, expect, it } from '@jest/globals';

import { provisionalTriageDeadlines, type TriageRight } from './email-triage.js';
import {
  askRequester,
  classifyRequest,
  deny,
  dismissAsNotARequest,
  extendRequest,
  fulfil,
  isOpen,
  partiallyFulfil,
  redirect,
  reopen,
  type RequestFacts,
  startWork,
  verifyRequest,
  withdraw,
} from './request-state.machine.js';
import { publicHolidayCalendar } from './working-calendar.js';

const US = publicHolidayCalendar('US');
const ENG = publicHolidayCalendar('GB', 'ENG');
const t = (iso: string) => new Date(iso);
const LA = 'America/Los_Angeles';
const LONDON = 'Europe/London';

// Mail received Mon 5 Jan 2026, 09:00 in Los Angeles. CCPA access/deletion: 45 days → Thu 19 Feb; opt-out of
// sale/share: 15 business days (MLK day, Mon 19 Jan, skipped) → Tue 27 Jan; acknowledgement: 10 business days → Tue 20 Jan.
const CCPA_RECEIVED = t('2026-01-05T17:00:00Z');
const END_OF = (date: string, offset: string) => t(`${date}T23:59:59.999${offset}`);

const ccpaRights: TriageRight[] = [
  { right: { id: 'know', type: 'access', regime: 'ccpa' } },
  { right: { id: 'delete', type: 'deletion', regime: 'ccpa' } },
  { right: { id: 'opt-out', type: 'opt_out_sale_share', regime: 'ccpa' } },
];

// UK GDPR mail received Fri 1 May 2026, 10:00 in London: one month → Mon 1 Jun; an email unsubscribe (CAN-SPAM,
// 10 business days; the early-May and late-May bank holidays do not count in the US calendar) would be earlier.
const GDPR_RECEIVED = t('2026-05-01T09:00:00Z');

function triage(over: Partial<RequestFacts> = {}): RequestFacts {
  return {
    status: 'received_by_email',
    // Provisional: the right with the earliest due date, until classified.
    regime: 'ccpa',
    requestType: 'opt_out_sale_share',
    receivedAt: CCPA_RECEIVED,
    clockStartedAt: CCPA_RECEIVED,
    verifiedAt: null,
    extended: false,
    timeZone: LA,
    calendar: US,
    ...over,
  };
}

describe('provisional deadlines of a mailed-in request', () => {
  it('holds it to the earliest due date of any right, and the earliest acknowledgement', () => {
    const provisional = provisionalTriageDeadlines(ccpaRights, CCPA_RECEIVED, LA, US);
    expect(provisional.right.id).toBe('opt-out');
    expect(provisional.dueAt).toEqual(END_OF('2026-01-27', '-08:00'));
    expect(provisional.acknowledgeBy).toEqual(END_OF('2026-01-20', '-08:00'));
  });

  it('does not depend on the order the policy lists its rights in', () => {
    const reversed = provisionalTriageDeadlines([...ccpaRights].reverse(), CCPA_RECEIVED, LA, US);
    expect(reversed.right.id).toBe('opt-out');
    expect(reversed.dueAt).toEqual(END_OF('2026-01-27', '-08:00'));
  });

  it('takes an internal target that is earlier than the law', () => {
    const rights: TriageRight[] = [
      ...ccpaRights,
      { right: { id: 'promise', type: 'correction', regime: 'none' }, internalTargetDays: 7 },
    ];
    const provisional = provisionalTriageDeadlines(rights, CCPA_RECEIVED, LA, US);
    expect(provisional.right.id).toBe('promise');
    expect(provisional.dueAt).toEqual(END_OF('2026-01-12', '-08:00'));
  });

  it('gives UK GDPR mail one month from receipt, and no acknowledgement date (the regime sets none)', () => {
    const rights: TriageRight[] = [
      { right: { id: 'access', type: 'access', regime: 'uk_gdpr' } },
      { right: { id: 'erasure', type: 'deletion', regime: 'uk_gdpr' } },
    ];
    const provisional = provisionalTriageDeadlines(rights, GDPR_RECEIVED, LONDON, ENG);
    expect(provisional.dueAt).toEqual(END_OF('2026-06-01', '+01:00'));
    expect(provisional.acknowledgeBy).toBeNull();
  });

  it('refuses an organisation without rights', () => {
    expect(() => provisionalTriageDeadlines([], CCPA_RECEIVED, LA, US)).toThrow('without rights');
  });
});

describe('classifying a mailed-in request', () => {
  it('counts a CCPA request to know from the mail’s receipt, however late staff read it', () => {
    // Read on 1 Mar, after the 45 days ran out: the request is overdue, not given a fresh period.
    const result = classifyRequest(
      triage(),
      t('2026-03-01T18:00:00Z'),
      { id: 'know', type: 'access', regime: 'ccpa', verification: 'email' },
      undefined,
    );
    expect(result).toEqual({
      ok: true,
      status: 'unverified',
      changes: {
        classification: { id: 'know', type: 'access', regime: 'ccpa', verification: 'email' },
        clockStartedAt: CCPA_RECEIVED,
        dueAt: END_OF('2026-02-19', '-08:00'),
      },
      events: [{ kind: 'audit', action: 'request.classified' }],
    });
  });

  it('makes an opt-out verified at once: opt-outs need no proof of identity', () => {
    const result = classifyRequest(
      triage(),
      t('2026-01-06T18:00:00Z'),
      { id: 'opt-out', type: 'opt_out_sale_share', regime: 'ccpa', verification: 'none' },
      undefined,
    );
    expect(result.ok && result.status).toBe('verified');
    expect(result.ok && result.changes.dueAt).toEqual(END_OF('2026-01-27', '-08:00'));
  });

  it('applies the internal target of the right chosen', () => {
    const result = classifyRequest(
      triage(),
      t('2026-01-06T18:00:00Z'),
      { id: 'promise', type: 'correction', regime: 'none', verification: 'email' },
      7,
    );
    expect(result.ok && result.changes.dueAt).toEqual(END_OF('2026-01-12', '-08:00'));
  });

  it('under UK GDPR counts from receipt, then from when verification arrives, as for any request', () => {
    const received = triage({
      regime: 'uk_gdpr',
      requestType: 'access',
      receivedAt: GDPR_RECEIVED,
      clockStartedAt: GDPR_RECEIVED,
      timeZone: LONDON,
      calendar: ENG,
    });
    const classified = classifyRequest(
      received,
      t('2026-05-05T09:00:00Z'),
      { id: 'erasure', type: 'deletion', regime: 'uk_gdpr', verification: 'email' },
      undefined,
    );
    expect(classified.ok && classified.status).toBe('unverified');
    expect(classified.ok && classified.changes.dueAt).toEqual(END_OF('2026-06-01', '+01:00'));

    // Identification arrives Thu 14 May: one month from then is Sun 14 Jun, a non-working day → Mon 15 Jun.
    const verified = verifyRequest(
      { ...received, status: 'unverified', requestType: 'deletion' },
      t('2026-05-14T09:00:00Z'),
    );
    expect(verified.ok && verified.changes.dueAt).toEqual(END_OF('2026-06-15', '+01:00'));
  });

  it.each([
    {
      why: 'a request already classified',
      facts: triage({ status: 'unverified', requestType: 'access' }),
      code: 'already_classified',
    },
    { why: 'a mail set aside as not a request', facts: triage({ status: 'not_a_request' }), code: 'already_closed' },
  ])('refuses $why', ({ facts, code }) => {
    const result = classifyRequest(
      facts,
      t('2026-01-06T18:00:00Z'),
      { id: 'know', type: 'access', regime: 'ccpa', verification: 'email' },
      undefined,
    );
    expect(!result.ok && result.error.code).toBe(code);
  });

  it('refuses a classification dated before the mail arrived', () => {
    const result = classifyRequest(
      triage(),
      t('2026-01-01T00:00:00Z'),
      { id: 'know', type: 'access', regime: 'ccpa', verification: 'email' },
      undefined,
    );
    expect(!result.ok && result.error.code).toBe('out_of_order');
  });
});

describe('setting a mail aside as not a request', () => {
  const AT = t('2026-01-06T18:00:00Z');

  it('closes it without mailing the sender', () => {
    expect(dismissAsNotARequest(triage(), AT)).toEqual({
      ok: true,
      status: 'not_a_request',
      changes: { closedAt: AT },
      events: [{ kind: 'audit', action: 'request.dismissed' }],
    });
    expect(isOpen('not_a_request')).toBe(false);
    expect(isOpen('received_by_email')).toBe(true);
  });

  it('refuses a request already classified', () => {
    const result = dismissAsNotARequest(triage({ status: 'verified', requestType: 'access' }), AT);
    expect(!result.ok && result.error.code).toBe('already_classified');
  });

  it('reopens into triage, not into verification', () => {
    const result = reopen(triage({ status: 'not_a_request' }), AT, 'It was a deletion request after all');
    expect(result.ok && result.status).toBe('received_by_email');
  });
});

describe('what waits for classification', () => {
  const AT = t('2026-01-06T18:00:00Z');
  const facts = triage();

  it.each([
    { why: 'start work', run: () => startWork(facts, AT) },
    { why: 'ask the requester', run: () => askRequester(facts, AT) },
    { why: 'extend', run: () => extendRequest(facts, AT, 'Busy') },
    { why: 'fulfil', run: () => fulfil(facts, AT) },
    { why: 'partially fulfil', run: () => partiallyFulfil(facts, AT, 'Some') },
    { why: 'deny', run: () => deny(facts, AT, 'suspected_fraud', 'x') },
    { why: 'withdraw', run: () => withdraw(facts, AT, 'phone') },
    { why: 'redirect', run: () => redirect(facts, AT, 'Acme') },
  ])('refuses to $why an unclassified request', ({ run }) => {
    const result = run();
    expect(!result.ok && result.error.code).toBe('not_classified');
  });

  it('does not verify an unclassified request', () => {
    const result = verifyRequest(facts, AT);
    expect(!result.ok && result.error.code).toBe('not_unverified');
  });
});
