import { DENIAL_REASON_CODES } from '#mail';

import { csvLine } from '../../queue/queue-csv.js';
import type { ReportRow, RequestReport } from './request-report.service.js';

const HEADER = [
  'period_from',
  'period_to',
  'time_zone',
  'regime',
  'request_type',
  'received',
  'fulfilled',
  'partially_fulfilled',
  'denied',
  'withdrawn',
  'redirected',
  'closed_unverified',
  'still_open',
  'closed',
  'mean_days_to_close',
  'median_days_to_close',
  ...DENIAL_REASON_CODES.map((reason) => `denied_${reason}`),
];

export const formatDays = (days: number | null): string => (days === null ? '' : days.toFixed(1));

/**
 * The report as CSV: one line per regime and request type, then the total ("all"); codes, not wording. The period's
 * dates are local days of the organisation's zone, named in its own column so nobody reads them as UTC.
 */
export function reportCsv(report: RequestReport, timeZone: string): string {
  const line = (row: ReportRow) => [
    report.period.from,
    report.period.to,
    timeZone,
    row.regime ?? 'all',
    row.type ?? 'all',
    row.received,
    row.fulfilled,
    row.partiallyFulfilled,
    row.denied,
    row.withdrawn,
    row.redirected,
    row.closedUnverified,
    row.stillOpen,
    row.closed,
    formatDays(row.meanDays),
    formatDays(row.medianDays),
    ...DENIAL_REASON_CODES.map((reason) => row.deniedBy[reason]),
  ];
  return [HEADER, ...report.rows.map(line), line(report.total)].map(csvLine).join('');
}
