import type { DenialReason, MailTemplate } from '#workflow';

/** The one typed union of jobs: name → payload. Payloads carry ids only; handlers re-read the rows. */
export interface JobPayloads {
  /** Send (or re-send) the verification link of a request. */
  'verification.send': { requestId: string };
  /** Match the data points a requester gave against the organisation's connected systems, once the email is proven. */
  'verification.match': { requestId: string };
  /** Tell the requester of a request that needs no verification (an opt-out) that we have it. */
  'receipt.send': { requestId: string };
  /** Tell the authorised agent who made a request that the consumer must confirm it directly. */
  'agent.receipt.send': { requestId: string };
  /**
   * Tell the requester what was done to their request. The audit entry of the change that caused the mail
   * holds what the mail reports (reason, new due date, files), as it was at that moment.
   */
  'requester.notify': { requestId: string; template: MailTemplate; auditEntryId?: string };
  /** Scheduled: turn the deadline events that have come due into `deadline.fire` jobs. */
  'deadlines.sweep': Record<string, never>;
  /** One deadline event of a request come due: a staff reminder, the extension window, a verification reminder or expiry. */
  'deadline.fire': { requestId: string; eventId: string };
  /** Scheduled: each organisation's admins get the day's list of overdue requests, once a day. */
  'deadlines.escalate': Record<string, never>;
  /** Scheduled: each agent or admin gets the day's list of their open requests by days left, once a day. */
  'deadlines.digest': Record<string, never>;
  /** Scheduled: remove personal data of requests closed past their organisation's retention, then old records. */
  'retention.purge': Record<string, never>;
  /** Mail an invitation to join an organisation; the link is made as the mail is prepared, and only its hash kept. */
  'staff.invitation.send': { invitationId: string };
  /** Mail a staff member a link to choose a new password (asked for on the sign-in page). */
  'staff.password_reset.send': { resetId: string };
  /** Post a DRP request's status changes up to `number`, each as it was, in order, to its agent's `status_callback` (§2.03). */
  'drp.status_callback': { requestId: string; number?: number };
  /** One connected system's part in a request: find, dry run, erase, or push an opt-out. */
  'fulfilment.system': { requestId: string; taskId: string };
  /** Scheduled: remind service providers who have not confirmed, and alert staff about those past their escalation. */
  'fulfilment.vendor_sweep': Record<string, never>;
}

/**
 * What the audit entry behind a `requester.notify` job records for the mail to report. Audit details hold ids,
 * codes and dates (ISO strings) only: any free text, staff's or the requester's, stays in a RequestNote the entry
 * names, so retention can remove it without touching the hash chain.
 */
export interface NoticeAuditDetail {
  /** The RequestNote with the mail's text: the question, extension reason, denial explanation, what was done or withheld, whom to contact. */
  noteId?: string;
  /** Whether the regime's clock stands still while awaiting the requester. */
  clockPaused?: boolean;
  /** The due date in force after the change. */
  dueAt?: string;
  denialReason?: DenialReason;
  fileIds?: string[];
  availableUntil?: string;
  /** A redirect at intake: the controller as the policy words it (policy text, not anyone's free text). */
  controller?: string;
}

export type JobName = keyof JobPayloads;
export const JOB_NAMES = [
  'verification.send',
  'verification.match',
  'receipt.send',
  'agent.receipt.send',
  'requester.notify',
  'retention.purge',
  'deadlines.sweep',
  'deadline.fire',
  'deadlines.escalate',
  'deadlines.digest',
  'drp.status_callback',
  'staff.invitation.send',
  'staff.password_reset.send',
  'fulfilment.system',
  'fulfilment.vendor_sweep',
] as const satisfies readonly JobName[];

/**
 * Deterministic BullMQ job id: the same cause always yields the same id, so relaying twice makes one job.
 * BullMQ accepts ':' in custom ids only as exactly three parts, which this shape guarantees.
 */
export function jobIdFor(name: JobName, subjectId: string, discriminator: string | number): string {
  const part = (value: string) => value.replace(/:/g, '_');
  return `${part(name)}:${part(subjectId)}:${part(String(discriminator))}`;
}
