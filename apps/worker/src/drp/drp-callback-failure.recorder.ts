import { Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';

import type { Clock } from '#config';
import { appendAudit, DrpStatusCallback, lockKeys, lockUntilCommit, StaffAlert } from '#db';

import { CallbackFailed } from './callback-sender.js';

/**
 * Once a status callback failed for good (its last attempt, or a URL refused outright), staff hear of it: an entry
 * on the request's timeline and an alert on the organisation's queue page, naming the agent and the failure's class
 * only (no URL, no answer from the agent). Nothing is recorded when the agent already took the job's change
 * through a later job. One job id records one failure, however often the event arrives. The change stays owed:
 * the next change's job sends it first, so the agent still gets every change in order once its endpoint is back.
 * Taken under the sending lock, so a job sending the change meanwhile is seen.
 */
export class DrpCallbackFailureRecorder {
  private readonly logger = new Logger('drp-callback-failure');

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** For BullMQ's `failed` event, which fires after every attempt: acts on the last one only. */
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job?.id || job.name !== 'drp.status_callback') return;
    const refused = error instanceof UnrecoverableError;
    if (!refused && job.attemptsMade < (job.opts.attempts ?? 1)) return;
    const failure = refused
      ? `refused: ${error.message}`
      : error instanceof CallbackFailed
        ? error.failure
        : error.name;
    try {
      const { requestId, number } = job.data as { requestId: string; number?: number };
      await this.record(job.id, job.attemptsMade, requestId, number, failure);
    } catch (problem) {
      this.logger.error(
        `could not record the failure of job ${job.id}: ${problem instanceof Error ? problem.message : String(problem)}`,
      );
    }
  }

  private async record(
    jobId: string,
    attempts: number,
    requestId: string,
    number: number | undefined,
    failure: string,
  ): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await lockUntilCommit(tx, lockKeys.drpCallback(requestId));
      const callback = await tx.findOne(DrpStatusCallback, { where: { requestId }, relations: { drpRequest: true } });
      if (!callback?.drpRequest) return;
      if (callback.deliveredCount >= (number ?? callback.queuedCount)) return;
      const { organisationId } = callback;
      const recorded = await tx.query(
        `SELECT 1 FROM audit_entry
          WHERE organisation_id = $1 AND request_id = $2 AND action = 'drp.status_failed' AND detail->>'jobId' = $3 LIMIT 1`,
        [organisationId, requestId, jobId],
      );
      if (recorded.length > 0) return;
      const { agentId } = callback.drpRequest;
      const now = this.clock.now();
      await appendAudit(tx, {
        organisationId,
        requestId,
        actorLabel: 'system',
        action: 'drp.status_failed',
        detail: { agentId, jobId, attempts, failure },
        at: now,
      });
      await tx.insert(StaffAlert, {
        organisationId,
        requestId,
        kind: 'drp_callback_failed',
        message:
          `The status update to the authorised agent ${agentId} failed ${attempts} time${attempts === 1 ? '' : 's'} (${failure}) and will not be ` +
          'retried. The agent can still read the status from the Data Rights Protocol status endpoint; an admin can retry the update from the job queue page.',
        createdAt: now,
      });
    });
  }
}
