import { ConflictException, HttpException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';

import { appendAudit } from '#db';
import { redactAddresses } from '#mail';
import type { QueueName } from '#queue';

import { DATA_SOURCE } from '../../infra/tokens.js';
import { isUuid } from '../../infra/uuid.js';
import type { Actor } from '../../requests/request-actions.service.js';
import { JobQueues } from './job-queues.js';

export const COUNTED_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
export type CountedState = (typeof COUNTED_STATES)[number];

interface OwnRequest {
  id: string;
  reference: string;
}

/** Failed jobs read per queue to find the organisation's: failed jobs are kept a week, so this is all of them in practice. */
const FAILED_SCAN = 1_000;

export interface FailedJob {
  id: string;
  name: string;
  /** BullMQ's record of the last error. */
  reason: string;
  attempts: number;
  failedAt: Date | null;
  request: OwnRequest;
}

export interface QueueOverview {
  name: QueueName;
  /** Of every organisation: the queues are shared. */
  counts: Record<CountedState, number>;
  /** This organisation's failed jobs only. */
  failed: FailedJob[];
}

/**
 * The admin's view of the job queues. A job is shown or retried only when the request in its payload is one
 * of the admin's organisation; scheduled jobs, which serve every organisation, are counted but not listed.
 */
@Injectable()
export class QueueDashboardService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly queues: JobQueues,
  ) {}

  async overview(organisationId: string): Promise<QueueOverview[]> {
    return Promise.all(
      this.queues.names().map(async (name) => {
        const [counts, failed] = await this.queues.call(name, (queue) =>
          Promise.all([queue.getJobCounts(...COUNTED_STATES), queue.getFailed(0, FAILED_SCAN - 1)]),
        );
        const requests = await this.requestsOf(organisationId, failed);
        const own = failed.flatMap((job): FailedJob[] => {
          const request = requests.get(requestIdOf(job) ?? '');
          if (!request) return [];
          const failedAt = job.finishedOn ? new Date(job.finishedOn) : null;
          // Redacted on display too, for failures recorded before the worker redacted them.
          return [
            {
              id: job.id!,
              name: job.name,
              reason: redactAddresses(job.failedReason ?? ''),
              attempts: job.attemptsMade,
              failedAt,
              request,
            },
          ];
        });
        const byState = Object.fromEntries(COUNTED_STATES.map((state) => [state, counts[state] ?? 0])) as Record<
          CountedState,
          number
        >;
        return { name, counts: byState, failed: own };
      }),
    );
  }

  /** Puts a failed job of the organisation back in its queue with all its attempts; the timeline records who did. */
  async retry(organisationId: string, queueName: string, jobId: string, actor: Actor, now: Date): Promise<void> {
    const notFound = () => new NotFoundException('There is no such failed job here.');
    if (!this.queues.isQueue(queueName)) throw notFound();
    const job = await this.queues.call(queueName, (queue) => queue.getJob(jobId));
    if (!job) throw notFound();
    const request = (await this.requestsOf(organisationId, [job])).get(requestIdOf(job) ?? '');
    if (!request) throw notFound();
    const state = await this.queues.call(queueName, () => job.getState());
    if (state !== 'failed')
      throw new ConflictException(`This job is ${state} now, not failed: there is nothing to retry.`);
    await this.queues
      .call(queueName, () => job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true }))
      .catch((error: unknown) => {
        if (error instanceof HttpException) throw error;
        // Another admin's retry got there first.
        throw new ConflictException('This job is no longer failed: it was retried already.');
      });
    await this.dataSource.transaction((tx) =>
      appendAudit(tx, {
        organisationId,
        requestId: request.id,
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'job.retried',
        detail: { jobId, queue: queueName, job: job.name },
        at: now,
      }),
    );
  }

  /** The organisation's requests among the jobs' payloads, by id. */
  private async requestsOf(organisationId: string, jobs: Job[]): Promise<Map<string, OwnRequest>> {
    const ids = [...new Set(jobs.flatMap((job) => requestIdOf(job) ?? []))];
    if (ids.length === 0) return new Map();
    const rows: OwnRequest[] = await this.dataSource.query(
      'SELECT id, reference FROM data_subject_request WHERE organisation_id = $1 AND id = ANY($2)',
      [organisationId, ids],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }
}

/** A well-formed request id from the payload; anything else never reaches Postgres. */
function requestIdOf(job: Job): string | undefined {
  const id = (job.data as { requestId?: unknown } | undefined)?.requestId;
  return typeof id === 'string' && isUuid(id) ? id : undefined;
}
