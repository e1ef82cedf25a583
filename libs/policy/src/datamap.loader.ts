import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type DataMap, environmentNamesOf } from './datamap.model.js';
import { parseDataMap } from './datamap.validator.js';
import { PolicyFileError, type PolicyProblem } from './policy-file-error.js';

const SEED_SUFFIX = '.datamap.yaml';

export type LoadedDataMap =
  { ok: true; fileName: string; map: DataMap } | { ok: false; fileName: string; error: PolicyFileError };

/** The environment variables a map names that are not set: the map cannot reach those systems. */
function unsetVariables(map: DataMap, env: Readonly<Record<string, string | undefined>>): PolicyProblem[] {
  return map.systems.flatMap((system, i) =>
    environmentNamesOf(system)
      .filter((name) => !env[name])
      .map((name) => ({ path: `systems[${i}]`, message: `environment variable ${name} is not set` })),
  );
}

/**
 * Reads one data map, checks it belongs to a known organisation and that every environment variable it names is set.
 * A bad map is returned as its error, not thrown, so one organisation's mistake leaves the others running.
 */
export function loadDataMap(
  fileName: string,
  organisations: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): LoadedDataMap {
  try {
    const map = parseDataMap(fileName, readFileSync(fileName, 'utf8'));
    const problems = unsetVariables(map, env);
    if (!organisations.includes(map.organisation))
      problems.unshift({ path: 'organisation', message: `"${map.organisation}" has no policy in the seeds` });
    const expected = `${map.organisation}${SEED_SUFFIX}`;
    if (!fileName.endsWith(`/${expected}`) && fileName !== expected)
      problems.unshift({ path: 'organisation', message: `the file for "${map.organisation}" is named ${expected}` });
    if (problems.length > 0) return { ok: false, fileName, error: new PolicyFileError(fileName, problems) };
    return { ok: true, fileName, map };
  } catch (error) {
    if (error instanceof PolicyFileError) return { ok: false, fileName, error };
    const reason = (error as Error).message;
    return { ok: false, fileName, error: new PolicyFileError(fileName, [{ path: '', message: reason }]) };
  }
}

/** Every seeds/*.datamap.yaml, sorted by file name. */
export function loadDataMaps(
  seedsDir: string,
  organisations: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): LoadedDataMap[] {
  return readdirSync(seedsDir)
    .filter((name) => name.endsWith(SEED_SUFFIX))
    .sort()
    .map((name) => loadDataMap(join(seedsDir, name), organisations, env));
}
