import type { DatabaseKind } from '#policy';

import type { SystemErrorClass } from '../connector.js';

/** Connections per database URL: runs are short, and a customer's database owes us little of its capacity. */
export const POOL_SIZE = 2;

export type Row = Record<string, unknown>;

/** One statement with its values bound apart from its text; `label` says what it does, for an error's detail. */
export interface Statement {
  text: string;
  params: unknown[];
  label: string;
}

/**
 * How one database spells what the shared statements need. Every name it is given comes from a validated data map
 * (plain identifiers only) and is still quoted; every value is bound as a parameter, never written into the text.
 */
export interface SqlDialect {
  readonly kind: DatabaseKind;
  quote(name: string): string;
  /** The placeholder of the n-th bound value (1-based). */
  placeholder(position: number): string;
  /** `expression` equals the bound value, exactly: case and accents count, as they do for an account id. */
  equals(expression: string, bind: (value: unknown) => string, value: unknown): string;
  /** `expression` equals one of `values`, each bound through `bind`. */
  anyOf(expression: string, bind: (value: unknown) => string, values: readonly unknown[]): string;
  digitsOnly(expression: string): string;
  /** The value already is a keyed hash (64 hex digits): erasure does not hash it again. */
  looksHashed(expression: string): string;
  /** Null-safe "differs from": a null differs from a value. */
  differs(expression: string, placeholder: string): string;
  /** The database treats column names alike whatever their case (MariaDB). */
  readonly columnNamesIgnoreCase: boolean;
  /** Catalogue queries of the current schema: columns, then primary and foreign key columns (see schema.ts). */
  readonly schemaQueries: { columns: string; keys: string };
}

/** A connection taken from a pool, in the driver's own terms; the shared session wraps it. */
export interface DriverConnection {
  query(text: string, params: readonly unknown[], timeoutMs: number): Promise<{ rows: Row[]; affected: number }>;
  release(destroy: boolean): void;
}

export interface DriverPool {
  connect(): Promise<DriverConnection>;
  end(): Promise<void>;
}

export interface SqlDriver {
  readonly dialect: SqlDialect;
  /** URL schemes the driver accepts, e.g. "postgres:". */
  readonly schemes: readonly string[];
  createPool(url: string, connectTimeoutMs: number): DriverPool;
  /** Statements run on every connection taken from the pool: the statement timeout, the time zone. */
  sessionSetup(statementTimeoutMs: number): Statement[];
  /** The error's class and code (SQLSTATE, errno or a Node error code); never its message, which may quote values. */
  classify(error: unknown): { errorClass: SystemErrorClass; code: string };
}

/** Node's codes for a server that cannot be reached at all, shared by both drivers. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'EPIPE',
]);

/** A Node-level code of the error (the first of an AggregateError's, as a refused dual-stack connect throws). */
export function nodeErrorCode(error: unknown): string | undefined {
  const found = error as { code?: unknown; errors?: { code?: unknown }[] } | null;
  const code = found?.code ?? found?.errors?.[0]?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Refused connections, DNS and TLS failures: the database was never reached. */
export function isUnreachableCode(code: string): boolean {
  return UNREACHABLE_CODES.has(code) || /CERT|TLS|SSL/.test(code);
}
