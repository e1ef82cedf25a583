import type { PolicyRight, Regime, RequestType, VerificationLevel } from '#policy';

import { computeDeadlines, type Deadlines, localDaysBetween } from './deadline.calculator.js';
import type { WorkingCalendar } from './working-calendar.js';

export const REQUEST_STATUSES = [
  'unverified',
  'verified',
  'in_progress',
  'awaiting_requester',
  'fulfilled',
  'denied',
  'partially_fulfilled',
  'withdrawn',
  'redirected',
  'closed_unverified',
  // Mail to a privacy address: a request whose type staff have yet to read and classify.
  'received_by_email',
  // Mail to a privacy address that staff found is not a request (spam, a sales pitch): closed without a reply.
  'not_a_request',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

// Partial indexes spell this list in their predicates (ix_request_org_open_due): change it with a migration.
export const OPEN_STATUSES = [
  'unverified',
  'verified',
  'in_progress',
  'awaiting_requester',
  'received_by_email',
] as const satisfies readonly RequestStatus[];

export function isOpen(status: RequestStatus): boolean {
  return (OPEN_STATUSES as readonly RequestStatus[]).includes(status);
}

/** What the workflow needs to know about a request; the caller maps its stored row onto this. */
export interface RequestFacts {
  status: RequestStatus;
  regime: Regime;
  requestType: RequestType;
  receivedAt: Date;
  /** GDPR/UK GDPR: when the requested verification arrived; receipt (or null) before that. */
  clockStartedAt: Date | null;
  verifiedAt: Date | null;
  /** Whether the one extension has been taken. */
  extended: boolean;
  /** Set while awaiting the requester under a regime whose clock stops (GDPR/UK GDPR). */
  pausedAt?: Date | null;
  /** Local days the clock has stood still in earlier pauses. */
  pausedDays?: number;
  timeZone: string;
  calendar: WorkingCalendar;
  internalTargetDays?: number;
  /** Made by an authorised agent for the consumer, who must confirm it directly (CCPA regs §7063). */
  madeByAgent?: boolean;
  /** The degree of verification the right needs; a request needing an identity document waits for it. */
  verificationRequired?: VerificationLevel;
}

/** Fields the caller stores; only those a transition sets are present. */
export interface RequestChanges {
  verifiedAt?: Date;
  clockStartedAt?: Date;
  /** The deadline now in force (the extended one once extended). */
  dueAt?: Date;
  /** Set when the request is extended: the moved due date. */
  extendedDueAt?: Date;
  extended?: true;
  extensionReason?: string;
  pausedAt?: Date | null;
  pausedDays?: number;
  closedAt?: Date | null;
  denial?: { reason: DenialReason; text: string };
  partialReason?: string;
  redirectedTo?: string;
  reopenReason?: string;
  /** Set when staff classify a mailed-in request: the right it exercises, which decides type, regime and verification. */
  classification?: Pick<PolicyRight, 'id' | 'type' | 'regime' | 'verification'>;
}

export type MailTemplate =
  | 'question_to_requester'
  | 'extension_notice'
  | 'request_fulfilled'
  | 'request_partially_fulfilled'
  | 'request_denied'
  | 'withdrawal_confirmed'
  | 'redirected_to_controller'
  | 'verification_expired'
  | 'opt_out_confirmed'
  | 'answered_as_categories';

export type AuditAction =
  | 'request.verified'
  | 'request.work_started'
  | 'request.awaiting_requester'
  | 'request.requester_replied'
  | 'request.extended'
  | 'request.fulfilled'
  | 'request.partially_fulfilled'
  | 'request.denied'
  | 'request.withdrawn'
  | 'request.redirected'
  | 'request.verification_expired'
  | 'request.agent_authority_refused'
  | 'request.reopened'
  | 'request.classified'
  | 'request.dismissed'
  | 'request.answered_as_categories'
  | 'request.identity_document_received';

/** Side effects as data; the caller turns them into outbox and audit rows. */
export type RequestEvent = { kind: 'mail'; template: MailTemplate } | { kind: 'audit'; action: AuditAction };

export type RefusalCode =
  | 'out_of_order'
  | 'already_closed'
  | 'not_closed'
  | 'not_unverified'
  | 'not_made_by_agent'
  | 'not_verified'
  | 'already_in_progress'
  | 'already_awaiting_requester'
  | 'not_awaiting_requester'
  | 'no_extension'
  | 'already_extended'
  | 'extension_window_closed'
  | 'reason_required'
  | 'controller_required'
  | 'denial_not_permitted'
  | 'denial_reason_not_allowed'
  | 'not_an_opt_out'
  | 'not_classified'
  | 'already_classified'
  | 'withdrawal_route_unknown'
  | 'no_document_asked';

export type TransitionResult =
  | { ok: true; status: RequestStatus; changes: RequestChanges; events: RequestEvent[] }
  | { ok: false; error: { code: RefusalCode; message: string } };

export type DenialReason =
  | 'identity_not_verified'
  | 'frequency_limit_exceeded'
  | 'manifestly_unfounded_or_excessive'
  | 'statutory_exemption'
  | 'right_does_not_apply'
  | 'adversely_affects_others'
  | 'suspected_fraud';

// CCPA §1798.130/§1798.145(h)(3), state laws' equivalents; GDPR Art 11(2)/12(5)/12(6)/15(4)/17(3)/21/23 (UK: DPA 2018 Sch 2-4).
const DENIAL_REASONS: Record<Regime, readonly DenialReason[]> = {
  ccpa: [
    'identity_not_verified',
    'frequency_limit_exceeded',
    'manifestly_unfounded_or_excessive',
    'statutory_exemption',
  ],
  us_state: [
    'identity_not_verified',
    'frequency_limit_exceeded',
    'manifestly_unfounded_or_excessive',
    'statutory_exemption',
  ],
  gdpr: [
    'identity_not_verified',
    'manifestly_unfounded_or_excessive',
    'statutory_exemption',
    'right_does_not_apply',
    'adversely_affects_others',
  ],
  uk_gdpr: [
    'identity_not_verified',
    'manifestly_unfounded_or_excessive',
    'statutory_exemption',
    'right_does_not_apply',
    'adversely_affects_others',
  ],
  can_spam: [],
  fcc_tcpa: [],
  none: [
    'identity_not_verified',
    'frequency_limit_exceeded',
    'manifestly_unfounded_or_excessive',
    'right_does_not_apply',
  ],
};

/** Grounds on which a request may be denied. */
export function denialReasons(regime: Regime, requestType: RequestType): readonly DenialReason[] {
  // Unsubscribes must always be honoured (CAN-SPAM, TCPA, GDPR Art 21(3)).
  if (requestType === 'opt_out_marketing_email' || requestType === 'opt_out_marketing_sms') return [];
  // CCPA regs §7026(e) and the state laws: a sale/share opt-out may be refused only as documented fraud.
  if (requestType === 'opt_out_sale_share' && (regime === 'ccpa' || regime === 'us_state')) return ['suspected_fraud'];
  return DENIAL_REASONS[regime];
}

/** Opt-outs must be acted on without identity verification (CCPA regs §7026(d), CAN-SPAM, TCPA). */
export function requiresVerification(requestType: RequestType): boolean {
  return !requestType.startsWith('opt_out_');
}

/** GDPR/UK GDPR: the period runs from when the requested verification arrives, not from receipt. */
export function verificationStartsClock(regime: Regime): boolean {
  return hasGdprClock(regime);
}

export function initialStatus(requestType: RequestType): RequestStatus {
  return requiresVerification(requestType) ? 'unverified' : 'verified';
}

export function verifyRequest(facts: RequestFacts, at: Date): TransitionResult {
  const refused = refuseOutOfOrder(facts, at) ?? refuseClosed(facts);
  if (refused) return refused;
  if (facts.status !== 'unverified') return refuse('not_unverified', `The request is already ${facts.status}`);
  const events = [audit('request.verified')];
  // Under GDPR/UK GDPR the month runs from when the requested identification arrived; under the CCPA from receipt.
  // Where the policy asks for an identity document, the link is not all of it: the document starts the month.
  if (!hasGdprClock(facts.regime) || facts.verificationRequired === 'documents')
    return accept('verified', { verifiedAt: at }, events);
  const deadlines = deadlinesOf(facts, { clockStartedAt: at });
  return accept('verified', { verifiedAt: at, clockStartedAt: at, ...dueChanges(facts, deadlines) }, events);
}

/**
 * The identity document the policy asks for has arrived, after the email link. Under GDPR/UK GDPR the month runs
 * from the first one (Art 12(6)); a replacement uploaded before staff decide does not move it again, so the clock
 * started once verification was complete (clockStartedAt at or after verifiedAt) stays where it is.
 */
export function identityDocumentReceived(facts: RequestFacts, at: Date): TransitionResult {
  const refused = refuseOutOfOrder(facts, at) ?? refuseClosed(facts) ?? refuseUnclassified(facts);
  if (refused) return refused;
  if (facts.verificationRequired !== 'documents')
    return refuse('no_document_asked', 'The right asks for no identity document');
  if (facts.verifiedAt === null) return refuse('not_verified', 'The email address has not been confirmed yet');
  if (at.getTime() < facts.verifiedAt.getTime())
    return refuse('out_of_order', 'The document cannot predate the confirmed email address');
  const events = [audit('request.identity_document_received')];
  const started = facts.clockStartedAt !== null && facts.clockStartedAt.getTime() >= facts.verifiedAt.getTime();
  if (!hasGdprClock(facts.regime) || started) return accept(facts.status, {}, events);
  const deadlines = deadlinesOf(facts, { clockStartedAt: at });
  return accept(facts.status, { clockStartedAt: at, ...dueChanges(facts, deadlines) }, events);
}

export function startWork(facts: RequestFacts, at: Date): TransitionResult {
  const refused =
    refuseOutOfOrder(facts, at) ?? refuseClosed(facts) ?? refuseUnclassified(facts) ?? refuseUnverified(facts);
  if (refused) return refused;
  if (facts.status === 'in_progress' || facts.status === 'awaiting_requester') {
    return refuse('already_in_progress', 'Work on the request has already started');
  }
  return accept('in_progress', {}, [audit('request.work_started')]);
}

/** Ask the requester for clarification; GDPR/UK GDPR stop the clock until they reply. */
export function askRequester(facts: RequestFacts, at: Date): TransitionResult {
  const refused =
    refuseOutOfOrder(facts, at) ?? refuseClosed(facts) ?? refuseUnclassified(facts) ?? refuseUnverified(facts);
  if (refused) return refused;
  if (facts.status === 'awaiting_requester') {
    return refuse('already_awaiting_requester', 'The requester has already been asked and has not replied');
  }
  const changes: RequestChanges = hasGdprClock(facts.regime) ? { pausedAt: at } : {};
  return accept('awaiting_requester', changes, [mail('question_to_requester'), audit('request.awaiting_requester')]);
}

export function requesterReplied(facts: RequestFacts, at: Date): TransitionResult {
  const refused = refuseOutOfOrder(facts, at) ?? refuseClosed(facts);
  if (refused) return refused;
  if (facts.status !== 'awaiting_requester')
    return refuse('not_awaiting_requester', 'No question to the requester is open');
  const events = [audit('request.requester_replied')];
  if (!hasGdprClock(facts.regime)) return accept('in_progress', {}, events);

  if (!facts.pausedAt) throw new Error('A GDPR request awaiting the requester must have pausedAt');
  if (at.getTime() < facts.pausedAt.getTime()) return refuse('out_of_order', 'The reply cannot predate the question');
  const pausedDays = (facts.pausedDays ?? 0) + localDaysBetween(facts.pausedAt, at, facts.timeZone);
  return accept(
    'in_progress',
    { pausedAt: null, pausedDays, ...dueChanges(facts, deadlinesOf(facts, { pausedDays })) },
    events,
  );
}

/** Take the one extension the regime allows; the notice must go out within the first period. */
export function extendRequest(facts: RequestFacts, at: Date, reason: string): TransitionResult {
  const refused =
    refuseOutOfOrder(facts, at) ?? refuseClosed(facts) ?? refuseUnclassified(facts) ?? refuseUnverified(facts);
  if (refused) return refused;
  const deadlines = deadlinesOf(facts);
  if (deadlines.extendedDueAt === null || deadlines.extensionNoticeBy === null) {
    return refuse('no_extension', `A ${facts.regime} ${facts.requestType} request cannot be extended`);
  }
  if (facts.extended) return refuse('already_extended', 'The request has already been extended once');
  if (at.getTime() > deadlines.extensionNoticeBy.getTime()) {
    return refuse(
      'extension_window_closed',
      `The extension notice had to be sent by ${deadlines.extensionNoticeBy.toISOString()}`,
    );
  }
  const text = reason.trim();
  if (!text) return refuse('reason_required', 'An extension must tell the requester why');
  return accept(
    facts.status,
    { extended: true, extensionReason: text, dueAt: deadlines.extendedDueAt, extendedDueAt: deadlines.extendedDueAt },
    [mail('extension_notice'), audit('request.extended')],
  );
}

export function fulfil(facts: RequestFacts, at: Date): TransitionResult {
  const refused =
    refuseOutOfOrder(facts, at) ?? refuseClosed(facts) ?? refuseUnclassified(facts) ?? refuseUnverified(facts);
  if (refused) return refused;
  return accept('fulfilled', { closedAt: at }, [mail('request_fulfilled'), audit('request.fulfilled')]);
}

/**
 * An opt-out is fulfilled the moment its suppression is written (the caller does both in one transaction).
 * `confirmedBy` says how the requester hears of it: a mail, or the reply to the text that asked (SMS STOP),
 * which the caller sends itself.
 */
export function honourOptOut(facts: RequestFacts, at: Date, confirmedBy: 'mail' | 'sms_reply'): TransitionResult {
  const refused = refuseOutOfOrder(facts, at) ?? refuseClosed(facts);
  if (refused) return refused;
  if (requiresVerification(facts.requestType))
    return refuse('not_an_opt_out', `A ${facts.requestType} request is not an opt-out`);
  const events: RequestEvent[] =
    confirmedBy === 'mail' ? [mail('opt_out_confirmed'), audit('request.fulfilled')] : [audit('request.fulfilled')];
  return accept('fulfilled', { closedAt: at }, events);
}

/** Part of the request answered; the requester must be told what was withheld and why. */
export function partiallyFulfil(facts: RequestFacts, at: Date, reason: string): TransitionResult {
  const refused =
    refuseOutOfOrder(facts, at) ?? refuseClosed(facts) ?? refuseUnclassified(facts) ?? refuseUnverified(facts);
  if (refused) return refused;
  const text = reason.trim();
  if (!text) return refuse('reason_required', 'A partial response must say what was withheld and why');
  return accept('partially_fulfilled', { closedAt: at, partialReason: text }, [
    mail('request_partially_fulfilled'),
    audit('request.partially_fulfilled'),
  ]);
}

/** Allowed before verification too: failed verification and frequency limits are grounds in themselves. */
export function deny(facts: RequestFacts, at: Date, reason: DenialReason, text: string): TransitionResult {
  const refused = refuseOutOfOrder(facts, at) ?? refuseClosed(facts) ?? refuseUnclassified(facts);
  if (refused) return refused;
  const allowed = denialReasons(facts.regime, facts.requestType);
  if (allowed.length === 0) {
    return refuse('denial_not_permitted', `A ${facts.regime} ${facts.requestType} request must be honoured`);
  }
  if (!allowed.includes(reason)) {
    return refuse(
      'denial_reason_not_allowed',
      `"${reason}" is not a ground for denial here; allowed: ${allowed.join(', ')}`,
    );
  }
  const explanation = text.trim();
  if (!explanation) return refuse('reason_required', 'A denial must explain its grounds to the requester');
  return accept('denied', { closedAt: at, denial: { reason, text: explanation } }, [
    mail('request_denied'),
    audit('request.denied'),
  ]);
}

/**
 * How a withdrawal reached the organisation: the requester's own status page, their authorised agent (a DRP
 * revoke), or a call, letter, mail or visit that staff record for them.
 */
export const WITHDRAWAL_ROUTES = ['status_page', 'authorised_agent', 'phone', 'letter', 'email', 'in_person'] as const;
export type WithdrawalRoute = (typeof WITHDRAWAL_ROUTES)[number];

/** Ways staff record a withdrawal the requester made to them; the other routes are the requester's or agent's own. */
export const STAFF_WITHDRAWAL_ROUTES = [
  'phone',
  'letter',
  'email',
  'in_person',
] as const satisfies readonly WithdrawalRoute[];

/** The requester takes their request back; the record says how they told us, and they get a mail confirming it. */
export function withdraw(facts: RequestFacts, at: Date, route: string): TransitionResult {
  const refused = refuseOutOfOrder(facts, at) ?? refuseClosed(facts) ?? refuseUnclassified(facts);
  if (refused) return refused;
  if (!(WITHDRAWAL_ROUTES as readonly string[]).includes(route)) {
    return refuse('withdrawal_route_unknown', `Say how the withdrawal came in: one of ${WITHDRAWAL_ROUTES.join(', ')}`);
  }
  return accept('withdrawn', { closedAt: at }, [mail('withdrawal_confirmed'), audit('request.withdrawn')]);
}

/** The organisation only processes the data for another controller; the requester is pointed there. */
export function redirect(facts: RequestFacts, at: Date, controller: string): TransitionResult {
  const refused = refuseOutOfOrder(facts, at) ?? refuseClosed(facts) ?? refuseUnclassified(facts);
  if (refused) return refused;
  const name = controller.trim();
  if (!name) return refuse('controller_required', 'A redirect must name the controller to contact');
  return accept('redirected', { closedAt: at, redirectedTo: name }, [
    mail('redirected_to_controller'),
    audit('request.redirected'),
  ]);
}

export function expireVerification(facts: RequestFacts, at: Date): TransitionResult {
  const refused = refuseOutOfOrder(facts, at) ?? refuseClosed(facts);
  if (refused) return refused;
  if (facts.status !== 'unverified') return refuse('not_unverified', `The request is already ${facts.status}`);
  return accept('closed_unverified', { closedAt: at }, [
    mail('verification_expired'),
    audit('request.verification_expired'),
  ]);
}

/**
 * The consumer an agent named says they gave no permission (CCPA regs §7063(a)(2): the business may require the
 * consumer to confirm it directly). The request closes as closed_unverified: it was never shown to be the
 * consumer's. Not denied (nothing the consumer asked for is refused) and not withdrawn (they never made it).
 */
export function refuseAgentAuthority(facts: RequestFacts, at: Date): TransitionResult {
  const refused = refuseOutOfOrder(facts, at) ?? refuseClosed(facts);
  if (refused) return refused;
  if (!facts.madeByAgent)
    return refuse('not_made_by_agent', 'Only a request made by an authorised agent can be disowned by the consumer');
  if (facts.status !== 'unverified') return refuse('not_unverified', `The request is already ${facts.status}`);
  return accept('closed_unverified', { closedAt: at }, [audit('request.agent_authority_refused')]);
}

/** Deadlines are not reset: reopening corrects a closure, it does not restart the legal period. */
export function reopen(facts: RequestFacts, at: Date, reason: string): TransitionResult {
  const refused = refuseOutOfOrder(facts, at);
  if (refused) return refused;
  if (isOpen(facts.status)) return refuse('not_closed', `The request is still ${facts.status}`);
  const text = reason.trim();
  if (!text) return refuse('reason_required', 'Reopening a request must be explained');
  // A mail wrongly set aside goes back to triage; a request closed before verification goes back to verification.
  const status =
    facts.status === 'not_a_request'
      ? 'received_by_email'
      : facts.verifiedAt === null && requiresVerification(facts.requestType)
        ? 'unverified'
        : 'in_progress';
  return accept(status, { closedAt: null, reopenReason: text }, [audit('request.reopened')]);
}

/**
 * Staff read a mailed-in request and name the right it exercises. Its deadlines are those of that right counted
 * from the mail's receipt (the CCPA counts from receipt, whoever reads it when); under GDPR/UK GDPR they move
 * again when verification arrives, as for any request. Then it goes on as a form request would: unverified, or
 * verified for opt-outs, which need no proof of identity. The sender's From header proves nothing.
 */
export function classifyRequest(
  facts: RequestFacts,
  at: Date,
  right: Pick<PolicyRight, 'id' | 'type' | 'regime' | 'verification'>,
  internalTargetDays: number | undefined,
): TransitionResult {
  const refused = refuseOutOfOrder(facts, at) ?? refuseClosed(facts);
  if (refused) return refused;
  if (facts.status !== 'received_by_email')
    return refuse('already_classified', `The request is already ${facts.status}`);
  const deadlines = computeDeadlines({
    regime: right.regime,
    requestType: right.type,
    receivedAt: facts.receivedAt,
    timeZone: facts.timeZone,
    calendar: facts.calendar,
    internalTargetDays,
  });
  const { id, type, regime, verification } = right;
  return accept(
    initialStatus(type),
    { classification: { id, type, regime, verification }, clockStartedAt: facts.receivedAt, dueAt: deadlines.dueAt },
    [audit('request.classified')],
  );
}

/**
 * The request is answered as the organisation's categories right: the same clock and due date, the right, type and
 * degree of that right, and a mail telling the requester why.
 */
export function answerAsCategories(
  facts: RequestFacts,
  at: Date,
  right: Pick<PolicyRight, 'id' | 'type' | 'regime' | 'verification'>,
): TransitionResult {
  const refused =
    refuseOutOfOrder(facts, at) ?? refuseClosed(facts) ?? refuseUnclassified(facts) ?? refuseUnverified(facts);
  if (refused) return refused;
  const { id, type, regime, verification } = right;
  return accept(facts.status, { classification: { id, type, regime, verification } }, [
    mail('answered_as_categories'),
    audit('request.answered_as_categories'),
  ]);
}

/** A mail to a privacy address that asks for nothing: closed without a reply (replying to spam confirms the address). */
export function dismissAsNotARequest(facts: RequestFacts, at: Date): TransitionResult {
  const refused = refuseOutOfOrder(facts, at) ?? refuseClosed(facts);
  if (refused) return refused;
  if (facts.status !== 'received_by_email') {
    return refuse(
      'already_classified',
      `The request is already ${facts.status}: only an unclassified mail can be set aside`,
    );
  }
  return accept('not_a_request', { closedAt: at }, [audit('request.dismissed')]);
}

/** GDPR/UK GDPR: the clock starts on identification and stops while awaiting the requester. */
function hasGdprClock(regime: Regime): boolean {
  return regime === 'gdpr' || regime === 'uk_gdpr';
}

function deadlinesOf(facts: RequestFacts, override: { clockStartedAt?: Date; pausedDays?: number } = {}): Deadlines {
  return computeDeadlines({
    regime: facts.regime,
    requestType: facts.requestType,
    receivedAt: facts.receivedAt,
    clockStartedAt: override.clockStartedAt ?? facts.clockStartedAt ?? undefined,
    pausedDays: override.pausedDays ?? facts.pausedDays,
    timeZone: facts.timeZone,
    calendar: facts.calendar,
    internalTargetDays: facts.internalTargetDays,
  });
}

function dueChanges(facts: RequestFacts, deadlines: Deadlines): Pick<RequestChanges, 'dueAt' | 'extendedDueAt'> {
  if (facts.extended && deadlines.extendedDueAt)
    return { dueAt: deadlines.extendedDueAt, extendedDueAt: deadlines.extendedDueAt };
  return { dueAt: deadlines.dueAt };
}

function refuseOutOfOrder(facts: RequestFacts, at: Date): TransitionResult | undefined {
  if (at.getTime() < facts.receivedAt.getTime()) return refuse('out_of_order', 'The transition cannot predate receipt');
  return undefined;
}

function refuseClosed(facts: RequestFacts): TransitionResult | undefined {
  if (!isOpen(facts.status)) return refuse('already_closed', `The request is already ${facts.status}`);
  return undefined;
}

/** Until staff say which right a mailed-in request exercises, nothing that depends on its type can happen. */
function refuseUnclassified(facts: RequestFacts): TransitionResult | undefined {
  if (facts.status === 'received_by_email')
    return refuse('not_classified', 'Classify the request first: its type is not known yet');
  return undefined;
}

function refuseUnverified(facts: RequestFacts): TransitionResult | undefined {
  if (facts.status === 'unverified' && requiresVerification(facts.requestType)) {
    return refuse('not_verified', "The requester's identity has not been verified yet");
  }
  return undefined;
}

function accept(status: RequestStatus, changes: RequestChanges, events: RequestEvent[]): TransitionResult {
  return { ok: true, status, changes, events };
}

function refuse(code: RefusalCode, message: string): TransitionResult {
  return { ok: false, error: { code, message } };
}

function mail(template: MailTemplate): RequestEvent {
  return { kind: 'mail', template };
}

function audit(action: AuditAction): RequestEvent {
  return { kind: 'audit', action };
}
