import { isOpen } from '#workflow';
import type { QueuedRequest } from './request-queue.service.js';

/** The most rows one export holds; a larger queue must be narrowed by its filters. */
export const EXPORT_ROW_CAP = 50_000;

export const QUEUE_CSV_COLUMNS = [
  'reference',
  'type',
  'regime',
  'channel',
  'status',
  'assignee_email',
  'received_at',
  'verified_at',
  'due_at',
  'extended_due_at',
  'days_left',
  'closed_at',
] as const;

// Spreadsheets run a cell starting with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 cell. Text that a spreadsheet would read as a formula gets a leading single quote; numbers we
 * computed (days left, which may be negative) are never formulas and stay numbers.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly (string | number | null)[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** The export's row of a request: no requester name or address, only what the queue page shows and dates. */
export function queueCsvRow(r: QueuedRequest): string {
  // Mail not yet classified has no type or regime yet: the row's are only its provisional deadline's.
  const unclassified = r.status === 'received_by_email' || r.status === 'not_a_request';
  return csvLine([
    r.reference,
    unclassified ? null : r.type,
    unclassified ? null : r.regime,
    r.channel,
    r.status,
    r.assignee?.email ?? null,
    r.receivedAt,
    r.verifiedAt,
    r.dueAt,
    r.extendedDueAt,
    // Days left only mean something while the request is open.
    isOpen(r.status) ? r.daysLeft : null,
    r.closedAt,
  ]);
}

/** The file as chunks (one per batch): header, rows, and a closing note instead of the rows past the cap. */
export async function* queueCsv(batches: AsyncIterable<QueuedRequest[]>, cap = EXPORT_ROW_CAP): AsyncGenerator<string> {
  yield csvLine(QUEUE_CSV_COLUMNS);
  let written = 0;
  for await (const batch of batches) {
    const room = cap - written;
    if (batch.length > room) {
      yield batch.slice(0, room).map(queueCsvRow).join('') +
        csvLine([`Export stopped at ${cap} rows; more requests match. Narrow the filters (for example by status or due date) to export the rest.`]);
      return;
    }
    written += batch.length;
    yield batch.map(queueCsvRow).join('');
  }
}
