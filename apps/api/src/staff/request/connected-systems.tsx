import { codeWords, type SafeHtml, staffPaths } from '#mail';
import type { Child } from '#mail/jsx-runtime';
import type { FulfilmentPurpose, SystemTaskState } from '#workflow';
import { isOpen, isSettled } from '#workflow';

import { MAX_TEXT_LENGTH } from '../../requests/request-actions.service.js';
import type { RequestPageModel, SystemTaskRow } from './request-page.service.js';

const PURPOSE_HEADING: Record<FulfilmentPurpose, string> = {
  access: 'Finding the data',
  erasure_preview: 'Erasure dry run: what would happen',
  erasure: 'Erasure',
  opt_out: 'Sale/share opt-out pushed to systems',
};

const STATE_WORDS: Record<SystemTaskState, string> = {
  waiting: 'waiting',
  running: 'running',
  done: 'done',
  failed: 'failed',
  awaiting_vendor: 'awaiting the service provider',
  awaiting_staff: 'awaiting staff',
  skipped: 'skipped',
  closed: 'closed by staff',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Per table, counts only: what was found, or what erasure did and what is left. */
function Counts({ row }: { row: SystemTaskRow }) {
  const counts = row.task.counts;
  if (!counts || Object.keys(counts).length === 0) return <></>;
  const tables = row.system && 'tables' in row.system ? row.system.tables : [];
  return (
    <ul class="counts">
      {Object.entries(counts).map(([table, c]) => {
        const erasure = tables.find((t) => t.name === table)?.erasure;
        const parts = [
          c.found !== undefined && `${plural(c.found, 'row')} found`,
          c.deleted !== undefined && `${c.deleted} deleted`,
          c.updated !== undefined && `${c.updated} masked`,
          c.retained !== undefined && `${c.retained} kept`,
          c.remaining !== undefined && `${c.remaining} left`,
        ].filter(Boolean);
        return (
          <li>
            <code>{table}</code>: {parts.join(', ')}
            {row.task.purpose === 'erasure_preview' && erasure && (
              <>
                {' '}
                <span class="hint">
                  {erasure.action === 'delete'
                    ? 'rows would be deleted'
                    : erasure.action === 'update'
                      ? `would mask ${Object.keys(erasure.columns).join(', ')}`
                      : `kept (${codeWords(erasure.exemption)}): ${erasure.note}`}
                </span>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function TaskActions({ row, to, csrf }: { row: SystemTaskRow; to: (action: string) => string; csrf: SafeHtml }) {
  const { task, system } = row;
  const forms: Child[] = [];
  if (task.state === 'failed')
    forms.push(
      <form method="post" action={to(`systems/${task.id}/retry`)}>
        {csrf}
        <button type="submit">Retry this system</button>
      </form>,
    );
  if (task.state === 'awaiting_staff' && system?.kind === 'manual')
    forms.push(
      <ul class="checklist">
        {system.tasks.map((item, i) => (
          <li>
            {task.checklist?.[i] ? (
              <>✓ {item}</>
            ) : (
              <form method="post" action={to(`systems/${task.id}/checklist`)}>
                {csrf}
                <input type="hidden" name="item" value={String(i)} />
                {item} <button type="submit">Done</button>
              </form>
            )}
          </li>
        ))}
      </ul>,
    );
  if (!isSettled(task.state) && task.state !== 'running')
    forms.push(
      <details class="destructive">
        <summary>Close without doing it</summary>
        <form method="post" action={to(`systems/${task.id}/close`)}>
          {csrf}
          <label for={`close-${task.id}`}>Why</label>
          <textarea name="reason" id={`close-${task.id}`} rows="3" maxlength={MAX_TEXT_LENGTH} required></textarea>
          <button type="submit" class="danger">
            Close this system
          </button>
        </form>
      </details>,
    );
  return <>{forms}</>;
}

/**
 * What each connected system did for the request, by purpose: its state, counts (never values), the error class of a
 * failure, and the actions open on it. After a dry run whose systems are all settled, an admin approves the erasure.
 */
export function ConnectedSystems({ model: m, csrfToken }: { model: RequestPageModel; csrfToken: string }) {
  if (m.systems.length === 0) return <></>;
  const slug = m.organisation.organisation.slug;
  const to = (action: string) => staffPaths.request(slug, m.request.id, action);
  const csrf = <input type="hidden" name="_csrf" value={csrfToken} />;
  const acting = m.organisation.role !== 'auditor' && isOpen(m.request.status) && !m.request.purgedAt;
  const purposes = [...new Set(m.systems.map((row) => row.task.purpose))];
  const previews = m.systems.filter((row) => row.task.purpose === 'erasure_preview');
  const approvable =
    acting &&
    m.organisation.role === 'admin' &&
    previews.length > 0 &&
    previews.every((row) => isSettled(row.task.state)) &&
    !m.systems.some((row) => row.task.purpose === 'erasure');
  return (
    <section id="systems">
      <h2>Connected systems</h2>
      {purposes.map((purpose) => (
        <>
          <h3>{PURPOSE_HEADING[purpose]}</h3>
          <table class="systems" data-purpose={purpose}>
            <thead>
              <tr>
                <th>System</th>
                <th>State</th>
                <th>Result</th>
                {acting && <th>Actions</th>}
              </tr>
            </thead>
            <tbody>
              {m.systems
                .filter((row) => row.task.purpose === purpose)
                .map((row) => (
                  <tr data-system={row.task.systemId} data-state={row.task.state}>
                    <td>
                      {row.system?.name ?? row.task.systemId} <span class="hint">{codeWords(row.task.systemKind)}</span>
                    </td>
                    <td>
                      {STATE_WORDS[row.task.state]}
                      {row.task.errorClass && <span class="hint"> ({codeWords(row.task.errorClass)})</span>}
                      {row.task.attempts > 1 && <span class="hint"> after {plural(row.task.attempts, 'run')}</span>}
                    </td>
                    <td>
                      <Counts row={row} />
                      {row.task.reason && <span class="hint">{row.task.reason}</span>}
                    </td>
                    {acting && (
                      <td>
                        <TaskActions row={row} to={to} csrf={csrf} />
                      </td>
                    )}
                  </tr>
                ))}
            </tbody>
          </table>
        </>
      ))}
      {acting && packageReady(m) && (
        <form method="post" action={to('systems/package/release')} id="release-package">
          {csrf}
          <p>
            Every system has answered. <a href={to('systems/package')}>Download the package</a> to look it over;
            releasing it stores it as the response, fulfils the request and mails the requester their download link.
          </p>
          <button type="submit">Release the package</button>
        </form>
      )}
      {approvable && (
        <form method="post" action={to('systems/approve-erasure')} id="approve-erasure">
          {csrf}
          <p>
            Approving runs the erasure above in every system, children before parents, one transaction per database, and
            then checks that nothing is left outside the kept tables. It cannot be undone.
          </p>
          <button type="submit" class="danger">
            Approve the erasure
          </button>
        </form>
      )}
    </section>
  );
}

/** An access-like request whose systems have all answered: its package can be looked over and released. */
function packageReady(m: RequestPageModel): boolean {
  const access = m.systems.filter((row) => row.task.purpose === 'access');
  return (
    ['access', 'portability', 'categories'].includes(m.request.type) &&
    access.length > 0 &&
    access.every((row) => isSettled(row.task.state))
  );
}
