import { formatLocalDateTime, html, type SafeHtml } from '#mail';
import type { OpenAlerts } from './staff-alerts.service.js';

export interface AlertsBannerView extends OpenAlerts {
  slug: string;
  timeZone: string;
  csrfToken: string;
  /** Auditors read the alerts; agents and admins resolve them. */
  canResolve: boolean;
}

/** The organisation's unresolved alerts, newest first, above its queue; nothing when there are none. */
export function alertsBanner(v: AlertsBannerView): SafeHtml | '' {
  if (v.total === 0) return '';
  return html`<section class="alerts" id="staff-alerts" aria-labelledby="staff-alerts-heading">
<h2 id="staff-alerts-heading">Needs attention (${v.total})</h2>
<ul>
${v.alerts.map(
  (a) => html`<li data-alert-id="${a.id}" data-kind="${a.kind}">
<span class="when">${formatLocalDateTime(a.createdAt, v.timeZone)}</span>${
    a.request ? html` · <a href="/staff/orgs/${v.slug}/requests/${a.request.id}">${a.request.reference}</a>` : ''
  } · ${a.message}${
    v.canResolve
      ? html`<form method="post" action="/staff/orgs/${v.slug}/alerts/${a.id}/resolve" class="inline">
<input type="hidden" name="_csrf" value="${v.csrfToken}">
<button type="submit" class="link">Mark resolved</button></form>`
      : ''
  }</li>`,
)}
</ul>
${v.total > v.alerts.length ? html`<p class="hint">${v.total - v.alerts.length} older alert(s) appear as these are resolved.</p>` : ''}
</section>`;
}
