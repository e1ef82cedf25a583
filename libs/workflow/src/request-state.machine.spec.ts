import { describe, expect, it } from '@jest/globals';

import {
  answerAsCategories,
  askRequester,
  type AuditAction,
  denialReasons,
  deny,
  expireVerification,
  extendRequest,
  fulfil,
  honourOptOut,
  initialStatus,
  isOpen,
  type MailTemplate,
  OPEN_STATUSES,
  partiallyFulfil,
  redirect,
  type RefusalCode,
  refuseAgentAuthority,
  reopen,
  REQUEST_STATUSES,
  type RequestChanges,
  requesterReplied,
  type RequestEvent,
  type RequestFacts,
  type RequestStatus,
  requiresVerification,
  startWork,
  type TransitionResult,
  verifyRequest,
  withdraw,
  WITHDRAWAL_ROUTES,
} from './request-state.machine.js';
import { publicHolidayCalendar } from './working-calendar.js';

const US = publicHolidayCalendar('US');
const ENG = publicHolidayCalendar('GB', 'ENG');
const t = (iso: string) => new Date(iso);

// CCPA access received Mon 5 Jan 2026 in Los Angeles: due 19 Feb, extended 5 Apr, notice by end of 19 Feb.
const CCPA_RECEIVED = t('2026-01-05T17:00:00Z');
const CCPA_NOTICE_BY = t('2026-02-20T07:59:59.999Z');
const CCPA_EXTENDED_DUE = t('2026-04-06T06:59:59.999Z');

function ccpa(over: Partial<RequestFacts> = {}): RequestFacts {
  return {
    status: 'in_progress',
    regime: 'ccpa',
    requestType: 'access',
    receivedAt: CCPA_RECEIVED,
    clockStartedAt: CCPA_RECEIVED,
    verifiedAt: t('2026-01-06T17:00:00Z'),
    extended: false,
    timeZone: 'America/Los_Angeles',
    calendar: US,
    ...over,
  };
}

// UK GDPR access received Fri 1 May 2026 in London, identification arrived Thu 14 May: due 15 Jun, extended 14 Aug.
const GDPR_RECEIVED = t('2026-05-01T09:00:00Z');
const GDPR_CLOCK = t('2026-05-14T09:00:00Z');

function ukGdpr(over: Partial<RequestFacts> = {}): RequestFacts {
  return {
    status: 'in_progress',
    regime: 'uk_gdpr',
    requestType: 'access',
    receivedAt: GDPR_RECEIVED,
    clockStartedAt: GDPR_CLOCK,
    verifiedAt: GDPR_CLOCK,
    extended: false,
    pausedAt: null,
    pausedDays: 0,
    timeZone: 'Europe/London',
    calendar: ENG,
    ...over,
  };
}

const mail = (template: MailTemplate): RequestEvent => ({ kind: 'mail', template });
const audit = (action: AuditAction): RequestEvent => ({ kind: 'audit', action });

interface Allowed {
  why: string;
  run: () => TransitionResult;
  status: RequestStatus;
  changes: RequestChanges;
  events: RequestEvent[];
}

const AT = t('2026-02-10T18:00:00Z');
const GDPR_AT = t('2026-05-20T10:00:00Z');

const CATEGORIES = { id: 'ccpa-categories', type: 'categories', regime: 'ccpa', verification: 'reasonable' } as const;

const ALLOWED: Allowed[] = [
  {
    why: 'answer a request for specific pieces as one for categories: same status and dates, told by mail',
    run: () => answerAsCategories(ccpa({ status: 'verified' }), AT, CATEGORIES),
    status: 'verified',
    changes: { classification: CATEGORIES },
    events: [mail('answered_as_categories'), audit('request.answered_as_categories')],
  },
  {
    why: 'honour an email unsubscribe at once: fulfilled, confirmed by mail',
    run: () =>
      honourOptOut(
        ccpa({ status: 'verified', regime: 'can_spam', requestType: 'opt_out_marketing_email', verifiedAt: null }),
        AT,
        'mail',
      ),
    status: 'fulfilled',
    changes: { closedAt: AT },
    events: [mail('opt_out_confirmed'), audit('request.fulfilled')],
  },
  {
    why: 'honour an SMS STOP: fulfilled, the reply to the text is the confirmation (no mail)',
    run: () =>
      honourOptOut(
        ccpa({ status: 'verified', regime: 'fcc_tcpa', requestType: 'opt_out_marketing_sms', verifiedAt: null }),
        AT,
        'sms_reply',
      ),
    status: 'fulfilled',
    changes: { closedAt: AT },
    events: [audit('request.fulfilled')],
  },
  {
    why: 'honour a sale/share opt-out someone started work on',
    run: () => honourOptOut(ccpa({ requestType: 'opt_out_sale_share' }), AT, 'mail'),
    status: 'fulfilled',
    changes: { closedAt: AT },
    events: [mail('opt_out_confirmed'), audit('request.fulfilled')],
  },
  {
    why: 'CCPA verify sets verifiedAt and leaves the deadlines (they run from receipt)',
    run: () => verifyRequest(ccpa({ status: 'unverified', verifiedAt: null }), AT),
    status: 'verified',
    changes: { verifiedAt: AT },
    events: [audit('request.verified')],
  },
  {
    why: 'UK GDPR verify starts the clock: due moves from 1 Jun (receipt + 1 month) to 15 Jun',
    run: () =>
      verifyRequest(ukGdpr({ status: 'unverified', clockStartedAt: GDPR_RECEIVED, verifiedAt: null }), GDPR_CLOCK),
    status: 'verified',
    changes: { verifiedAt: GDPR_CLOCK, clockStartedAt: GDPR_CLOCK, dueAt: t('2026-06-15T22:59:59.999Z') },
    events: [audit('request.verified')],
  },
  {
    why: 'start work on a verified request',
    run: () => startWork(ccpa({ status: 'verified' }), AT),
    status: 'in_progress',
    changes: {},
    events: [audit('request.work_started')],
  },
  {
    why: 'start work on an opt-out, which needs no verification',
    run: () => startWork(ccpa({ status: 'unverified', requestType: 'opt_out_sale_share', verifiedAt: null }), AT),
    status: 'in_progress',
    changes: {},
    events: [audit('request.work_started')],
  },
  {
    why: 'CCPA: asking the requester does not stop the clock',
    run: () => askRequester(ccpa(), AT),
    status: 'awaiting_requester',
    changes: {},
    events: [mail('question_to_requester'), audit('request.awaiting_requester')],
  },
  {
    why: 'UK GDPR: asking the requester stops the clock',
    run: () => askRequester(ukGdpr({ status: 'verified' }), GDPR_AT),
    status: 'awaiting_requester',
    changes: { pausedAt: GDPR_AT },
    events: [mail('question_to_requester'), audit('request.awaiting_requester')],
  },
  {
    why: 'CCPA: a reply resumes work with the deadlines unchanged',
    run: () => requesterReplied(ccpa({ status: 'awaiting_requester' }), AT),
    status: 'in_progress',
    changes: {},
    events: [audit('request.requester_replied')],
  },
  {
    why: 'UK GDPR: a reply after 7 paused days (2 earlier) moves 14 Jun by 9 days to Tue 23 Jun',
    run: () =>
      requesterReplied(
        ukGdpr({ status: 'awaiting_requester', pausedAt: GDPR_AT, pausedDays: 2 }),
        t('2026-05-27T08:00:00Z'),
      ),
    status: 'in_progress',
    changes: { pausedAt: null, pausedDays: 9, dueAt: t('2026-06-23T22:59:59.999Z') },
    events: [audit('request.requester_replied')],
  },
  {
    why: 'UK GDPR extended: the pause moves the extended date, 14 Aug + 9 = Sun 23 Aug → Mon 24 Aug',
    run: () =>
      requesterReplied(
        ukGdpr({ status: 'awaiting_requester', pausedAt: GDPR_AT, pausedDays: 2, extended: true }),
        t('2026-05-27T08:00:00Z'),
      ),
    status: 'in_progress',
    changes: {
      pausedAt: null,
      pausedDays: 9,
      dueAt: t('2026-08-24T22:59:59.999Z'),
      extendedDueAt: t('2026-08-24T22:59:59.999Z'),
    },
    events: [audit('request.requester_replied')],
  },
  {
    why: 'CCPA extension moves the due date to receipt + 90 days',
    run: () => extendRequest(ccpa(), AT, ' Large archive search '),
    status: 'in_progress',
    changes: {
      extended: true,
      extensionReason: 'Large archive search',
      dueAt: CCPA_EXTENDED_DUE,
      extendedDueAt: CCPA_EXTENDED_DUE,
    },
    events: [mail('extension_notice'), audit('request.extended')],
  },
  {
    why: 'CCPA extension at the last moment of the first period is in time',
    run: () => extendRequest(ccpa({ status: 'verified' }), CCPA_NOTICE_BY, 'Complex request'),
    status: 'verified',
    changes: {
      extended: true,
      extensionReason: 'Complex request',
      dueAt: CCPA_EXTENDED_DUE,
      extendedDueAt: CCPA_EXTENDED_DUE,
    },
    events: [mail('extension_notice'), audit('request.extended')],
  },
  {
    why: 'UK GDPR extension while awaiting the requester keeps the status; due 14 Aug',
    run: () => extendRequest(ukGdpr({ status: 'awaiting_requester', pausedAt: GDPR_AT }), GDPR_AT, 'Many requests'),
    status: 'awaiting_requester',
    changes: {
      extended: true,
      extensionReason: 'Many requests',
      dueAt: t('2026-08-14T22:59:59.999Z'),
      extendedDueAt: t('2026-08-14T22:59:59.999Z'),
    },
    events: [mail('extension_notice'), audit('request.extended')],
  },
  {
    why: 'fulfil a request in progress',
    run: () => fulfil(ccpa(), AT),
    status: 'fulfilled',
    changes: { closedAt: AT },
    events: [mail('request_fulfilled'), audit('request.fulfilled')],
  },
  {
    why: 'fulfil straight from verified',
    run: () => fulfil(ccpa({ status: 'verified' }), AT),
    status: 'fulfilled',
    changes: { closedAt: AT },
    events: [mail('request_fulfilled'), audit('request.fulfilled')],
  },
  {
    why: 'fulfil while awaiting a requester who never replied',
    run: () => fulfil(ccpa({ status: 'awaiting_requester' }), AT),
    status: 'fulfilled',
    changes: { closedAt: AT },
    events: [mail('request_fulfilled'), audit('request.fulfilled')],
  },
  {
    why: 'fulfil an email unsubscribe that was never verified (none needed)',
    run: () =>
      fulfil(
        ccpa({ status: 'unverified', regime: 'can_spam', requestType: 'opt_out_marketing_email', verifiedAt: null }),
        AT,
      ),
    status: 'fulfilled',
    changes: { closedAt: AT },
    events: [mail('request_fulfilled'), audit('request.fulfilled')],
  },
  {
    why: 'partially fulfil with the reason for what was withheld',
    run: () => partiallyFulfil(ccpa(), AT, 'Trade secrets withheld'),
    status: 'partially_fulfilled',
    changes: { closedAt: AT, partialReason: 'Trade secrets withheld' },
    events: [mail('request_partially_fulfilled'), audit('request.partially_fulfilled')],
  },
  {
    why: 'CCPA deny a third access request in 12 months, before verification',
    run: () =>
      deny(ccpa({ status: 'unverified', verifiedAt: null }), AT, 'frequency_limit_exceeded', 'Third request this year'),
    status: 'denied',
    changes: { closedAt: AT, denial: { reason: 'frequency_limit_exceeded', text: 'Third request this year' } },
    events: [mail('request_denied'), audit('request.denied')],
  },
  {
    why: 'UK GDPR deny where disclosure would adversely affect others',
    run: () => deny(ukGdpr(), GDPR_AT, 'adversely_affects_others', 'Third-party data'),
    status: 'denied',
    changes: { closedAt: GDPR_AT, denial: { reason: 'adversely_affects_others', text: 'Third-party data' } },
    events: [mail('request_denied'), audit('request.denied')],
  },
  {
    why: 'CCPA deny a sale/share opt-out documented as fraudulent',
    run: () => deny(ccpa({ requestType: 'opt_out_sale_share' }), AT, 'suspected_fraud', 'Bot traffic'),
    status: 'denied',
    changes: { closedAt: AT, denial: { reason: 'suspected_fraud', text: 'Bot traffic' } },
    events: [mail('request_denied'), audit('request.denied')],
  },
  ...(['unverified', 'verified', 'in_progress', 'awaiting_requester'] as const).map((status): Allowed => ({
    why: `withdraw from ${status}, on the status page`,
    run: () => withdraw(ccpa({ status }), AT, 'status_page'),
    status: 'withdrawn',
    changes: { closedAt: AT },
    events: [mail('withdrawal_confirmed'), audit('request.withdrawn')],
  })),
  ...WITHDRAWAL_ROUTES.map((route): Allowed => ({
    why: `withdraw under GDPR, told by ${route}`,
    run: () => withdraw(ukGdpr({ status: 'awaiting_requester', pausedAt: GDPR_CLOCK }), GDPR_AT, route),
    status: 'withdrawn',
    changes: { closedAt: GDPR_AT },
    events: [mail('withdrawal_confirmed'), audit('request.withdrawn')],
  })),
  ...(['unverified'] as const).map((status): Allowed => ({
    why: `an agent revokes a ${status} request`,
    run: () => withdraw(ccpa({ status, verifiedAt: null }), AT, 'authorised_agent'),
    status: 'withdrawn',
    changes: { closedAt: AT },
    events: [mail('withdrawal_confirmed'), audit('request.withdrawn')],
  })),
  {
    why: 'redirect to the controller, before verification',
    run: () => redirect(ccpa({ status: 'unverified', verifiedAt: null }), AT, ' Acme Retail Ltd '),
    status: 'redirected',
    changes: { closedAt: AT, redirectedTo: 'Acme Retail Ltd' },
    events: [mail('redirected_to_controller'), audit('request.redirected')],
  },
  {
    why: 'expire an unverified request',
    run: () => expireVerification(ccpa({ status: 'unverified', verifiedAt: null }), AT),
    status: 'closed_unverified',
    changes: { closedAt: AT },
    events: [mail('verification_expired'), audit('request.verification_expired')],
  },
  {
    why: 'reopen a fulfilled request into work',
    run: () => reopen(ccpa({ status: 'fulfilled' }), AT, 'Requester found missing records'),
    status: 'in_progress',
    changes: { closedAt: null, reopenReason: 'Requester found missing records' },
    events: [audit('request.reopened')],
  },
  {
    why: 'reopen a request closed unverified: it goes back to verification',
    run: () => reopen(ccpa({ status: 'closed_unverified', verifiedAt: null }), AT, 'Link never arrived'),
    status: 'unverified',
    changes: { closedAt: null, reopenReason: 'Link never arrived' },
    events: [audit('request.reopened')],
  },
  {
    why: 'the consumer disowns an agent request before confirming it: closed unverified, no mail',
    run: () => refuseAgentAuthority(ccpa({ status: 'unverified', verifiedAt: null, madeByAgent: true }), AT),
    status: 'closed_unverified',
    changes: { closedAt: AT },
    events: [audit('request.agent_authority_refused')],
  },
  {
    why: 'reopen a withdrawn opt-out (never verified, none needed) into work',
    run: () =>
      reopen(
        ccpa({ status: 'withdrawn', requestType: 'opt_out_sale_share', verifiedAt: null }),
        AT,
        'Withdrawn by mistake',
      ),
    status: 'in_progress',
    changes: { closedAt: null, reopenReason: 'Withdrawn by mistake' },
    events: [audit('request.reopened')],
  },
];

interface Refused {
  why: string;
  run: () => TransitionResult;
  code: RefusalCode;
}

const CLOSED = REQUEST_STATUSES.filter((status) => !isOpen(status));
const BEFORE_RECEIPT = t('2026-01-01T00:00:00Z');

const REFUSED: Refused[] = [
  {
    why: 'answer an unconfirmed request as another right',
    run: () => answerAsCategories(ccpa({ status: 'unverified', verifiedAt: null }), AT, CATEGORIES),
    code: 'not_verified',
  },
  {
    why: 'answer a closed request as another right',
    run: () => answerAsCategories(ccpa({ status: 'denied' }), AT, CATEGORIES),
    code: 'already_closed',
  },
  {
    why: 'honour an access request as an opt-out',
    run: () => honourOptOut(ccpa({ status: 'verified' }), AT, 'mail'),
    code: 'not_an_opt_out',
  },
  {
    why: 'honour an opt-out twice',
    run: () => honourOptOut(ccpa({ status: 'fulfilled', requestType: 'opt_out_marketing_email' }), AT, 'mail'),
    code: 'already_closed',
  },
  {
    why: 'honour an opt-out before its receipt',
    run: () =>
      honourOptOut(ccpa({ status: 'verified', requestType: 'opt_out_marketing_sms' }), BEFORE_RECEIPT, 'sms_reply'),
    code: 'out_of_order',
  },
  { why: 'verify twice', run: () => verifyRequest(ccpa({ status: 'verified' }), AT), code: 'not_unverified' },
  { why: 'verify a request already in progress', run: () => verifyRequest(ccpa(), AT), code: 'not_unverified' },
  {
    why: 'verify a closed request',
    run: () => verifyRequest(ccpa({ status: 'closed_unverified' }), AT),
    code: 'already_closed',
  },
  {
    why: 'verify before receipt',
    run: () => verifyRequest(ccpa({ status: 'unverified' }), BEFORE_RECEIPT),
    code: 'out_of_order',
  },
  {
    why: 'start work unverified',
    run: () => startWork(ccpa({ status: 'unverified', verifiedAt: null }), AT),
    code: 'not_verified',
  },
  { why: 'start work twice', run: () => startWork(ccpa(), AT), code: 'already_in_progress' },
  {
    why: 'start work while awaiting the requester',
    run: () => startWork(ccpa({ status: 'awaiting_requester' }), AT),
    code: 'already_in_progress',
  },
  {
    why: 'ask an unverified requester (that is verification)',
    run: () => askRequester(ccpa({ status: 'unverified' }), AT),
    code: 'not_verified',
  },
  {
    why: 'ask twice without a reply',
    run: () => askRequester(ccpa({ status: 'awaiting_requester' }), AT),
    code: 'already_awaiting_requester',
  },
  { why: 'a reply when nothing was asked', run: () => requesterReplied(ccpa(), AT), code: 'not_awaiting_requester' },
  {
    why: 'a GDPR reply dated before the question',
    run: () => requesterReplied(ukGdpr({ status: 'awaiting_requester', pausedAt: GDPR_AT }), t('2026-05-19T10:00:00Z')),
    code: 'out_of_order',
  },
  { why: 'extend twice', run: () => extendRequest(ccpa({ extended: true }), AT, 'Again'), code: 'already_extended' },
  {
    why: 'extend 1 ms after the first period ended',
    run: () => extendRequest(ccpa(), new Date(CCPA_NOTICE_BY.getTime() + 1), 'Too late'),
    code: 'extension_window_closed',
  },
  {
    why: 'extend UK GDPR after the first month (15 Jun)',
    run: () => extendRequest(ukGdpr(), t('2026-06-16T08:00:00Z'), 'Too late'),
    code: 'extension_window_closed',
  },
  {
    why: 'extend an email unsubscribe',
    run: () => extendRequest(ccpa({ regime: 'can_spam', requestType: 'opt_out_marketing_email' }), AT, 'Busy'),
    code: 'no_extension',
  },
  {
    why: 'extend an SMS STOP',
    run: () => extendRequest(ccpa({ regime: 'fcc_tcpa', requestType: 'opt_out_marketing_sms' }), AT, 'Busy'),
    code: 'no_extension',
  },
  {
    why: 'extend a CCPA sale/share opt-out',
    run: () => extendRequest(ccpa({ requestType: 'opt_out_sale_share' }), AT, 'Busy'),
    code: 'no_extension',
  },
  {
    why: "extend under regime 'none' (no legal extension)",
    run: () => extendRequest(ccpa({ regime: 'none', internalTargetDays: 30 }), AT, 'Busy'),
    code: 'no_extension',
  },
  { why: 'extend without a reason', run: () => extendRequest(ccpa(), AT, '   '), code: 'reason_required' },
  {
    why: 'extend an unverified request',
    run: () => extendRequest(ccpa({ status: 'unverified' }), AT, 'Busy'),
    code: 'not_verified',
  },
  {
    why: 'fulfil unverified',
    run: () => fulfil(ccpa({ status: 'unverified', verifiedAt: null }), AT),
    code: 'not_verified',
  },
  {
    why: 'partially fulfil unverified',
    run: () => partiallyFulfil(ccpa({ status: 'unverified' }), AT, 'Some'),
    code: 'not_verified',
  },
  { why: 'partially fulfil without a reason', run: () => partiallyFulfil(ccpa(), AT, ''), code: 'reason_required' },
  {
    why: 'deny an email unsubscribe',
    run: () =>
      deny(ccpa({ regime: 'can_spam', requestType: 'opt_out_marketing_email' }), AT, 'identity_not_verified', 'x'),
    code: 'denial_not_permitted',
  },
  {
    why: 'deny an SMS STOP even under the CCPA',
    run: () => deny(ccpa({ requestType: 'opt_out_marketing_sms' }), AT, 'statutory_exemption', 'x'),
    code: 'denial_not_permitted',
  },
  {
    why: 'deny UK GDPR for frequency (repetition falls under "excessive")',
    run: () => deny(ukGdpr(), GDPR_AT, 'frequency_limit_exceeded', 'x'),
    code: 'denial_reason_not_allowed',
  },
  {
    why: 'deny a CCPA sale/share opt-out on an exemption',
    run: () => deny(ccpa({ requestType: 'opt_out_sale_share' }), AT, 'statutory_exemption', 'x'),
    code: 'denial_reason_not_allowed',
  },
  { why: 'deny without explanation', run: () => deny(ccpa(), AT, 'statutory_exemption', ' '), code: 'reason_required' },
  { why: 'redirect without a controller', run: () => redirect(ccpa(), AT, ''), code: 'controller_required' },
  {
    why: 'expire a verified request',
    run: () => expireVerification(ccpa({ status: 'verified' }), AT),
    code: 'not_unverified',
  },
  {
    why: 'disown a request the consumer made themselves',
    run: () => refuseAgentAuthority(ccpa({ status: 'unverified', verifiedAt: null }), AT),
    code: 'not_made_by_agent',
  },
  {
    why: 'disown an agent request the consumer already confirmed',
    run: () => refuseAgentAuthority(ccpa({ status: 'verified', madeByAgent: true }), AT),
    code: 'not_unverified',
  },
  {
    why: 'disown an agent request before its receipt',
    run: () =>
      refuseAgentAuthority(ccpa({ status: 'unverified', verifiedAt: null, madeByAgent: true }), BEFORE_RECEIPT),
    code: 'out_of_order',
  },
  ...OPEN_STATUSES.map((status): Refused => ({
    why: `reopen an open (${status}) request`,
    run: () => reopen(ccpa({ status }), AT, 'x'),
    code: 'not_closed',
  })),
  { why: 'reopen without a reason', run: () => reopen(ccpa({ status: 'denied' }), AT, ''), code: 'reason_required' },
  {
    why: 'withdraw without saying how it came in',
    run: () => withdraw(ccpa(), AT, ''),
    code: 'withdrawal_route_unknown',
  },
  {
    why: 'withdraw by a route not on the list',
    run: () => withdraw(ccpa(), AT, 'carrier pigeon'),
    code: 'withdrawal_route_unknown',
  },
  {
    why: 'withdraw a mail not yet read',
    run: () => withdraw(ccpa({ status: 'received_by_email', verifiedAt: null }), AT, 'phone'),
    code: 'not_classified',
  },
  { why: 'withdraw before receipt', run: () => withdraw(ccpa(), BEFORE_RECEIPT, 'phone'), code: 'out_of_order' },
  {
    why: 'reopen before receipt',
    run: () => reopen(ccpa({ status: 'denied' }), BEFORE_RECEIPT, 'x'),
    code: 'out_of_order',
  },
  ...CLOSED.flatMap((status): Refused[] => {
    const closed = ccpa({ status });
    return [
      { why: `start work on a ${status} request`, run: () => startWork(closed, AT), code: 'already_closed' },
      { why: `ask the requester on a ${status} request`, run: () => askRequester(closed, AT), code: 'already_closed' },
      { why: `a reply on a ${status} request`, run: () => requesterReplied(closed, AT), code: 'already_closed' },
      { why: `extend a ${status} request`, run: () => extendRequest(closed, AT, 'x'), code: 'already_closed' },
      { why: `fulfil a ${status} request`, run: () => fulfil(closed, AT), code: 'already_closed' },
      {
        why: `partially fulfil a ${status} request`,
        run: () => partiallyFulfil(closed, AT, 'x'),
        code: 'already_closed',
      },
      {
        why: `deny a ${status} request`,
        run: () => deny(closed, AT, 'statutory_exemption', 'x'),
        code: 'already_closed',
      },
      { why: `withdraw a ${status} request`, run: () => withdraw(closed, AT, 'phone'), code: 'already_closed' },
      { why: `redirect a ${status} request`, run: () => redirect(closed, AT, 'Acme'), code: 'already_closed' },
      { why: `expire a ${status} request`, run: () => expireVerification(closed, AT), code: 'already_closed' },
      {
        why: `disown a ${status} agent request`,
        run: () => refuseAgentAuthority({ ...closed, madeByAgent: true }, AT),
        code: 'already_closed',
      },
    ];
  }),
];

describe('request transitions', () => {
  it.each(ALLOWED)('allows: $why', ({ run, status, changes, events }) => {
    expect(run()).toEqual({ ok: true, status, changes, events });
  });

  it.each(REFUSED)('refuses: $why → $code', ({ run, code }) => {
    const result = run();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(0);
    }
  });

  it('never mutates the facts', () => {
    const facts = Object.freeze(ukGdpr({ status: 'awaiting_requester', pausedAt: GDPR_AT }));
    expect(() => requesterReplied(facts, t('2026-05-27T08:00:00Z'))).not.toThrow();
    expect(facts.pausedAt).toEqual(GDPR_AT);
  });

  it('fails loudly on a paused GDPR request with no pausedAt recorded', () => {
    expect(() => requesterReplied(ukGdpr({ status: 'awaiting_requester', pausedAt: null }), GDPR_AT)).toThrow(
      'must have pausedAt',
    );
  });
});

describe('statuses and verification', () => {
  it('splits statuses into open and closed', () => {
    expect(OPEN_STATUSES.every(isOpen)).toBe(true);
    expect(CLOSED).toEqual([
      'fulfilled',
      'denied',
      'partially_fulfilled',
      'withdrawn',
      'redirected',
      'closed_unverified',
      'not_a_request',
    ]);
  });

  it.each([
    { type: 'access', needs: true, initial: 'unverified' },
    { type: 'deletion', needs: true, initial: 'unverified' },
    { type: 'consent_withdrawal', needs: true, initial: 'unverified' },
    { type: 'opt_out_sale_share', needs: false, initial: 'verified' },
    { type: 'opt_out_marketing_email', needs: false, initial: 'verified' },
    { type: 'opt_out_marketing_sms', needs: false, initial: 'verified' },
  ] as const)('$type needs verification: $needs', ({ type, needs, initial }) => {
    expect(requiresVerification(type)).toBe(needs);
    expect(initialStatus(type)).toBe(initial);
  });

  it('lists denial grounds per regime and request type', () => {
    expect(denialReasons('can_spam', 'opt_out_marketing_email')).toEqual([]);
    expect(denialReasons('gdpr', 'opt_out_marketing_email')).toEqual([]);
    expect(denialReasons('ccpa', 'opt_out_sale_share')).toEqual(['suspected_fraud']);
    expect(denialReasons('ccpa', 'access')).toContain('frequency_limit_exceeded');
    expect(denialReasons('uk_gdpr', 'access')).toContain('manifestly_unfounded_or_excessive');
    expect(denialReasons('uk_gdpr', 'access')).not.toContain('frequency_limit_exceeded');
  });
});
