import { Logger } from '@nestjs/common';

import { logContext } from '#config';
import { JOB_NAMES, type JobName, type JobPayloads } from '#db';

import type { JobHandlers } from './job-handlers.js';

const logger = new Logger('jobs');

/** One handler per job name; a job name without one stops the worker at boot, not at 3 a.m. */
export function checkHandlers(handlers: Partial<JobHandlers>): JobHandlers {
  const missing = JOB_NAMES.filter((name) => typeof handlers[name] !== 'function');
  if (missing.length > 0) throw new Error(`No handler for job(s): ${missing.join(', ')}`);
  return handlers as JobHandlers;
}

/** The trace id a job's data carries (that of the HTTP request or job that caused it), if any. */
export function traceIdOf(data: unknown): string | undefined {
  const traceId = (data as { traceId?: unknown } | undefined)?.traceId;
  return typeof traceId === 'string' ? traceId : undefined;
}

/**
 * Runs a job under the trace id of what caused it (a scheduled job: its own id), so its log lines, and the jobs it
 * causes in turn, carry that id. The handler gets the payload without it.
 */
export async function dispatch(handlers: JobHandlers, name: string, data: unknown, jobId: string): Promise<void> {
  if (!(JOB_NAMES as readonly string[]).includes(name)) throw new Error(`Unknown job "${name}"`);
  const handler = handlers[name as JobName] as (payload: JobPayloads[JobName], jobId: string) => Promise<void>;
  const { traceId, ...payload } = data as JobPayloads[JobName] & { traceId?: string };
  await logContext.run({ traceId: traceIdOf({ traceId }) ?? jobId }, async () => {
    const started = performance.now();
    await handler(payload as JobPayloads[JobName], jobId);
    logger.log(`job ${jobId} done in ${Math.round(performance.now() - started)} ms`);
  });
}
