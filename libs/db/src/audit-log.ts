import { createHash } from 'node:crypto';

import type { DataSource, EntityManager } from 'typeorm';

import { lockKeys, lockUntilCommit } from './advisory-locks.js';
import { AuditEntry } from './entities/audit-entry.entity.js';

const GENESIS = '0'.repeat(64);

export interface AuditInput {
  organisationId: string;
  requestId?: string | null;
  actorId?: string | null;
  /** A staff name, "requester" or "system". */
  actorLabel: string;
  action: string;
  detail?: Record<string, unknown>;
  /** From the app's clock, so tests that move time see consistent timelines. */
  at: Date;
}

/** JSON with sorted keys: jsonb does not keep key order, and the hash must not depend on it. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hash of an entry: everything it says, chained to the previous entry of its organisation. */
export function auditHash(entry: Omit<AuditEntry, 'id' | 'hash'>): string {
  return createHash('sha256')
    .update(
      canonical([
        entry.prevHash,
        entry.organisationId,
        entry.seq,
        entry.requestId,
        entry.actorId,
        entry.actorLabel,
        entry.action,
        entry.detail,
        entry.at.toISOString(),
      ]),
    )
    .digest('hex');
}

/**
 * Appends to the organisation's chain in the caller's transaction. A transaction-scoped advisory lock
 * per organisation serialises appends, so two writers never take the same position.
 */
export async function appendAudit(tx: EntityManager, input: AuditInput): Promise<AuditEntry> {
  await lockUntilCommit(tx, lockKeys.auditChain(input.organisationId));
  const last = await tx
    .createQueryBuilder(AuditEntry, 'a')
    .select(['a.seq', 'a.hash'])
    .where('a.organisation_id = :org', { org: input.organisationId })
    .orderBy('a.seq', 'DESC')
    .limit(1)
    .getOne();
  const entry = {
    organisationId: input.organisationId,
    seq: (last?.seq ?? 0) + 1,
    requestId: input.requestId ?? null,
    actorId: input.actorId ?? null,
    actorLabel: input.actorLabel,
    action: input.action,
    // A JSON round trip stores exactly what is hashed (dates become ISO strings, as jsonb would return them).
    detail: JSON.parse(JSON.stringify(input.detail ?? {})) as Record<string, unknown>,
    at: input.at,
    prevHash: last?.hash ?? GENESIS,
  };
  return tx.save(tx.create(AuditEntry, { ...entry, hash: auditHash(entry) }));
}

export type AuditChainReport =
  | { ok: true; organisations: number; entries: number }
  | { ok: false; organisationId: string; seq: number; id: string; problem: string };

const BATCH = 1000;

/** Walks every organisation's chain (or one) and names the first entry that does not verify. */
export async function verifyAuditChains(dataSource: DataSource, organisationId?: string): Promise<AuditChainReport> {
  const organisations: string[] = organisationId
    ? [organisationId]
    : (await dataSource.query('SELECT DISTINCT organisation_id FROM audit_entry ORDER BY 1')).map(
        (r: { organisation_id: string }) => r.organisation_id,
      );
  let entries = 0;
  for (const org of organisations) {
    let prevHash = GENESIS;
    let expectedSeq = 1;
    for (;;) {
      const batch = await dataSource
        .getRepository(AuditEntry)
        .createQueryBuilder('a')
        .where('a.organisation_id = :org AND a.seq >= :from', { org, from: expectedSeq })
        .orderBy('a.seq', 'ASC')
        .limit(BATCH)
        .getMany();
      for (const entry of batch) {
        const broken = (problem: string): AuditChainReport => ({
          ok: false,
          organisationId: org,
          seq: entry.seq,
          id: entry.id,
          problem,
        });
        if (entry.seq !== expectedSeq)
          return {
            ok: false,
            organisationId: org,
            seq: expectedSeq,
            id: '',
            problem: `entry ${expectedSeq} is missing`,
          };
        if (entry.prevHash !== prevHash) return broken('does not link to the entry before it');
        if (auditHash(entry) !== entry.hash) return broken('its content does not match its hash');
        prevHash = entry.hash;
        expectedSeq++;
        entries++;
      }
      if (batch.length < BATCH) break;
    }
  }
  return { ok: true, organisations: organisations.length, entries };
}
