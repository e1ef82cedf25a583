import type { EntityManager } from 'typeorm';
import { OutboxMessage } from '#db';
import { jobIdFor, type JobName, type JobPayloads } from './jobs.js';

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
  const jobId = jobIdFor(name, payload.requestId, discriminator);
  await manager
    .createQueryBuilder()
    .insert()
    .into(OutboxMessage)
    .values({ jobName: name, jobId, payload })
    .orIgnore()
    .execute();
  return jobId;
}
