import { describe, expect, it } from '@jest/globals';

import { publicHolidayCalendar, type RequestFacts } from '#workflow';

import { availableActions } from './available-actions.js';

const received = new Date('2026-03-02T15:00:00Z');
const now = new Date('2026-03-05T15:00:00Z');

function facts(overrides: Partial<RequestFacts>): RequestFacts {
  return {
    status: 'in_progress',
    regime: 'gdpr',
    requestType: 'access',
    receivedAt: received,
    clockStartedAt: received,
    verifiedAt: received,
    extended: false,
    pausedDays: 0,
    timeZone: 'America/Chicago',
    calendar: publicHolidayCalendar('US'),
    ...overrides,
  };
}

describe('availableActions', () => {
  it('gives an auditor no forms at all', () => {
    const actions = availableActions(facts({}), 'auditor', now);
    expect(Object.values(actions).filter((v) => v === true || (Array.isArray(v) && v.length > 0))).toEqual([]);
  });

  it('offers an agent the work on an open request, with the grounds the regime allows, but not reopening', () => {
    const actions = availableActions(facts({}), 'agent', now);
    expect(actions).toMatchObject({
      assign: true,
      note: true,
      start: false,
      ask: true,
      extend: true,
      fulfil: true,
      partiallyFulfil: true,
      redirect: true,
      withdraw: true,
      reopen: false,
    });
    expect(actions.denialReasons).toContain('adversely_affects_others');
    expect(actions.denialReasons).not.toContain('frequency_limit_exceeded');
  });

  it('offers a frequency-limit denial only where the policy limits the right', () => {
    const ccpa = facts({ regime: 'ccpa', status: 'unverified', verifiedAt: null });
    expect(availableActions(ccpa, 'agent', now).denialReasons).not.toContain('frequency_limit_exceeded');
    expect(availableActions(ccpa, 'agent', now, true).denialReasons).toContain('frequency_limit_exceeded');
    expect(
      availableActions(facts({ regime: 'none', internalTargetDays: 30 }), 'agent', now).denialReasons,
    ).not.toContain('frequency_limit_exceeded');
  });

  it('hides what an unverified request cannot take yet', () => {
    const actions = availableActions(facts({ status: 'unverified', verifiedAt: null }), 'agent', now);
    expect(actions).toMatchObject({
      start: false,
      ask: false,
      extend: false,
      fulfil: false,
      partiallyFulfil: false,
      redirect: true,
    });
    expect(actions.denialReasons).toContain('identity_not_verified');
  });

  it('offers no second extension and no denial of an unsubscribe', () => {
    expect(availableActions(facts({ extended: true }), 'agent', now).extend).toBe(false);
    expect(
      availableActions(facts({ regime: 'can_spam', requestType: 'opt_out_marketing_email' }), 'agent', now)
        .denialReasons,
    ).toEqual([]);
  });

  it('leaves a closed request to notes, and to reopening by an admin', () => {
    const closed = facts({ status: 'fulfilled' });
    expect(availableActions(closed, 'agent', now)).toMatchObject({
      assign: false,
      note: true,
      fulfil: false,
      withdraw: false,
      reopen: false,
    });
    expect(availableActions(closed, 'admin', now)).toMatchObject({
      assign: false,
      note: true,
      fulfil: false,
      reopen: true,
    });
  });

  it('offers classifying or setting aside a mailed-in request, and nothing that needs its type', () => {
    const triage = facts({
      status: 'received_by_email',
      verifiedAt: null,
      regime: 'can_spam',
      requestType: 'opt_out_marketing_email',
    });
    expect(availableActions(triage, 'agent', now)).toEqual({
      assign: true,
      note: true,
      start: false,
      ask: false,
      extend: false,
      fulfil: false,
      partiallyFulfil: false,
      denialReasons: [],
      redirect: false,
      withdraw: false,
      reopen: false,
      classify: true,
      dismiss: true,
    });
    expect(availableActions(facts({}), 'agent', now)).toMatchObject({ classify: false, dismiss: false });
    expect(availableActions(facts({ status: 'not_a_request' }), 'admin', now)).toMatchObject({
      classify: false,
      dismiss: false,
      reopen: true,
    });
  });
});
