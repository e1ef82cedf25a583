import { stringify } from 'csv-stringify/sync';

import { type FoundTable, valueIn } from './package-contents.js';

/** A value as a spreadsheet cell: numbers stay numbers (a negative one is no formula), nested values as JSON. */
function cell(value: unknown): string | number | bigint {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/**
 * One table as CSV: a header of column names, then a row per record. Cells starting with = + - @ tab or CR (header
 * included, since a service names its own fields) get a leading ' so a spreadsheet shows them instead of running them;
 * the byte order mark makes spreadsheets read the file as UTF-8.
 */
export function tableCsv(table: FoundTable): string {
  const header = table.columns.map((column) => column.name);
  const records = table.rows.map((row) => table.columns.map((column) => cell(valueIn(row, column.name))));
  // Quoted when a value holds a line break of any kind: csv-stringify quotes only its own record delimiter (CRLF), and
  // a bare LF or CR left unquoted would end the record in most readers.
  return stringify([header, ...records], {
    escape_formulas: true,
    bom: true,
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
  });
}
