import { DateTime } from 'luxon';

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
  'time_zone',
  'received_at',
  'verified_at',
  'due_on',
  'extended_due_on',
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

/**
 * Dates as the organisation's staff read them, with the zone in its own column. A due date is the end of a local
 * day stored in UTC: written in UTC, a request due 18 December in Chicago showed as due on the 19th. So due dates
 * are the local day; the moments something happened are local times with their offset.
 */
const localDay = (iso: string | null, timeZone: string) =>
  iso === null ? null : DateTime.fromISO(iso).setZone(timeZone).toISODate();
const localTime = (iso: string | null, timeZone: string) =>
  iso === null ? null : DateTime.fromISO(iso).setZone(timeZone).toISO({ suppressMilliseconds: true });

/** The export's row of a request: no requester name or address, only what the queue page shows and dates. */
export function queueCsvRow(r: QueuedRequest, timeZone: string): string {
  // Mail not yet classified has no type or regime yet: the row's are only its provisional deadline's.
  const unclassified = r.status === 'received_by_email' || r.status === 'not_a_request';
  return csvLine([
    r.reference,
    unclassified ? null : r.type,
    unclassified ? null : r.regime,
    r.channel,
    r.status,
    r.assignee?.email ?? null,
    timeZone,
    localTime(r.receivedAt, timeZone),
    localTime(r.verifiedAt, timeZone),
    localDay(r.dueAt, timeZone),
    localDay(r.extendedDueAt, timeZone),
    // Days left only mean something while the request is open.
    isOpen(r.status) ? r.daysLeft : null,
    localTime(r.closedAt, timeZone),
  ]);
}

/** The file as chunks (one per batch): header, rows, and a closing note instead of the rows past the cap. */
export async function* queueCsv(
  batches: AsyncIterable<QueuedRequest[]>,
  timeZone: string,
  cap = EXPORT_ROW_CAP,
): AsyncGenerator<string> {
  const row = (r: QueuedRequest) => queueCsvRow(r, timeZone);
  yield csvLine(QUEUE_CSV_COLUMNS);
  let written = 0;
  for await (const batch of batches) {
    const room = cap - written;
    if (batch.length > room) {
      yield (
        batch.slice(0, room).map(row).join('') +
        csvLine([
          `Export stopped at ${cap} rows; more requests match. Narrow the filters (for example by status or due date) to export the rest.`,
        ])
      );
      return;
    }
    written += batch.length;
    yield batch.map(row).join('');
  }
}
