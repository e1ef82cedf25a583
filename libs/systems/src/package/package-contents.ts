import type { FulfilmentTask, TableRows } from '#db';
import {
  type ConnectedSystem,
  DATA_CATEGORIES,
  type DataCategory,
  type DataMap,
  isDatabaseSystem,
  type OrganisationPolicy,
  type Regime,
  type SystemKind,
} from '#policy';

/** The request types answered with the person's data, or with what kinds of it are held. */
export type AccessPackageType = 'access' | 'portability' | 'categories';

/** One system's part: its access task as recorded, and the rows it found (null when it returned none). */
export interface PackagedSystem {
  task: Pick<FulfilmentTask, 'systemId' | 'systemKind' | 'state' | 'counts' | 'reason'>;
  findings: TableRows[] | null;
}

export interface AccessPackageInput {
  organisation: { name: string };
  request: { reference: string; type: AccessPackageType; receivedAt: Date; regime: Regime };
  /** The data map version the tasks were planned from: names, kinds, column categories, purposes, sources, recipients. */
  dataMap: DataMap;
  /** Dates are written in the organisation's time zone; its privacy address is given for questions. */
  policy: Pick<OrganisationPolicy, 'timeZone' | 'privacyEmail'>;
  systems: PackagedSystem[];
}

/**
 * What a system came to for the person. `checked_separately`: a manual system staff searched by hand, or a service
 * provider that confirmed the request; neither returns rows to Rightsdesk.
 */
export type SystemResult = 'found' | 'nothing_found' | 'checked_separately' | 'skipped' | 'closed' | 'unfinished';

/** A table's column and the category the data map gives it; null when the map gives none. */
export interface PackagedColumn {
  name: string;
  category: DataCategory | null;
}

export interface FoundTable {
  table: string;
  columns: PackagedColumn[];
  rows: Record<string, unknown>[];
  /** How many rows the system holds for the person: more than `rows` when the table was truncated. */
  total: number;
  truncated: boolean;
  /** The table's CSV in the zip. */
  csvPath: string;
}

export interface PackagedSystemContents {
  id: string;
  name: string;
  kind: SystemKind;
  result: SystemResult;
  /** The task's state, which the package names for an unfinished one. */
  state: FulfilmentTask['state'];
  reason: string | null;
  found: FoundTable[];
  /** Tables searched where nothing was found about the person. */
  emptyTables: string[];
  /** Categories this system holds about the person (none unless found or checked separately). */
  categories: DataCategory[];
  /** The system's JSON file in the zip, when it found rows. */
  jsonPath: string | null;
  mapped: ConnectedSystem | undefined;
}

/** A zip path segment from a name a service may have chosen: no folders, no dot files, nothing a shell would mind. */
export function pathSegment(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, '_');
  return cleaned === '' ? '_' : cleaned.slice(0, 100);
}

/** Distinct segments in order: a second table that cleans to the same name gets a numbered one. */
function uniqueSegments(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = pathSegment(name);
    let segment = base;
    for (let n = 2; taken.has(segment.toLowerCase()); n++) segment = `${base}-${n}`;
    taken.add(segment.toLowerCase());
    return segment;
  });
}

function columnsOf(table: TableRows, system: ConnectedSystem | undefined): PackagedColumn[] {
  const mapped = system && isDatabaseSystem(system) ? system.tables.find((t) => t.name === table.table) : undefined;
  // A service's rows are not mapped column by column: they take the system's category when it declares only one.
  const single = system && !isDatabaseSystem(system) && system.categories.length === 1 ? system.categories[0] : null;
  const names = new Set<string>(
    mapped ? Object.keys(mapped.columns).filter((c) => table.rows.some((r) => Object.hasOwn(r, c))) : [],
  );
  for (const row of table.rows) for (const name of Object.keys(row)) names.add(name);
  return [...names].map((name) => ({ name, category: mapped ? (mapped.columns[name] ?? null) : single }));
}

function resultOf(system: PackagedSystem, found: FoundTable[]): SystemResult {
  const { state, systemKind } = system.task;
  if (state === 'skipped' || state === 'closed') return state;
  if (state !== 'done') return 'unfinished';
  if (found.length > 0) return 'found';
  return systemKind === 'manual' || systemKind === 'email_vendor' ? 'checked_separately' : 'nothing_found';
}

/** From the map: the columns of the tables where rows were found, or a service's declared categories. */
function heldCategories(
  result: SystemResult,
  found: FoundTable[],
  mapped: ConnectedSystem | undefined,
): DataCategory[] {
  if (!mapped || (result !== 'found' && result !== 'checked_separately')) return [];
  if (!isDatabaseSystem(mapped)) return DATA_CATEGORIES.filter((category) => mapped.categories.includes(category));
  const tables = new Set(found.map((table) => table.table));
  const held = new Set(mapped.tables.filter((t) => tables.has(t.name)).flatMap((t) => Object.values(t.columns)));
  return DATA_CATEGORIES.filter((category) => held.has(category));
}

function systemContents(system: PackagedSystem, mapped: ConnectedSystem | undefined, segment: string) {
  const { task } = system;
  const withRows = (system.findings ?? []).filter((table) => table.rows.length > 0);
  const csvNames = uniqueSegments(withRows.map((table) => table.table));
  const found: FoundTable[] = withRows.map((table, i) => ({
    table: table.table,
    columns: columnsOf(table, mapped),
    rows: table.rows,
    total: Math.max(task.counts?.[table.table]?.found ?? 0, table.rows.length),
    truncated: table.truncated === true,
    csvPath: `systems/${segment}/${csvNames[i]}.csv`,
  }));
  const result = resultOf(system, found);
  const searched =
    mapped && isDatabaseSystem(mapped)
      ? mapped.tables.map((table) => table.name)
      : (system.findings ?? []).map((table) => table.table);
  const contents: PackagedSystemContents = {
    id: task.systemId,
    name: mapped?.name ?? task.systemId,
    kind: mapped?.kind ?? task.systemKind,
    result,
    state: task.state,
    reason: task.reason,
    found,
    emptyTables: result === 'found' ? searched.filter((name) => !withRows.some((t) => t.table === name)) : [],
    categories: heldCategories(result, found, mapped),
    jsonPath: found.length > 0 ? `systems/${segment}.json` : null,
    mapped,
  };
  return contents;
}

/** Each system's contents, in the data map's order (a task for a system the map no longer names comes last). */
export function packageContents(input: AccessPackageInput): PackagedSystemContents[] {
  const position = (id: string) => {
    const index = input.dataMap.systems.findIndex((system) => system.id === id);
    return index === -1 ? input.dataMap.systems.length : index;
  };
  const ordered = [...input.systems].sort(
    (a, b) =>
      position(a.task.systemId) - position(b.task.systemId) || a.task.systemId.localeCompare(b.task.systemId, 'en'),
  );
  const segments = uniqueSegments(ordered.map((system) => system.task.systemId));
  return ordered.map((system, i) =>
    systemContents(
      system,
      input.dataMap.systems.find((mapped) => mapped.id === system.task.systemId),
      segments[i],
    ),
  );
}

/** The categories held about the person across systems, in the taxonomy's order. */
export function categoriesHeld(systems: readonly PackagedSystemContents[]): DataCategory[] {
  const held = new Set(systems.flatMap((system) => system.categories));
  return DATA_CATEGORIES.filter((category) => held.has(category));
}

/**
 * The answer to a categories request: the kinds of data with the systems holding them, and the map's sources, purposes
 * and recipients of those systems.
 */
export interface CategoriesAnswer {
  categories: { category: DataCategory; systems: string[] }[];
  sources: string[];
  purposes: string[];
  recipients: string[];
}

export function categoriesAnswer(systems: readonly PackagedSystemContents[]): CategoriesAnswer {
  const holding = systems.filter((system) => system.categories.length > 0);
  const from = (pick: (system: ConnectedSystem) => string[]) => [
    ...new Set(holding.flatMap((system) => (system.mapped ? pick(system.mapped) : []))),
  ];
  return {
    categories: categoriesHeld(systems).map((category) => ({
      category,
      systems: holding.filter((system) => system.categories.includes(category)).map((system) => system.name),
    })),
    sources: from((system) => system.sources),
    purposes: from((system) => system.purposes),
    recipients: from((system) => system.recipients),
  };
}

/** A row's value for a column; own keys only, so a column named like an Object method reads nothing it does not hold. */
export function valueIn(row: Record<string, unknown>, column: string): unknown {
  return Object.hasOwn(row, column) ? row[column] : undefined;
}
