import { formatLocalDateTime, type SafeHtml, staffPaths } from '#mail';

import { CsrfField } from '../../views/components/page-parts.js';
import { COUNTED_STATES, type FailedJob, type QueueOverview } from './queue-dashboard.service.js';

export interface QueueDashboardView {
  slug: string;
  timeZone: string;
  csrfToken: string;
  queues: QueueOverview[];
}

function FailedJobRow({ view: v, queue, job }: { view: QueueDashboardView; queue: string; job: FailedJob }) {
  return (
    <tr data-job-id={job.id}>
      <td>{job.name}</td>
      <td>
        <a href={staffPaths.request(v.slug, job.request.id)}>{job.request.reference}</a>
      </td>
      <td>{job.attempts}</td>
      <td>{job.failedAt ? formatLocalDateTime(job.failedAt, v.timeZone) : '—'}</td>
      <td class="job-error">{job.reason}</td>
      <td>
        <form method="post" action={staffPaths.jobRetry(v.slug, queue, job.id)}>
          <CsrfField token={v.csrfToken} />
          <button type="submit" class="secondary" aria-label={`Retry job ${job.id}`}>
            Retry
          </button>
        </form>
      </td>
    </tr>
  );
}

const FAILED_COLUMNS = ['Job', 'Request', 'Attempts', 'Failed', 'Error', 'Retry'];

function QueueSection({ view: v, queue: q }: { view: QueueDashboardView; queue: QueueOverview }) {
  return (
    <section id={`queue-${q.name}`}>
      <h2>Queue “{q.name}”</h2>
      <ul class="counts" aria-label={`Jobs in ${q.name} by state (all organisations)`}>
        {COUNTED_STATES.map((state) => (
          <li>
            {state}: <strong data-state={state}>{q.counts[state]}</strong>
          </li>
        ))}
      </ul>
      {q.failed.length === 0 ? (
        <p class="hint">No failed jobs of this organisation.</p>
      ) : (
        <table class="failed-jobs">
          <caption>
            Failed jobs of this organisation, most recent first. A retry runs the job again with all its attempts.
          </caption>
          <thead>
            <tr>
              {FAILED_COLUMNS.map((c) => (
                <th scope="col">{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {q.failed.map((job) => (
              <FailedJobRow view={v} queue={q.name} job={job} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Queue depths (shared by every organisation) and this organisation's failed jobs, each with a retry. */
export function queueDashboard(v: QueueDashboardView): SafeHtml {
  return (
    <>
      <h1>Job queues</h1>
      <p class="hint">
        Counts are for the whole system; failed jobs are listed only when they belong to this organisation. Dates in{' '}
        {v.timeZone}.
      </p>
      {v.queues.map((q) => (
        <QueueSection view={v} queue={q} />
      ))}
    </>
  );
}
