// The data map of one organisation, as stored in seeds/<slug>.datamap.yaml beside its policy: the systems that hold
// personal data, how each is reached, what each column is, and what erasure does to it. Secrets are never here: a
// system names the environment variable that holds its connection URL or token.

import type { DataPointKind } from './policy.model.js';

export const SYSTEM_KINDS = ['postgres', 'mysql', 'http', 'email_vendor', 'manual'] as const;
export type SystemKind = (typeof SYSTEM_KINDS)[number];
export type DatabaseKind = Extract<SystemKind, 'postgres' | 'mysql'>;

/** The taxonomy every mapped column falls into; the access package groups the requester's data by it. */
export const DATA_CATEGORIES = [
  'contact',
  'identifiers',
  'financial',
  'commercial',
  'communications',
  'location',
  'device_online',
  'inferences',
  'sensitive',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** The facts a requester gives that a system can be searched by. */
export const IDENTITY_KINDS = ['email', 'phone', 'account_id'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

/**
 * How the stored value is read before it is compared with the requester's normalised value. `exact`: the column
 * already holds the normal form (lower-case email, E.164 phone), so an index serves the lookup; `lower` and `digits`
 * compare lower(column) or its digits only, and need an expression index to stay fast.
 */
export const IDENTITY_COMPARISONS = ['exact', 'lower', 'digits'] as const;
export type IdentityComparison = (typeof IDENTITY_COMPARISONS)[number];

export interface IdentityColumn {
  column: string;
  kind: IdentityKind;
  compare: IdentityComparison;
}

/** This table's column holds a key of another table: rows reached through the other table's found rows are found too. */
export interface Relation {
  column: string;
  table: string;
  references: string;
}

/** What erasure does to one column of a row it keeps: set null, a keyed hash of the value, or fixed text. */
export type ColumnMask = { kind: 'null' } | { kind: 'hash' } | { kind: 'text'; text: string };

/** Why personal data may be kept after a deletion request; each cites the provisions that allow it. */
export const RETENTION_EXEMPTIONS = {
  complete_transaction: {
    summary: 'to complete the transaction or provide the goods or service the person asked for',
    ccpa: 'Cal. Civ. Code §1798.105(d)(1)',
    gdpr: 'Art. 17(1)(a) GDPR: still necessary for the purpose it was collected for',
  },
  security: {
    summary: 'to detect security incidents and protect against fraud',
    ccpa: 'Cal. Civ. Code §1798.105(d)(2)',
    gdpr: 'Art. 17(3)(e) GDPR: the establishment, exercise or defence of legal claims',
  },
  legal_obligation: {
    summary: 'to comply with a legal obligation, such as keeping tax and accounting records',
    ccpa: 'Cal. Civ. Code §1798.105(d)(8)',
    gdpr: 'Art. 17(3)(b) GDPR: compliance with a legal obligation',
  },
  legal_claims: {
    summary: 'to establish, exercise or defend legal claims',
    ccpa: 'Cal. Civ. Code §1798.145(a)(1)(E)',
    gdpr: 'Art. 17(3)(e) GDPR: the establishment, exercise or defence of legal claims',
  },
} as const;
export type RetentionExemption = keyof typeof RETENTION_EXEMPTIONS;

export type TableErasure =
  | { action: 'delete' }
  | { action: 'update'; columns: Record<string, ColumnMask> }
  | { action: 'retain'; exemption: RetentionExemption; note: string };

export interface MappedTable {
  name: string;
  /** The column whose value identifies a row, used to follow relations into this table; "id" unless the map says. */
  key: string;
  identity: IdentityColumn[];
  relations: Relation[];
  /** Every column the map declares, with its data category. */
  columns: Record<string, DataCategory>;
  /**
   * The column holding each data point a requester's identity is matched on, for the person's rows of this table
   * (empty when the table holds none). Maps stored before data points were mapped have no `verify` at all.
   */
  verify: Partial<Record<DataPointKind, string>>;
  erasure: TableErasure;
}

/** Where a sale/share opt-out is pushed: this table's column is set to this value for the person's rows. */
export interface OptOutFlag {
  table: string;
  column: string;
  value: boolean | string;
}

interface SystemBase {
  /** Stable id within the organisation, e.g. "customer-db". */
  id: string;
  /** How staff and the access package name it. */
  name: string;
  /** For a categories request: why the data is used, where it comes from, whom it is disclosed to. */
  purposes: string[];
  sources: string[];
  recipients: string[];
}

export interface DatabaseSystem extends SystemBase {
  kind: DatabaseKind;
  /** The environment variable holding the connection URL. */
  connection: string;
  tables: MappedTable[];
  optOut?: OptOutFlag;
}

export interface HttpSystem extends SystemBase {
  kind: 'http';
  /** The environment variable holding the service's base URL. */
  connection: string;
  /** The environment variable holding the shared secret both sides sign with. */
  secret: string;
  categories: DataCategory[];
}

export interface EmailVendorSystem extends SystemBase {
  kind: 'email_vendor';
  /** The service provider's address for privacy requests. */
  email: string;
  remindEveryDays: number;
  /** Days without a confirmation after which staff are alerted. */
  escalateAfterDays: number;
  categories: DataCategory[];
}

export interface ManualSystem extends SystemBase {
  kind: 'manual';
  /** What staff do by hand, ticked on the request page. */
  tasks: string[];
  categories: DataCategory[];
}

export type ConnectedSystem = DatabaseSystem | HttpSystem | EmailVendorSystem | ManualSystem;

export interface DataMap {
  /** The policy's slug: a data map belongs to one organisation. */
  organisation: string;
  systems: ConnectedSystem[];
}

export function isDatabaseSystem(system: ConnectedSystem): system is DatabaseSystem {
  return system.kind === 'postgres' || system.kind === 'mysql';
}

/** The environment variables a system needs: none of their values is ever stored. */
export function environmentNamesOf(system: ConnectedSystem): string[] {
  if (isDatabaseSystem(system)) return [system.connection];
  if (system.kind === 'http') return [system.connection, system.secret];
  return [];
}

/** The categories a system holds: its columns' for a database, declared for the others. */
export function categoriesOf(system: ConnectedSystem): DataCategory[] {
  const found = isDatabaseSystem(system)
    ? system.tables.flatMap((table) => Object.values(table.columns))
    : system.categories;
  return DATA_CATEGORIES.filter((category) => found.includes(category));
}
