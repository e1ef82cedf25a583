import { organisationsThing } from '#mail';

import { page } from '../views/layout.view.js';

/** The page a link in a mail opens: one button, because fetching a link (mail scanners do) must not unsubscribe. */
export function unsubscribeConfirmPage(v: {
  organisationName: string;
  email: string;
  token: string;
  alreadyUnsubscribed: boolean;
}): string {
  const body = v.alreadyUnsubscribed ? (
    <>
      <h1>You are unsubscribed</h1>
      <p>
        {v.email} already gets no marketing email from {v.organisationName}. There is nothing more to do.
      </p>
    </>
  ) : (
    <>
      <h1>Unsubscribe from {organisationsThing(v.organisationName, 'marketing email')}</h1>
      <p>
        {v.organisationName} will send no more marketing email to <strong>{v.email}</strong>. It takes effect at once.
      </p>
      <form method="post" action={`/u/${v.token}`}>
        <button type="submit" id="unsubscribe">
          Unsubscribe
        </button>
      </form>
    </>
  );
  return page('Unsubscribe', body, v.organisationName);
}

export function unsubscribedPage(v: { organisationName: string; email: string; reference: string | null }): string {
  const body = (
    <>
      <h1>You are unsubscribed</h1>
      <p>
        {v.organisationName} will send no more marketing email to {v.email}.
        {v.reference && (
          <>
            {" Your opt-out's reference is "}
            <strong>{v.reference}</strong>.
          </>
        )}
      </p>
      <p>Mail about privacy requests you make is not marketing, and still reaches you.</p>
    </>
  );
  return page('Unsubscribed', body, v.organisationName);
}

export function unsubscribeRefusedPage(): string {
  const body = (
    <>
      <h1>This unsubscribe link is not valid</h1>
      <p>
        The link is incomplete or was changed, so we cannot tell whose address it is for. Use the unsubscribe link of a
        recent mail again, copying the whole link, or write to the organisation that mailed you.
      </p>
    </>
  );
  return page('Link not valid', body);
}
