import type { Env } from '#config';
import { type DataMap, loadDataMaps, loadPolicies } from '#policy';

import { databasesOf, type DemoDatabaseResult, fillDemoDatabases } from './demo-databases.js';
import { applyUnset, type DemoDatabase, demoVariables, seedDataMaps } from './demo-environment.js';
import { demoDatabaseLines } from './demo-report.js';

/**
 * In development, sets every variable the seed data maps name that is unset, to the demo databases and the dev
 * support desks, in this process's environment: the seed reads it, and the launcher hands it to the api, the worker
 * and the mailbox. Returns the demo databases it pointed a variable at (a variable the developer set is left alone,
 * and so is the database it names). Nothing is set outside development.
 */
export function useDemoSystems(env: Env): DemoDatabase[] {
  if (env.NODE_ENV !== 'development') return [];
  const variables = seedDataMaps(env.SEEDS_DIR).flatMap((map) =>
    demoVariables(map, { databaseUrl: env.DATABASE_URL, port: env.PORT }),
  );
  const set = applyUnset(process.env, variables);
  // Named by count only: the values are URLs, and the variables are listed in docs/data-map.md.
  if (set.length > 0)
    console.log(`dev: ${set.length} unset data map variables point at the demo systems (docs/data-map.md)`);
  return set.flatMap((variable) => (variable.database ? [variable.database] : []));
}

/** Makes the demo databases not made yet, printing one line for each; the rest of the start goes on regardless. */
export async function makeDemoDatabases(env: Env, databases: DemoDatabase[]): Promise<DemoDatabaseResult[]> {
  const countries = new Map(loadPolicies(env.SEEDS_DIR).map(({ policy }) => [policy.slug, policy.country]));
  const results = await fillDemoDatabases(databases, {
    people: env.DEMO_PEOPLE,
    countryOf: (slug) => countries.get(slug) ?? 'US',
  });
  for (const line of demoDatabaseLines(results)) console.log(line);
  return results;
}

/** `rightsdesk demo-databases`: makes the databases the sound seed data maps name, wherever their variables point. */
export async function demoDatabasesCommand(env: Env): Promise<void> {
  useDemoSystems(env);
  const slugs = loadPolicies(env.SEEDS_DIR).map(({ policy }) => policy.slug);
  const maps = loadDataMaps(env.SEEDS_DIR, slugs, process.env).flatMap((entry): DataMap[] =>
    entry.ok ? [entry.map] : [],
  );
  const results = await makeDemoDatabases(env, databasesOf(maps, process.env));
  if (results.some((r) => r.outcome.state === 'failed')) process.exitCode = 1;
}
