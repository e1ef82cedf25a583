import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';

import type { Clock } from '#config';
import {
  appendAudit,
  DataSubjectRequest,
  DeadlineEvent,
  JOB_NAMES,
  type JobName,
  type JobPayloads,
  lockKeys,
  lockUntilCommit,
  StaffAlert,
} from '#db';

/** What a mail job sends and to whom, in the words of the timeline and the alert. */
interface MailOfJob {
  /** As the ledger names it on `mail.sent`, so the timeline says the same for both. */
  template: string;
  mail: string;
  to: 'the requester' | 'the agent' | 'staff';
}

/** Resolves to null when this run of the job sent no mail (it failed at something else). */
type Describe<N extends JobName> = (payload: JobPayloads[N], dataSource: DataSource) => Promise<MailOfJob | null>;

/** Every job name, so a new mail job cannot fail without saying what it was; null: the job sends no single mail. */
const MAIL_OF_JOB: { [N in JobName]: Describe<N> | null } = {
  'verification.send': async () => ({ template: 'verification', mail: 'verification link', to: 'the requester' }),
  'receipt.send': async () => ({ template: 'receipt', mail: 'receipt', to: 'the requester' }),
  'agent.receipt.send': async () => ({ template: 'agent_receipt', mail: 'agent receipt', to: 'the agent' }),
  'requester.notify': async ({ template }) => ({ template, mail: words(template), to: 'the requester' }),
  // The event says which mail: reminders and the extension warning go to staff, the verification reminder to the
  // requester; an expiry mails through a requester.notify job of its own.
  'deadline.fire': async ({ requestId, eventId }, dataSource) => {
    const event = await dataSource.getRepository(DeadlineEvent).findOneBy({ id: eventId, requestId });
    if (!event || event.kind === 'verification_expiry') return null;
    return {
      template: event.kind,
      mail: words(event.kind),
      to: event.kind === 'verification_reminder' ? 'the requester' : 'staff',
    };
  },
  // Scheduled jobs: their failures are retried at the next run, and they name no request or organisation.
  'deadlines.sweep': null,
  'deadlines.escalate': null,
  'deadlines.digest': null,
  'retention.purge': null,
  // Not a mail: a status callback's failure is recorded by DrpCallbackFailureRecorder.
  'drp.status_callback': null,
  // About no request: a failed invitation stays pending on the staff page, where an admin revokes it and invites again;
  // a reset is asked for again on the sign-in page.
  'staff.invitation.send': null,
  'staff.password_reset.send': null,
  // A system's failure (a service provider's mail included) is the task's own state on the request page.
  'fulfilment.system': null,
  // Not a mail: the request page shows the check pending until a retry gets through.
  'verification.match': null,
  // Scheduled, like the deadline sweeps: a reminder that failed is sent by the next run.
  'fulfilment.vendor_sweep': null,
};

const words = (code: string) => code.replaceAll('_', ' ');

/**
 * Once a mail job's last attempt failed, staff must hear of it another way than by mail: an entry on the
 * request's timeline and an alert on the organisation's queue page. Neither holds an address or the SMTP
 * server's words (which quote addresses): only the job, the template and the error's class. One job id
 * records one failure, however often the event arrives.
 */
export class MailFailureRecorder {
  private readonly logger = new Logger('mail-failure');

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * For BullMQ's `failed` event, which fires after every attempt: acts once the job will not run again, after its
   * last attempt or when its workers died more often than the stalled limit allows.
   */
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job?.id) return;
    if (job.attemptsMade < (job.opts.attempts ?? 1) && (await job.getState().catch(() => 'unknown')) !== 'failed')
      return;
    const name = job.name as JobName;
    if (!(JOB_NAMES as readonly string[]).includes(name)) return;
    const describe = MAIL_OF_JOB[name] as Describe<JobName> | null;
    if (!describe) return;
    try {
      const mail = await describe(job.data as never, this.dataSource);
      if (mail)
        await this.record(
          job.id,
          job.attemptsMade,
          mail,
          (job.data as { requestId: string }).requestId,
          errorClass(error),
        );
    } catch (failure) {
      this.logger.error(
        `could not record the failure of job ${job.id}: ${failure instanceof Error ? failure.message : String(failure)}`,
      );
    }
  }

  private async record(
    jobId: string,
    attempts: number,
    mail: MailOfJob,
    requestId: string,
    error: string,
  ): Promise<void> {
    const request = await this.dataSource.getRepository(DataSubjectRequest).findOneBy({ id: requestId });
    if (!request) {
      this.logger.warn(`job ${jobId} failed for good, and its request ${requestId} is gone`);
      return;
    }
    const { organisationId } = request;
    const now = this.clock.now();
    await this.dataSource.transaction(async (tx) => {
      await lockUntilCommit(tx, lockKeys.mailFailure(jobId));
      const recorded = await tx.query(
        `SELECT 1 FROM audit_entry
          WHERE organisation_id = $1 AND request_id = $2 AND action = 'mail.failed' AND detail->>'jobId' = $3 LIMIT 1`,
        [organisationId, requestId, jobId],
      );
      if (recorded.length > 0) return;
      await appendAudit(tx, {
        organisationId,
        requestId,
        actorLabel: 'system',
        action: 'mail.failed',
        detail: { template: mail.template, jobId, attempts, error },
        at: now,
      });
      await tx.insert(StaffAlert, {
        organisationId,
        requestId,
        kind: 'mail_failed',
        message: `The ${mail.mail} mail to ${mail.to} failed ${attempts} time${attempts === 1 ? '' : 's'} (${error}) and will not be retried. An admin can retry it from the job queue page.`,
        createdAt: now,
      });
    });
  }
}

/** nodemailer's error code and SMTP reply code (e.g. "EENVELOPE 550"), else the error's name: never its message. */
function errorClass(error: Error): string {
  const { code, responseCode } = error as Error & { code?: unknown; responseCode?: unknown };
  const parts = [typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : error.name];
  if (typeof responseCode === 'number') parts.push(String(responseCode));
  return parts.join(' ');
}
