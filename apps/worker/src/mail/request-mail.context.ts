import type { DataSource, EntityManager } from 'typeorm';

import type { Clock, Env } from '#config';
import { DataSubjectRequest, issueRequestToken, type OrganisationContext, OrganisationDirectory } from '#db';
import {
  listUnsubscribeHeaders,
  requestLabelIn,
  type RequestMailParty,
  signUnsubscribeToken,
  storedLanguage,
} from '#mail';
import { linkExpiresAt, normaliseEmail, STATUS_LINK_DAYS } from '#workflow';

import type { MailLedger } from './mail-ledger.js';

export interface RequestMailDeps {
  env: Env;
  clock: Clock;
  dataSource: DataSource;
  directory: OrganisationDirectory;
  ledger: MailLedger;
}

/** What every handler of a mail about a request needs: the row, who the mail is from and about, and links. */
export function requestMailContext(deps: RequestMailDeps) {
  const { env, dataSource, directory } = deps;
  const link = (path: string) => new URL(path, env.PUBLIC_URL).toString();

  return {
    link,

    /** The request and the organisation as it was for it; null when the request is gone. */
    async load(requestId: string): Promise<{ request: DataSubjectRequest; context: OrganisationContext } | null> {
      const request = await dataSource.getRepository(DataSubjectRequest).findOneBy({ id: requestId });
      // Deleted, or purged by retention: there is no one left to write to.
      if (!request || request.purgedAt) return null;
      return { request, context: await directory.forRequest(request) };
    },

    /** Who the mail is from and about, in the language the requester chose (stored with the request). */
    mailParty(request: DataSubjectRequest, context: OrganisationContext): RequestMailParty {
      const language = storedLanguage(request.language);
      return {
        organisationName: context.policy.name,
        contact: context.policy.privacyEmail,
        requesterName: request.requesterName,
        reference: request.reference,
        requestLabel: requestLabelIn(language, request, context.policy),
        language,
      };
    },

    /**
     * RFC 8058 one-click unsubscribe headers for a mail sent in the organisation's name, where its policy offers
     * opting out of its marketing email; the link is signed, so it needs no stored row.
     */
    unsubscribeHeaders(request: DataSubjectRequest, context: OrganisationContext): Record<string, string> {
      const email = normaliseEmail(request.requesterEmail);
      if (!email || !context.policy.rights.some((r) => r.type === 'opt_out_marketing_email')) return {};
      const token = signUnsubscribeToken({ organisationId: request.organisationId, email }, env.APP_SECRET);
      return listUnsubscribeHeaders(link(`/u/${token}`));
    },

    /** Every mail about a request carries a fresh status link; older ones keep working. */
    async issueStatusLink(tx: EntityManager, requestId: string, now: Date): Promise<string> {
      const token = await issueRequestToken(tx, requestId, 'status', linkExpiresAt(now, STATUS_LINK_DAYS), {
        replacePrevious: false,
      });
      return link(`/s/${token}`);
    },
  };
}
