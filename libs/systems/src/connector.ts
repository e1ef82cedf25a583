import type { TableCounts, TableRows } from '#db';
import type { ConnectedSystem, EmailVendorSystem } from '#policy';
import type { FulfilmentPurpose, RequesterIdentity } from '#workflow';

/**
 * Why a system's run failed, as a class staff can act on. Never the error's message: a database's or a service's
 * words may quote the identity searched for, or the connection URL.
 */
export const SYSTEM_ERROR_CLASSES = [
  'misconfigured', // an environment variable is unset, or the map does not match the schema
  'unreachable', // connection refused, DNS, TLS
  'timeout', // the statement or the call took longer than allowed
  'refused', // the service answered, and said no (HTTP 4xx, a bad signature, permission denied)
  'failed', // the service answered with an error of its own (HTTP 5xx, a database error)
] as const;
export type SystemErrorClass = (typeof SYSTEM_ERROR_CLASSES)[number];

export class SystemError extends Error {
  override readonly name = 'SystemError';

  constructor(
    readonly errorClass: SystemErrorClass,
    /** For the operator's log: what went wrong, without values, URLs or credentials. */
    readonly detail: string,
  ) {
    super(`${errorClass}: ${detail}`);
  }
}

/** What one run asks a system to do: its purpose, for whom, and the request it works for (for a vendor's mail). */
export interface SystemRun {
  taskId: string;
  purpose: FulfilmentPurpose;
  identity: RequesterIdentity;
  requestReference: string;
  organisationName: string;
}

/**
 * What a run came to. `done`: the system answered now (counts per table, and for access the rows found).
 * `awaiting_vendor`: the request went out and the answer comes later (a service's signed callback, a vendor's
 * confirmation link). `awaiting_staff`: a manual system's checklist is for staff to tick.
 */
export type SystemOutcome =
  | { state: 'done'; counts: TableCounts; findings?: TableRows[] }
  | ({ state: 'awaiting_vendor' } & Partial<VendorAsked>)
  | { state: 'awaiting_staff' };

/**
 * A service provider asked by mail: the hash of the link that confirms it (the link itself went out in the mail), when
 * to remind it, and when staff are alerted if it has not confirmed by then.
 */
export interface VendorAsked {
  confirmationTokenHash: string;
  nextReminderAt: Date;
  escalationDueAt: Date;
}

/** One kind of connected system. A run either resolves with its outcome or throws a SystemError. */
export interface Connector {
  run(run: SystemRun): Promise<SystemOutcome>;
}

/** What building a connector is given: the system as mapped, and the environment its variables are read from. */
export interface ConnectorContext {
  system: ConnectedSystem;
  env: Readonly<Record<string, string | undefined>>;
}

/** What connectors need of the process that runs them: the same for every system. */
export interface ConnectorDeps {
  /** Rightsdesk's public base URL: a service that answers later calls back under it. */
  publicUrl: string;
  /** How long one call to a service may take, connecting and answering, in ms. */
  serviceTimeoutMs: number;
  now: () => Date;
  /** Mails a service provider the request, through the mail ledger (the worker's), so a retried run mails once. */
  askVendor: (system: EmailVendorSystem, run: SystemRun) => Promise<VendorAsked>;
  /** The key of the keyed hash erasure writes for `hash` masks: the same value always masks to the same text. */
  maskKey: string;
}
