import { formatLocalDateTime, html, type SafeHtml } from '#mail';
import { COUNTED_STATES, type FailedJob, type QueueOverview } from './queue-dashboard.service.js';

export interface QueueDashboardView {
  slug: string;
  timeZone: string;
  csrfToken: string;
  queues: QueueOverview[];
}

function failedJob(v: QueueDashboardView, queue: string, job: FailedJob): SafeHtml {
  return html`<tr data-job-id="${job.id}">
<td>${job.name}</td>
<td><a href="/staff/orgs/${v.slug}/requests/${job.request.id}">${job.request.reference}</a></td>
<td>${job.attempts}</td>
<td>${job.failedAt ? formatLocalDateTime(job.failedAt, v.timeZone) : '—'}</td>
<td class="job-error">${job.reason}</td>
<td><form method="post" action="/staff/orgs/${v.slug}/jobs/${queue}/${encodeURIComponent(job.id)}/retry">
<input type="hidden" name="_csrf" value="${v.csrfToken}">
<button type="submit" class="secondary" aria-label="Retry job ${job.id}">Retry</button></form></td>
</tr>`;
}

function queueSection(v: QueueDashboardView, q: QueueOverview): SafeHtml {
  return html`<section id="queue-${q.name}"><h2>Queue “${q.name}”</h2>
<ul class="counts" aria-label="Jobs in ${q.name} by state (all organisations)">
${COUNTED_STATES.map((state) => html`<li>${state}: <strong data-state="${state}">${q.counts[state]}</strong></li>`)}
</ul>
${
  q.failed.length === 0
    ? html`<p class="hint">No failed jobs of this organisation.</p>`
    : html`<table class="failed-jobs">
<caption>Failed jobs of this organisation, most recent first. A retry runs the job again with all its attempts.</caption>
<thead><tr><th scope="col">Job</th><th scope="col">Request</th><th scope="col">Attempts</th><th scope="col">Failed</th><th scope="col">Error</th><th scope="col">Retry</th></tr></thead>
<tbody>${q.failed.map((job) => failedJob(v, q.name, job))}</tbody>
</table>`
}
</section>`;
}

/** Queue depths (shared by every organisation) and this organisation's failed jobs, each with a retry. */
export function queueDashboard(v: QueueDashboardView): SafeHtml {
  return html`<h1>Job queues</h1>
<p class="hint">Counts are for the whole system; failed jobs are listed only when they belong to this organisation. Dates in ${v.timeZone}.</p>
${v.queues.map((q) => queueSection(v, q))}`;
}
