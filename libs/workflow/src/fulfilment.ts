import {
  type ConnectedSystem,
  type DatabaseSystem,
  type DataMap,
  type IdentityColumn,
  isDatabaseSystem,
  type MappedTable,
  type RequestType,
} from '#policy';

import { normaliseEmail, normalisePhone } from './suppression.js';

/**
 * What a system is asked to do for a request. `erasure_preview` is the dry run staff approve before `erasure`;
 * `opt_out` pushes a sale/share opt-out to the systems that hold the flag.
 */
export const FULFILMENT_PURPOSES = ['access', 'erasure_preview', 'erasure', 'opt_out'] as const;
export type FulfilmentPurpose = (typeof FULFILMENT_PURPOSES)[number];

/**
 * One system's progress on one request. A task is settled when nothing more is owed: done, skipped (nothing to do
 * there, with the reason), or closed by staff with a reason. Failed and awaiting_vendor are outstanding.
 */
export const SYSTEM_TASK_STATES = [
  'waiting',
  'running',
  'done',
  'failed',
  'awaiting_vendor',
  'awaiting_staff',
  'skipped',
  'closed',
] as const;
export type SystemTaskState = (typeof SYSTEM_TASK_STATES)[number];

const SETTLED: readonly SystemTaskState[] = ['done', 'skipped', 'closed'];

export function isSettled(state: SystemTaskState): boolean {
  return SETTLED.includes(state);
}

/** The purpose a started request's systems work on, or none when its type is done without them. */
export function fulfilmentPurposeFor(type: RequestType): FulfilmentPurpose | null {
  switch (type) {
    case 'access':
    case 'portability':
    case 'categories':
      return 'access';
    case 'deletion':
      return 'erasure_preview';
    case 'opt_out_sale_share':
      return 'opt_out';
    default:
      return null;
  }
}

/** Whether a system takes part in a purpose, or the reason it is skipped (shown to staff). */
export function systemRole(
  system: ConnectedSystem,
  purpose: FulfilmentPurpose,
): { takesPart: true } | { skip: string } {
  if (purpose === 'opt_out') {
    if (isDatabaseSystem(system) && system.optOut) return { takesPart: true };
    return { skip: 'holds no sale/share flag in the data map' };
  }
  if (purpose === 'erasure_preview' && !isDatabaseSystem(system))
    return { skip: 'a dry run covers databases only; this system is asked when the erasure is approved' };
  return { takesPart: true };
}

/** Which systems get a task for a purpose, and which are recorded as skipped with a reason. */
export function planTasks(
  map: DataMap,
  purpose: FulfilmentPurpose,
): { system: ConnectedSystem; state: 'waiting' | 'skipped'; reason?: string }[] {
  return map.systems.map((system) => {
    const role = systemRole(system, purpose);
    return 'skip' in role ? { system, state: 'skipped', reason: role.skip } : { system, state: 'waiting' };
  });
}

/** Every task settled: only then may the request be marked fulfilled (staff close a stuck one with a reason). */
export function outstandingTasks<T extends { state: SystemTaskState }>(tasks: readonly T[]): T[] {
  return tasks.filter((task) => !isSettled(task.state));
}

/** What the requester told us that a system can be searched by, each in its normal form. */
export interface RequesterIdentity {
  email?: string;
  phone?: string;
  accountId?: string;
}

export function requesterIdentity(given: { email?: string | null; phone?: string | null; accountId?: string | null }) {
  const identity: RequesterIdentity = {};
  const email = given.email ? normaliseEmail(given.email) : null;
  if (email) identity.email = email;
  const phone = given.phone ? normalisePhone(given.phone) : null;
  if (phone) identity.phone = phone;
  const accountId = given.accountId?.trim();
  if (accountId) identity.accountId = accountId;
  return identity;
}

/**
 * The value an identity column is compared with, in the form the comparison reads the stored value in, or null when
 * the requester gave nothing of that kind.
 */
export function comparedValue(identity: RequesterIdentity, column: IdentityColumn): string | null {
  const value =
    column.kind === 'email' ? identity.email : column.kind === 'phone' ? identity.phone : identity.accountId;
  if (value === undefined) return null;
  if (column.compare === 'lower') return value.toLowerCase();
  if (column.compare === 'digits') return value.replace(/\D/g, '') || null;
  return value;
}

/**
 * Tables in an order where every table comes after the tables it follows: a lookup reads them in this order, so a
 * child's rows are found from its parents' rows; erasure runs it backwards, children before parents.
 */
export function lookupOrder(system: DatabaseSystem): MappedTable[] {
  const ordered: MappedTable[] = [];
  const placed = new Set<string>();
  while (ordered.length < system.tables.length) {
    const next = system.tables.find(
      (table) =>
        !placed.has(table.name) &&
        table.relations.every((relation) => placed.has(relation.table) || relation.table === table.name),
    );
    // The validator refuses maps whose relations loop; a loop here is a programming error, not bad input.
    if (!next) throw new Error(`relations of ${system.id} form a cycle`);
    ordered.push(next);
    placed.add(next.name);
  }
  return ordered;
}

export function erasureOrder(system: DatabaseSystem): MappedTable[] {
  return lookupOrder(system).reverse();
}
