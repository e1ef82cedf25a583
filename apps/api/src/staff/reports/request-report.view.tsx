import {
  DENIAL_REASON_CODES,
  DENIAL_REASON_LABELS,
  formatLocalDate,
  REGIME_LABELS,
  REQUEST_TYPE_LABELS,
  type SafeHtml,
  staffPaths,
} from '#mail';
import { type ReportPeriodChoice, startOfLocalDay } from '#workflow';

import type { DeadlineFigures } from '../dashboard/deadline-dashboard.service.js';
import { deadlineDashboard } from '../dashboard/deadline-dashboard.view.js';
import { formatDays } from './request-report.csv.js';
import type { ReportRow, RequestReport } from './request-report.service.js';

export interface ReportView {
  slug: string;
  timeZone: string;
  report: RequestReport;
  /** The deadline charts of the same period. */
  figures: DeadlineFigures;
  choices: ReportPeriodChoice[];
}

const METRIC_COLUMNS = [
  'Regime',
  'Request type',
  'Received',
  'Complied with in whole',
  'Complied with in part',
  'Denied',
  'Withdrawn',
  'Redirected to the controller',
  'Closed unverified',
  'Still open',
  'Mean days to close',
  'Median days to close',
];

const DENIAL_COLUMNS = ['Regime', 'Request type', 'Reason', 'Denied'];

const IDENTITY_LINES: [keyof RequestReport['identity'], string][] = [
  ['matched', 'Matched against the records'],
  ['pending', 'Matching still pending'],
  ['overridden', 'Degree decided by staff'],
  ['answeredAsCategories', 'Specific pieces answered as categories (reasonable degree only)'],
  ['optOutsTaken', 'Unverified deletions whose requester opted out of sale/sharing instead'],
];

function HeaderRow({ columns }: { columns: string[] }) {
  return (
    <tr>
      {columns.map((c) => (
        <th scope="col">{c}</th>
      ))}
    </tr>
  );
}

function GroupCells({ row }: { row: ReportRow }) {
  if (row.regime === null) {
    return (
      <th scope="row" colspan="2">
        All requests
      </th>
    );
  }
  return (
    <>
      <td>{REGIME_LABELS[row.regime]}</td>
      <th scope="row">{REQUEST_TYPE_LABELS[row.type!]}</th>
    </>
  );
}

function MetricsRow({ row }: { row: ReportRow }) {
  const counts = [
    row.received,
    row.fulfilled,
    row.partiallyFulfilled,
    row.denied,
    row.withdrawn,
    row.redirected,
    row.closedUnverified,
    row.stillOpen,
  ];
  return (
    <tr>
      <GroupCells row={row} />
      {counts.map((n) => (
        <td>{n}</td>
      ))}
      <td>{formatDays(row.meanDays)}</td>
      <td>{formatDays(row.medianDays)}</td>
    </tr>
  );
}

function denialRows(row: ReportRow): SafeHtml[] {
  return DENIAL_REASON_CODES.filter((reason) => row.deniedBy[reason] > 0).map((reason) => (
    <tr>
      <GroupCells row={row} />
      <td>{DENIAL_REASON_LABELS[reason]}</td>
      <td>{row.deniedBy[reason]}</td>
    </tr>
  ));
}

function PeriodChoices({ view: v }: { view: ReportView }) {
  const { period } = v.report;
  return (
    <nav aria-label="Report period">
      <ul class="counts">
        {v.choices.map((c) =>
          c.from === period.from && c.to === period.to ? (
            <li>
              <a href={staffPaths.reports(v.slug, { from: c.from, to: c.to })} aria-current="page">
                <strong>{c.label}</strong>
              </a>
            </li>
          ) : (
            <li>
              <a href={staffPaths.reports(v.slug, { from: c.from, to: c.to })}>{c.label}</a>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}

/** The §7102(a) metrics of the requests received in the period, with links to other periods and the CSV. */
export function requestReportBody(v: ReportView): SafeHtml {
  const { period, rows, total } = v.report;
  const denials = [...rows, total].flatMap(denialRows);
  return (
    <>
      <h1>Reports</h1>
      <p>
        Requests received from {formatLocalDate(period.start, v.timeZone)} to{' '}
        {formatLocalDate(startOfLocalDay(period.to, v.timeZone), v.timeZone)} (dates in {v.timeZone}), as they stand
        now.
      </p>
      <PeriodChoices view={v} />
      <form method="get" action={staffPaths.reports(v.slug)} class="filters">
        <div>
          <label for="from">From</label>
          <input type="date" id="from" name="from" value={period.from} required />
        </div>
        <div>
          <label for="to">To</label>
          <input type="date" id="to" name="to" value={period.to} required />
        </div>
        <button type="submit" class="secondary">
          Show period
        </button>
      </form>
      <p>
        <a href={staffPaths.reportsCsv(v.slug, { from: period.from, to: period.to })} download>
          Download this report as CSV
        </a>
      </p>
      {deadlineDashboard(v.figures, v.slug)}
      <h2 id="by-type">Requests by type</h2>
      <table aria-labelledby="by-type">
        <thead>
          <HeaderRow columns={METRIC_COLUMNS} />
        </thead>
        <tbody>
          {rows.map((row) => (
            <MetricsRow row={row} />
          ))}
        </tbody>
        <tfoot>
          <MetricsRow row={total} />
        </tfoot>
      </table>
      <p class="hint">
        The figures CCPA regulations §7102(a) ask a business to disclose, for every regime the policy covers. Days to
        close run from receipt to closing, over the {total.closed} closed request{total.closed === 1 ? '' : 's'}{' '}
        (whatever the outcome); open requests are not included.
      </p>
      <h2 id="denials">Denials by reason</h2>
      {denials.length === 0 ? (
        <p>No request received in this period was denied.</p>
      ) : (
        <table aria-labelledby="denials">
          <thead>
            <HeaderRow columns={DENIAL_COLUMNS} />
          </thead>
          <tbody>{denials}</tbody>
        </table>
      )}
      <h2 id="identity">Identity verification</h2>
      <table aria-labelledby="identity">
        <tbody>
          {IDENTITY_LINES.map(([key, label]) => (
            <tr>
              <th scope="row">{label}</th>
              <td data-count={key}>{v.report.identity[key]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">Requests whose right needs data points matched against the records, beside the email address.</p>
    </>
  );
}
