import { UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';
import { Between } from 'typeorm';

import type { Clock, Env } from '#config';
import { appendAudit, DrpStatusCallback, DrpStatusChange, lockKeys, withSessionLock } from '#db';

import type { JobHandlers } from '../job-handlers.js';
import { CallbackRefused, postCallback } from './callback-sender.js';

export interface DrpCallbackDeps {
  env: Env;
  clock: Clock;
  dataSource: DataSource;
}

/**
 * Posts a DRP request's status changes to its agent's `status_callback` (DRP 0.9.4 §2.03: the §3.03 status
 * object, as JSON; not signed, as the protocol signs only what agents send). Each change is sent as that change
 * left the request, one call each, in their order: job n sends every change up to n the agent has not yet taken,
 * so a job that runs late or again sends nothing twice and never an older change after a newer one. A session
 * lock per request keeps two workers from sending its changes side by side. A failed call throws, to be retried;
 * the changes after it wait for it.
 */
export function drpStatusCallbackHandlers(deps: DrpCallbackDeps): Pick<JobHandlers, 'drp.status_callback'> {
  const { env, clock, dataSource } = deps;
  return {
    async 'drp.status_callback'({ requestId, number }, jobId) {
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      try {
        await withSessionLock(runner, lockKeys.drpCallback(requestId), async () => {
          const callback = await runner.manager.findOne(DrpStatusCallback, {
            where: { requestId },
            relations: { drpRequest: true },
          });
          const target = callback?.drpRequest?.statusCallback;
          if (!callback || !target) return;
          const owed = await runner.manager.find(DrpStatusChange, {
            where: { requestId, number: Between(callback.deliveredCount + 1, number ?? callback.queuedCount) },
            order: { number: 'ASC' },
          });
          for (const change of owed) {
            try {
              await postCallback(target, change.status, {
                timeoutMs: env.DRP_CALLBACK_TIMEOUT_MS,
                allowPrivateAddresses: env.drpCallbackAllowsPrivateAddresses,
              });
            } catch (error) {
              // Retrying cannot make a refused URL usable: the job fails for good at once.
              if (error instanceof CallbackRefused) throw new UnrecoverableError(error.failure);
              throw error;
            }
            const now = clock.now();
            await runner.manager.transaction(async (tx) => {
              await tx.update(
                DrpStatusCallback,
                { requestId },
                { deliveredStatus: change.status, deliveredCount: change.number, deliveredAt: now },
              );
              await tx.delete(DrpStatusChange, { requestId, number: change.number });
              // On the request's timeline: the state the agent was told, in the protocol's codes only.
              await appendAudit(tx, {
                organisationId: callback.organisationId,
                requestId,
                actorLabel: 'system',
                action: 'drp.status_sent',
                detail: {
                  status: change.status.status,
                  ...(change.status.reason ? { drpReason: change.status.reason } : {}),
                  agentId: callback.drpRequest!.agentId,
                  jobId,
                },
                at: now,
              });
            });
          }
        });
      } finally {
        await runner.release();
      }
    },
  };
}
