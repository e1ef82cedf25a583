import { describe, expect, it } from '@jest/globals';

import type { PolicyRight, Regime, RequestType } from '#policy';

import {
  checkEnvelope,
  checkVersion,
  DRP_ACTIONS,
  DRP_VERSION,
  drpBusinessId,
  type DrpStatusFacts,
  drpStatusObject,
  type DrpStatusObjectFacts,
  drpStatusOf,
  parseExercise,
  rightForExercise,
  sameDrpStatus,
  supportedActions,
} from './data-rights-protocol.js';
import { type DenialReason, REQUEST_STATUSES } from './request-state.machine.js';

const right = (id: string, type: RequestType, regime: Regime): PolicyRight => ({
  id,
  type,
  regime,
  label: id,
  verification: type.startsWith('opt_out_') ? 'none' : 'email',
  citation: { quote: id },
});

// ProntoTrak's rights: CCPA categories, copy and deletion; voluntary access, deletion and a sale/share opt-out.
const PRONTOTRAK = [
  right('ccpa-categories', 'categories', 'ccpa'),
  right('ccpa-copy', 'portability', 'ccpa'),
  right('ccpa-deletion', 'deletion', 'ccpa'),
  right('access', 'access', 'none'),
  right('deletion', 'deletion', 'none'),
  right('marketing-email-opt-out', 'opt_out_marketing_email', 'can_spam'),
  right('third-party-marketing-opt-out', 'opt_out_sale_share', 'none'),
];
const GDPR_ONLY = [right('access', 'access', 'gdpr'), right('deletion', 'deletion', 'gdpr')];

const facts = (status: DrpStatusFacts['status'], extra: Partial<DrpStatusFacts> = {}): DrpStatusFacts => ({
  status,
  denialReason: null,
  extensionReason: null,
  redirectedTo: null,
  ...extra,
});

describe('drpStatusOf (§3.02)', () => {
  it.each([
    ['unverified', 'in_progress', undefined],
    ['verified', 'in_progress', undefined],
    ['in_progress', 'in_progress', undefined],
    ['awaiting_requester', 'in_progress', undefined],
    ['fulfilled', 'fulfilled', undefined],
    ['partially_fulfilled', 'fulfilled', undefined],
    ['withdrawn', 'revoked', undefined],
    ['redirected', 'denied', 'other'],
    ['closed_unverified', 'denied', 'insuf_verification'],
    ['received_by_email', 'in_progress', undefined],
    ['not_a_request', 'denied', 'other'],
  ] as const)('%s reads as %s/%s', (status, drpStatus, reason) => {
    const view = drpStatusOf(facts(status, { redirectedTo: 'the school district' }));
    expect(view.status).toBe(drpStatus);
    expect(view.reason).toBe(reason);
    expect(view.processingDetails.length).toBeGreaterThan(0);
  });

  it('gives every one of our statuses a DRP status, never open or expired', () => {
    for (const status of REQUEST_STATUSES) {
      expect(['in_progress', 'fulfilled', 'revoked', 'denied']).toContain(
        drpStatusOf(facts(status, { denialReason: 'statutory_exemption' })).status,
      );
    }
  });

  it.each([
    ['identity_not_verified', 'insuf_verification'],
    ['frequency_limit_exceeded', 'too_many_requests'],
    ['manifestly_unfounded_or_excessive', 'other'],
    ['statutory_exemption', 'claim_not_covered'],
    ['right_does_not_apply', 'claim_not_covered'],
    ['adversely_affects_others', 'other'],
    ['suspected_fraud', 'suspected_fraud'],
  ] as [DenialReason, string][])('a denial on %s has reason %s', (denialReason, reason) => {
    expect(drpStatusOf(facts('denied', { denialReason }))).toMatchObject({ status: 'denied', reason });
  });

  it('names the controller of a redirected request', () => {
    expect(drpStatusOf(facts('redirected', { redirectedTo: 'Springfield schools' })).processingDetails).toContain(
      'Springfield schools',
    );
  });

  it('gives the reason of an extension while the request is open (§3.08)', () => {
    const view = drpStatusOf(facts('in_progress', { extensionReason: 'The records are archived off site.' }));
    expect(view.processingDetails).toContain('The records are archived off site.');
    expect(drpStatusOf(facts('in_progress')).processingDetails).not.toContain('extended');
  });

  it('tells the agent that the requester must confirm by email while unverified', () => {
    expect(drpStatusOf(facts('unverified')).processingDetails).toMatch(/confirm the request from the email/);
  });

  it('reads an unconfirmed request as need_user_verification, with the page to send the user to (§3.02.1)', () => {
    const url = 'https://rightsdesk.example/o/prontotrak/drp/c789ff35-7644-4ceb-9981-4b35c264aac3/confirm';
    expect(drpStatusOf(facts('unverified', { userVerificationUrl: url }))).toEqual({
      status: 'in_progress',
      reason: 'need_user_verification',
      userVerificationUrl: url,
      processingDetails: 'Waiting for the requester to confirm the request from the email sent to their address.',
    });
    // Once confirmed, the reason and the page go.
    expect(drpStatusOf(facts('verified', { userVerificationUrl: url }))).toEqual({
      status: 'in_progress',
      processingDetails: expect.any(String),
    });
  });
});

describe('drpStatusObject (§3.03) and which changes the agent sees (§2.03)', () => {
  const received = new Date('2031-03-02T15:00:00Z');
  const due = new Date('2031-04-16T03:59:59Z');
  const stored = (
    status: DrpStatusFacts['status'],
    extra: Partial<DrpStatusObjectFacts> = {},
  ): DrpStatusObjectFacts => ({
    ...facts(status),
    receivedAt: received,
    dueAt: due,
    drpRequestId: 'c789ff35-7644-4ceb-9981-4b35c264aac3',
    agentRequestId: null,
    ...extra,
  });
  const seen = (before: DrpStatusObjectFacts, after: DrpStatusObjectFacts) =>
    !sameDrpStatus(drpStatusObject(before), drpStatusObject(after));

  it('gives expected_by while open, agent_request_id when the agent sent one, and nothing else', () => {
    expect(drpStatusObject(stored('verified', { agentRequestId: 'agent-ref' }))).toEqual({
      request_id: 'c789ff35-7644-4ceb-9981-4b35c264aac3',
      status: 'in_progress',
      received_at: received.toISOString(),
      expected_by: due.toISOString(),
      agent_request_id: 'agent-ref',
      processing_details: 'Received and confirmed; waiting to be worked on.',
    });
    expect(drpStatusObject(stored('denied', { denialReason: 'suspected_fraud' }))).toEqual({
      request_id: 'c789ff35-7644-4ceb-9981-4b35c264aac3',
      status: 'denied',
      reason: 'suspected_fraud',
      received_at: received.toISOString(),
      processing_details: 'Denied; the requester was told the grounds by email, and how to complain.',
    });
  });

  it.each([
    ['confirmation by email', stored('unverified'), stored('verified')],
    ['work starting', stored('verified'), stored('in_progress')],
    ['a question to the requester', stored('in_progress'), stored('awaiting_requester')],
    [
      'an extension',
      stored('in_progress'),
      stored('in_progress', { extensionReason: 'Archived.', dueAt: new Date('2031-05-31T03:59:59Z') }),
    ],
    [
      'a due date moved by a paused clock',
      stored('in_progress'),
      stored('in_progress', { dueAt: new Date('2031-04-20T03:59:59Z') }),
    ],
    ['fulfilment', stored('in_progress'), stored('fulfilled')],
    ['revocation', stored('in_progress'), stored('withdrawn')],
    ['expiry unconfirmed', stored('unverified'), stored('closed_unverified')],
    [
      'a denial on another ground',
      stored('denied', { denialReason: 'suspected_fraud' }),
      stored('denied', { denialReason: 'statutory_exemption' }),
    ],
    ['a reopening', stored('denied', { denialReason: 'suspected_fraud' }), stored('in_progress')],
  ])('the agent sees %s', (_, before, after) => {
    expect(seen(before, after)).toBe(true);
  });

  it.each([
    ['a change that leaves the state as it was (a note, an assignment)', stored('in_progress'), stored('in_progress')],
    [
      'a date of a closed request',
      stored('fulfilled'),
      stored('fulfilled', { dueAt: new Date('2031-05-31T03:59:59Z') }),
    ],
    [
      'an extension reason on a closed request',
      stored('withdrawn'),
      stored('withdrawn', { extensionReason: 'Archived.' }),
    ],
  ])('the agent sees nothing of %s', (_, before, after) => {
    expect(seen(before, after)).toBe(false);
  });

  it('tells a partial fulfilment from a full one by its words only', () => {
    expect(drpStatusObject(stored('partially_fulfilled')).status).toBe(drpStatusObject(stored('fulfilled')).status);
    expect(seen(stored('fulfilled'), stored('partially_fulfilled'))).toBe(true);
  });

  it('compares keys present in either object', () => {
    const open = drpStatusObject(stored('in_progress'));
    const { expected_by: _, ...withoutDate } = open;
    expect(sameDrpStatus(open, withoutDate)).toBe(false);
    expect(sameDrpStatus(withoutDate, open)).toBe(false);
  });
});

describe('rights actions (§3.01) against a policy', () => {
  it('files each action under the policy right of the same kind and regime', () => {
    expect(rightForExercise(PRONTOTRAK, 'deletion', 'ccpa')?.id).toBe('ccpa-deletion');
    expect(rightForExercise(PRONTOTRAK, 'deletion', 'voluntary')?.id).toBe('deletion');
    expect(rightForExercise(PRONTOTRAK, 'access:categories', 'ccpa')?.id).toBe('ccpa-categories');
    // The CCPA copy of specific pieces is the policy's portability right.
    expect(rightForExercise(PRONTOTRAK, 'access', 'ccpa')?.id).toBe('ccpa-copy');
    expect(rightForExercise(PRONTOTRAK, 'access:specific', 'ccpa')?.id).toBe('ccpa-copy');
    expect(rightForExercise(PRONTOTRAK, 'access', 'voluntary')?.id).toBe('access');
    expect(rightForExercise(PRONTOTRAK, 'sale:opt_out', 'voluntary')?.id).toBe('third-party-marketing-opt-out');
  });

  it('finds nothing the policy does not grant', () => {
    expect(rightForExercise(PRONTOTRAK, 'sale:opt_out', 'ccpa')).toBeUndefined();
    expect(rightForExercise(PRONTOTRAK, 'sale:opt_in', 'voluntary')).toBeUndefined();
    expect(rightForExercise(PRONTOTRAK, 'access:categories', 'voluntary')).toBeUndefined();
    // GDPR rights are neither CCPA nor voluntary.
    for (const action of DRP_ACTIONS) {
      expect(rightForExercise(GDPR_ONLY, action, 'ccpa')).toBeUndefined();
      expect(rightForExercise(GDPR_ONLY, action, 'voluntary')).toBeUndefined();
    }
  });

  it('advertises exactly the actions some regime grants', () => {
    expect(supportedActions(PRONTOTRAK)).toEqual([
      'sale:opt_out',
      'deletion',
      'access',
      'access:categories',
      'access:specific',
    ]);
    expect(supportedActions(GDPR_ONLY)).toEqual([]);
  });

  it('writes a business id as §3.05 asks: [A-Z_]+', () => {
    expect(drpBusinessId('securus-technologies')).toBe('SECURUS_TECHNOLOGIES');
    expect(drpBusinessId('officertrak')).toBe('OFFICERTRAK');
  });
});

describe('checkEnvelope (§3.07)', () => {
  const now = new Date('2026-03-02T12:00:00Z');
  const expected = { agentId: 'AGENT_A', businessId: 'PRONTOTRAK', now };
  const envelope = (extra: Record<string, unknown> = {}) => ({
    'agent-id': 'AGENT_A',
    'business-id': 'PRONTOTRAK',
    'issued-at': '2026-03-02T11:59:00Z',
    'expires-at': '2026-03-02T12:09:00+00:00',
    'drp.version': DRP_VERSION,
    ...extra,
  });

  it('accepts a fresh message for this agent and business', () => {
    const checked = checkEnvelope(envelope(), expected);
    expect(checked).toEqual({
      ok: true,
      value: {
        agentId: 'AGENT_A',
        businessId: 'PRONTOTRAK',
        issuedAt: new Date('2026-03-02T11:59:00Z'),
        expiresAt: new Date('2026-03-02T12:09:00Z'),
      },
    });
  });

  it.each([
    ['no agent-id', envelope({ 'agent-id': undefined }), 400],
    ['no business-id', envelope({ 'business-id': 5 }), 400],
    ['an issued-at without offset', envelope({ 'issued-at': '2026-03-02T11:59:00' }), 400],
    ['an unparseable expires-at', envelope({ 'expires-at': 'tomorrow' }), 400],
    ["another agent's id", envelope({ 'agent-id': 'AGENT_B' }), 403],
    ["another business's id", envelope({ 'business-id': 'OFFICERTRAK' }), 403],
    ['an issued-at in the future', envelope({ 'issued-at': '2026-03-02T12:00:01Z' }), 403],
  ])('refuses %s', (_, message, httpStatus) => {
    const checked = checkEnvelope(message, expected);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.refusal.httpStatus).toBe(httpStatus);
  });

  it('accepts only the implemented protocol version', () => {
    expect(checkVersion(envelope()).ok).toBe(true);
    expect(checkVersion(envelope({ 'drp.version': '0.9.3' }))).toEqual({
      ok: false,
      refusal: {
        httpStatus: 400,
        message: '"drp.version" must be "0.9.4" or "1.0", the versions this business implements.',
      },
    });
  });

  it('accepts "1.0", whose text is 0.9.4 unchanged, and keeps the version the agent spoke', () => {
    expect(checkVersion(envelope({ 'drp.version': '1.0' }))).toEqual({ ok: true, value: '1.0' });
    expect(checkVersion(envelope({ 'drp.version': '0.9.4' }))).toEqual({ ok: true, value: '0.9.4' });
    expect(checkVersion(envelope({ 'drp.version': 1.0 })).ok).toBe(false);
  });

  it('refuses an expired message as fatal, from the instant it expires', () => {
    const checked = checkEnvelope(envelope({ 'expires-at': '2026-03-02T12:00:00Z' }), expected);
    expect(checked).toEqual({
      ok: false,
      refusal: { httpStatus: 403, message: 'The request expired at its "expires-at".', fatal: true },
    });
  });
});

describe('parseExercise (§2.01, §3.04)', () => {
  const base = {
    exercise: 'deletion',
    regime: 'ccpa',
    name: 'Ada Lovelace',
    email: 'ada@example.org',
    email_verified: true,
  };

  it('reads the action, regime, hints and identity claims', () => {
    const parsed = parseExercise({
      ...base,
      'agent-request-id': 'agent-42',
      relationships: ['customer'],
      status_callback: 'https://agent.example/status',
      phone_number: '+14155550100',
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        action: 'deletion',
        regime: 'ccpa',
        agentRequestId: 'agent-42',
        relationships: ['customer'],
        statusCallback: 'https://agent.example/status',
        identity: {
          name: 'Ada Lovelace',
          email: 'ada@example.org',
          emailVerified: true,
          phoneNumber: '+14155550100',
          phoneNumberVerified: false,
        },
      },
    });
  });

  it('takes a request without regime as voluntary, and both spellings of the sale opt-out', () => {
    const { regime: _, ...voluntary } = base;
    expect(parseExercise({ ...voluntary, exercise: 'sale:opt-out' })).toMatchObject({
      ok: true,
      value: { action: 'sale:opt_out', regime: 'voluntary' },
    });
    expect(parseExercise({ ...base, exercise: 'sale:opt_out', regime: 'voluntary' })).toMatchObject({
      ok: true,
      value: { action: 'sale:opt_out' },
    });
  });

  it.each([
    ['an unknown action', { exercise: 'correction' }, /Unsupported rights action/],
    ['no action', { exercise: undefined }, /Unsupported rights action/],
    ['an unsupported regime', { regime: 'gdpr' }, /Unsupported regime/],
    ['relationships that are not strings', { relationships: [1] }, /relationships/],
    ['a callback that is not a URL', { status_callback: 'javascript:alert(1)' }, /status_callback/],
    ['an email that is not a string', { email: ['a@b.c'] }, /claims must be strings/],
    ['email_verified that is not a boolean', { email_verified: 'yes' }, /booleans/],
  ])('refuses %s with 400', (_, extra, message) => {
    const parsed = parseExercise({ ...base, ...extra });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.refusal.httpStatus).toBe(400);
      expect(parsed.refusal.message).toMatch(message);
    }
  });
});
