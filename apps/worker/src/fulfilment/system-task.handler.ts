import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

import type { Clock } from '#config';
import {
  DataMapVersion,
  DataSubjectRequest,
  FulfilmentTask,
  Organisation,
  type RecordedOutcome,
  recordSystemOutcome,
} from '#db';
import { type ConnectorDeps, connectorFor, SystemError, type SystemOutcome } from '#systems';
import { requesterIdentity } from '#workflow';

import type { JobHandlers } from '../job-handlers.js';

export interface FulfilmentDeps {
  clock: Clock;
  dataSource: DataSource;
  /** Where connectors read the variables a data map names: the worker's own environment. */
  systemEnv: Readonly<Record<string, string | undefined>>;
  connectors: ConnectorDeps;
}

const RUNNABLE = ['waiting', 'failed'];

/**
 * Runs one connected system's task. The task is claimed first, so a second job for the same task (a staff retry while
 * a BullMQ retry is pending) finds it running and leaves it; the job whose worker died takes it back under its own id.
 * A SystemError marks the task failed with its class and is thrown again, so BullMQ retries with backoff; other
 * systems' tasks are separate jobs and never wait for this one.
 */
export function fulfilmentHandlers(deps: FulfilmentDeps): Pick<JobHandlers, 'fulfilment.system'> {
  const { clock, dataSource, systemEnv, connectors } = deps;
  const logger = new Logger('fulfilment');
  return {
    async 'fulfilment.system'({ taskId }, jobId) {
      const claimed = await dataSource.transaction(async (tx) => {
        const task = await lockedTask(tx, taskId);
        if (!task) return null;
        const ours = task.state === 'running' && task.runJobId === jobId;
        if (!ours && !RUNNABLE.includes(task.state)) return null;
        Object.assign(task, { state: 'running', runJobId: jobId, attempts: task.attempts + 1 });
        await tx.save(task);
        const request = await tx.findOneByOrFail(DataSubjectRequest, { id: task.requestId });
        const organisation = await tx.findOneByOrFail(Organisation, { id: task.organisationId });
        const version = await tx.findOneByOrFail(DataMapVersion, { id: task.dataMapVersionId });
        return { task, request, organisation, version };
      });
      if (!claimed) return;
      const { task, request, organisation, version } = claimed;
      const system = version.document.systems.find((s) => s.id === task.systemId);
      let outcome: SystemOutcome;
      try {
        if (!system) throw new SystemError('misconfigured', 'the system is no longer in the data map version');
        outcome = await connectorFor({ system, env: systemEnv }, connectors).run({
          taskId: task.id,
          purpose: task.purpose,
          identity: requesterIdentity({ email: request.requesterEmail, phone: request.requesterPhone }),
          requestReference: request.reference,
          organisationName: organisation.name,
        });
      } catch (error) {
        const errorClass = error instanceof SystemError ? error.errorClass : 'failed';
        // The class and the connector's own detail only: a driver's message may quote the identity or the URL.
        logger.warn(`task ${task.id} (${task.systemId}, ${task.purpose}) failed: ${errorClass}`);
        await recordIfStillOurs(taskId, jobId, { state: 'failed', errorClass });
        throw new Error(`system ${task.systemId} failed: ${errorClass}`);
      }
      await recordIfStillOurs(taskId, jobId, outcome);
    },
  };

  /**
   * Records the run's outcome unless the task moved on while the system worked: a service provider who pressed the
   * mailed link at once has confirmed it already, and staff may have closed it. Their word stands.
   */
  async function recordIfStillOurs(taskId: string, jobId: string, outcome: SystemOutcome | RecordedOutcome) {
    await dataSource.transaction(async (tx) => {
      const current = await lockedTask(tx, taskId);
      if (current?.state !== 'running' || current.runJobId !== jobId) {
        logger.log(`task ${taskId}: now ${current?.state ?? 'gone'}, so this run's ${outcome.state} is not recorded`);
        return;
      }
      await recordSystemOutcome(tx, current, outcome, clock.now());
    });
  }
}

const lockedTask = (tx: EntityManager, taskId: string) =>
  tx.createQueryBuilder(FulfilmentTask, 't').where('t.id = :taskId', { taskId }).setLock('pessimistic_write').getOne();
