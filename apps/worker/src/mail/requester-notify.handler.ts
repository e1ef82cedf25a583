import { In } from 'typeorm';

import {
  AuditEntry,
  type DataSubjectRequest,
  type NoticeAuditDetail,
  type OrganisationContext,
  RequestNote,
  ResponseFile,
} from '#db';
import { complaintRoute, formatLocalDate, type RequesterNotice, requesterNoticeMail, storedLanguage } from '#mail';
import type { OrganisationPolicy } from '#policy';
import { type MailTemplate, suppressionChannelFor } from '#workflow';

import { recordRequesterMail } from '../deadlines/acknowledgement.js';
import type { JobHandlers } from '../job-handlers.js';
import { requestMailContext, type RequestMailDeps } from './request-mail.context.js';

/**
 * The mails a request's workflow sends its requester (questions, extensions, outcomes). What a mail reports
 * comes from the audit entry of the change that caused it, so a retry says what was true at that moment.
 */
export function requesterNotifyHandlers(deps: RequestMailDeps): Pick<JobHandlers, 'requester.notify'> {
  const { dataSource, ledger } = deps;
  const { link, load, mailParty, issueStatusLink, unsubscribeHeaders } = requestMailContext(deps);

  async function detailOf(requestId: string, auditEntryId: string | undefined): Promise<NoticeAuditDetail> {
    if (auditEntryId === undefined) return {};
    const entry = await dataSource.getRepository(AuditEntry).findOneBy({ id: auditEntryId, requestId });
    if (!entry) throw new Error(`audit entry ${auditEntryId} of request ${requestId} not found`);
    return entry.detail as NoticeAuditDetail;
  }

  async function noticeFor(
    template: MailTemplate,
    request: DataSubjectRequest,
    context: OrganisationContext,
    detail: NoticeAuditDetail,
  ): Promise<RequesterNotice> {
    const timeZone = context.organisation.timeZone;
    // Dates in the requester's language, as the rest of the mail.
    const language = storedLanguage(request.language);
    const complaint = () =>
      complaintRoute(
        request.regime,
        { organisationName: context.policy.name, contact: organisationContact(context.policy) },
        language,
      );
    const downloads = async () => {
      if (!detail.fileIds?.length) return undefined;
      const files = await dataSource.getRepository(ResponseFile).find({
        where: { id: In(detail.fileIds), requestId: request.id },
        order: { createdAt: 'ASC', fileName: 'ASC' },
      });
      return {
        fileNames: files.map((f) => f.fileName),
        availableUntilOn: formatLocalDate(
          new Date(required(detail.availableUntil, 'availableUntil')),
          timeZone,
          language,
        ),
      };
    };
    // The text staff wrote with the action, kept in a note the audit entry names (never in the entry itself).
    const noteText = async (): Promise<string> => {
      const note = await dataSource
        .getRepository(RequestNote)
        .findOneBy({ id: required(detail.noteId, 'noteId'), requestId: request.id });
      if (!note) throw new Error(`note ${detail.noteId} of request ${request.id} not found`);
      return note.text;
    };
    switch (template) {
      case 'question_to_requester':
        return { template, question: await noteText(), clockPaused: detail.clockPaused === true };
      case 'extension_notice':
        return {
          template,
          reason: await noteText(),
          newDueOn: formatLocalDate(new Date(required(detail.dueAt, 'dueAt')), timeZone, language),
        };
      case 'request_fulfilled':
        // Answered with files there is no text; answered by action, the note says what was done.
        return {
          template,
          resolution: detail.noteId === undefined ? undefined : await noteText(),
          downloads: await downloads(),
        };
      case 'request_partially_fulfilled':
        return { template, reason: await noteText(), downloads: await downloads(), complaint: complaint() };
      case 'request_denied':
        return {
          template,
          reason: required(detail.denialReason, 'denialReason'),
          explanation: await noteText(),
          complaint: complaint(),
        };
      case 'redirected_to_controller':
        // Staff's redirect names the controller in a note; one at intake gives the policy's own wording.
        return {
          template,
          controller: detail.noteId === undefined ? required(detail.controller, 'controller') : await noteText(),
        };
      case 'withdrawal_confirmed':
      case 'answered_as_categories':
        return { template };
      case 'verification_expired':
        return {
          template,
          newRequestUrl: link(`/o/${context.organisation.slug}/requests/new`),
          rightToResubmit: request.regime === 'ccpa' || request.regime === 'us_state',
        };
      case 'opt_out_confirmed':
        return {
          template,
          channel: required(suppressionChannelFor(request.type) ?? undefined, 'opt-out channel'),
          effectiveOn: formatLocalDate(required(request.closedAt ?? undefined, 'closedAt'), timeZone, language),
        };
    }
  }

  return {
    async 'requester.notify'({ requestId, template, auditEntryId }, jobId) {
      const loaded = await load(requestId);
      if (!loaded) return;
      const { request, context } = loaded;
      const notice = await noticeFor(template, request, context, await detailOf(requestId, auditEntryId));
      const now = deps.clock.now();
      await ledger.sendOnce(
        { key: jobId, organisationId: request.organisationId, requestId, template, to: request.requesterEmail },
        async (tx) => {
          // An opt-out's confirmation is also its acknowledgement: it is the first mail it gets.
          if (template === 'opt_out_confirmed') await recordRequesterMail(tx, requestId, context, now);
          return {
            to: request.requesterEmail,
            headers: unsubscribeHeaders(request, context),
            ...requesterNoticeMail(
              { ...mailParty(request, context), statusUrl: await issueStatusLink(tx, requestId, now) },
              notice,
            ),
          };
        },
      );
    },
  };
}

/** How a requester reaches the organisation: its privacy address, else the first address, number or postal address it gives. */
function organisationContact(policy: OrganisationPolicy): string | undefined {
  if (policy.privacyEmail) return policy.privacyEmail;
  for (const kind of ['email', 'phone', 'post'] as const) {
    const channel = policy.channels.find((c) => c.kind === kind && c.value);
    if (channel) return channel.value;
  }
  return undefined;
}

/** A field the API always records for this template; its absence is a bug, not something to mail around. */
function required<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new Error(`the audit entry of this mail has no ${field}`);
  return value;
}
