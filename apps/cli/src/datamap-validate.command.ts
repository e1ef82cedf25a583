import { readFileSync } from 'node:fs';

import { type DataMap, isDatabaseSystem, parseDataMap, PolicyFileError, type PolicyProblem } from '#policy';
import { checkSchema } from '#systems';

export interface Validation {
  /** One line per problem: "file: path: message". */
  problems: string[];
  summary: string;
}

function unsetVariables(map: DataMap, env: Readonly<Record<string, string | undefined>>): PolicyProblem[] {
  return map.systems.flatMap((system, i) => {
    const fields = isDatabaseSystem(system)
      ? { connection: system.connection }
      : system.kind === 'http'
        ? { connection: system.connection, secret: system.secret }
        : {};
    return Object.entries(fields)
      .filter(([, name]) => !env[name])
      .map(([field, name]) => ({ path: `systems[${i}].${field}`, message: `environment variable ${name} is not set` }));
  });
}

/**
 * `rightsdesk datamap validate <file>`: the map's structure, the environment variables it names, and each database
 * system against its live schema when its variable is set. Every problem is listed, not only the first.
 */
export async function validateDataMapFile(
  file: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<Validation> {
  const line = ({ path, message }: PolicyProblem) => `${file}: ${path === '' ? '' : `${path}: `}${message}`;
  let map: DataMap;
  try {
    map = parseDataMap(file, readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof PolicyFileError) return { problems: error.problems.map(line), summary: '' };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') return { problems: [`${file}: cannot be read (${code})`], summary: '' };
    throw error;
  }
  const problems = unsetVariables(map, env);
  const databases = map.systems.filter(isDatabaseSystem);
  for (const [i, system] of map.systems.entries()) {
    if (isDatabaseSystem(system) && env[system.connection])
      problems.push(...(await checkSchema(system, env, `systems[${i}]`)));
  }
  const tables = databases.reduce((sum, system) => sum + system.tables.length, 0);
  return {
    problems: problems.map(line),
    summary: `datamap: ${file} is sound: ${map.systems.length} systems of ${map.organisation}, ${databases.length} databases matching their live schemas (${tables} tables)`,
  };
}
