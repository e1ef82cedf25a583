import type { StaffRole } from '#db';
import {
  askRequester,
  classifyRequest,
  type DenialReason,
  denialReasons,
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
  withdraw,
} from '#workflow';

/** The forms a request page offers. */
export interface AvailableActions {
  assign: boolean;
  note: boolean;
  start: boolean;
  ask: boolean;
  extend: boolean;
  fulfil: boolean;
  partiallyFulfil: boolean;
  /** The grounds a denial may give here; empty when the request cannot be denied. */
  denialReasons: readonly DenialReason[];
  redirect: boolean;
  /** Record a withdrawal the requester made by phone, letter, mail or in person. */
  withdraw: boolean;
  reopen: boolean;
  /** Mail awaiting triage: name the right it exercises, or set it aside as not a request. */
  classify: boolean;
  dismiss: boolean;
}

const NONE: AvailableActions = {
  assign: false,
  note: false,
  start: false,
  ask: false,
  extend: false,
  fulfil: false,
  partiallyFulfil: false,
  denialReasons: [],
  redirect: false,
  withdraw: false,
  reopen: false,
  classify: false,
  dismiss: false,
};

// Stands in for the text a form will carry, so a form is offered exactly when the workflow would accept it.
const SOME_TEXT = 'text';

/**
 * Auditors read only; agents and admins get the actions the workflow accepts now, and only admins reopen. A
 * frequency-limit denial is offered only where the policy limits the right (`frequencyLimited`).
 */
export function availableActions(
  facts: RequestFacts,
  role: StaffRole,
  now: Date,
  frequencyLimited = false,
): AvailableActions {
  if (role === 'auditor') return NONE;
  const grounds = denialReasons(facts.regime, facts.requestType).filter(
    (ground) => frequencyLimited || ground !== 'frequency_limit_exceeded',
  );
  return {
    assign: isOpen(facts.status),
    note: true,
    start: startWork(facts, now).ok,
    ask: askRequester(facts, now).ok,
    extend: extendRequest(facts, now, SOME_TEXT).ok,
    fulfil: fulfil(facts, now).ok,
    partiallyFulfil: partiallyFulfil(facts, now, SOME_TEXT).ok,
    denialReasons: grounds.length > 0 && deny(facts, now, grounds[0], SOME_TEXT).ok ? grounds : [],
    redirect: redirect(facts, now, SOME_TEXT).ok,
    withdraw: withdraw(facts, now, 'phone').ok,
    reopen: role === 'admin' && reopen(facts, now, SOME_TEXT).ok,
    classify: classifyRequest(
      facts,
      now,
      { id: SOME_TEXT, type: facts.requestType, regime: facts.regime, verification: 'none' },
      facts.internalTargetDays,
    ).ok,
    dismiss: dismissAsNotARequest(facts, now).ok,
  };
}
