import { formatLocalDateTime, type SafeHtml, staffPaths } from '#mail';

import type { OpenAlerts } from './staff-alerts.service.js';

export interface AlertsBannerView extends OpenAlerts {
  slug: string;
  timeZone: string;
  csrfToken: string;
  /** Auditors read the alerts; agents and admins resolve them. */
  canResolve: boolean;
}

function AlertItem({ view: v, alert: a }: { view: AlertsBannerView; alert: AlertsBannerView['alerts'][number] }) {
  return (
    <li data-alert-id={a.id} data-kind={a.kind}>
      <span class="when">{formatLocalDateTime(a.createdAt, v.timeZone)}</span>
      {a.request && (
        <>
          {' · '}
          <a href={staffPaths.request(v.slug, a.request.id)}>{a.request.reference}</a>
        </>
      )}
      {' · '}
      {a.message}
      {v.canResolve && (
        <form method="post" action={staffPaths.alertResolve(v.slug, a.id)} class="inline">
          <input type="hidden" name="_csrf" value={v.csrfToken} />
          <button type="submit" class="link">
            Mark resolved
          </button>
        </form>
      )}
    </li>
  );
}

/** The organisation's unresolved alerts, newest first, above its queue; nothing when there are none. */
export function alertsBanner(v: AlertsBannerView): SafeHtml | '' {
  if (v.total === 0) return '';
  return (
    <section class="alerts" id="staff-alerts" aria-labelledby="staff-alerts-heading">
      <h2 id="staff-alerts-heading">Needs attention ({v.total})</h2>
      <ul>
        {v.alerts.map((a) => (
          <AlertItem view={v} alert={a} />
        ))}
      </ul>
      {v.total > v.alerts.length && (
        <p class="hint">{v.total - v.alerts.length} older alert(s) appear as these are resolved.</p>
      )}
    </section>
  );
}
