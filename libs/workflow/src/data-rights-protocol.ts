// The Data Rights Protocol (Consumer Reports' protocol for authorised agents), version 0.9.4, as a covered
// business sees it: its vocabulary, the checks on a signed message's claims, and how our requests and states
// read in it. Section numbers (§) are the specification's.
import type { PolicyRight, Regime, RequestType } from '#policy';

import { type DenialReason, isOpen, type RequestStatus } from './request-state.machine.js';

export const DRP_VERSION = '0.9.4';
/** The versions accepted: "1.0" is the 0.9.4 text renumbered, with nothing changed, and agents now send it. */
export const DRP_VERSIONS = [DRP_VERSION, '1.0'] as const;
export type DrpVersion = (typeof DRP_VERSIONS)[number];

/** §3.01 Supported Rights Actions (spelled as in §3.05.2's `supported_actions` enum). */
export const DRP_ACTIONS = [
  'sale:opt_out',
  'sale:opt_in',
  'deletion',
  'access',
  'access:categories',
  'access:specific',
] as const;
export type DrpAction = (typeof DRP_ACTIONS)[number];

/** §3.01: requests are made under "ccpa", or voluntarily by leaving `regime` out. */
export const DRP_REGIMES = ['ccpa', 'voluntary'] as const;
export type DrpRegime = (typeof DRP_REGIMES)[number];

/** §3.02 Request Statuses. */
export type DrpStatus = 'open' | 'in_progress' | 'fulfilled' | 'revoked' | 'denied' | 'expired';
export type DrpReason =
  | 'need_user_verification'
  | 'suspected_fraud'
  | 'insuf_verification'
  | 'no_match'
  | 'claim_not_covered'
  | 'outside_jurisdiction'
  | 'too_many_requests'
  | 'other';

/** §3.05.2 `supported_verifications`: we confirm every verified request by email. */
export const DRP_SUPPORTED_VERIFICATIONS = ['email'] as const;

// Our request types that carry out each action, best fit first. The CCPA right to know specific pieces is
// answered with a copy (portability) where the policy words it so. No policy grants a re-consent to sale.
const TYPES_FOR_ACTION: Record<DrpAction, readonly RequestType[]> = {
  'sale:opt_out': ['opt_out_sale_share'],
  'sale:opt_in': [],
  deletion: ['deletion'],
  access: ['access', 'portability'],
  'access:specific': ['access', 'portability'],
  'access:categories': ['categories'],
};

// A voluntary request is answered under the policy's own promises (regime none), a CCPA one under its CCPA rights.
const POLICY_REGIME: Record<DrpRegime, Regime> = { ccpa: 'ccpa', voluntary: 'none' };

/** The policy right an exercise of `action` under `regime` is filed as; undefined when the policy grants none. */
export function rightForExercise(
  rights: readonly PolicyRight[],
  action: DrpAction,
  regime: DrpRegime,
): PolicyRight | undefined {
  for (const type of TYPES_FOR_ACTION[action]) {
    const right = rights.find((r) => r.type === type && r.regime === POLICY_REGIME[regime]);
    if (right) return right;
  }
  return undefined;
}

/** The actions to advertise (§3.05.2 `supported_actions`): those the policy grants under some DRP regime. */
export function supportedActions(rights: readonly PolicyRight[]): DrpAction[] {
  return DRP_ACTIONS.filter((action) =>
    DRP_REGIMES.some((regime) => rightForExercise(rights, action, regime) !== undefined),
  );
}

/** What the status of a request needs to know about it. */
export interface DrpStatusFacts {
  status: RequestStatus;
  denialReason: DenialReason | null;
  extensionReason: string | null;
  redirectedTo: string | null;
  /** §3.02.1: where the agent sends its user to confirm; without one, the wait is told in words only. */
  userVerificationUrl?: string | null;
}

export interface DrpStatusView {
  status: DrpStatus;
  reason?: DrpReason;
  userVerificationUrl?: string;
  /** §3.03: the state in words the agent can pass on to the user. */
  processingDetails: string;
}

/**
 * Our state in §3.02's terms. Requests here are received directly by the covered business, so they are never
 * `open` (§3.03 note 1: they pass at once to `in_progress`). Waiting for the requester's email confirmation is
 * `in_progress` / `need_user_verification`, so an agent can tell its user to act, with the `user_verification_url`
 * §3.02.1 demands: a page explaining the mailed link (the link itself stays private to the requester's mailbox).
 */
export function drpStatusOf(facts: DrpStatusFacts): DrpStatusView {
  switch (facts.status) {
    case 'unverified': {
      const view = inProgress(
        facts,
        'Waiting for the requester to confirm the request from the email sent to their address.',
      );
      return facts.userVerificationUrl
        ? { ...view, reason: 'need_user_verification', userVerificationUrl: facts.userVerificationUrl }
        : view;
    }
    case 'verified':
      return inProgress(facts, 'Received and confirmed; waiting to be worked on.');
    case 'in_progress':
      return inProgress(facts, 'Being worked on.');
    case 'awaiting_requester':
      return inProgress(
        facts,
        'The business has asked the requester a question by email and is waiting for the reply.',
      );
    case 'fulfilled':
      return { status: 'fulfilled', processingDetails: 'Fulfilled; the response was sent to the requester.' };
    case 'partially_fulfilled':
      return {
        status: 'fulfilled',
        processingDetails: 'Partly fulfilled; the requester was told by email what was withheld and why.',
      };
    case 'denied':
      return {
        status: 'denied',
        reason: facts.denialReason ? DENIAL_REASON[facts.denialReason] : 'other',
        processingDetails: 'Denied; the requester was told the grounds by email, and how to complain.',
      };
    case 'withdrawn':
      return { status: 'revoked', processingDetails: 'Withdrawn.' };
    case 'redirected':
      return {
        status: 'denied',
        reason: 'other',
        processingDetails: `The business processes this data for another organisation; the requester was told to contact ${facts.redirectedTo ?? 'it'}.`,
      };
    case 'closed_unverified':
      // §3.02: "the [in_progress, need_user_verification] stage failed or timed out".
      return {
        status: 'denied',
        reason: 'insuf_verification',
        processingDetails: 'Closed: the requester did not confirm the request in time.',
      };
    // Only mail sent to the privacy address is triaged; an agent's request never is, but the mapping stays total.
    case 'received_by_email':
      return inProgress(facts, 'Received; the privacy team is reading it to see which right it asks for.');
    case 'not_a_request':
      return {
        status: 'denied',
        reason: 'other',
        processingDetails: 'Closed: the privacy team found no privacy request in it.',
      };
    default:
      return unreachable(facts.status);
  }
}

/** §3.03 Exercise Status object, as the status endpoint answers it and the status callback (§2.03) posts it. */
export interface DrpStatusObject {
  request_id: string;
  status: DrpStatus;
  reason?: DrpReason;
  received_at: string;
  expected_by?: string;
  agent_request_id?: string;
  processing_details: string;
  user_verification_url?: string;
}

/** What the status object of a request needs: its state, its dates, and the ids the agent knows it by. */
export interface DrpStatusObjectFacts extends DrpStatusFacts {
  receivedAt: Date;
  /** The due date in force, extension included. */
  dueAt: Date;
  drpRequestId: string;
  agentRequestId: string | null;
}

/** The §3.03 status object of a request as it stands. */
export function drpStatusObject(facts: DrpStatusObjectFacts): DrpStatusObject {
  const view = drpStatusOf(facts);
  return {
    request_id: facts.drpRequestId,
    status: view.status,
    ...(view.reason ? { reason: view.reason } : {}),
    received_at: facts.receivedAt.toISOString(),
    // §3.03: in progress, the date the agent can expect an answer by: the due date in force, extension included.
    ...(isOpen(facts.status) ? { expected_by: facts.dueAt.toISOString() } : {}),
    ...(facts.agentRequestId !== null ? { agent_request_id: facts.agentRequestId } : {}),
    processing_details: view.processingDetails,
    ...(view.userVerificationUrl ? { user_verification_url: view.userVerificationUrl } : {}),
  };
}

/**
 * Whether the agent would read two status objects alike. A change it would not see (a note, an assignment, a
 * reminder) calls for no status callback; one it would (state, reason, words, `expected_by`) does (§2.03, §3.08).
 */
export function sameDrpStatus(a: DrpStatusObject, b: DrpStatusObject): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof DrpStatusObject)[]);
  return [...keys].every((key) => a[key] === b[key]);
}

const DENIAL_REASON: Record<DenialReason, DrpReason> = {
  identity_not_verified: 'insuf_verification',
  frequency_limit_exceeded: 'too_many_requests',
  manifestly_unfounded_or_excessive: 'other',
  statutory_exemption: 'claim_not_covered',
  right_does_not_apply: 'claim_not_covered',
  adversely_affects_others: 'other',
  suspected_fraud: 'suspected_fraud',
};

// §3.03/§3.08: once extended, processing_details must give the extension's reason.
function inProgress(facts: DrpStatusFacts, details: string): DrpStatusView {
  const extension = facts.extensionReason ? ` The deadline was extended: ${facts.extensionReason}` : '';
  return { status: 'in_progress', processingDetails: details + extension };
}

function unreachable(value: never): never {
  throw new Error(`Unhandled request status ${String(value)}`);
}

/** A refusal in §3.06's terms: the HTTP code, the message, and whether retrying cannot help. */
export interface DrpRefusal {
  httpStatus: 400 | 403;
  message: string;
  fatal?: true;
}

export type DrpParsed<T> = { ok: true; value: T } | { ok: false; refusal: DrpRefusal };

/** The claims every signed message carries (§2.01 group 1; §2.05 for the pair-wise setup). */
export interface DrpEnvelope {
  agentId: string;
  businessId: string;
  issuedAt: Date;
  expiresAt: Date;
}

// ISO 8601 date-time with an explicit offset, so that the instant is unambiguous.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Checks a verified message's envelope in §3.07's order, after the signature: the agent is the one the
 * credentials belong to, the business is us, it was issued before now and has not expired.
 */
export function checkEnvelope(
  message: Record<string, unknown>,
  expected: { agentId: string; businessId: string; now: Date },
): DrpParsed<DrpEnvelope> {
  const agentId = message['agent-id'];
  const businessId = message['business-id'];
  if (typeof agentId !== 'string' || agentId === '') return bad('"agent-id" is required.');
  if (typeof businessId !== 'string' || businessId === '') return bad('"business-id" is required.');
  const issuedAt = instant(message['issued-at']);
  const expiresAt = instant(message['expires-at']);
  if (!issuedAt) return bad('"issued-at" must be an ISO 8601 timestamp with a time zone offset.');
  if (!expiresAt) return bad('"expires-at" must be an ISO 8601 timestamp with a time zone offset.');
  if (agentId !== expected.agentId)
    return forbidden('"agent-id" does not match the agent the request is authenticated as.');
  if (businessId !== expected.businessId)
    return forbidden(`"business-id" names another business; this is ${expected.businessId}.`);
  if (expected.now.getTime() < issuedAt.getTime()) return forbidden('"issued-at" is in the future.');
  // §2.01: requests after `expires-at` are discarded with a fatal error.
  if (expected.now.getTime() >= expiresAt.getTime())
    return {
      ok: false,
      refusal: { httpStatus: 403, message: 'The request expired at its "expires-at".', fatal: true },
    };
  return { ok: true, value: { agentId, businessId, issuedAt, expiresAt } };
}

/** §2.01/§2.05: `drp.version` names the version the agent speaks; this business implements DRP_VERSIONS. */
export function checkVersion(message: Record<string, unknown>): DrpParsed<DrpVersion> {
  const version = DRP_VERSIONS.find((v) => v === message['drp.version']);
  if (!version)
    return bad(
      `"drp.version" must be ${DRP_VERSIONS.map((v) => `"${v}"`).join(' or ')}, the versions this business implements.`,
    );
  return { ok: true, value: version };
}

/** §3.04: the identity claims we use (schema.org/Person); an address is not asked for and not kept. */
export interface DrpIdentity {
  name?: string;
  email?: string;
  emailVerified: boolean;
  phoneNumber?: string;
  phoneNumberVerified: boolean;
}

export interface DrpExercise {
  action: DrpAction;
  regime: DrpRegime;
  agentRequestId: string | null;
  relationships: string[];
  statusCallback: string | null;
  identity: DrpIdentity;
}

const MAX_TEXT = 500;
const MAX_RELATIONSHIPS = 20;

/** §2.01 group 2 and §3.04: what is exercised, under which regime, for whom. */
export function parseExercise(message: Record<string, unknown>): DrpParsed<DrpExercise> {
  const action = normaliseAction(message.exercise);
  if (!action) return bad(`Unsupported rights action: "exercise" must be one of ${DRP_ACTIONS.join(', ')}.`);
  const regime = message.regime ?? 'voluntary';
  if (!(DRP_REGIMES as readonly unknown[]).includes(regime))
    return bad('Unsupported regime: "regime" must be "ccpa", or left out for a voluntary request.');

  const agentRequestId = optionalText(message['agent-request-id']);
  const statusCallback = optionalText(message.status_callback);
  if (agentRequestId === false) return bad('"agent-request-id" must be a string of at most 500 characters.');
  if (statusCallback === false || (statusCallback !== null && !isHttpUrl(statusCallback)))
    return bad('"status_callback" must be an http(s) URL.');
  const relationships = message.relationships ?? [];
  if (
    !Array.isArray(relationships) ||
    relationships.length > MAX_RELATIONSHIPS ||
    !relationships.every((r) => typeof r === 'string' && r.length <= 100)
  ) {
    return bad('"relationships" must be a list of at most 20 strings.');
  }

  const name = optionalText(message.name);
  const email = optionalText(message.email);
  const phoneNumber = optionalText(message.phone_number);
  if (name === false || email === false || phoneNumber === false)
    return bad('The "name", "email" and "phone_number" claims must be strings.');
  const emailVerified = message.email_verified ?? false;
  const phoneNumberVerified = message.phone_number_verified ?? false;
  if (typeof emailVerified !== 'boolean' || typeof phoneNumberVerified !== 'boolean') {
    return bad('The "email_verified" and "phone_number_verified" claims must be booleans.');
  }
  return {
    ok: true,
    value: {
      action,
      regime: regime as DrpRegime,
      agentRequestId,
      relationships: relationships as string[],
      statusCallback,
      identity: {
        name: name ?? undefined,
        email: email ?? undefined,
        emailVerified,
        phoneNumber: phoneNumber ?? undefined,
        phoneNumberVerified,
      },
    },
  };
}

// §2.01's example spells the opt-out "sale:opt-out" while §3.01 and §3.05.2 spell it "sale:opt_out": both are read.
function normaliseAction(value: unknown): DrpAction | undefined {
  if (typeof value !== 'string') return undefined;
  const canonical = value.replace(/^sale:opt-(out|in)$/, 'sale:opt_$1');
  return (DRP_ACTIONS as readonly string[]).includes(canonical) ? (canonical as DrpAction) : undefined;
}

/** null when absent, false when present but not a short string. */
function optionalText(value: unknown): string | null | false {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' && value.length <= MAX_TEXT ? value : false;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function instant(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bad(message: string): { ok: false; refusal: DrpRefusal } {
  return { ok: false, refusal: { httpStatus: 400, message } };
}

function forbidden(message: string): { ok: false; refusal: DrpRefusal } {
  return { ok: false, refusal: { httpStatus: 403, message } };
}

/** §3.05.1: agent ids match [A-Z_]+; a business's id is its slug in that form (securus-software → SECURUS_SOFTWARE). */
export const DRP_AGENT_ID = /^[A-Z_]+$/;

export function drpBusinessId(slug: string): string {
  return slug.toUpperCase().replace(/-/g, '_');
}
