import { formatLocalDate, html, type SafeHtml } from '#mail';
import { REGIMES, REQUEST_TYPES } from '#policy';
import { REQUEST_CHANNELS } from '#db';
import { isOpen, REQUEST_STATUSES } from '#workflow';
import type { QueueFilters, StatusFilter } from './queue-filters.query.js';
import type { QueueCounts, QueuedRequest, QueueMember } from './request-queue.service.js';

export interface QueuePageView {
  /** The organisation's unresolved staff alerts, shown above everything else. */
  alerts: SafeHtml | '';
  slug: string;
  timeZone: string;
  /** The filters in force, the status resolved (the page's default is open). */
  filters: QueueFilters & { status: StatusFilter };
  limit?: number;
  /** Whether this is a later page than the first. */
  paged: boolean;
  counts: QueueCounts;
  members: QueueMember[];
  items: QueuedRequest[];
  nextCursor: string | null;
}

interface Option {
  value: string;
  label: string;
}

const FILTER_KEYS = ['status', 'type', 'regime', 'channel', 'assignee', 'dueWithinDays', 'overdue', 'q'] as const;
const label = (code: string) => code.replaceAll('_', ' ');
const codes = (values: readonly string[]): Option[] => values.map((value) => ({ value, label: label(value) }));

/** The filters as a query string, so links (next page, export, counts) keep them. */
export function filterQuery(filters: QueueFilters, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key] !== undefined) params.set(key, String(filters[key]));
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, String(value));
  return params.toString();
}

function select(name: string, text: string, options: Option[], current: string | undefined): SafeHtml {
  return html`<div><label for="f-${name}">${text}</label>
<select name="${name}" id="f-${name}">${options.map(
    (o) => html`<option value="${o.value}"${o.value === (current ?? '') ? html` selected` : ''}>${o.label}</option>`,
  )}</select></div>`;
}

function filterForm(v: QueuePageView): SafeHtml {
  const f = v.filters;
  const any = (text: string): Option => ({ value: '', label: text });
  return html`<form method="get" action="/staff/orgs/${v.slug}/requests" class="filters" role="search" aria-label="Filter requests">
${select('status', 'Status', [{ value: 'open', label: 'open (any open status)' }, { value: 'all', label: 'all statuses' }, ...codes(REQUEST_STATUSES)], f.status)}
${select('type', 'Type', [any('any type'), ...codes(REQUEST_TYPES)], f.type)}
${select('regime', 'Regime', [any('any regime'), ...codes(REGIMES)], f.regime)}
${select('channel', 'Channel', [any('any channel'), ...codes(REQUEST_CHANNELS)], f.channel)}
${select(
  'assignee',
  'Assignee',
  [any('anyone'), { value: 'me', label: 'me' }, { value: 'none', label: 'unassigned' }, ...v.members.map((m) => ({ value: m.id, label: m.name }))],
  f.assignee,
)}
<div><label for="f-dueWithinDays">Due within (days)</label>
<input type="number" name="dueWithinDays" id="f-dueWithinDays" min="0" max="3660" step="1" value="${f.dueWithinDays ?? ''}"></div>
<div class="choice"><input type="checkbox" name="overdue" id="f-overdue" value="true"${f.overdue === 'true' ? html` checked` : ''}>
<label for="f-overdue">Overdue only</label></div>
<div><label for="f-q">Reference or requester email</label>
<input type="search" name="q" id="f-q" value="${f.q ?? ''}" maxlength="254"></div>
<div><button type="submit">Filter</button></div>
<p><a href="/staff/orgs/${v.slug}/requests">Clear filters</a></p>
</form>`;
}

function counts(v: QueuePageView): SafeHtml {
  const link = (status: StatusFilter, text: string, n: number) =>
    html`<li><a href="/staff/orgs/${v.slug}/requests?${filterQuery({ status })}">${text}</a>: <strong data-status="${status}">${n}</strong></li>`;
  return html`<ul class="counts" aria-label="Requests by status">
${link('open', 'Open', v.counts.open)}
${REQUEST_STATUSES.map((s) => link(s, label(s), v.counts.byStatus[s]))}
${link('all', 'All', v.counts.total)}
</ul>`;
}

function row(v: QueuePageView, r: QueuedRequest): SafeHtml {
  const rowClass = r.urgency === 'overdue' ? 'overdue' : r.urgency === 'due_soon' ? 'due-soon' : '';
  return html`<tr${rowClass ? html` class="${rowClass}"` : ''} data-reference="${r.reference}">
<td><a href="/staff/orgs/${v.slug}/requests/${r.id}">${r.reference}</a></td>
${
  // Mail not yet classified: the type and regime on the row are only the provisional deadline's.
  r.status === 'received_by_email' || r.status === 'not_a_request'
    ? html`<td colspan="2"><span class="hint">not classified</span></td>`
    : html`<td>${label(r.type)}</td>
<td>${label(r.regime)}</td>`
}
<td>${r.channel}</td>
<td>${label(r.status)}</td>
<td>${r.assignee?.name ?? html`<span class="hint">unassigned</span>`}</td>
<td>${formatLocalDate(new Date(r.receivedAt), v.timeZone)}</td>
<td>${formatLocalDate(new Date(r.dueAt), v.timeZone)}</td>
<td>${isOpen(r.status) ? r.daysLeft : '—'}</td>
</tr>`;
}

/** The processing queue: filters, counts per status, one page of requests soonest due first. */
export function queuePage(v: QueuePageView): SafeHtml {
  const exportQuery = filterQuery(v.filters);
  return html`<h1>Requests</h1>
${v.alerts}
${counts(v)}
${filterForm(v)}
<p><a href="/staff/orgs/${v.slug}/requests.csv?${exportQuery}">Export CSV</a> (every request matching these filters)</p>
${
  v.items.length === 0
    ? html`<p id="no-requests">No requests match these filters${v.paged ? ' on this page' : ''}.</p>`
    : html`<table class="queue">
<caption>Soonest due first. Dates in ${v.timeZone}.</caption>
<thead><tr><th scope="col">Reference</th><th scope="col">Type</th><th scope="col">Regime</th><th scope="col">Channel</th><th scope="col">Status</th><th scope="col">Assignee</th><th scope="col">Received</th><th scope="col">Due</th><th scope="col">Days left</th></tr></thead>
<tbody>
${v.items.map((r) => row(v, r))}
</tbody>
</table>`
}
<nav class="pages" aria-label="Pages">
${v.paged ? html`<a href="/staff/orgs/${v.slug}/requests?${filterQuery(v.filters, { limit: v.limit })}">First page</a>` : ''}
${v.nextCursor ? html`<a rel="next" href="/staff/orgs/${v.slug}/requests?${filterQuery(v.filters, { limit: v.limit, cursor: v.nextCursor })}">Next page</a>` : ''}
</nav>`;
}
