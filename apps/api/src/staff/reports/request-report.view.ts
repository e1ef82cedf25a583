import { DENIAL_REASON_CODES, DENIAL_REASON_LABELS, formatLocalDate, html, REGIME_LABELS, REQUEST_TYPE_LABELS, type SafeHtml } from '#mail';
import { startOfLocalDay, type ReportPeriodChoice } from '#workflow';
import { formatDays } from './request-report.csv.js';
import type { ReportRow, RequestReport } from './request-report.service.js';

export interface ReportView {
  slug: string;
  timeZone: string;
  report: RequestReport;
  choices: ReportPeriodChoice[];
}

const query = (p: { from: string; to: string }) => `from=${p.from}&to=${p.to}`;

function groupCells(row: ReportRow): SafeHtml {
  return row.regime === null
    ? html`<th scope="row" colspan="2">All requests</th>`
    : html`<td>${REGIME_LABELS[row.regime]}</td><th scope="row">${REQUEST_TYPE_LABELS[row.type!]}</th>`;
}

function metricsRow(row: ReportRow): SafeHtml {
  const counts = [row.received, row.fulfilled, row.partiallyFulfilled, row.denied, row.withdrawn, row.redirected, row.closedUnverified, row.stillOpen];
  return html`<tr>${groupCells(row)}${counts.map((n) => html`<td>${n}</td>`)}<td>${formatDays(row.meanDays)}</td><td>${formatDays(row.medianDays)}</td></tr>`;
}

function denialRows(row: ReportRow): SafeHtml[] {
  return DENIAL_REASON_CODES.filter((reason) => row.deniedBy[reason] > 0).map(
    (reason) => html`<tr>${groupCells(row)}<td>${DENIAL_REASON_LABELS[reason]}</td><td>${row.deniedBy[reason]}</td></tr>`,
  );
}

/** The §7102(a) metrics of the requests received in the period, with links to other periods and the CSV. */
export function requestReportBody(v: ReportView): SafeHtml {
  const { period, rows, total } = v.report;
  const base = `/staff/orgs/${v.slug}/reports`;
  const denials = [...rows, total].flatMap(denialRows);
  return html`<h1>Reports</h1>
<p>Requests received from ${formatLocalDate(period.start, v.timeZone)} to ${formatLocalDate(startOfLocalDay(period.to, v.timeZone), v.timeZone)}
(dates in ${v.timeZone}), as they stand now.</p>
<nav aria-label="Report period"><ul class="counts">
${v.choices.map((c) =>
  c.from === period.from && c.to === period.to
    ? html`<li><a href="${base}?${query(c)}" aria-current="page"><strong>${c.label}</strong></a></li>`
    : html`<li><a href="${base}?${query(c)}">${c.label}</a></li>`,
)}
</ul></nav>
<form method="get" action="${base}" class="filters">
<div><label for="from">From</label><input type="date" id="from" name="from" value="${period.from}" required></div>
<div><label for="to">To</label><input type="date" id="to" name="to" value="${period.to}" required></div>
<button type="submit" class="secondary">Show period</button>
</form>
<p><a href="${base}.csv?${query(period)}" download>Download this report as CSV</a></p>

<h2 id="by-type">Requests by type</h2>
<table aria-labelledby="by-type">
<thead><tr>
<th scope="col">Regime</th><th scope="col">Request type</th><th scope="col">Received</th>
<th scope="col">Complied with in whole</th><th scope="col">Complied with in part</th><th scope="col">Denied</th>
<th scope="col">Withdrawn</th><th scope="col">Redirected to the controller</th><th scope="col">Closed unverified</th>
<th scope="col">Still open</th><th scope="col">Mean days to close</th><th scope="col">Median days to close</th>
</tr></thead>
<tbody>
${rows.map(metricsRow)}
</tbody>
<tfoot>${metricsRow(total)}</tfoot>
</table>
<p class="hint">The figures CCPA regulations §7102(a) ask a business to disclose, for every regime the policy covers.
Days to close run from receipt to closing, over the ${total.closed} closed request${total.closed === 1 ? '' : 's'}
(whatever the outcome); open requests are not included.</p>

<h2 id="denials">Denials by reason</h2>
${
  denials.length === 0
    ? html`<p>No request received in this period was denied.</p>`
    : html`<table aria-labelledby="denials">
<thead><tr><th scope="col">Regime</th><th scope="col">Request type</th><th scope="col">Reason</th><th scope="col">Denied</th></tr></thead>
<tbody>
${denials}
</tbody>
</table>`
}`;
}
