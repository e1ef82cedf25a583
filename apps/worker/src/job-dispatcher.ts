import { JOB_NAMES, type JobName, type JobPayloads } from '#db';

import type { JobHandlers } from './job-handlers.js';

/** One handler per job name; a job name without one stops the worker at boot, not at 3 a.m. */
export function checkHandlers(handlers: Partial<JobHandlers>): JobHandlers {
  const missing = JOB_NAMES.filter((name) => typeof handlers[name] !== 'function');
  if (missing.length > 0) throw new Error(`No handler for job(s): ${missing.join(', ')}`);
  return handlers as JobHandlers;
}

export async function dispatch(handlers: JobHandlers, name: string, payload: unknown, jobId: string): Promise<void> {
  if (!(JOB_NAMES as readonly string[]).includes(name)) throw new Error(`Unknown job "${name}"`);
  const handler = handlers[name as JobName] as (payload: JobPayloads[JobName], jobId: string) => Promise<void>;
  await handler(payload as JobPayloads[JobName], jobId);
}
