import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { Env } from '#config';
import { DataSubjectRequest, issueRequestToken, OrganisationDirectory, type OrganisationContext } from '#db';
import { formatLocalDate, receiptMail, verificationMail, type RequestMailParty } from '#mail';
import { findRight } from '#policy';
import type { JobName, JobPayloads } from '#queue';
import { linkExpiresAt, STATUS_LINK_DAYS } from '#workflow';
import type { MailLedger } from './mail-ledger.js';

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], jobId: string) => Promise<void>;
export type JobHandlers = { [N in JobName]: JobHandler<N> };

/** The mails sent to requesters about their own request. Each re-reads the row: the row owns the status. */
export function requestMailHandlers(deps: {
  env: Env;
  dataSource: DataSource;
  directory: OrganisationDirectory;
  ledger: MailLedger;
}): Pick<JobHandlers, 'verification.send' | 'receipt.send'> {
  const { env, dataSource, directory, ledger } = deps;
  const logger = new Logger('request-mail');
  const link = (path: string) => new URL(path, env.PUBLIC_URL).toString();

  async function load(requestId: string) {
    const request = await dataSource.getRepository(DataSubjectRequest).findOneBy({ id: requestId });
    if (!request) return null;
    return { request, context: await directory.forRequest(request) };
  }

  function mailParty(request: DataSubjectRequest, context: OrganisationContext): RequestMailParty {
    return {
      organisationName: context.policy.name,
      contact: context.policy.privacyEmail,
      requesterName: request.requesterName,
      reference: request.reference,
      requestLabel: findRight(context.policy, request.rightId)?.label ?? request.type,
    };
  }

  /** Every mail about a request carries a fresh status link; older ones keep working. */
  async function issueStatusLink(tx: EntityManager, requestId: string, now: Date): Promise<string> {
    const token = await issueRequestToken(tx, requestId, 'status', linkExpiresAt(now, STATUS_LINK_DAYS), { replacePrevious: false });
    return link(`/s/${token}`);
  }


  return {
    async 'verification.send'({ requestId }, jobId) {
      const loaded = await load(requestId);
      if (!loaded || loaded.request.status !== 'unverified') {
        logger.log(`verification mail for ${requestId} not needed any more`);
        return;
      }
      const { request, context } = loaded;
      const now = new Date();
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
      const now = new Date();
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
