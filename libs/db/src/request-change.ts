import type { EntityManager } from 'typeorm';

import { isOpen, type MailTemplate, needsRecordsMatch, type TransitionResult } from '#workflow';

import { appendAudit } from './audit-log.js';
import { queueDrpStatusCallback } from './drp-status-callback.js';
import type { AuditEntry } from './entities/audit-entry.entity.js';
import { DataSubjectRequest } from './entities/data-subject-request.entity.js';
import { VerificationDataPoint } from './entities/verification-data-point.entity.js';
import type { OrganisationContext } from './organisation.directory.js';
import { writeOutbox } from './outbox.writer.js';
import { applyTransition } from './request-facts.js';
import { rescheduleRequest } from './request-schedule.js';

/** Who made a change: a staff member, or "requester" / "system" with no id. */
export interface ChangeActor {
  id: string | null;
  label: string;
}

export const SYSTEM_ACTOR: ChangeActor = { id: null, label: 'system' };
export const REQUESTER_ACTOR: ChangeActor = { id: null, label: 'requester' };

/** A change made to a request row, as its timeline records it and the mails it sends. */
export interface RequestChange {
  actor: ChangeActor;
  /** The timeline action; ids, codes and dates in `detail`, never free text (that lives in a note). */
  action: string;
  detail: Record<string, unknown>;
  mails: readonly MailTemplate[];
  at: Date;
}

/**
 * Reads a request and locks its row until the transaction ends, so changes to one request happen one after
 * another. With an organisation id, another organisation's request is not found.
 */
export function lockRequest(
  tx: EntityManager,
  where: { id: string; organisationId?: string },
): Promise<DataSubjectRequest | null> {
  const query = tx
    .createQueryBuilder(DataSubjectRequest, 'r')
    .where('r.id = :id', { id: where.id })
    .setLock('pessimistic_write');
  if (where.organisationId !== undefined) query.andWhere('r.organisation_id = :org', { org: where.organisationId });
  return query.getOne();
}

/**
 * Writes a transition the workflow accepted onto the row, and says what it records and mails. Each transition
 * names exactly one timeline action; how a refusal is answered is the caller's.
 */
export function acceptTransition(
  request: DataSubjectRequest,
  result: Extract<TransitionResult, { ok: true }>,
): Pick<RequestChange, 'action' | 'mails'> {
  applyTransition(request, result.status, result.changes);
  const audits = result.events.flatMap((e) => (e.kind === 'audit' ? [e.action] : []));
  if (audits.length !== 1)
    throw new Error(`A transition must name exactly one audit action, got ${audits.join(', ') || 'none'}`);
  return { action: audits[0], mails: result.events.flatMap((e) => (e.kind === 'mail' ? [e.template] : [])) };
}

/**
 * The one place a change to a request is saved, in the caller's transaction and with the row locked: the row, its
 * deadline events (reminders follow a moved date and stop when it closes), the status callback its DRP agent is
 * owed, its timeline entry, and one outbox row per mail, each naming that entry so the mail reports the change as
 * it was. Api, worker and mailbox save every change through here.
 */
export async function commitTransition(
  tx: EntityManager,
  request: DataSubjectRequest,
  context: OrganisationContext,
  change: RequestChange,
): Promise<AuditEntry> {
  // Proving the email is the first step for a right that needs more: the data points given are matched next, by a
  // job. Where none were given (a request by mail, an agent's API), there is nothing to match: staff decide.
  const matching =
    change.action === 'request.verified' &&
    needsRecordsMatch(request.verificationRequired) &&
    (await tx.existsBy(VerificationDataPoint, { requestId: request.id }));
  if (matching) request.identityCheck = 'pending';
  await tx.save(request);
  // Data points given to prove identity serve only verification: a closed request has no more use for them.
  if (!isOpen(request.status)) await tx.delete(VerificationDataPoint, { requestId: request.id });
  await rescheduleRequest(tx, request, context, change.at);
  await queueDrpStatusCallback(tx, request);
  const entry = await appendAudit(tx, {
    organisationId: request.organisationId,
    requestId: request.id,
    actorId: change.actor.id,
    actorLabel: change.actor.label,
    action: change.action,
    detail: change.detail,
    at: change.at,
  });
  if (matching) await writeOutbox(tx, 'verification.match', { requestId: request.id }, entry.id);
  for (const template of change.mails) {
    await writeOutbox(
      tx,
      'requester.notify',
      { requestId: request.id, template, auditEntryId: entry.id },
      `${entry.id}-${template}`,
    );
  }
  return entry;
}
