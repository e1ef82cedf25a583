import { DENIAL_REASON_TEXT, formatLocalDate, type SafeHtml, staffPaths } from '#mail';
import type { Child } from '#mail/jsx-runtime';
import { STAFF_WITHDRAWAL_ROUTES } from '#workflow';

import { MAX_TEXT_LENGTH } from '../../requests/request-actions.service.js';
import { answeredWithFiles, MAX_RESPONSE_FILES } from '../../requests/response-upload.js';
import { triageForms } from '../inbound/inbound-mail.view.js';
import type { RequestPageModel } from './request-page.service.js';

const WITHDRAWAL_ROUTE_TEXT: Record<(typeof STAFF_WITHDRAWAL_ROUTES)[number], string> = {
  phone: 'By phone',
  letter: 'By letter',
  email: 'By email (not through the status page)',
  in_person: 'In person',
};

/** A free-text field. Several forms have a "reason": ids carry the form's name so each label finds its own field. */
function TextField({ form, name, label, hint }: { form: string; name: string; label: string; hint?: string }) {
  return (
    <>
      <label for={`${form}-${name}`}>
        {label}
        {hint && (
          <>
            {' '}
            <span class="hint">{hint}</span>
          </>
        )}
      </label>
      <textarea name={name} id={`${form}-${name}`} rows="4" maxlength={MAX_TEXT_LENGTH} required></textarea>
    </>
  );
}

function ResponseFiles({ required }: { required: boolean }) {
  const id = `files-${required ? 'all' : 'part'}`;
  return (
    <>
      <label for={id}>
        Response files{' '}
        <span class="hint">
          {required ? '1' : '0'} to {MAX_RESPONSE_FILES} files, each at most 10 MB.
        </span>
      </label>
      <input type="file" name="files" id={id} multiple required={required} />
    </>
  );
}

/** A form posting to one of the request's actions, with the CSRF token. */
function ActionForm({
  action,
  csrf,
  multipart,
  children,
}: {
  action: string;
  csrf: SafeHtml;
  multipart?: boolean;
  children?: Child;
}) {
  return (
    <form method="post" action={action} enctype={multipart ? 'multipart/form-data' : undefined}>
      {csrf}
      {children}
    </form>
  );
}

interface Folded {
  label: string;
  form: SafeHtml;
}

function FoldedActions({ id, heading, items, cls }: { id: string; heading: string; items: Folded[]; cls: string }) {
  if (items.length === 0) return <></>;
  return (
    <details id={id} class={cls}>
      <summary>
        {heading}: {items.map((i) => i.label).join(', ')}
      </summary>
      {items.map((i) => i.form)}
    </details>
  );
}

/**
 * The actions open now, grouped by how often they are used: the next step in the open, the rare ones folded away, the
 * ones that end the request without answering it folded and red. Only what the workflow accepts now is there at all.
 */
export function RequestActions({
  model: m,
  csrfToken,
  userId,
}: {
  model: RequestPageModel;
  csrfToken: string;
  userId: string;
}) {
  const a = m.actions;
  if (m.organisation.role === 'auditor') return <></>;
  const slug = m.organisation.organisation.slug;
  const to = (action: string) => staffPaths.request(slug, m.request.id, action);
  const csrf = <input type="hidden" name="_csrf" value={csrfToken} />;
  const tz = m.organisation.organisation.timeZone;
  const withFiles = answeredWithFiles(m.request.type);
  const gdprClock = m.request.regime === 'gdpr' || m.request.regime === 'uk_gdpr';

  const work: SafeHtml[] = triageForms(m.requestContext.policy.rights, staffPaths.request(slug, m.request.id), csrf, {
    classify: a.classify,
    dismiss: a.dismiss,
  });
  const answer: SafeHtml[] = [];
  const rare: Folded[] = [];
  const ending: Folded[] = [];
  if (a.start) {
    work.push(
      <section id="start">
        <h3>Start work</h3>
        <ActionForm action={to('start')} csrf={csrf}>
          <button type="submit">Start work</button>
        </ActionForm>
      </section>,
    );
  }
  if (a.ask) {
    const hint = gdprClock
      ? 'Mailed with the status link. The clock stops until they reply.'
      : 'Mailed with the status link. The clock keeps running.';
    work.push(
      <section id="ask">
        <h3>Ask the requester</h3>
        <ActionForm action={to('ask')} csrf={csrf}>
          <TextField form="ask" name="question" label="Question" hint={hint} />
          <button type="submit">Send the question</button>
        </ActionForm>
      </section>,
    );
  }
  if (a.assign) {
    work.push(
      <section id="assignment">
        <h3>Assignment</h3>
        <ActionForm action={to('assign')} csrf={csrf}>
          <label for="assigneeId">Assign to</label>
          <select name="assigneeId" id="assigneeId">
            {m.team.map((t) => (
              <option value={t.id} selected={t.id === m.request.assigneeId}>
                {t.name}
              </option>
            ))}
          </select>
          <button type="submit" class="secondary">
            Assign
          </button>
        </ActionForm>
        {m.request.assigneeId !== userId && (
          <ActionForm action={to('claim')} csrf={csrf}>
            <button type="submit" class="secondary">
              Assign to me
            </button>
          </ActionForm>
        )}
        {m.request.assigneeId && (
          <ActionForm action={to('unassign')} csrf={csrf}>
            <button type="submit" class="secondary">
              Unassign
            </button>
          </ActionForm>
        )}
      </section>,
    );
  }
  if (a.fulfil) {
    answer.push(
      <section id="fulfil">
        <h3>Fulfil</h3>
        {withFiles ? (
          <ActionForm action={to('fulfil')} csrf={csrf} multipart>
            <ResponseFiles required />
            <button type="submit">Send the response</button>
          </ActionForm>
        ) : (
          <ActionForm action={to('fulfil')} csrf={csrf}>
            <TextField form="fulfil" name="resolution" label="What was done" hint="Mailed to the requester." />
            <button type="submit">Mark fulfilled</button>
          </ActionForm>
        )}
      </section>,
    );
  }
  if (a.partiallyFulfil) {
    answer.push(
      <section id="partially-fulfil">
        <h3>Fulfil in part</h3>
        <ActionForm action={to('partially-fulfil')} csrf={csrf} multipart={withFiles}>
          <TextField
            form="partial"
            name="reason"
            label="What was withheld, and why"
            hint="Mailed to the requester with how to complain."
          />
          {withFiles && <ResponseFiles required={false} />}
          <button type="submit">Mark partly fulfilled</button>
        </ActionForm>
      </section>,
    );
  }
  if (a.extend) {
    rare.push({
      label: 'extend',
      form: (
        <section id="extend">
          <h3>Extend the deadline</h3>
          <p>
            Once only: the new due date is {formatLocalDate(m.deadlines.extendedDueAt!, tz)}; the notice must go out by{' '}
            {formatLocalDate(m.deadlines.extensionNoticeBy!, tz)}.
          </p>
          <ActionForm action={to('extend')} csrf={csrf}>
            <TextField form="extend" name="reason" label="Reason" hint="Mailed to the requester." />
            <button type="submit">Extend and notify</button>
          </ActionForm>
        </section>
      ),
    });
  }
  if (a.redirect) {
    rare.push({
      label: 'redirect to the controller',
      form: (
        <section id="redirect">
          <h3>Redirect to the controller</h3>
          <ActionForm action={to('redirect')} csrf={csrf}>
            <fieldset>
              <legend>Controller the requester should contact</legend>
              {m.redirects.map((r, i) => (
                <div class="choice">
                  <input type="radio" name="controller" id={`controller-${i}`} value={r.controller} checked={i === 0} />
                  <label for={`controller-${i}`}>
                    {r.controller} <span class="hint">For: {r.services}</span>
                  </label>
                </div>
              ))}
              <div class="choice">
                <input
                  type="radio"
                  name="controller"
                  id="controller-other"
                  value="other"
                  checked={m.redirects.length === 0}
                />
                <label for="controller-other">Someone else:</label>
              </div>
              <label for="controllerOther">
                Name and how to reach them <span class="hint">when "Someone else"</span>
              </label>
              <input type="text" name="controllerOther" id="controllerOther" maxlength={MAX_TEXT_LENGTH} />
            </fieldset>
            <button type="submit">Redirect and notify</button>
          </ActionForm>
        </section>
      ),
    });
  }
  if (a.denialReasons.length > 0) {
    ending.push({
      label: 'deny',
      form: (
        <section id="deny">
          <h3>Deny</h3>
          <ActionForm action={to('deny')} csrf={csrf}>
            <label for="denialReason">Ground</label>
            <select name="reason" id="denialReason">
              {a.denialReasons.map((r) => (
                <option value={r}>{DENIAL_REASON_TEXT[r]}</option>
              ))}
            </select>
            <TextField
              form="deny"
              name="explanation"
              label="Explanation"
              hint="Mailed to the requester with how to complain."
            />
            <button type="submit" class="danger">
              Deny
            </button>
          </ActionForm>
        </section>
      ),
    });
  }
  if (a.withdraw) {
    ending.push({
      label: 'record a withdrawal',
      form: (
        <section id="withdraw">
          <h3>Record a withdrawal</h3>
          <p>
            The requester asked to withdraw the request without using their status page. It closes now and they get a
            mail confirming it.
          </p>
          <ActionForm action={to('withdraw')} csrf={csrf}>
            <label for="withdraw-route">How did they tell you?</label>
            <select name="route" id="withdraw-route">
              {STAFF_WITHDRAWAL_ROUTES.map((r) => (
                <option value={r}>{WITHDRAWAL_ROUTE_TEXT[r]}</option>
              ))}
            </select>
            <label for="withdraw-note">
              What they said <span class="hint">Optional; seen by staff only.</span>
            </label>
            <textarea name="note" id="withdraw-note" rows="3" maxlength={MAX_TEXT_LENGTH}></textarea>
            <button type="submit" class="danger">
              Record the withdrawal
            </button>
          </ActionForm>
        </section>
      ),
    });
  }
  if (a.reopen) {
    rare.push({
      label: 'reopen',
      form: (
        <section id="reopen">
          <h3>Reopen</h3>
          <ActionForm action={to('reopen')} csrf={csrf}>
            <TextField form="reopen" name="reason" label="Reason" hint="Kept in the timeline; the due date stays." />
            <button type="submit">Reopen</button>
          </ActionForm>
        </section>
      ),
    });
  }
  return (
    <>
      <h2>Actions</h2>
      <div id="actions">
        {work.length > 0 && (
          <div class="action-group" id="work-actions">
            {work}
          </div>
        )}
        {answer.length > 0 && (
          <div class="action-group" id="answer-actions">
            {answer}
          </div>
        )}
        <FoldedActions id="more-actions" heading="More" items={rare} cls="rare" />
        <FoldedActions id="closing-actions" heading="Close without answering" items={ending} cls="destructive" />
        <section id="note">
          <h3>Internal note</h3>
          <ActionForm action={to('note')} csrf={csrf}>
            <TextField form="note" name="text" label="Note" hint="Seen by staff only." />
            <button type="submit" class="secondary">
              Add note
            </button>
          </ActionForm>
        </section>
      </div>
    </>
  );
}
