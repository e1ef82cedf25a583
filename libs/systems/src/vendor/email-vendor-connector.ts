import type { EmailVendorSystem } from '#policy';

import type { Connector, ConnectorDeps } from '../connector.js';
import { SystemError } from '../connector.js';

/**
 * A service provider reached by mail: the run mails it the request with a single-use confirmation link (through the
 * worker's mail ledger, so a retried run mails once) and waits for the link; the vendor sweep reminds and escalates.
 */
export function emailVendorConnector(system: EmailVendorSystem, deps: Pick<ConnectorDeps, 'askVendor'>): Connector {
  return {
    async run(run) {
      if (run.purpose !== 'access' && run.purpose !== 'erasure')
        throw new SystemError(
          'misconfigured',
          `a service provider is asked for access and erasure, not ${run.purpose}`,
        );
      return { state: 'awaiting_vendor', ...(await deps.askVendor(system, run)) };
    },
  };
}
