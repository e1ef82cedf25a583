import type { EntityManager, QueryDeepPartialEntity } from 'typeorm';

import { currentTraceId } from '#config';

import { OutboxMessage } from './entities/outbox-message.entity.js';
import { jobIdFor, type JobName, type JobPayloads } from './outbox-jobs.js';

/**
 * Records a job in the caller's transaction: it exists exactly when the change that causes it commits.
 * Writing the same job twice is a no-op (the job id is unique).
 */
export async function writeOutbox<N extends JobName>(
  manager: EntityManager,
  name: N,
  payload: JobPayloads[N] & { requestId: string },
  discriminator: string | number,
): Promise<string> {
  const [jobId] = await writeOutboxBatch(manager, name, [{ payload, discriminator }]);
  return jobId;
}

/** Records many jobs of one kind in one statement (the deadline sweep writes up to 1,000 at a time); returns their ids. */
export async function writeOutboxBatch<N extends JobName>(
  manager: EntityManager,
  name: N,
  jobs: readonly { payload: JobPayloads[N] & { requestId: string }; discriminator: string | number }[],
): Promise<string[]> {
  const jobIds = jobs.map(({ payload, discriminator }) => jobIdFor(name, payload.requestId, discriminator));
  if (jobs.length === 0) return jobIds;
  await manager
    .createQueryBuilder()
    .insert()
    .into(OutboxMessage)
    .values(
      jobs.map(({ payload }, i): QueryDeepPartialEntity<OutboxMessage> => ({
        jobName: name,
        jobId: jobIds[i],
        payload: { ...payload, ...traced() },
      })),
    )
    .orIgnore()
    .execute();
  return jobIds;
}

/** Records a mail about a staff account (no request): one job per invitation or reset, in the caller's transaction. */
export async function writeStaffAccountOutbox<N extends 'staff.invitation.send' | 'staff.password_reset.send'>(
  manager: EntityManager,
  name: N,
  payload: JobPayloads[N],
  subjectId: string,
): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(OutboxMessage)
    .values({ jobName: name, jobId: jobIdFor(name, subjectId, 'mail'), payload: { ...payload, ...traced() } })
    .orIgnore()
    .execute();
}

/** The trace id of the request or job causing the change, for the job's log lines: an id, never personal data. */
function traced(): { traceId?: string } {
  const traceId = currentTraceId();
  return traceId ? { traceId } : {};
}
