import type { TokenRefusal } from '#db';
import { answerDueSentence, organisationsThing } from '#mail';
import type { ProcessorRedirect } from '#policy';
import type { RequestStatus } from '#workflow';

import { CsrfField, NoticeParagraph, TitledMessage } from './components/page-parts.js';
import { page } from './layout.view.js';

export interface ConfirmationView {
  organisationName: string;
  slug: string;
  reference: string;
  requestLabel: string;
  needsVerification: boolean;
  dueOn: string;
  /** No law applies and the policy sets no deadline: the due date is the organisation's own target. */
  internalTarget: boolean;
  csrfToken: string;
  gpcNotice?: string;
  /** The policy's limit on how often the request may be made; the same words whether or not it was reached. */
  limitNotice?: string;
  /** Made by this authorised agent: the consumer must confirm it. */
  agentName?: string;
  /** The organisation only processes this data: the request was closed and the requester pointed to the controller. */
  redirect?: ProcessorRedirect;
  /** The policy encourages asking this controller first, but the organisation still answers: the request is kept. */
  askFirst?: ProcessorRedirect;
}

/** Shown after a successful submission: the reference, and what happens next. */
export function confirmationPage(v: ConfirmationView): string {
  if (v.redirect) return redirectedPage(v, v.redirect);
  if (v.agentName !== undefined && v.needsVerification) return agentConfirmationPage(v);
  const body = (
    <>
      <h1>We have your request</h1>
      <p>Your reference is</p>
      <p class="reference" id="reference">
        {v.reference}
      </p>
      <p>Request: {v.requestLabel}.</p>
      {v.needsVerification ? (
        <div class="notice">
          <p>
            <strong>Check your email.</strong> We sent you a link to confirm that the address is yours. Until you open
            it, we cannot act on the request.
          </p>
        </div>
      ) : (
        <div class="notice">
          <p>We sent a confirmation to your email address with a private link to the request.</p>
        </div>
      )}
      {v.needsVerification ? (
        <p id="due">{answerDueSentence(v.organisationName, v.dueOn, v.internalTarget)}</p>
      ) : (
        <p>Opt-outs take effect at once: this one already has.</p>
      )}
      <NoticeParagraph id="gpc-notice" text={v.gpcNotice} />
      <NoticeParagraph id="limit-notice" text={v.limitNotice} />
      {v.askFirst && <AskFirstNotice view={v} controller={v.askFirst} />}
      {v.needsVerification && (
        <>
          <h2>No email?</h2>
          <p>Check your spam folder first. We can send a new link: enter the address you used.</p>
          <form method="post" action={`/o/${v.slug}/requests/${v.reference}/resend`}>
            <CsrfField token={v.csrfToken} />
            <label for="email">Email address</label>
            <input type="email" name="email" id="email" autocomplete="email" required />
            <button type="submit" class="secondary">
              Send a new link
            </button>
          </form>
        </>
      )}
    </>
  );
  return page('Request received', body, v.organisationName);
}

/**
 * An agent's request: the consumer confirms it directly (CCPA regs §7063), so the page and the agent's mail say so
 * and show nothing of the consumer's beyond the reference.
 */
function agentConfirmationPage(v: ConfirmationView): string {
  const body = (
    <>
      <h1>We have the request</h1>
      <p>The reference is</p>
      <p class="reference" id="reference">
        {v.reference}
      </p>
      <p>Request: {v.requestLabel}.</p>
      <div class="notice" id="agent-next">
        <p>
          <strong>The person you act for must confirm it.</strong> We emailed them a link to confirm directly with{' '}
          {v.organisationName} that they gave you permission. Until they do, nothing is done; if they say they did not,
          the request is closed.
        </p>
      </div>
      <NoticeParagraph id="limit-notice" text={v.limitNotice} />
      <p>
        We sent you a receipt with the reference. {answerDueSentence(v.organisationName, v.dueOn, v.internalTarget)} The
        answer goes to the person you act for.
      </p>
    </>
  );
  return page('Request received', body, v.organisationName);
}

/**
 * The policy encourages asking the controller first (it does not refuse): say so, and that the request stays with the
 * organisation unless the requester withdraws it, so going on with it is simply confirming it.
 */
function AskFirstNotice({ view: v, controller }: { view: ConfirmationView; controller: ProcessorRedirect }) {
  return (
    <div class="notice" id="ask-first">
      <p>
        For {controller.services}, {v.organisationName} encourages you to contact them first:
      </p>
      <p>{controller.controller}</p>
      <blockquote id="ask-first-citation">“{controller.citation.quote}”</blockquote>
      <p>
        <strong>You can still go on with {v.organisationName}:</strong> your request is kept. Confirm it from the email
        and {v.organisationName} answers it. If they answer you instead, you can withdraw this request from your status
        page.
      </p>
    </div>
  );
}

/** Data the organisation only processes for another organisation: that controller must answer, as the policy says. */
function redirectedPage(v: ConfirmationView, redirect: ProcessorRedirect): string {
  const body = (
    <>
      <h1>Please ask the organisation responsible</h1>
      <p>Your reference is</p>
      <p class="reference" id="reference">
        {v.reference}
      </p>
      <p>
        For {redirect.services}, {v.organisationName} handles the information on behalf of another organisation, which
        decides what happens to it and must answer requests like yours. Please contact:
      </p>
      <div class="notice" id="controller">
        <p>{redirect.controller}</p>
      </div>
      <p>Where {organisationsThing(v.organisationName, 'privacy policy')} says so:</p>
      <blockquote id="redirect-citation">“{redirect.citation.quote}”</blockquote>
      <p>
        {v.organisationName} has closed this request here and will not act on it. We also emailed you this answer. If
        your request is about your own relationship with {v.organisationName} instead, make a new request and choose
        that.
      </p>
      <p>
        <a href={`/o/${v.slug}/requests/new`}>Make a new request</a>
      </p>
    </>
  );
  return page('Please ask the organisation responsible', body, v.organisationName);
}

export function resendAcceptedPage(organisationName: string, reference: string): string {
  const body = (
    <>
      <h1>Link sent</h1>
      <p>
        If {reference} is waiting for confirmation and the address matches it, a new link is on its way. It replaces the
        old one.
      </p>
    </>
  );
  return page('Link sent', body, organisationName);
}

const REFUSAL_TEXT: Record<TokenRefusal | 'already_verified' | 'withdrawn', { title: string; text: string }> = {
  unknown: {
    title: 'This link is not valid',
    text: 'Check that you copied the whole link from the email. If it still does not work, ask for a new link from the page where you made the request.',
  },
  expired: {
    title: 'This link has expired',
    text: 'For your security, confirmation links expire. Ask for a new link from the page where you made the request, with your reference.',
  },
  used: {
    title: 'This link has already been used',
    text: 'Your request was already confirmed with this link, when "Confirm my request" was pressed on the page it opens (opening the link alone confirms nothing). You do not need to do anything more. Use the status link from the email to follow it.',
  },
  replaced: {
    title: 'A newer link replaced this one',
    text: 'You asked for a new confirmation link, so this older one no longer works. Use the link in the most recent email.',
  },
  already_verified: {
    title: 'Already confirmed',
    text: 'This request was already confirmed; you do not need to do anything more.',
  },
  withdrawn: {
    title: 'This request was withdrawn',
    text: 'It was withdrawn before it was confirmed (by you, or by the authorised agent acting for you), so there is nothing to confirm and nothing will be done. If you still want it, make a new request.',
  },
};

export function linkRefusedPage(
  refusal: TokenRefusal | 'already_verified' | 'withdrawn',
  organisationName?: string,
): string {
  const { title, text } = REFUSAL_TEXT[refusal];
  return page(title, <TitledMessage title={title} text={text} />, organisationName);
}

export function verifiedPage(v: {
  organisationName: string;
  reference: string;
  dueOn: string;
  internalTarget: boolean;
}): string {
  const body = (
    <>
      <h1>Thank you: your request is confirmed</h1>
      <p>
        Reference <strong id="reference">{v.reference}</strong>.{' '}
        <span id="due">{answerDueSentence(v.organisationName, v.dueOn, v.internalTarget)}</span>
      </p>
      <p>Follow your request with the private status link in the email we sent you.</p>
    </>
  );
  return page('Request confirmed', body, v.organisationName);
}

export const STATUS_WORDING: Record<RequestStatus, string> = {
  unverified: 'Waiting for you to confirm your email address',
  verified: 'Confirmed, waiting to be worked on',
  in_progress: 'Being worked on',
  awaiting_requester: 'Waiting for information from you',
  fulfilled: 'Completed',
  partially_fulfilled: 'Partly completed',
  denied: 'Refused (the reasons were sent to you)',
  withdrawn: 'Withdrawn',
  redirected: 'Passed to the organisation responsible for your data',
  closed_unverified: 'Closed without being confirmed',
  received_by_email: 'Received by email, waiting for the privacy team to read it',
  not_a_request: 'Closed: the privacy team found no privacy request in your message',
};

export interface StatusView {
  organisationName: string;
  reference: string;
  requestLabel: string;
  status: RequestStatus;
  receivedOn: string;
  dueOn: string;
  /** No law applies and the policy sets no deadline: the due date is the organisation's own target. */
  internalTarget: boolean;
  daysLeft: number;
  open: boolean;
  /** GDPR/UK GDPR while awaiting the requester: the due date moves by the days until they answer. */
  paused: boolean;
  /** While awaiting the requester: the open questions, oldest first, and where the reply form posts. */
  reply?: { questions: string[]; action: string; csrfToken: string; maxLength: number; text?: string };
  /** Why the last reply was not accepted. */
  error?: string;
  /** The response's files, downloadable until `until` (already formatted); `available` false once that has passed. */
  files?: { items: { name: string; size: number; url: string }[]; until: string; available: boolean };
  /** The local date the request closed, once it has. */
  closedOn?: string;
  /** Where "Withdraw my request" leads (its confirmation page), while the request can still be withdrawn. */
  withdrawUrl?: string;
}

/** What a closed request's date says: answered when it was answered, otherwise when and how it ended. */
const CLOSED_ON: Partial<Record<RequestStatus, string>> = {
  fulfilled: 'Answered on',
  partially_fulfilled: 'Answered on',
  denied: 'Answered on',
  redirected: 'Answered on',
  withdrawn: 'Withdrawn on',
};

export function statusPage(v: StatusView): string {
  const body = (
    <>
      <h1>Your request {v.reference}</h1>
      {v.error && (
        <div class="summary" role="alert" id="error">
          <p>{v.error}</p>
        </div>
      )}
      <dl>
        <dt>Request</dt>
        <dd>{v.requestLabel}</dd>
        <dt>Status</dt>
        <dd id="status">{STATUS_WORDING[v.status]}</dd>
        <dt>Received</dt>
        <dd>{v.receivedOn}</dd>
        <StatusDeadline view={v} />
      </dl>
      {v.reply && <ReplySection reply={v.reply} />}
      {v.files && <FilesSection files={v.files} />}
      {v.withdrawUrl && (
        <>
          <h2>Changed your mind?</h2>
          <p>
            <a class="button secondary" id="withdraw" href={v.withdrawUrl}>
              Withdraw my request
            </a>
          </p>
        </>
      )}
    </>
  );
  return page(`Request ${v.reference}`, body, v.organisationName);
}

/** The date that matters now: when it closed, or when the answer is due and how long is left. */
function StatusDeadline({ view: v }: { view: StatusView }) {
  // Which right a mail exercises, and so its deadline, is known once the privacy team has read it.
  if (v.status === 'received_by_email' || v.status === 'not_a_request') return <></>;
  if (!v.open) {
    return (
      <>
        <dt>{CLOSED_ON[v.status] ?? 'Closed on'}</dt>
        <dd id="closed">{v.closedOn ?? ''}</dd>
      </>
    );
  }
  const left =
    v.daysLeft > 1
      ? `${v.daysLeft} days left`
      : v.daysLeft === 1
        ? '1 day left'
        : v.daysLeft === 0
          ? 'due today'
          : 'overdue';
  return (
    <>
      <dt>{v.internalTarget ? 'Aimed to be answered by (our own target)' : 'Answer due by'}</dt>
      <dd id="due">
        {v.dueOn}
        {v.paused ? ' (the time limit stands still until you answer, and this date moves by that time)' : ` (${left})`}
      </dd>
    </>
  );
}

/** The step between "Withdraw my request" and doing it: a link followed by mistake (or by a mail scanner) changes nothing. */
export function withdrawConfirmPage(v: {
  organisationName: string;
  reference: string;
  requestLabel: string;
  statusUrl: string;
  csrfToken: string;
}): string {
  const body = (
    <>
      <h1>Withdraw your request {v.reference}?</h1>
      <p>
        {v.organisationName} will stop working on your request ({v.requestLabel}) and close it. You will get an email
        confirming it. This cannot be undone here: to ask again, you would make a new request.
      </p>
      <form method="post" action={`${v.statusUrl}/withdraw`}>
        <CsrfField token={v.csrfToken} />
        <button type="submit" class="danger" id="confirm-withdraw">
          Yes, withdraw my request
        </button>{' '}
        <a href={v.statusUrl}>No, keep my request</a>
      </form>
    </>
  );
  return page(`Withdraw request ${v.reference}`, body, v.organisationName);
}

function ReplySection({ reply: r }: { reply: NonNullable<StatusView['reply']> }) {
  return (
    <>
      <h2>{r.questions.length === 1 ? 'A question for you' : 'Questions for you'}</h2>
      {r.questions.map((q) => (
        <blockquote class="question">
          <pre>{q}</pre>
        </blockquote>
      ))}
      <form method="post" action={r.action}>
        <CsrfField token={r.csrfToken} />
        <label for="reply">
          Your answer{' '}
          <span class="hint">At most {r.maxLength} characters. Do not include card or Social Security numbers.</span>
        </label>
        <textarea name="text" id="reply" rows="6" maxlength={r.maxLength} required>
          {r.text ?? ''}
        </textarea>
        <button type="submit">Send my answer</button>
      </form>
    </>
  );
}

function FilesSection({ files: f }: { files: NonNullable<StatusView['files']> }) {
  if (!f.available) {
    return (
      <>
        <h2>Your response</h2>
        <p id="files-expired">
          The files of the response could be downloaded until {f.until}. They are no longer available here.
        </p>
      </>
    );
  }
  return (
    <>
      <h2>Your response</h2>
      <p>Download the files until {f.until}. Keep them safe: they contain your personal information.</p>
      <ul id="files">
        {f.items.map((item) => (
          <li>
            <a href={item.url}>{item.name}</a> ({Math.max(1, Math.ceil(item.size / 1024))} KB)
          </li>
        ))}
      </ul>
    </>
  );
}

export function downloadRefusedPage(
  refusal: 'no_such_file' | 'no_longer_available',
  organisationName?: string,
): string {
  const [title, text] =
    refusal === 'no_longer_available'
      ? [
          'This download has expired',
          'For your security, response files can only be downloaded for a limited time, and that time has passed. Contact the organisation if you still need them.',
        ]
      : ['There is no such file', 'Check that you used the link from your request page.'];
  return page(title, <TitledMessage title={title} text={text} />, organisationName);
}

export function errorPage(status: number, message: string): string {
  const title =
    status === 404
      ? 'Page not found'
      : status === 429
        ? 'Too many requests'
        : status === 503
          ? 'Temporarily unavailable'
          : status >= 500
            ? 'Something went wrong'
            : 'Request not accepted';
  return page(title, <TitledMessage title={title} text={message} />);
}
