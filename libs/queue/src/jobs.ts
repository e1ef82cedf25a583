/** Every queue, and which queue each job runs on. */
export const QUEUE_NAMES = ['mail'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** The one typed union of jobs: name → payload. Payloads carry ids only; handlers re-read the rows. */
export interface JobPayloads {
  /** Send (or re-send) the verification link of a request. */
  'verification.send': { requestId: string };
  /** Tell the requester of a request that needs no verification (an opt-out) that we have it. */
  'receipt.send': { requestId: string };
}
export type JobName = keyof JobPayloads;
export const JOB_NAMES = ['verification.send', 'receipt.send'] as const satisfies readonly JobName[];

export const JOB_QUEUE: Record<JobName, QueueName> = {
  'verification.send': 'mail',
  'receipt.send': 'mail',
};

/**
 * Deterministic BullMQ job id: the same cause always yields the same id, so relaying twice makes one job.
 * BullMQ accepts ':' in custom ids only as exactly three parts, which this shape guarantees.
 */
export function jobIdFor(name: JobName, subjectId: string, discriminator: string | number): string {
  const part = (value: string) => value.replace(/:/g, '_');
  return `${part(name)}:${part(subjectId)}:${part(String(discriminator))}`;
}
