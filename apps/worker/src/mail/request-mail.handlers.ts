import { Logger } from '@nestjs/common';

import { type DataSubjectRequest, issueRequestToken, type OrganisationContext, RequestAgent, requestFacts } from '#db';
import { agentConfirmationMail, emailReceiptMail, formatLocalDate, receiptMail, verificationMail } from '#mail';
import { linkExpiresAt, verificationStartsClock, verifyRequest } from '#workflow';

import { recordRequesterMail } from '../deadlines/acknowledgement.js';
import type { JobHandlers } from '../job-handlers.js';
import { requestMailContext, type RequestMailDeps } from './request-mail.context.js';

/** The mails sent to requesters about their own request. Each re-reads the row: the row owns the status. */
export function requestMailHandlers(deps: RequestMailDeps): Pick<JobHandlers, 'verification.send' | 'receipt.send'> {
  const { ledger } = deps;
  const logger = new Logger('request-mail');
  const { link, load, mailParty, issueStatusLink, unsubscribeHeaders } = requestMailContext(deps);

  return {
    async 'verification.send'({ requestId }, jobId) {
      const loaded = await load(requestId);
      if (!loaded || loaded.request.status !== 'unverified') {
        logger.log(`verification mail for ${requestId} not needed any more`);
        return;
      }
      const { request, context } = loaded;
      const now = deps.clock.now();
      const expiresAt = linkExpiresAt(now, context.policy.settings.verificationLinkDays);
      // An agent's request: the consumer confirms directly that they gave the agent permission (CCPA regs §7063).
      const agent =
        request.relationship === 'agent'
          ? await deps.dataSource.getRepository(RequestAgent).findOneBy({ requestId })
          : null;
      await ledger.sendOnce(
        {
          key: jobId,
          organisationId: request.organisationId,
          requestId,
          template: 'verification',
          to: request.requesterEmail,
        },
        async (tx) => {
          // A resent link replaces the previous one; the request expires with the newest link.
          const verifyToken = await issueRequestToken(tx, requestId, 'verify', expiresAt, { replacePrevious: true });
          await recordRequesterMail(tx, requestId, context, now, expiresAt);
          const party = mailParty(request, context);
          const { timeZone } = context.organisation;
          const input = {
            ...party,
            verifyUrl: link(`/v/${verifyToken}`),
            statusUrl: await issueStatusLink(tx, requestId, now),
            expiresOn: formatLocalDate(expiresAt, timeZone, party.language),
            dueOn: formatLocalDate(dueIfConfirmedNow(request, context, now), timeZone, party.language),
            clockStartsOnConfirmation: verificationStartsClock(request.regime),
            internalTarget: request.regime === 'none',
          };
          return {
            to: request.requesterEmail,
            headers: unsubscribeHeaders(request, context),
            ...(agent ? agentConfirmationMail({ ...input, agentName: agent.name }) : verificationMail(input)),
          };
        },
      );
    },

    async 'receipt.send'({ requestId }, jobId) {
      const loaded = await load(requestId);
      if (!loaded) return;
      const { request, context } = loaded;
      // A mailed-in request classified before its receipt left: the verification mail acknowledges it instead.
      // One set aside as not a request gets no reply: answering spam confirms the address to the spammer.
      if (request.status === 'unverified' || request.status === 'not_a_request') {
        logger.log(`receipt for ${requestId} not needed any more`);
        return;
      }
      const now = deps.clock.now();
      const unclassified = request.status === 'received_by_email';
      const template = unclassified ? 'email_receipt' : 'receipt';
      await ledger.sendOnce(
        { key: jobId, organisationId: request.organisationId, requestId, template, to: request.requesterEmail },
        async (tx) => {
          const statusUrl = await issueStatusLink(tx, requestId, now);
          await recordRequesterMail(tx, requestId, context, now);
          const party = mailParty(request, context);
          const headers = unsubscribeHeaders(request, context);
          if (unclassified)
            return { to: request.requesterEmail, headers, ...emailReceiptMail({ ...party, statusUrl }) };
          return {
            to: request.requesterEmail,
            headers,
            ...receiptMail({
              ...party,
              statusUrl,
              dueOn: formatLocalDate(request.dueAt, context.organisation.timeZone, party.language),
            }),
          };
        },
      );
    },
  };
}

/** The due date the requester can expect: where confirming starts the clock (GDPR), the one it starts if confirmed now. */
function dueIfConfirmedNow(request: DataSubjectRequest, context: OrganisationContext, now: Date): Date {
  const confirmed = verifyRequest(requestFacts(request, context), now);
  return (confirmed.ok && confirmed.changes.dueAt) || request.dueAt;
}
