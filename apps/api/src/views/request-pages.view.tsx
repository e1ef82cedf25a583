import type { TokenRefusal } from '#db';
import { answerDueSentence, policyOf, translator } from '#mail';
import type { Language, ProcessorRedirect } from '#policy';
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
  language: Language;
}

/** Shown after a successful submission: the reference, and what happens next. */
export function confirmationPage(v: ConfirmationView): string {
  if (v.redirect) return redirectedPage(v, v.redirect);
  if (v.agentName !== undefined && v.needsVerification) return agentConfirmationPage(v);
  const t = translator(v.language);
  const body = (
    <>
      <h1>{t('received.heading')}</h1>
      <p>{t('received.reference')}</p>
      <p class="reference" id="reference">
        {v.reference}
      </p>
      <p>{t('received.request', { label: v.requestLabel })}</p>
      {v.needsVerification ? (
        <div class="notice">
          <p>
            <strong>{t('received.checkEmail')}</strong> {t('received.checkEmailText')}
          </p>
        </div>
      ) : (
        <div class="notice">
          <p>{t('received.sentConfirmation')}</p>
        </div>
      )}
      {v.needsVerification ? (
        <p id="due">{answerDueSentence(v.organisationName, v.dueOn, v.internalTarget, v.language)}</p>
      ) : (
        <p>{t('received.optOutDone')}</p>
      )}
      <NoticeParagraph id="gpc-notice" text={v.gpcNotice} />
      <NoticeParagraph id="limit-notice" text={v.limitNotice} />
      {v.askFirst && <AskFirstNotice view={v} controller={v.askFirst} />}
      {v.needsVerification && (
        <>
          <h2>{t('received.noEmail')}</h2>
          <p>{t('received.noEmailText')}</p>
          <form method="post" action={`/o/${v.slug}/requests/${v.reference}/resend?lang=${v.language}`}>
            <CsrfField token={v.csrfToken} />
            <label for="email">{t('form.email')}</label>
            <input type="email" name="email" id="email" autocomplete="email" required />
            <button type="submit" class="secondary">
              {t('received.resend')}
            </button>
          </form>
        </>
      )}
    </>
  );
  return page(t('received.title'), body, v.organisationName, v.language);
}

/**
 * An agent's request: the consumer confirms it directly (CCPA regs §7063), so the page and the agent's mail say so
 * and show nothing of the consumer's beyond the reference.
 */
function agentConfirmationPage(v: ConfirmationView): string {
  const t = translator(v.language);
  const body = (
    <>
      <h1>{t('agentPages.heading')}</h1>
      <p>{t('agentPages.reference')}</p>
      <p class="reference" id="reference">
        {v.reference}
      </p>
      <p>{t('received.request', { label: v.requestLabel })}</p>
      <div class="notice" id="agent-next">
        <p>
          <strong>{t('agentPages.mustConfirm')}</strong> {t('agentPages.mustConfirmText', { org: v.organisationName })}
        </p>
      </div>
      <NoticeParagraph id="limit-notice" text={v.limitNotice} />
      <p>
        {t('agentPages.receipt')} {answerDueSentence(v.organisationName, v.dueOn, v.internalTarget, v.language)}{' '}
        {t('agentPages.answerGoes')}
      </p>
    </>
  );
  return page(t('received.title'), body, v.organisationName, v.language);
}

/**
 * The policy encourages asking the controller first (it does not refuse): say so, and that the request stays with the
 * organisation unless the requester withdraws it, so going on with it is simply confirming it.
 */
function AskFirstNotice({ view: v, controller }: { view: ConfirmationView; controller: ProcessorRedirect }) {
  const t = translator(v.language);
  return (
    <div class="notice" id="ask-first">
      <p>{t('redirect.askFirst', { services: controller.services, org: v.organisationName })}</p>
      <p>{controller.controller}</p>
      <blockquote id="ask-first-citation">“{controller.citation.quote}”</blockquote>
      <p>
        <strong>{t('redirect.stillGoOn', { org: v.organisationName })}</strong>{' '}
        {t('redirect.stillGoOnText', { org: v.organisationName })}
      </p>
    </div>
  );
}

/** Data the organisation only processes for another organisation: that controller must answer, as the policy says. */
function redirectedPage(v: ConfirmationView, redirect: ProcessorRedirect): string {
  const t = translator(v.language);
  const body = (
    <>
      <h1>{t('redirect.title')}</h1>
      <p>{t('received.reference')}</p>
      <p class="reference" id="reference">
        {v.reference}
      </p>
      <p>{t('redirect.handles', { services: redirect.services, org: v.organisationName })}</p>
      <div class="notice" id="controller">
        <p>{redirect.controller}</p>
      </div>
      <p>{t('redirect.whereSaid', { policy: policyOf(v.language, v.organisationName, 'privacyPolicy') })}</p>
      <blockquote id="redirect-citation">“{redirect.citation.quote}”</blockquote>
      <p>{t('redirect.closed', { org: v.organisationName })}</p>
      <p>
        <a href={`/o/${v.slug}/requests/new?lang=${v.language}`}>{t('redirect.newRequest')}</a>
      </p>
    </>
  );
  return page(t('redirect.title'), body, v.organisationName, v.language);
}

export function resendAcceptedPage(organisationName: string, reference: string, language: Language): string {
  const t = translator(language);
  const body = (
    <>
      <h1>{t('verify.resentTitle')}</h1>
      <p>{t('verify.resentText', { reference })}</p>
    </>
  );
  return page(t('verify.resentTitle'), body, organisationName, language);
}

type LinkRefusal = TokenRefusal | 'already_verified' | 'withdrawn';

/** Why a link did not work, in the language of the request it belonged to (English where none is known). */
export function linkRefusedPage(refusal: LinkRefusal, organisationName?: string, language: Language = 'en'): string {
  const t = translator(language);
  const title = t(`refusal.${refusal}Title`);
  return page(title, <TitledMessage title={title} text={t(`refusal.${refusal}Text`)} />, organisationName, language);
}

export function verifiedPage(v: {
  organisationName: string;
  reference: string;
  dueOn: string;
  internalTarget: boolean;
  language: Language;
}): string {
  const t = translator(v.language);
  const body = (
    <>
      <h1>{t('verify.doneHeading')}</h1>
      <p>
        {t('verify.doneReference')} <strong id="reference">{v.reference}</strong>.{' '}
        <span id="due">{answerDueSentence(v.organisationName, v.dueOn, v.internalTarget, v.language)}</span>
      </p>
      <p>{t('verify.doneFollow')}</p>
    </>
  );
  return page(t('verify.doneTitle'), body, v.organisationName, v.language);
}

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
  /** A deletion denied as unverified: the sale/share opt-out offered instead, and whether it was taken. */
  optOut?: { action: string; csrfToken: string; taken: boolean };
  /**
   * A request whose right asks for an identity document, once the email is confirmed: the upload form (its action
   * carries the form token, as a multipart body is read only after the token is checked), or when it arrived.
   */
  identityDocument?: { action: string; csrfToken: string; maxMb: number; receivedOn?: string };
  language: Language;
}

/** What a closed request's date says: answered when it was answered, otherwise when and how it ended. */
const CLOSED_ON: Partial<Record<RequestStatus, 'status.answeredOn' | 'status.withdrawnOn'>> = {
  fulfilled: 'status.answeredOn',
  partially_fulfilled: 'status.answeredOn',
  denied: 'status.answeredOn',
  redirected: 'status.answeredOn',
  withdrawn: 'status.withdrawnOn',
};

export function statusPage(v: StatusView): string {
  const t = translator(v.language);
  const body = (
    <>
      <h1>{t('status.heading', { reference: v.reference })}</h1>
      {v.error && (
        <div class="summary" role="alert" id="error">
          <p>{v.error}</p>
        </div>
      )}
      <dl>
        <dt>{t('status.request')}</dt>
        <dd>{v.requestLabel}</dd>
        <dt>{t('status.status')}</dt>
        <dd id="status">{t(`statuses.${v.status}`)}</dd>
        <dt>{t('status.received')}</dt>
        <dd>{v.receivedOn}</dd>
        <StatusDeadline view={v} />
      </dl>
      {v.identityDocument && (
        <IdentityDocumentSection
          upload={v.identityDocument}
          organisationName={v.organisationName}
          language={v.language}
        />
      )}
      {v.reply && <ReplySection reply={v.reply} language={v.language} />}
      {v.files && <FilesSection files={v.files} language={v.language} />}
      {v.optOut && <OptOutOffer offer={v.optOut} language={v.language} />}
      {v.withdrawUrl && (
        <>
          <h2>{t('status.changedMind')}</h2>
          <p>
            <a class="button secondary" id="withdraw" href={v.withdrawUrl}>
              {t('status.withdraw')}
            </a>
          </p>
        </>
      )}
    </>
  );
  return page(t('status.title', { reference: v.reference }), body, v.organisationName, v.language);
}

/** The identity document the policy asks for: one file, checked by the privacy team; or the word that it came. */
function IdentityDocumentSection({
  upload: u,
  organisationName,
  language,
}: {
  upload: NonNullable<StatusView['identityDocument']>;
  organisationName: string;
  language: Language;
}) {
  const t = translator(language);
  return (
    <section id="identity-document">
      <h2>{t('identity.documentHeading')}</h2>
      {u.receivedOn ? (
        <p id="identity-document-received">{t('identity.documentReceived', { date: u.receivedOn })}</p>
      ) : (
        <form
          method="post"
          action={`${u.action}?_csrf=${encodeURIComponent(u.csrfToken)}`}
          enctype="multipart/form-data"
        >
          <CsrfField token={u.csrfToken} />
          <p>{t('identity.documentText', { org: organisationName })}</p>
          <label for="document">
            {t('identity.documentField')} <span class="hint">{t('identity.documentHint', { mb: u.maxMb })}</span>
          </label>
          <input type="file" name="document" id="document" accept="application/pdf,image/png,image/jpeg" required />
          <button type="submit" id="upload-document">
            {t('identity.documentSend')}
          </button>
        </form>
      )}
    </section>
  );
}

/** The opt-out a denied deletion offers: one button, or the word that it was taken. */
function OptOutOffer({ offer, language }: { offer: NonNullable<StatusView['optOut']>; language: Language }) {
  const t = translator(language);
  return (
    <section id="opt-out-offer">
      <h2>{t('identity.optOutHeading')}</h2>
      {offer.taken ? (
        <p id="opt-out-taken">{t('identity.optOutTaken')}</p>
      ) : (
        <form method="post" action={offer.action}>
          <CsrfField token={offer.csrfToken} />
          <p>{t('identity.optOutText')}</p>
          <button type="submit" id="opt-out">
            {t('identity.optOutButton')}
          </button>
        </form>
      )}
    </section>
  );
}

/** The date that matters now: when it closed, or when the answer is due and how long is left. */
function StatusDeadline({ view: v }: { view: StatusView }) {
  // Which right a mail exercises, and so its deadline, is known once the privacy team has read it.
  if (v.status === 'received_by_email' || v.status === 'not_a_request') return <></>;
  const t = translator(v.language);
  if (!v.open) {
    return (
      <>
        <dt>{t(CLOSED_ON[v.status] ?? 'status.closedOn')}</dt>
        <dd id="closed">{v.closedOn ?? ''}</dd>
      </>
    );
  }
  const left =
    v.daysLeft > 1
      ? t('status.daysLeft', { count: v.daysLeft })
      : v.daysLeft === 1
        ? t('status.oneDayLeft')
        : v.daysLeft === 0
          ? t('status.dueToday')
          : t('status.overdue');
  return (
    <>
      <dt>{v.internalTarget ? t('status.ownTarget') : t('status.dueBy')}</dt>
      <dd id="due">
        {v.dueOn}
        {v.paused ? t('status.paused') : ` (${left})`}
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
  language: Language;
}): string {
  const t = translator(v.language);
  const body = (
    <>
      <h1>{t('withdraw.heading', { reference: v.reference })}</h1>
      <p>{t('withdraw.text', { org: v.organisationName, label: v.requestLabel })}</p>
      <form method="post" action={`${v.statusUrl}/withdraw`}>
        <CsrfField token={v.csrfToken} />
        <button type="submit" class="danger" id="confirm-withdraw">
          {t('withdraw.yes')}
        </button>{' '}
        <a href={v.statusUrl}>{t('withdraw.no')}</a>
      </form>
    </>
  );
  return page(t('withdraw.title', { reference: v.reference }), body, v.organisationName, v.language);
}

function ReplySection({ reply: r, language }: { reply: NonNullable<StatusView['reply']>; language: Language }) {
  const t = translator(language);
  return (
    <>
      <h2>{r.questions.length === 1 ? t('reply.one') : t('reply.many')}</h2>
      {r.questions.map((q) => (
        <blockquote class="question">
          <pre>{q}</pre>
        </blockquote>
      ))}
      <form method="post" action={r.action}>
        <CsrfField token={r.csrfToken} />
        <label for="reply">
          {t('reply.answer')} <span class="hint">{t('reply.hint', { max: r.maxLength })}</span>
        </label>
        <textarea name="text" id="reply" rows="6" maxlength={r.maxLength} required>
          {r.text ?? ''}
        </textarea>
        <button type="submit">{t('reply.send')}</button>
      </form>
    </>
  );
}

function FilesSection({ files: f, language }: { files: NonNullable<StatusView['files']>; language: Language }) {
  const t = translator(language);
  if (!f.available) {
    return (
      <>
        <h2>{t('files.heading')}</h2>
        <p id="files-expired">{t('files.expired', { date: f.until })}</p>
      </>
    );
  }
  return (
    <>
      <h2>{t('files.heading')}</h2>
      <p>{t('files.download', { date: f.until })}</p>
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
  language: Language,
  organisationName?: string,
): string {
  const t = translator(language);
  const [title, text] =
    refusal === 'no_longer_available'
      ? [t('download.expiredTitle'), t('download.expiredText')]
      : [t('download.missingTitle'), t('download.missingText')];
  return page(title, <TitledMessage title={title} text={text} />, organisationName, language);
}

/**
 * An error page. The exception's own message is English (it is also the JSON APIs' message), so another language
 * gets our general wording for the status instead.
 */
export function errorPage(status: number, message: string, language: Language): string {
  const t = translator(language);
  const key =
    status === 404
      ? 'notFound'
      : status === 429
        ? 'tooMany'
        : status === 503
          ? 'unavailable'
          : status >= 500
            ? 'failed'
            : 'refused';
  const title = t(`errorPage.${key}`);
  const text = language === 'en' ? message : t(`errorPage.${key}Text`);
  return page(title, <TitledMessage title={title} text={text} />, undefined, language);
}
