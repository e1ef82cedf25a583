import type { EntityManager } from 'typeorm';

import { sameDrpStatus } from '#workflow';

import { drpStatusOfRequest } from './drp-status.js';
import type { DataSubjectRequest } from './entities/data-subject-request.entity.js';
import type { DrpRequest } from './entities/drp-request.entity.js';
import { DrpStatusCallback } from './entities/drp-status-callback.entity.js';
import { DrpStatusChange } from './entities/drp-status-change.entity.js';
import { writeOutbox } from './outbox.writer.js';

/**
 * Starts status callbacks for a DRP request whose agent gave a `status_callback` (§2.03), in the exercise's
 * transaction: the agent already has the status the exercise answers, so that is what it was last told.
 */
export async function startDrpStatusCallbacks(
  tx: EntityManager,
  request: DataSubjectRequest,
  drp: DrpRequest,
  at: Date,
): Promise<void> {
  if (drp.statusCallback === null) return;
  const status = drpStatusOfRequest(request, drp);
  await tx.insert(DrpStatusCallback, {
    requestId: request.id,
    organisationId: request.organisationId,
    queuedStatus: status,
    queuedCount: 0,
    deliveredStatus: status,
    deliveredAt: at,
  });
}

/**
 * Call wherever a request's state or dates change, in that change's transaction, with the row as changed: when
 * the request has a status callback and its agent would read the change (§2.03: "notify Authorized Agents of
 * status updates"; §3.08: a moved `expected_by`), the status as this change left it is kept, numbered, and a
 * callback job with that number is written, so none is lost and each change reaches the agent as it was, not
 * folded into a later one. Any other request, or a change the agent would not see, writes nothing; calling it
 * twice writes one job.
 */
export async function queueDrpStatusCallback(tx: EntityManager, request: DataSubjectRequest): Promise<void> {
  const callback = await tx
    .createQueryBuilder(DrpStatusCallback, 'c')
    .innerJoinAndSelect('c.drpRequest', 'd')
    .where('c.request_id = :id', { id: request.id })
    .setLock('pessimistic_write', undefined, ['c'])
    .getOne();
  if (!callback) return;
  const status = drpStatusOfRequest(request, callback.drpRequest!);
  if (sameDrpStatus(status, callback.queuedStatus)) return;
  const queuedCount = callback.queuedCount + 1;
  await tx.update(DrpStatusCallback, { requestId: request.id }, { queuedStatus: status, queuedCount });
  await tx.insert(DrpStatusChange, { requestId: request.id, number: queuedCount, status });
  await writeOutbox(tx, 'drp.status_callback', { requestId: request.id, number: queuedCount }, queuedCount);
}
