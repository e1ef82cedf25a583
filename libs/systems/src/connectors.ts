import type { ConnectedSystem } from '#policy';

import { type Connector, type ConnectorContext, type ConnectorDeps, SystemError } from './connector.js';
import { HttpConnector } from './http/http-connector.js';
import { emailVendorConnector } from './vendor/email-vendor-connector.js';

type ConnectorFactory<K extends ConnectedSystem['kind']> = (
  system: Extract<ConnectedSystem, { kind: K }>,
  context: ConnectorContext,
  deps: ConnectorDeps,
) => Connector;

/**
 * One factory per kind of system. The database kinds (postgres, mysql) are built by the SQL connectors in ./sql,
 * added here as `postgres` and `mysql` entries beside these.
 */
const FACTORIES: { [K in ConnectedSystem['kind']]?: ConnectorFactory<K> } = {
  http: (system, { env }, deps) => new HttpConnector(system, env, deps),
  email_vendor: (system, _context, deps) => emailVendorConnector(system, deps),
  // A manual system is work for staff: its run only hands the checklist over.
  manual: () => ({ run: async () => ({ state: 'awaiting_staff' }) }),
};

/** The connector for a mapped system, built for one run. */
export function connectorFor(context: ConnectorContext, deps: ConnectorDeps): Connector {
  const factory = FACTORIES[context.system.kind] as ConnectorFactory<ConnectedSystem['kind']> | undefined;
  if (!factory) throw new SystemError('misconfigured', `no connector for kind ${context.system.kind}`);
  return factory(context.system, context, deps);
}
