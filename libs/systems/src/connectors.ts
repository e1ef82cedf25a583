import type { ConnectedSystem } from '#policy';

import { type Connector, type ConnectorContext, SystemError } from './connector.js';

type ConnectorFactory = (context: ConnectorContext) => Connector;

/** A manual system is work for staff: its run only hands the checklist over. */
const manual: ConnectorFactory = () => ({ run: async () => ({ state: 'awaiting_staff' }) });

const FACTORIES: Partial<Record<ConnectedSystem['kind'], ConnectorFactory>> = {
  manual,
};

/** The connector for a mapped system, built for one run. */
export function connectorFor(context: ConnectorContext): Connector {
  const factory = FACTORIES[context.system.kind];
  if (!factory) throw new SystemError('misconfigured', `no connector for kind ${context.system.kind}`);
  return factory(context);
}
