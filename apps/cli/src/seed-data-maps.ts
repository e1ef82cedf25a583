import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import type { DataSource } from 'typeorm';

import { DataMapVersion, Organisation } from '#db';
import { type DataMap, isDatabaseSystem, loadDataMaps, PolicyFileError, type PolicyProblem } from '#policy';
import { checkLiveSchema } from '#systems';

export type DataMapSeedResult =
  | {
      organisation: string;
      state: 'new version' | 'earlier version' | 'unchanged';
      map: DataMap;
      /** Database systems that could not be reached to check their schema: the map is used, the jobs will retry. */
      unchecked: string[];
    }
  /** The map is not used: the organisation keeps the data map it had (none on a first seed). */
  | { organisation: string; state: 'refused'; error: PolicyFileError };

/** The organisation a map file is for, from its name (the loader holds the file to the same name). */
function organisationOfFile(fileName: string): string {
  return basename(fileName).replace(/\.datamap\.yaml$/, '');
}

/**
 * Each database system of the map against its live schema. A schema that does not fit refuses the map; a database
 * that is down does not, since its jobs fail and retry like any other outage, but it is reported.
 */
async function liveSchemas(
  map: DataMap,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ problems: PolicyProblem[]; unchecked: string[] }> {
  const problems: PolicyProblem[] = [];
  const unchecked: string[] = [];
  for (const [i, system] of map.systems.entries()) {
    if (!isDatabaseSystem(system)) continue;
    // The loader has refused a map whose variables are unset.
    const check = await checkLiveSchema(system, env[system.connection]!, `systems[${i}]`);
    if (check.reachable) problems.push(...check.problems);
    else unchecked.push(`${system.name} was not checked against its live schema (${check.reason})`);
  }
  return { problems, unchecked };
}

/**
 * Loads every seeds/*.datamap.yaml of a seeded organisation and makes each sound one that organisation's current data
 * map, stored once per content (sha256 of the file). A bad map, one naming an unset variable, or one that does not
 * fit its databases' live schemas is reported and changes nothing; the other organisations' maps are seeded all the same. A second run with the same files changes
 * nothing.
 */
export async function seedDataMaps(
  dataSource: DataSource,
  seedsDir: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<DataMapSeedResult[]> {
  const organisations = await dataSource.getRepository(Organisation).find();
  const loaded = loadDataMaps(
    seedsDir,
    organisations.map((o) => o.slug),
    env,
  );
  const results: DataMapSeedResult[] = [];
  for (const entry of loaded) {
    if (!entry.ok) {
      results.push({ organisation: organisationOfFile(entry.fileName), state: 'refused', error: entry.error });
      continue;
    }
    const { map, fileName } = entry;
    const { problems, unchecked } = await liveSchemas(map, env);
    if (problems.length > 0) {
      results.push({
        organisation: map.organisation,
        state: 'refused',
        error: new PolicyFileError(fileName, problems),
      });
      continue;
    }
    const organisation = organisations.find((o) => o.slug === map.organisation)!;
    const contentHash = createHash('sha256').update(readFileSync(fileName)).digest('hex');
    const state = await dataSource.transaction(async (tx): Promise<'new version' | 'earlier version' | 'unchanged'> => {
      const stored = await tx.findOneBy(DataMapVersion, { organisationId: organisation.id, contentHash });
      const version =
        stored ??
        (await tx.save(tx.create(DataMapVersion, { organisationId: organisation.id, contentHash, document: map })));
      if (organisation.currentDataMapVersionId === version.id) return 'unchanged';
      await tx.update(Organisation, { id: organisation.id }, { currentDataMapVersionId: version.id });
      // A file put back as it was makes the version stored then current again.
      return stored ? 'earlier version' : 'new version';
    });
    results.push({ organisation: map.organisation, state, map, unchecked });
  }
  return results;
}

/** What the seed prints: each organisation's map, and for a refused one every problem with its file and path. */
export function dataMapSeedLines(results: DataMapSeedResult[]): string[] {
  return results.flatMap((r) =>
    r.state === 'refused'
      ? [
          `seed: ${r.organisation} data map refused; its connected systems stay as they were:`,
          ...r.error.message.split('\n').map((line) => `      ${line}`),
        ]
      : [
          `seed: ${r.organisation} data map: ${r.state} (${r.map.systems.length} systems)`,
          ...r.unchecked.map((line) => `      ${line}`),
        ],
  );
}
