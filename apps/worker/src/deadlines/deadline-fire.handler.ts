import { Logger } from '@nestjs/common';

import {
  acceptTransition,
  commitTransition,
  DataSubjectRequest,
  DeadlineEvent,
  issueRequestToken,
  lockRequest,
  type OrganisationContext,
  RequestAgent,
  requestDeadlines,
  requestFacts,
  requestSchedule,
  requestTypeWords,
  SYSTEM_ACTOR,
} from '#db';
import {
  extensionWindowMail,
  formatLocalDate,
  type RenderedMail,
  staffPaths,
  staffReminderMail,
  verificationReminderMail,
} from '#mail';
import { daysLeft, expireVerification, isOpen } from '#workflow';

import type { JobHandlers } from '../job-handlers.js';
import { requestMailContext, type RequestMailDeps } from '../mail/request-mail.context.js';
import { requestStaffRecipients } from './staff-recipients.js';

/** Whether the request, as it is now, still calls for this event: a moved date or a closed request cancels it. */
function stillScheduled(
  event: DeadlineEvent,
  request: DataSubjectRequest,
  context: OrganisationContext,
  now: Date,
): boolean {
  return (
    isOpen(request.status) &&
    requestSchedule(request, context, now).some((e) => e.kind === event.kind && e.key === event.key)
  );
}

/**
 * Carries out one deadline event that came due. Re-reads the event and its request: the row owns the status, so an
 * event the request no longer calls for (closed, due date moved, verified, a later reminder already due) does nothing.
 */
export function deadlineFireHandlers(deps: RequestMailDeps): Pick<JobHandlers, 'deadline.fire'> {
  const { dataSource, ledger, clock } = deps;
  const logger = new Logger('deadlines');
  const { link, load, mailParty, issueStatusLink, unsubscribeHeaders } = requestMailContext(deps);
  const requestUrl = (request: DataSubjectRequest, context: OrganisationContext) =>
    link(staffPaths.request(context.organisation.slug, request.id));

  /** One mail per addressee, each under its own ledger key. Staff mails stay off the request's requester timeline. */
  async function mailStaff(
    jobId: string,
    request: DataSubjectRequest,
    context: OrganisationContext,
    template: string,
    render: (recipientName: string | null) => RenderedMail,
  ): Promise<void> {
    for (const recipient of await requestStaffRecipients(dataSource, request, context)) {
      await ledger.sendOnce(
        {
          key: `${jobId}:${recipient.id}`,
          organisationId: request.organisationId,
          requestId: null,
          template,
          to: recipient.email,
        },
        async () => ({ to: recipient.email, ...render(recipient.name) }),
      );
    }
  }

  async function expire(event: DeadlineEvent, requestId: string): Promise<void> {
    await dataSource.transaction(async (tx) => {
      const request = await lockRequest(tx, { id: requestId });
      if (!request) return;
      const context = await deps.directory.forRequest(request);
      const now = clock.now();
      // Checked again under the lock: the requester may have confirmed, or asked for a new link, meanwhile.
      if (!stillScheduled(event, request, context, now)) return;
      const result = expireVerification(requestFacts(request, context), now);
      if (!result.ok) return;
      const change = acceptTransition(request, result);
      await commitTransition(tx, request, context, {
        actor: SYSTEM_ACTOR,
        ...change,
        detail: { verificationExpiresAt: event.key },
        at: now,
      });
    });
  }

  return {
    async 'deadline.fire'({ requestId, eventId }, jobId) {
      const event = await dataSource.getRepository(DeadlineEvent).findOneBy({ id: eventId, requestId });
      const loaded = event && (await load(requestId));
      if (!event || !loaded) return;
      const { request, context } = loaded;
      const now = clock.now();
      if (!stillScheduled(event, request, context, now)) {
        logger.log(`${event.kind} ${event.key} of request ${requestId} is no longer scheduled`);
        return;
      }
      const timeZone = context.organisation.timeZone;
      const line = { reference: request.reference, type: requestTypeWords(request), url: requestUrl(request, context) };
      switch (event.kind) {
        case 'staff_reminder':
          return mailStaff(jobId, request, context, 'staff_reminder', (recipientName) =>
            staffReminderMail({
              organisationName: context.policy.name,
              recipientName,
              ...line,
              dueOn: formatLocalDate(request.dueAt, timeZone),
              daysLeft: daysLeft(request.dueAt, now, timeZone),
            }),
          );
        case 'extension_window': {
          const deadlines = requestDeadlines(request, context);
          return mailStaff(jobId, request, context, 'extension_window', (recipientName) =>
            extensionWindowMail({
              organisationName: context.policy.name,
              recipientName,
              ...line,
              noticeByOn: formatLocalDate(deadlines.extensionNoticeBy!, timeZone),
              dueOn: formatLocalDate(request.dueAt, timeZone),
              extendedDueOn: formatLocalDate(deadlines.extendedDueAt!, timeZone),
            }),
          );
        }
        case 'verification_reminder': {
          const expiresAt = request.verificationExpiresAt!;
          // An agent's request: the consumer is reminded to confirm the agent's permission (CCPA regs §7063).
          const agent =
            request.relationship === 'agent'
              ? await dataSource.getRepository(RequestAgent).findOneBy({ requestId })
              : null;
          await ledger.sendOnce(
            {
              key: jobId,
              organisationId: request.organisationId,
              requestId,
              template: 'verification_reminder',
              to: request.requesterEmail,
            },
            async (tx) => {
              const party = mailParty(request, context);
              // A fresh link replaces the old one but expires with it: a reminder never extends the time to confirm.
              const verifyToken = await issueRequestToken(tx, requestId, 'verify', expiresAt, {
                replacePrevious: true,
              });
              return {
                to: request.requesterEmail,
                headers: unsubscribeHeaders(request, context),
                ...verificationReminderMail({
                  ...party,
                  agentName: agent?.name,
                  verifyUrl: link(`/v/${verifyToken}`),
                  statusUrl: await issueStatusLink(tx, requestId, now),
                  expiresOn: formatLocalDate(expiresAt, timeZone, party.language),
                }),
              };
            },
          );
          return;
        }
        case 'verification_expiry':
          return expire(event, requestId);
      }
    },
  };
}
