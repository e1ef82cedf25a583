import { UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { Clock, Env } from '#config';
import { appendAudit, DataSubjectRequest, drpStatusOfRequest, DrpStatusCallback } from '#db';
import { sameDrpStatus } from '#workflow';
import type { JobHandlers } from '../mail/request-mail.handlers.js';
import { CallbackRefused, postCallback } from './callback-sender.js';

export interface DrpCallbackDeps {
  env: Env;
  clock: Clock;
  dataSource: DataSource;
}

/**
 * Posts a DRP request's status to its agent's `status_callback` (DRP 0.9.4 §2.03: the §3.03 status object, as
 * JSON; not signed, as the protocol signs only what agents send). The status sent is the request's as it is now,
 * so a job that runs late, or again, never tells an older state after a newer one; a status the agent already
 * answered 200 to is not sent again (§2.03.1 asks for a 200 to the most recent update, not to each). A session
 * lock per request keeps two workers from sending its statuses side by side. A failed call throws, to be retried.
 */
export function drpStatusCallbackHandlers(deps: DrpCallbackDeps): Pick<JobHandlers, 'drp.status_callback'> {
  const { env, clock, dataSource } = deps;
  return {
    async 'drp.status_callback'({ requestId }, jobId) {
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      const lockKey = `drp-status-callback:${requestId}`;
      try {
        await runner.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [lockKey]);
        const callback = await runner.manager.findOne(DrpStatusCallback, { where: { requestId }, relations: { drpRequest: true } });
        const request = await runner.manager.findOneBy(DataSubjectRequest, { id: requestId });
        const target = callback?.drpRequest?.statusCallback;
        if (!callback || !request || !target) return;
        const status = drpStatusOfRequest(request, callback.drpRequest!);
        if (sameDrpStatus(status, callback.deliveredStatus)) return;

        try {
          await postCallback(target, status, { timeoutMs: env.DRP_CALLBACK_TIMEOUT_MS, allowPrivateAddresses: env.drpCallbackAllowsPrivateAddresses });
        } catch (error) {
          // Retrying cannot make a refused URL usable: the job fails for good at once.
          if (error instanceof CallbackRefused) throw new UnrecoverableError(error.failure);
          throw error;
        }

        const now = clock.now();
        await runner.manager.transaction(async (tx) => {
          await tx.update(DrpStatusCallback, { requestId }, { deliveredStatus: status, deliveredAt: now });
          // On the request's timeline: the state the agent was told, in the protocol's codes only.
          await appendAudit(tx, {
            organisationId: request.organisationId,
            requestId,
            actorLabel: 'system',
            action: 'drp.status_sent',
            detail: { status: status.status, ...(status.reason ? { drpReason: status.reason } : {}), agentId: callback.drpRequest!.agentId, jobId },
            at: now,
          });
        });
      } finally {
        await runner.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lockKey]).catch(() => undefined);
        await runner.release();
      }
    },
  };
}
