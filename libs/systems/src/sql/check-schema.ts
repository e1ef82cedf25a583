import type { ColumnMask, DatabaseSystem, DataPointKind, MappedTable, PolicyProblem } from '#policy';

import { SystemError } from '../connector.js';
import { type DatabaseSchema, readDatabaseSchema, type SchemaColumn, type SchemaTable, typeFamily } from './schema.js';

/** A keyed hash is 64 hex digits. */
const HASH_LENGTH = 64;

function at(path: string, ...keys: string[]): string {
  return keys.reduce((joined, key) => (joined === '' ? key : `${joined}.${key}`), path);
}

function columnOf(schema: DatabaseSchema, table: SchemaTable, name: string): SchemaColumn | undefined {
  const exact = table.columns.find((column) => column.name === name);
  if (exact || schema.kind !== 'mysql') return exact;
  return table.columns.find((column) => column.name.toLowerCase() === name.toLowerCase());
}

/** What a data point's column may hold to be read as that data point: text, or what it is read from otherwise. */
const DATA_POINT_TYPES: Record<DataPointKind, { fits: (column: SchemaColumn) => boolean; needs: string }> = {
  full_name: { fits: (column) => typeFamily(column.type) === 'text', needs: 'text' },
  postal_address: { fits: (column) => typeFamily(column.type) === 'text', needs: 'text' },
  phone: { fits: (column) => ['text', 'number'].includes(typeFamily(column.type)), needs: 'text or a number' },
  account_number: {
    fits: (column) => ['text', 'number', 'uuid'].includes(typeFamily(column.type)),
    needs: 'text, a number or a uuid',
  },
  date_of_birth: { fits: (column) => isDateOrText(column), needs: 'a date, a timestamp or text' },
  last_order_date: { fits: (column) => isDateOrText(column), needs: 'a date, a timestamp or text' },
};

function isDateOrText(column: SchemaColumn): boolean {
  return typeFamily(column.type) === 'text' || /^(date|datetime|timestamp)\b/.test(column.type);
}

function maskProblem(mask: ColumnMask, column: SchemaColumn): string | undefined {
  const text = typeFamily(column.type) === 'text';
  if (mask.kind === 'null')
    return column.nullable ? undefined : 'is NOT NULL in the database: erasure cannot set it to null';
  const needed = mask.kind === 'hash' ? HASH_LENGTH : [...mask.text].length;
  const what = mask.kind === 'hash' ? 'a keyed hash (64 characters)' : 'the mask text';
  if (!text) return `is ${column.type}: ${what} needs a text column`;
  if (column.maxLength !== null && column.maxLength < needed)
    return `holds at most ${column.maxLength} characters: too few for ${what}`;
  return undefined;
}

function tableProblems(
  system: DatabaseSystem,
  schema: DatabaseSchema,
  table: MappedTable,
  path: string,
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const found = schema.tables.find((candidate) => candidate.name === table.name);
  if (!found) return [{ path, message: `no table or view "${table.name}" in database ${schema.database}` }];
  for (const column of Object.keys(table.columns)) {
    if (!columnOf(schema, found, column))
      problems.push({ path: at(path, 'columns', column), message: `no column "${column}" in ${table.name}` });
  }
  for (const identity of table.identity) {
    const column = columnOf(schema, found, identity.column);
    if (column && typeFamily(column.type) !== 'text')
      problems.push({
        path: at(path, 'identity', identity.column),
        message: `is ${column.type}: identity columns are compared with what the requester gave as text, so they must hold text`,
      });
  }
  for (const [kind, name] of Object.entries(table.verify) as [DataPointKind, string][]) {
    const column = columnOf(schema, found, name);
    const type = DATA_POINT_TYPES[kind];
    if (column && !type.fits(column))
      problems.push({
        path: at(path, 'verify', kind),
        message: `${table.name}.${name} is ${column.type}: a ${kind} is read from ${type.needs}`,
      });
  }
  for (const relation of table.relations) {
    const child = columnOf(schema, found, relation.column);
    const parentTable = schema.tables.find((candidate) => candidate.name === relation.table);
    const parent = parentTable && columnOf(schema, parentTable, relation.references);
    if (child && parent && typeFamily(child.type) !== typeFamily(parent.type))
      problems.push({
        path: at(path, 'follow', relation.column),
        message: `${table.name}.${relation.column} is ${child.type} and ${relation.table}.${relation.references} is ${parent.type}: they cannot be joined`,
      });
  }
  if (table.erasure.action === 'update') {
    for (const [name, mask] of Object.entries(table.erasure.columns)) {
      const column = columnOf(schema, found, name);
      const problem = column && maskProblem(mask, column);
      if (problem) problems.push({ path: at(path, 'erasure', 'update', name), message: problem });
    }
  }
  if (table.erasure.action === 'delete') {
    // A foreign key the map does not follow would block the deletion, or cascade into rows nobody counted.
    for (const other of schema.tables) {
      for (const key of other.foreignKeys.filter((fk) => fk.table === table.name && other.name !== table.name)) {
        const mapped = system.tables.find((candidate) => candidate.name === other.name);
        const followed = mapped?.relations.some((r) => r.column === key.column && r.table === table.name);
        if (!followed)
          problems.push({
            path: at(path, 'erasure'),
            message: `${other.name}.${key.column} refers to ${table.name}, and the map does not follow it: deleting rows of ${table.name} would be blocked by its rows, or change them unseen`,
          });
      }
    }
  }
  return problems;
}

function optOutProblem(system: DatabaseSystem, schema: DatabaseSchema, path: string): PolicyProblem | undefined {
  const flag = system.optOut;
  const table = flag && schema.tables.find((candidate) => candidate.name === flag.table);
  const column = flag && table && columnOf(schema, table, flag.column);
  if (!flag || !column) return undefined;
  const family = typeFamily(column.type);
  const fits = typeof flag.value === 'boolean' ? family === 'boolean' || family === 'number' : family === 'text';
  if (fits) return undefined;
  return { path: at(path, 'opt_out', 'value'), message: `${flag.table}.${flag.column} is ${column.type}` };
}

/** What does not fit between a database system of the map and its live schema; paths are inside the map. */
export function schemaProblems(system: DatabaseSystem, schema: DatabaseSchema, systemPath = ''): PolicyProblem[] {
  const problems = system.tables.flatMap((table) =>
    tableProblems(system, schema, table, at(systemPath, 'tables', table.name)),
  );
  const optOut = optOutProblem(system, schema, systemPath);
  return optOut ? [...problems, optOut] : problems;
}

/** A database system checked against its live schema, or the reason it could not be reached to be checked. */
export type LiveSchemaCheck = { reachable: true; problems: PolicyProblem[] } | { reachable: false; reason: string };

/** Reads the live schema at `url` and compares the system with it; a database it cannot reach is not a throw. */
export async function checkLiveSchema(system: DatabaseSystem, url: string, systemPath = ''): Promise<LiveSchemaCheck> {
  try {
    return {
      reachable: true,
      problems: schemaProblems(system, await readDatabaseSchema(system.kind, url), systemPath),
    };
  } catch (error) {
    if (!(error instanceof SystemError)) throw error;
    return { reachable: false, reason: error.message };
  }
}

/**
 * Checks a database system of the map against the live schema its environment variable leads to: unknown tables and
 * columns, relations whose columns cannot join, identity columns that are not text, data point columns of a type their
 * data point cannot be read from, masks the column cannot take, foreign keys into a deleted table that the map does
 * not follow. An unreachable database is one problem, not a throw.
 */
export async function checkSchema(
  system: DatabaseSystem,
  env: Readonly<Record<string, string | undefined>>,
  systemPath = '',
): Promise<PolicyProblem[]> {
  const url = env[system.connection];
  if (!url)
    return [{ path: at(systemPath, 'connection'), message: `environment variable ${system.connection} is not set` }];
  const check = await checkLiveSchema(system, url, systemPath);
  return check.reachable
    ? check.problems
    : [{ path: systemPath, message: `the schema cannot be read: ${check.reason}` }];
}
