import { REQUEST_CHANNELS } from '#db';
import { codeWords, formatLocalDate, type PathQuery, type SafeHtml, staffPaths } from '#mail';
import { REGIMES, REQUEST_TYPES } from '#policy';
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
const codes = (values: readonly string[]): Option[] => values.map((value) => ({ value, label: codeWords(value) }));

/** The filters in force, for links (next page, export, counts) that keep them. */
function filterParams(filters: QueueFilters, extra: PathQuery = {}): PathQuery {
  const params: PathQuery = {};
  for (const key of FILTER_KEYS) if (filters[key] !== undefined) params[key] = filters[key];
  return { ...params, ...extra };
}

function FilterSelect({
  name,
  text,
  options,
  current,
}: {
  name: string;
  text: string;
  options: Option[];
  current: string | undefined;
}) {
  return (
    <div>
      <label for={`f-${name}`}>{text}</label>
      <select name={name} id={`f-${name}`}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === (current ?? '')}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function FilterForm({ view: v }: { view: QueuePageView }) {
  const f = v.filters;
  const any = (text: string): Option => ({ value: '', label: text });
  const assignees = [
    any('anyone'),
    { value: 'me', label: 'me' },
    { value: 'none', label: 'unassigned' },
    ...v.members.map((m) => ({ value: m.id, label: m.name })),
  ];
  return (
    <form method="get" action={staffPaths.requests(v.slug)} class="filters" role="search" aria-label="Filter requests">
      <FilterSelect
        name="status"
        text="Status"
        options={[
          { value: 'open', label: 'open (any open status)' },
          { value: 'all', label: 'all statuses' },
          ...codes(REQUEST_STATUSES),
        ]}
        current={f.status}
      />
      <FilterSelect name="type" text="Type" options={[any('any type'), ...codes(REQUEST_TYPES)]} current={f.type} />
      <FilterSelect name="regime" text="Regime" options={[any('any regime'), ...codes(REGIMES)]} current={f.regime} />
      <FilterSelect
        name="channel"
        text="Channel"
        options={[any('any channel'), ...codes(REQUEST_CHANNELS)]}
        current={f.channel}
      />
      <FilterSelect name="assignee" text="Assignee" options={assignees} current={f.assignee} />
      <div>
        <label for="f-dueWithinDays">Due within (days)</label>
        <input
          type="number"
          name="dueWithinDays"
          id="f-dueWithinDays"
          min="0"
          max="3660"
          step="1"
          value={String(f.dueWithinDays ?? '')}
        />
      </div>
      <div class="choice">
        <input type="checkbox" name="overdue" id="f-overdue" value="true" checked={f.overdue === 'true'} />
        <label for="f-overdue">Overdue only</label>
      </div>
      <div>
        <label for="f-q">Reference or requester email</label>
        <input type="search" name="q" id="f-q" value={f.q ?? ''} maxlength="254" />
      </div>
      <div>
        <button type="submit">Filter</button>
      </div>
      <p>
        <a href={staffPaths.requests(v.slug)}>Clear filters</a>
      </p>
    </form>
  );
}

function StatusCounts({ view: v }: { view: QueuePageView }) {
  const link = (status: StatusFilter, text: string, n: number) => (
    <li>
      <a href={staffPaths.requests(v.slug, { status })}>{text}</a>: <strong data-status={status}>{n}</strong>
    </li>
  );
  return (
    <ul class="counts" aria-label="Requests by status">
      {link('open', 'Open', v.counts.open)}
      {REQUEST_STATUSES.map((s) => link(s, codeWords(s), v.counts.byStatus[s]))}
      {link('all', 'All', v.counts.total)}
    </ul>
  );
}

function QueueRow({ view: v, request: r }: { view: QueuePageView; request: QueuedRequest }) {
  const rowClass = r.urgency === 'overdue' ? 'overdue' : r.urgency === 'due_soon' ? 'due-soon' : undefined;
  return (
    <tr class={rowClass} data-reference={r.reference}>
      <td>
        <a href={staffPaths.request(v.slug, r.id)}>{r.reference}</a>
      </td>
      {
        // Mail not yet classified: the type and regime on the row are only the provisional deadline's.
        r.status === 'received_by_email' || r.status === 'not_a_request' ? (
          <td colspan="2">
            <span class="hint">not classified</span>
          </td>
        ) : (
          <>
            <td>{codeWords(r.type)}</td>
            <td>{codeWords(r.regime)}</td>
          </>
        )
      }
      <td>{r.channel}</td>
      <td>{codeWords(r.status)}</td>
      <td>{r.assignee?.name ?? <span class="hint">unassigned</span>}</td>
      <td>{formatLocalDate(new Date(r.receivedAt), v.timeZone)}</td>
      <td>{formatLocalDate(new Date(r.dueAt), v.timeZone)}</td>
      <td>{isOpen(r.status) ? r.daysLeft : '—'}</td>
    </tr>
  );
}

const COLUMNS = ['Reference', 'Type', 'Regime', 'Channel', 'Status', 'Assignee', 'Received', 'Due', 'Days left'];

/** The processing queue: filters, counts per status, one page of requests soonest due first. */
export function queuePage(v: QueuePageView): SafeHtml {
  return (
    <>
      <h1>Requests</h1>
      {v.alerts}
      <StatusCounts view={v} />
      <FilterForm view={v} />
      <p>
        <a href={staffPaths.requestsCsv(v.slug, filterParams(v.filters))}>Export CSV</a> (every request matching these
        filters)
      </p>
      {v.items.length === 0 ? (
        <p id="no-requests">No requests match these filters{v.paged ? ' on this page' : ''}.</p>
      ) : (
        <table class="queue">
          <caption>Soonest due first. Dates in {v.timeZone}.</caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th scope="col">{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {v.items.map((r) => (
              <QueueRow view={v} request={r} />
            ))}
          </tbody>
        </table>
      )}
      <nav class="pages" aria-label="Pages">
        {v.paged && <a href={staffPaths.requests(v.slug, filterParams(v.filters, { limit: v.limit }))}>First page</a>}{' '}
        {v.nextCursor && (
          <a
            rel="next"
            href={staffPaths.requests(v.slug, filterParams(v.filters, { limit: v.limit, cursor: v.nextCursor }))}
          >
            Next page
          </a>
        )}
      </nav>
    </>
  );
}
