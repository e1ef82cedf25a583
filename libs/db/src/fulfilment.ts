import type { EntityManager } from 'typeorm';

import { type FulfilmentPurpose, planTasks } from '#workflow';

import { appendAudit } from './audit-log.js';
import { DataMapVersion } from './entities/data-map-version.entity.js';
import type { DataSubjectRequest } from './entities/data-subject-request.entity.js';
import { FulfilmentTask, type TableCounts } from './entities/fulfilment-task.entity.js';
import { Organisation } from './entities/organisation.entity.js';
import { SystemFindings, type TableRows } from './entities/system-findings.entity.js';
import { writeOutbox } from './outbox.writer.js';
import type { ChangeActor } from './request-change.js';

/** The data map new tasks are planned under, or null when the organisation has mapped no systems. */
export async function currentDataMap(tx: EntityManager, organisationId: string): Promise<DataMapVersion | null> {
  const organisation = await tx.findOneBy(Organisation, { id: organisationId });
  if (!organisation?.currentDataMapVersionId) return null;
  return tx.findOneBy(DataMapVersion, { id: organisation.currentDataMapVersionId, organisationId });
}

export function tasksOf(tx: EntityManager, organisationId: string, requestId: string): Promise<FulfilmentTask[]> {
  return tx.find(FulfilmentTask, {
    where: { organisationId, requestId },
    order: { createdAt: 'ASC', systemId: 'ASC' },
  });
}

/**
 * Gives every system of the organisation's data map a task for the purpose, in the caller's transaction: a job for
 * each that takes part, a recorded reason for each skipped. Planning the same purpose twice adds nothing.
 */
export async function planFulfilment(
  tx: EntityManager,
  request: DataSubjectRequest,
  purpose: FulfilmentPurpose,
  change: { actor: ChangeActor; at: Date },
): Promise<void> {
  const version = await currentDataMap(tx, request.organisationId);
  if (!version) return;
  const planned = planTasks(version.document, purpose);
  const inserted = await tx
    .createQueryBuilder()
    .insert()
    .into(FulfilmentTask)
    .values(
      planned.map(({ system, state, reason }) => ({
        organisationId: request.organisationId,
        requestId: request.id,
        dataMapVersionId: version.id,
        systemId: system.id,
        systemKind: system.kind,
        purpose,
        state,
        reason: reason ?? null,
        finishedAt: state === 'skipped' ? change.at : null,
        checklist: system.kind === 'manual' ? system.tasks.map(() => false) : null,
      })),
    )
    .orIgnore()
    .returning(['id', 'state'])
    .execute();
  const tasks = inserted.raw as { id: string; state: string }[];
  if (tasks.length === 0) return;
  for (const task of tasks.filter((t) => t.state === 'waiting'))
    await writeOutbox(tx, 'fulfilment.system', { requestId: request.id, taskId: task.id }, task.id);
  await appendAudit(tx, {
    organisationId: request.organisationId,
    requestId: request.id,
    actorId: change.actor.id,
    actorLabel: change.actor.label,
    action: 'fulfilment.planned',
    detail: {
      purpose,
      systems: planned.filter((p) => p.state === 'waiting').map((p) => p.system.id),
      skipped: planned.filter((p) => p.state === 'skipped').map((p) => p.system.id),
    },
    at: change.at,
  });
}

/** What a system's run came to, as the worker or a signed callback reports it. */
export type RecordedOutcome =
  | { state: 'done'; counts: TableCounts; findings?: TableRows[] }
  | {
      state: 'awaiting_vendor';
      /** A service provider asked by mail: its link's hash and its follow-up schedule (none for a service's 202). */
      confirmationTokenHash?: string;
      nextReminderAt?: Date;
      escalationDueAt?: Date;
    }
  | { state: 'awaiting_staff' }
  | { state: 'failed'; errorClass: string };

/**
 * Saves a run's outcome on its task and puts it on the request's timeline: counts and the error class, never values.
 * The rows found go to system_findings, which retention removes with the request's other personal data.
 */
export async function recordSystemOutcome(
  tx: EntityManager,
  task: FulfilmentTask,
  outcome: RecordedOutcome,
  at: Date,
): Promise<void> {
  task.state = outcome.state;
  task.runJobId = null;
  task.errorClass = outcome.state === 'failed' ? outcome.errorClass : null;
  if (outcome.state === 'done') {
    task.counts = outcome.counts;
    task.finishedAt = at;
    task.confirmationTokenHash = null;
    task.nextReminderAt = null;
    task.escalationDueAt = null;
    if (outcome.findings) await tx.save(tx.create(SystemFindings, { taskId: task.id, tables: outcome.findings }));
  }
  if (outcome.state === 'awaiting_vendor') {
    task.confirmationTokenHash = outcome.confirmationTokenHash ?? null;
    task.nextReminderAt = outcome.nextReminderAt ?? null;
    task.escalationDueAt = outcome.escalationDueAt ?? null;
  }
  await tx.save(task);
  await appendAudit(tx, {
    organisationId: task.organisationId,
    requestId: task.requestId,
    actorLabel: 'system',
    action: `fulfilment.system_${outcome.state}`,
    detail: {
      systemId: task.systemId,
      purpose: task.purpose,
      ...(outcome.state === 'done' ? { counts: outcome.counts, ...remainingAfterErasure(task) } : {}),
      ...(outcome.state === 'failed' ? { errorClass: outcome.errorClass } : {}),
    },
    at,
  });
}

/** After an erasure, what is left of the person outside retained tables: the proof staff and auditors read. */
function remainingAfterErasure(task: FulfilmentTask): { remaining?: number } {
  if (task.purpose !== 'erasure' || !task.counts) return {};
  return { remaining: Object.values(task.counts).reduce((sum, table) => sum + (table.remaining ?? 0), 0) };
}
