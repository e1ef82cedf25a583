import type { JobName, JobPayloads } from '#db';

/** What the worker does with one job, typed by its name: every handler module contributes a slice of this. */
export type JobHandler<N extends JobName> = (payload: JobPayloads[N], jobId: string) => Promise<void>;
export type JobHandlers = { [N in JobName]: JobHandler<N> };
