import type { ConnectedSystem } from '#policy';

import type { Connector, ConnectorContext, ConnectorDeps } from './connector.js';
import { HttpConnector } from './http/http-connector.js';
import { DatabaseConnector } from './sql/database-connector.js';
import { emailVendorConnector } from './vendor/email-vendor-connector.js';

type ConnectorFactory<K extends ConnectedSystem['kind']> = (
  system: Extract<ConnectedSystem, { kind: K }>,
  context: ConnectorContext,
  deps: ConnectorDeps,
) => Connector;

const database = (_system: unknown, context: ConnectorContext, deps: ConnectorDeps) =>
  new DatabaseConnector(context, { maskKey: deps.maskKey });

/** One factory per kind of system. */
const FACTORIES: { [K in ConnectedSystem['kind']]: ConnectorFactory<K> } = {
  postgres: database,
  mysql: database,
  http: (system, { env }, deps) => new HttpConnector(system, env, deps),
  email_vendor: (system, _context, deps) => emailVendorConnector(system, deps),
  // A manual system is work for staff: its run only hands the checklist over.
  manual: () => ({ run: async () => ({ state: 'awaiting_staff' }) }),
};

/** The connector for a mapped system, built for one run. */
export function connectorFor(context: ConnectorContext, deps: ConnectorDeps): Connector {
  const factory = FACTORIES[context.system.kind] as ConnectorFactory<ConnectedSystem['kind']>;
  return factory(context.system, context, deps);
}
