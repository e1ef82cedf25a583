import { type SafeHtml, staffPaths } from '#mail';

import { shareMeter, stackedBarChart } from './charts.js';
import { weeklyBars } from './dashboard-figures.js';
import type { DeadlineFigures } from './deadline-dashboard.service.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The deadline charts and figures of a period: on the organisation's home page and on the reports page. */
export function deadlineDashboard(f: DeadlineFigures, slug: string): SafeHtml {
  const { bars, series } = weeklyBars(f.weeks, f.period.from, f.period.to);
  return (
    <section class="dashboard" aria-labelledby="dashboard-heading">
      <h2 id="dashboard-heading">Deadlines at a glance</h2>
      <ul class="tiles">
        <li>
          <a href={staffPaths.requests(slug, { overdue: 'true' })}>
            <strong>{f.overdueNow}</strong> overdue now
          </a>
        </li>
        <li>
          <a href={staffPaths.requests(slug, { dueWithinDays: '7' })}>
            <strong>{f.dueThisWeek}</strong> due within 7 days
          </a>
        </li>
        <li>
          <strong>{f.medianDays === null ? '—' : f.medianDays.toFixed(1)}</strong> median days to close
        </li>
      </ul>
      <h3>Closed by the legal due date</h3>
      {shareMeter({
        title: 'Closed by the legal due date',
        part: f.closedOnTime,
        whole: f.closed,
        words:
          f.closed === 0
            ? 'no request received in this period is closed yet'
            : `${f.closedOnTime} of the ${plural(f.closed, 'closed request')} received in this period were closed by their due date (with any extension)`,
      })}
      <h3>Requests received per week, by type</h3>
      {stackedBarChart({ title: 'Requests received per week, by type', bars, series })}
    </section>
  );
}
