import { type DataMap, isDatabaseSystem } from '#policy';

import { fillDemoDatabase, type FillOutcome } from './demo-database.js';
import type { DemoDatabase } from './demo-environment.js';
import { demoRows } from './demo-people.js';
import { describeDatabase, openDemoTarget } from './demo-target.js';

export interface DemoDatabaseResult extends Omit<DemoDatabase, 'url'> {
  /** Name and server, without credentials. */
  where: string;
  outcome: FillOutcome | { state: 'failed'; reason: string };
}

/** The databases the data maps' database systems name, at the URLs their variables hold (unset ones are skipped). */
export function databasesOf(maps: DataMap[], env: Readonly<Record<string, string | undefined>>): DemoDatabase[] {
  return maps.flatMap((map) =>
    map.systems.filter(isDatabaseSystem).flatMap((system) => {
      const url = env[system.connection];
      return url ? [{ organisation: map.organisation, kind: system.kind, url }] : [];
    }),
  );
}

/**
 * Makes each demo database that is not made yet: its five tables, the demo persons and `people` generated people.
 * One database failing (its server down) is reported and the others go on.
 */
export async function fillDemoDatabases(
  databases: DemoDatabase[],
  settings: { people: number; countryOf: (slug: string) => string },
): Promise<DemoDatabaseResult[]> {
  const results: DemoDatabaseResult[] = [];
  for (const { organisation, kind, url } of databases) {
    const where = describeDatabase(url);
    try {
      const target = await openDemoTarget(kind, url);
      try {
        const rows = demoRows({ slug: organisation, country: settings.countryOf(organisation) }, settings.people);
        results.push({ organisation, kind, where, outcome: await fillDemoDatabase(target, rows, settings.people) });
      } finally {
        await target.close();
      }
    } catch (error) {
      // The drivers' messages name the server and the user, never the password.
      const { message, code } = error as Error & { code?: string };
      results.push({
        organisation,
        kind,
        where,
        outcome: { state: 'failed', reason: message || code || String(error) },
      });
    }
  }
  return results;
}
