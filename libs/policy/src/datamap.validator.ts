import {
  type ColumnMask,
  type ConnectedSystem,
  DATA_CATEGORIES,
  type DatabaseSystem,
  type DataCategory,
  type DataMap,
  IDENTITY_COMPARISONS,
  IDENTITY_KINDS,
  type IdentityColumn,
  type MappedTable,
  type OptOutFlag,
  type Relation,
  RETENTION_EXEMPTIONS,
  type RetentionExemption,
  SYSTEM_KINDS,
  type TableErasure,
} from './datamap.model.js';
import { DATA_POINT_KINDS, type DataPointKind } from './policy.model.js';
import { PolicyFileError } from './policy-file-error.js';
import { at, Checker, describe, type Fields, readYaml } from './yaml-checker.js';

const SLUG = /^[a-z0-9-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ENVIRONMENT_NAME = /^[A-Z][A-Z0-9_]*$/;
// Identifiers reach SQL quoted, but only plain names are accepted at all, so a hostile map cannot smuggle a quote in.
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const SHARED_KEYS = ['id', 'name', 'kind', 'purposes', 'sources', 'recipients'];
const KEYS_BY_KIND: Record<ConnectedSystem['kind'], string[]> = {
  postgres: [...SHARED_KEYS, 'connection', 'tables', 'opt_out'],
  mysql: [...SHARED_KEYS, 'connection', 'tables', 'opt_out'],
  http: [...SHARED_KEYS, 'connection', 'secret', 'categories'],
  email_vendor: [...SHARED_KEYS, 'email', 'remind_every_days', 'escalate_after_days', 'categories'],
  manual: [...SHARED_KEYS, 'tasks', 'categories'],
};
const TABLE_KEYS = ['key', 'identity', 'follow', 'columns', 'verify', 'erasure'];
const EXEMPTIONS = Object.keys(RETENTION_EXEMPTIONS) as RetentionExemption[];

function texts(c: Checker, value: unknown, path: string): string[] | undefined {
  if (value === undefined) return [];
  const items = c.list(value, path, false);
  return items?.map((item, i) => c.text(item, at(path, i))).filter((item): item is string => item !== undefined);
}

function categories(c: Checker, value: unknown, path: string): DataCategory[] | undefined {
  const items = c.list(value, path, true);
  return items
    ?.map((item, i) => c.oneOf(item, at(path, i), DATA_CATEGORIES))
    .filter((item): item is DataCategory => item !== undefined);
}

function identifier(c: Checker, value: unknown, path: string): string | undefined {
  return c.matching(value, path, IDENTIFIER, 'a plain SQL name (letters, digits, underscores)');
}

function readIdentity(
  c: Checker,
  value: unknown,
  path: string,
  columns: Record<string, DataCategory>,
): IdentityColumn[] {
  if (value === undefined) return [];
  const found: IdentityColumn[] = [];
  for (const [column, spec] of c.namedEntries(value, path) ?? []) {
    const where = at(path, column);
    if (!(column in columns)) c.fail(where, 'is not a column listed under columns');
    if (typeof spec === 'string') {
      const kind = c.oneOf(spec, where, IDENTITY_KINDS);
      if (kind) found.push({ column, kind, compare: 'exact' });
      continue;
    }
    const fields = c.mapping(spec, where, ['kind', 'compare']);
    const kind = c.oneOf(fields?.kind, at(where, 'kind'), IDENTITY_KINDS);
    const compare =
      fields?.compare === undefined ? 'exact' : c.oneOf(fields.compare, at(where, 'compare'), IDENTITY_COMPARISONS);
    if (kind && compare) found.push({ column, kind, compare });
  }
  return found;
}

function readRelations(c: Checker, value: unknown, path: string, columns: Record<string, DataCategory>): Relation[] {
  if (value === undefined) return [];
  const found: Relation[] = [];
  for (const [column, target] of c.namedEntries(value, path) ?? []) {
    const where = at(path, column);
    if (!(column in columns)) c.fail(where, 'is not a column listed under columns');
    const text = c.text(target, where);
    const [table, references, extra] = text?.split('.') ?? [];
    if (text === undefined) continue;
    if (extra !== undefined || !IDENTIFIER.test(table ?? '') || !IDENTIFIER.test(references ?? ''))
      c.fail(where, `"${text}" is not table.column`);
    else found.push({ column, table: table!, references: references! });
  }
  return found;
}

function readVerify(
  c: Checker,
  value: unknown,
  path: string,
  columns: Record<string, DataCategory>,
): Partial<Record<DataPointKind, string>> {
  if (value === undefined) return {};
  const found: Partial<Record<DataPointKind, string>> = {};
  for (const [kind, column] of c.namedEntries(value, path) ?? []) {
    const where = at(path, kind);
    if (!DATA_POINT_KINDS.includes(kind as DataPointKind)) {
      c.fail(where, `is not a data point kind (expected one of ${DATA_POINT_KINDS.join(', ')})`);
      continue;
    }
    const name = c.text(column, where);
    if (name !== undefined && !(name in columns)) c.fail(where, `"${name}" is not a column listed under columns`);
    else if (name !== undefined) found[kind as DataPointKind] = name;
  }
  return found;
}

function readMask(c: Checker, value: unknown, path: string): ColumnMask | undefined {
  if (value === null) return { kind: 'null' };
  if (value === 'hash') return { kind: 'hash' };
  const fields = c.mapping(value, path, ['text']);
  if (fields === undefined) return undefined;
  if (typeof fields.text !== 'string') return c.fail(at(path, 'text'), `expected text, got ${describe(fields.text)}`);
  return { kind: 'text', text: fields.text };
}

function readErasure(
  c: Checker,
  value: unknown,
  path: string,
  columns: Record<string, DataCategory>,
): TableErasure | undefined {
  if (value === 'delete') return { action: 'delete' };
  if (typeof value === 'string') return c.fail(path, `"${value}" is not delete, or a mapping with update or retain`);
  const fields = c.mapping(value, path, ['update', 'retain', 'note']);
  if (!fields) return undefined;
  if ((fields.update === undefined) === (fields.retain === undefined))
    return c.fail(path, 'needs exactly one of update or retain');
  if (fields.retain !== undefined) {
    const exemption = c.oneOf(fields.retain, at(path, 'retain'), EXEMPTIONS);
    const note = c.text(fields.note, at(path, 'note'));
    return exemption && note ? { action: 'retain', exemption, note } : undefined;
  }
  if (fields.note !== undefined) c.fail(at(path, 'note'), 'is only for retained tables');
  const masks: Record<string, ColumnMask> = {};
  const entries = c.namedEntries(fields.update, at(path, 'update')) ?? [];
  if (entries.length === 0) c.fail(at(path, 'update'), 'must name at least one column');
  for (const [column, mask] of entries) {
    if (!(column in columns)) c.fail(at(at(path, 'update'), column), 'is not a column listed under columns');
    const read = readMask(c, mask, at(at(path, 'update'), column));
    if (read) masks[column] = read;
  }
  return { action: 'update', columns: masks };
}

function readTable(c: Checker, name: string, value: unknown, path: string): MappedTable | undefined {
  identifier(c, name, path);
  const fields = c.mapping(value, path, TABLE_KEYS);
  if (!fields) return undefined;
  const columns: Record<string, DataCategory> = {};
  for (const [column, category] of c.namedEntries(fields.columns, at(path, 'columns')) ?? []) {
    identifier(c, column, at(at(path, 'columns'), column));
    const read = c.oneOf(category, at(at(path, 'columns'), column), DATA_CATEGORIES);
    if (read) columns[column] = read;
  }
  const key = fields.key === undefined ? 'id' : identifier(c, fields.key, at(path, 'key'));
  if (key !== undefined && !(key in columns)) c.fail(at(path, 'key'), `"${key}" is not a column listed under columns`);
  const erasure = readErasure(c, fields.erasure, at(path, 'erasure'), columns);
  const identity = readIdentity(c, fields.identity, at(path, 'identity'), columns);
  const relations = readRelations(c, fields.follow, at(path, 'follow'), columns);
  const verify = readVerify(c, fields.verify, at(path, 'verify'), columns);
  if (!key || !erasure) return undefined;
  return { name, key, identity, relations, columns, verify, erasure };
}

function readOptOut(c: Checker, value: unknown, path: string, tables: MappedTable[]): OptOutFlag | undefined {
  if (value === undefined) return undefined;
  const fields = c.mapping(value, path, ['table', 'column', 'value']);
  if (!fields) return undefined;
  const table = tables.find((t) => t.name === fields.table);
  if (!table) return c.fail(at(path, 'table'), `"${String(fields.table)}" is not a table of this system`);
  const column = c.text(fields.column, at(path, 'column'));
  if (column === undefined) return undefined;
  if (!(column in table.columns)) return c.fail(at(path, 'column'), `"${column}" is not a column of ${table.name}`);
  const flag = fields.value;
  if (typeof flag !== 'boolean' && typeof flag !== 'string')
    return c.fail(at(path, 'value'), `expected true, false or text, got ${describe(flag)}`);
  return { table: table.name, column, value: flag };
}

/** A relation must join two declared columns, and following them must end: otherwise a lookup could never finish. */
function checkRelations(c: Checker, tables: MappedTable[], path: string): void {
  const byName = new Map(tables.map((table) => [table.name, table]));
  for (const table of tables) {
    for (const relation of table.relations) {
      const where = at(at(at(path, table.name), 'follow'), relation.column);
      const target = byName.get(relation.table);
      if (!target) c.fail(where, `"${relation.table}" is not a table of this system`);
      else if (!(relation.references in target.columns))
        c.fail(where, `"${relation.references}" is not a column listed under ${relation.table}.columns`);
      else if (target.erasure.action === 'delete' && table.erasure.action !== 'delete')
        c.fail(
          where,
          `${relation.table} is deleted while ${table.name} keeps rows that refer to it: retain or update ${relation.table}, or delete ${table.name} too`,
        );
    }
  }
  const reached = new Set(tables.filter((table) => table.identity.length > 0).map((table) => table.name));
  if (reached.size === 0) c.fail(path, 'no table has an identity column: the system could never find anyone');
  for (let grew = true; grew;) {
    grew = false;
    for (const table of tables) {
      if (reached.has(table.name) || !table.relations.some((relation) => reached.has(relation.table))) continue;
      reached.add(table.name);
      grew = true;
    }
  }
  for (const table of tables) {
    if (!reached.has(table.name))
      c.fail(at(path, table.name), 'is reached by no identity column and no relation from a table that is');
  }
  const placed = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const table of tables) {
      const ready = table.relations.every((r) => r.table === table.name || placed.has(r.table) || !byName.has(r.table));
      if (placed.has(table.name) || !ready) continue;
      placed.add(table.name);
      grew = true;
    }
  }
  const looped = tables.filter((table) => !placed.has(table.name)).map((table) => table.name);
  if (looped.length > 0) c.fail(path, `relations loop through ${looped.join(', ')}: no table can be read first`);
}

function readDatabaseSystem(
  c: Checker,
  fields: Fields,
  path: string,
): Pick<DatabaseSystem, 'connection' | 'tables' | 'optOut'> | undefined {
  const connection = c.matching(
    fields.connection,
    at(path, 'connection'),
    ENVIRONMENT_NAME,
    'an environment variable name',
  );
  const tables = (c.namedEntries(fields.tables, at(path, 'tables')) ?? [])
    .map(([name, table]) => readTable(c, name, table, at(at(path, 'tables'), name)))
    .filter((table): table is MappedTable => table !== undefined);
  if (tables.length === 0) return c.fail(at(path, 'tables'), 'must map at least one table');
  checkRelations(c, tables, at(path, 'tables'));
  const optOut = readOptOut(c, fields.opt_out, at(path, 'opt_out'), tables);
  if (connection === undefined) return undefined;
  return { connection, tables, ...(optOut ? { optOut } : {}) };
}

function readKindFields(
  c: Checker,
  kind: ConnectedSystem['kind'],
  fields: Fields,
  path: string,
): Record<string, unknown> | undefined {
  switch (kind) {
    case 'postgres':
    case 'mysql':
      return readDatabaseSystem(c, fields, path);
    case 'http': {
      const connection = c.matching(
        fields.connection,
        at(path, 'connection'),
        ENVIRONMENT_NAME,
        'an environment variable name',
      );
      const secret = c.matching(fields.secret, at(path, 'secret'), ENVIRONMENT_NAME, 'an environment variable name');
      const held = categories(c, fields.categories, at(path, 'categories'));
      return connection && secret && held ? { connection, secret, categories: held } : undefined;
    }
    case 'email_vendor': {
      const email = c.matching(fields.email, at(path, 'email'), EMAIL, 'an email address');
      const remindEveryDays = c.wholeNumber(fields.remind_every_days, at(path, 'remind_every_days'));
      const escalateAfterDays = c.wholeNumber(fields.escalate_after_days, at(path, 'escalate_after_days'));
      const held = categories(c, fields.categories, at(path, 'categories'));
      if (!email || !remindEveryDays || !escalateAfterDays || !held) return undefined;
      return { email, remindEveryDays, escalateAfterDays, categories: held };
    }
    case 'manual': {
      const tasks = c.list(fields.tasks, at(path, 'tasks'), true);
      const read = tasks?.map((task, i) => c.text(task, at(at(path, 'tasks'), i)));
      const held = categories(c, fields.categories, at(path, 'categories'));
      if (!read || read.includes(undefined) || !held) return undefined;
      return { tasks: read as string[], categories: held };
    }
  }
}

function readSystem(c: Checker, value: unknown, path: string): ConnectedSystem | undefined {
  const kind = c.oneOf((value as Fields | undefined)?.kind, at(path, 'kind'), SYSTEM_KINDS);
  const fields = c.mapping(value, path, kind ? KEYS_BY_KIND[kind] : [...SHARED_KEYS]);
  if (!fields || !kind) return undefined;
  const id = c.matching(fields.id, at(path, 'id'), SLUG, 'a lower-case id of letters, digits and dashes');
  const name = c.text(fields.name, at(path, 'name'));
  const purposes = texts(c, fields.purposes, at(path, 'purposes'));
  const sources = texts(c, fields.sources, at(path, 'sources'));
  const recipients = texts(c, fields.recipients, at(path, 'recipients'));
  const rest = readKindFields(c, kind, fields, path);
  if (!id || !name || !purposes || !sources || !recipients || !rest) return undefined;
  return { id, name, kind, purposes, sources, recipients, ...rest } as ConnectedSystem;
}

function readDataMap(c: Checker, document: unknown): DataMap | undefined {
  const fields = c.mapping(document, '', ['organisation', 'systems']);
  if (!fields) return undefined;
  const organisation = c.matching(fields.organisation, 'organisation', SLUG, 'an organisation slug');
  const systems = (c.list(fields.systems, 'systems', true) ?? []).map((system, i) =>
    readSystem(c, system, at('systems', i)),
  );
  const seen = new Set<string>();
  systems.forEach((system, i) => {
    if (system && seen.has(system.id))
      c.fail(at(at('systems', i), 'id'), `"${system.id}" is used by an earlier system`);
    if (system) seen.add(system.id);
  });
  if (!organisation || systems.includes(undefined)) return undefined;
  return { organisation, systems: systems as ConnectedSystem[] };
}

/**
 * Validates one data map file's structure: every name a plain identifier, every column mapped to a category,
 * every relation joining declared columns, every table reachable, every kept row's exemption known.
 * Throws PolicyFileError listing every problem with its path. Whether the tables exist is the connector's check.
 */
export function parseDataMap(fileName: string, yamlText: string): DataMap {
  const c = new Checker();
  const map = readDataMap(c, readYaml(fileName, yamlText));
  if (c.problems.length > 0 || !map) throw new PolicyFileError(fileName, c.problems);
  return map;
}
