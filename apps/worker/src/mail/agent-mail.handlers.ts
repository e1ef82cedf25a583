import { RequestAgent } from '#db';
import { agentReceiptMail, formatLocalDate } from '#mail';

import type { JobHandlers } from '../job-handlers.js';
import { requestMailContext, type RequestMailDeps } from './request-mail.context.js';

/** The authorised agent's receipt: the request arrived and waits for the consumer's own confirmation. */
export function agentMailHandlers(deps: RequestMailDeps): Pick<JobHandlers, 'agent.receipt.send'> {
  const { load, mailParty } = requestMailContext(deps);

  return {
    async 'agent.receipt.send'({ requestId }, jobId) {
      const loaded = await load(requestId);
      if (!loaded) return;
      const agent = await deps.dataSource.getRepository(RequestAgent).findOneBy({ requestId });
      if (!agent) return;
      const { request, context } = loaded;
      const { organisationName, contact, reference, requestLabel, language } = mailParty(request, context);
      await deps.ledger.sendOnce(
        { key: jobId, organisationId: request.organisationId, requestId, template: 'agent_receipt', to: agent.email },
        async () => ({
          to: agent.email,
          ...agentReceiptMail({
            organisationName,
            contact,
            agentName: agent.name,
            reference,
            requestLabel,
            dueOn: formatLocalDate(request.dueAt, context.organisation.timeZone, language),
            language,
          }),
        }),
      );
    },
  };
}
