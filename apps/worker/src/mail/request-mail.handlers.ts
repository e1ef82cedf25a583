import { Logger } from '@nestjs/common';
import { issueRequestToken } from '#db';
import { formatLocalDate, receiptMail, verificationMail } from '#mail';
import type { JobName, JobPayloads } from '#queue';
import { linkExpiresAt } from '#workflow';
import { requestMailContext, type RequestMailDeps } from './request-mail.context.js';

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], jobId: string) => Promise<void>;
export type JobHandlers = { [N in JobName]: JobHandler<N> };

/** The mails sent to requesters about their own request. Each re-reads the row: the row owns the status. */
export function requestMailHandlers(deps: RequestMailDeps): Pick<JobHandlers, 'verification.send' | 'receipt.send'> {
  const { ledger } = deps;
  const logger = new Logger('request-mail');
  const { link, load, mailParty, issueStatusLink } = requestMailContext(deps);

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
      await ledger.sendOnce({ key: jobId, organisationId: request.organisationId, requestId, template: 'verification', to: request.requesterEmail }, async (tx) => {
        // A resent link replaces the previous one.
        const verifyToken = await issueRequestToken(tx, requestId, 'verify', expiresAt, { replacePrevious: true });
        return {
          to: request.requesterEmail,
          ...verificationMail({
            ...mailParty(request, context),
            verifyUrl: link(`/v/${verifyToken}`),
            statusUrl: await issueStatusLink(tx, requestId, now),
            expiresOn: formatLocalDate(expiresAt, context.organisation.timeZone),
          }),
        };
      });
    },

    async 'receipt.send'({ requestId }, jobId) {
      const loaded = await load(requestId);
      if (!loaded) return;
      const { request, context } = loaded;
      const now = deps.clock.now();
      await ledger.sendOnce({ key: jobId, organisationId: request.organisationId, requestId, template: 'receipt', to: request.requesterEmail }, async (tx) => ({
        to: request.requesterEmail,
        ...receiptMail({
          ...mailParty(request, context),
          statusUrl: await issueStatusLink(tx, requestId, now),
          dueOn: formatLocalDate(request.dueAt, context.organisation.timeZone),
        }),
      }));
    },
  };
}
