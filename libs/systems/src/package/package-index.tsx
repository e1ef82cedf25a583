import { codeWords, formatLocalDate, raw, regimeName, type SafeHtml } from '#mail';
import { DATA_CATEGORIES, type DataCategory } from '#policy';

import { CATEGORY_WORDS, OTHER_WORDS } from './category-words.js';
import {
  type AccessPackageInput,
  type CategoriesAnswer,
  type FoundTable,
  type PackagedSystemContents,
  valueIn,
} from './package-contents.js';

// Inline and script-free: the file is opened from a downloaded zip, with no server and no network behind it. The CSP
// keeps it that way even if a value ever slipped past escaping.
const STYLE = `
body { font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ddd; } h3 { font-size: 1.05rem; margin-bottom: .3rem; }
.hint { color: #555; } .note { background: #fff6d6; border-left: 4px solid #d9a400; padding: .4rem .8rem; }
.nowhere { font-size: 1.15rem; font-weight: 600; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; font-size: .92rem; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; white-space: pre-wrap; overflow-wrap: anywhere; }
th { background: #f3f3f3; } td.row { color: #555; text-align: right; }
`;

const TITLES: Record<AccessPackageInput['request']['type'], string> = {
  access: 'Your personal data',
  portability: 'Your personal data, ready to take elsewhere',
  categories: 'The kinds of personal data we hold about you',
};

type Heading = DataCategory | 'other';

const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;
const categoryList = (categories: readonly DataCategory[]) =>
  categories.map((category) => CATEGORY_WORDS[category].label).join(', ');

/** A recorded reason as the end of a sentence. */
const sentence = (reason: string | null) => {
  const text = reason?.trim() || 'no reason was recorded';
  return /[.!?]$/.test(text) ? text : `${text}.`;
};

/** A value as the page shows it: empty for none, yes/no, nested values as JSON. Escaped by the JSX runtime. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

function checkedSeparately(system: PackagedSystemContents, values: boolean): string {
  const held = system.categories.length > 0 ? ` It can hold: ${categoryList(system.categories)}.` : '';
  if (system.kind === 'email_vendor')
    return values
      ? `A service provider we asked on your behalf; it confirmed your request. What it holds is not part of this download.${held}`
      : `A service provider we asked on your behalf; it confirmed your request.${held}`;
  return values
    ? `Our staff checked it by hand. Anything they found there is not part of this download.${held}`
    : `Our staff checked it by hand.${held}`;
}

function tableFound(table: FoundTable): string {
  const rows = table.truncated
    ? `the first ${plural(table.rows.length, 'row')} of ${table.total > table.rows.length ? table.total.toLocaleString('en-GB') : 'more'}`
    : plural(table.rows.length, 'row');
  return `${codeWords(table.table)} (${rows})`;
}

/** One sentence per system: what was found there, or why nothing is. */
function SystemLine({ system, values }: { system: PackagedSystemContents; values: boolean }) {
  let said: string;
  if (system.result === 'found' && values) {
    said = `Found: ${system.found.map(tableFound).join(', ')}.`;
    if (system.emptyTables.length > 0) said += ` Nothing found in: ${system.emptyTables.map(codeWords).join(', ')}.`;
  } else if (system.result === 'found') said = `Holds: ${categoryList(system.categories)}.`;
  else if (system.result === 'checked_separately') said = checkedSeparately(system, values);
  else if (system.result === 'nothing_found') said = 'Searched: it holds nothing about you.';
  else if (system.result === 'skipped') said = `Not searched: ${sentence(system.reason)}`;
  else if (system.result === 'closed')
    said = `Not searched to the end; closed by our staff: ${sentence(system.reason)}`;
  else said = `Not finished yet (${codeWords(system.state)}).`;
  return (
    <li data-system={system.id} data-result={system.result}>
      <strong>{system.name}</strong>: {said}
    </li>
  );
}

function truncationNote(table: FoundTable, organisation: string) {
  if (!table.truncated) return null;
  const held =
    table.total > table.rows.length
      ? `${organisation} holds ${plural(table.total, 'row')} of this table about you`
      : `${organisation} holds more rows of this table about you than one package takes`;
  return (
    <p class="note" data-truncated={table.table}>
      Truncated: {held}; this package has the first {plural(table.rows.length, 'row')}. Ask us for the rest.
    </p>
  );
}

/** A table's columns of one category, one line per row; the row number matches the same row under other headings. */
function ValuesTable({ table, heading }: { table: FoundTable; heading: Heading }) {
  const columns = table.columns.filter((column) => (column.category ?? 'other') === heading);
  return (
    <table>
      <thead>
        <tr>
          <th>Row</th>
          {columns.map((column) => (
            <th>{codeWords(column.name)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, i) => (
          <tr>
            <td class="row">{i + 1}</td>
            {columns.map((column) => (
              <td>{shown(valueIn(row, column.name))}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CategorySections({ input, systems }: { input: AccessPackageInput; systems: PackagedSystemContents[] }) {
  const headings: Heading[] = [...DATA_CATEGORIES, 'other'];
  return (
    <>
      {headings.map((heading) => {
        const parts = systems.flatMap((system) =>
          system.found
            .filter((table) => table.columns.some((column) => (column.category ?? 'other') === heading))
            .map((table) => ({ system, table })),
        );
        if (parts.length === 0) return null;
        const words = heading === 'other' ? OTHER_WORDS : CATEGORY_WORDS[heading];
        return (
          <section data-category={heading}>
            <h2>{words.label}</h2>
            <p class="hint">This covers {words.covers}.</p>
            {parts.map(({ system, table }) => (
              <>
                <h3>
                  {system.name}: {codeWords(table.table)}
                </h3>
                {truncationNote(table, input.organisation.name)}
                <ValuesTable table={table} heading={heading} />
              </>
            ))}
          </section>
        );
      })}
    </>
  );
}

function Files({ systems }: { systems: PackagedSystemContents[] }) {
  const withFiles = systems.filter((system) => system.jsonPath);
  if (withFiles.length === 0) return <></>;
  return (
    <section id="files">
      <h2>The files in this package</h2>
      <p>
        The same data, for a computer to read: one JSON file per system with every table's rows, and one CSV file per
        table, which a spreadsheet opens. Values a spreadsheet could mistake for a formula start with an apostrophe
        there.
      </p>
      <ul>
        {withFiles.map((system) => (
          <li>
            {system.name}: <code>{system.jsonPath}</code>
            {system.found.map((table) => (
              <>
                , <code>{table.csvPath}</code>
              </>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Listed({ title, id, items, none }: { title: string; id: string; items: string[]; none: string }) {
  return (
    <section id={id}>
      <h2>{title}</h2>
      {items.length === 0 ? (
        <p>{none}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li>{item}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** For a categories request: what kinds of data, where from, why, and to whom; never a value. */
function CategoriesSections({ answer }: { answer: CategoriesAnswer }) {
  return (
    <>
      <section id="categories">
        <h2>Each kind, and where it is held</h2>
        <ul>
          {answer.categories.map(({ category, systems }) => (
            <li data-category={category}>
              <strong>{CATEGORY_WORDS[category].label}</strong> ({CATEGORY_WORDS[category].covers}), in:{' '}
              {systems.join(', ')}
            </li>
          ))}
        </ul>
      </section>
      <Listed title="Where it comes from" id="sources" items={answer.sources} none="No sources are listed." />
      <Listed title="Why we use it" id="purposes" items={answer.purposes} none="No purposes are listed." />
      <Listed
        title="Whom we disclose it to"
        id="recipients"
        items={answer.recipients}
        none="We disclose it to no one outside the organisation."
      />
    </>
  );
}

export interface IndexModel {
  input: AccessPackageInput;
  systems: PackagedSystemContents[];
  answer: CategoriesAnswer;
  foundAnywhere: boolean;
}

/** index.html: the package as a person reads it. Every value goes through the JSX runtime's escaping. */
export function packageIndex({ input, systems, answer, foundAnywhere }: IndexModel): string {
  const { organisation, request, policy } = input;
  const values = request.type !== 'categories';
  const searched = systems.filter((s) => s.result === 'found' || s.result === 'nothing_found');
  const body: SafeHtml = (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'" />
        <meta name="referrer" content="no-referrer" />
        <title>
          {TITLES[request.type]}: {organisation.name}
        </title>
        <style>{raw(STYLE)}</style>
      </head>
      <body>
        <h1>{TITLES[request.type]}</h1>
        <p>
          {organisation.name} prepared this package to answer your request {request.reference}, received on{' '}
          {formatLocalDate(request.receivedAt, policy.timeZone)}, under {regimeName(request.regime)}.
        </p>
        {!foundAnywhere && (
          <p class="nowhere" id="nowhere">
            We found no personal data about you.{' '}
            {searched.length > 0 && `We searched ${plural(searched.length, 'system')} and none of them holds any.`}
          </p>
        )}
        <section id="systems">
          <h2>What each system holds</h2>
          <ul>
            {systems.map((system) => (
              <SystemLine system={system} values={values} />
            ))}
          </ul>
        </section>
        {values ? (
          <>
            <CategorySections input={input} systems={systems} />
            <Files systems={systems} />
          </>
        ) : (
          foundAnywhere && <CategoriesSections answer={answer} />
        )}
        <hr />
        <p class="hint">
          Prepared for {organisation.name} by Rightsdesk, which handles its privacy requests.
          {policy.privacyEmail && ` Questions about this package: ${policy.privacyEmail}.`}
        </p>
      </body>
    </html>
  );
  return `<!doctype html>\n${body.value}`;
}
