import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

import {
  appendAudit,
  type ChangeActor,
  type DataSubjectRequest,
  FulfilmentTask,
  lockRequest,
  planFulfilment,
  recordSystemOutcome,
  tasksOf,
  writeOutbox,
} from '#db';
import { isOpen, isSettled } from '#workflow';

import { DATA_SOURCE } from '../../infra/tokens.js';
import { isUuid } from '../../infra/uuid.js';
import { ActionRefused } from '../../requests/action-refused.js';
import { MAX_TEXT_LENGTH } from '../../requests/request-actions.service.js';

interface Locked {
  tx: EntityManager;
  request: DataSubjectRequest;
}

/**
 * Staff's actions on a request's connected systems: approve the erasure after its dry run, retry a failed system,
 * close one that cannot be done with a reason, tick a manual system's checklist. Each locks the request row first,
 * so they take turns with every other change to the request, and each goes on the timeline.
 */
@Injectable()
export class SystemTasksService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  approveErasure(organisationId: string, requestId: string, actor: ChangeActor, now: Date): Promise<void> {
    return this.onOpenRequest(organisationId, requestId, async ({ tx, request }) => {
      const tasks = await tasksOf(tx, organisationId, request.id);
      const previews = tasks.filter((task) => task.purpose === 'erasure_preview');
      if (previews.length === 0) throw ActionRefused.conflict('There is no dry run to approve: start work first.');
      if (tasks.some((task) => task.purpose === 'erasure'))
        throw ActionRefused.conflict('The erasure was already approved.');
      if (previews.some((task) => !isSettled(task.state)))
        throw ActionRefused.conflict('Wait for the dry run to finish in every system, or close the ones that cannot.');
      await this.audit(tx, request, actor, { action: 'fulfilment.erasure_approved', detail: {}, at: now });
      await planFulfilment(tx, request, 'erasure', { actor, at: now });
    });
  }

  retry(organisationId: string, requestId: string, taskId: string, actor: ChangeActor, now: Date): Promise<void> {
    return this.onTask(organisationId, requestId, taskId, async ({ tx, request }, task) => {
      if (task.state !== 'failed') throw ActionRefused.conflict('Only a failed system can be retried.');
      task.state = 'waiting';
      await tx.save(task);
      const entry = await this.audit(tx, request, actor, {
        action: 'fulfilment.system_retried',
        detail: describe(task),
        at: now,
      });
      await writeOutbox(tx, 'fulfilment.system', { requestId: request.id, taskId: task.id }, `${task.id}-${entry.id}`);
    });
  }

  close(
    organisationId: string,
    requestId: string,
    taskId: string,
    input: { actor: ChangeActor; reason: string },
    now: Date,
  ): Promise<void> {
    const reason = input.reason.trim().slice(0, MAX_TEXT_LENGTH);
    if (!reason) throw ActionRefused.badInput('Say why this system is closed without being done.');
    return this.onTask(organisationId, requestId, taskId, async ({ tx, request }, task) => {
      if (isSettled(task.state)) throw ActionRefused.conflict('This system has nothing outstanding.');
      if (task.state === 'running') throw ActionRefused.conflict('The system is running now: wait for it to finish.');
      Object.assign(task, { state: 'closed', reason, finishedAt: now, confirmationTokenHash: null });
      await tx.save(task);
      // The reason stays on the task, which retention blanks: the timeline holds no free text.
      await this.audit(tx, request, input.actor, {
        action: 'fulfilment.system_closed',
        detail: describe(task),
        at: now,
      });
    });
  }

  tick(
    organisationId: string,
    requestId: string,
    taskId: string,
    input: { actor: ChangeActor; item: number },
    now: Date,
  ): Promise<void> {
    return this.onTask(organisationId, requestId, taskId, async ({ tx, request }, task) => {
      const checklist = task.checklist ?? [];
      if (task.state !== 'awaiting_staff') throw ActionRefused.conflict('This system has no checklist to tick now.');
      if (!Number.isInteger(input.item) || input.item < 0 || input.item >= checklist.length)
        throw ActionRefused.badInput('Choose one of the checklist items.');
      if (checklist[input.item]) throw ActionRefused.conflict('That item is already ticked.');
      task.checklist = checklist.map((done, i) => done || i === input.item);
      await tx.save(task);
      const detail = { ...describe(task), item: input.item };
      await this.audit(tx, request, input.actor, { action: 'fulfilment.checklist_ticked', detail, at: now });
      if (task.checklist.every(Boolean)) await recordSystemOutcome(tx, task, { state: 'done', counts: {} }, now);
    });
  }

  private onOpenRequest(organisationId: string, requestId: string, step: (locked: Locked) => Promise<void>) {
    return this.dataSource.transaction(async (tx) => {
      const request = isUuid(requestId) ? await lockRequest(tx, { id: requestId, organisationId }) : null;
      if (!request) throw new NotFoundException('There is no such request here.');
      if (!isOpen(request.status) || request.purgedAt)
        throw ActionRefused.conflict('The request is closed: its systems can no longer be changed.');
      await step({ tx, request });
    });
  }

  private onTask(
    organisationId: string,
    requestId: string,
    taskId: string,
    step: (locked: Locked, task: FulfilmentTask) => Promise<void>,
  ) {
    return this.onOpenRequest(organisationId, requestId, async (locked) => {
      const task = isUuid(taskId)
        ? await locked.tx
            .createQueryBuilder(FulfilmentTask, 't')
            .where('t.id = :taskId AND t.request_id = :requestId AND t.organisation_id = :organisationId', {
              taskId,
              requestId: locked.request.id,
              organisationId,
            })
            .setLock('pessimistic_write')
            .getOne()
        : null;
      if (!task) throw new NotFoundException('There is no such system on this request.');
      await step(locked, task);
    });
  }

  private audit(
    tx: EntityManager,
    request: DataSubjectRequest,
    actor: ChangeActor,
    entry: { action: string; detail: Record<string, unknown>; at: Date },
  ) {
    return appendAudit(tx, {
      organisationId: request.organisationId,
      requestId: request.id,
      actorId: actor.id,
      actorLabel: actor.label,
      ...entry,
    });
  }
}

const describe = (task: FulfilmentTask) => ({ systemId: task.systemId, purpose: task.purpose });
