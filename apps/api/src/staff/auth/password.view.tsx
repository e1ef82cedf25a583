import type { PageContext } from '../../infra/page.decorator.js';
import { CsrfField } from '../../views/components/page-parts.js';
import { page } from '../../views/layout.view.js';
import { staffPage } from '../../views/staff-layout.view.js';
import { NewPasswordFields, ProblemSummary } from './password-parts.js';
import { staffChrome } from './staff-route.decorator.js';

const RESET_DEAD =
  'This link is not valid: it was used already, replaced by a newer one, or it expired. Ask for a new one on the sign-in page.';

export function forgotPage({ sent }: { sent?: string }, context: PageContext): string {
  const body = (
    <>
      <h1>Forgotten password</h1>
      {sent && (
        <div class="notice" role="status" id="reset-sent">
          <p>{sent}</p>
        </div>
      )}
      <p>Enter the address you sign in with; we mail you a link to choose a new password.</p>
      <form method="post" action="/staff/forgot-password">
        <CsrfField token={context.csrfToken()} />
        <label for="email">Email address</label>
        <input type="email" name="email" id="email" autocomplete="username" maxlength="254" required />
        <button type="submit">Send the link</button>
      </form>
      <p>
        <a href="/staff/sign-in">Back to sign-in</a>
      </p>
    </>
  );
  return page('Forgotten password', body);
}

/** The reset link's page: its form, a dead link, or the password changed. */
export type ResetModel = { link: string; dead: boolean; problem?: string } | { changed: true };

export function resetPage(model: ResetModel, context: PageContext): string {
  if ('changed' in model) {
    const changed = (
      <>
        <h1>Password changed</h1>
        <p>Your new password works now; every browser signed in with the old one was signed out.</p>
        <p>
          <a href="/staff/sign-in">Sign in</a>
        </p>
      </>
    );
    return page('Password changed', changed);
  }
  const body = model.dead ? (
    <>
      <h1>Link not valid</h1>
      <p>{RESET_DEAD}</p>
      <p>
        <a href="/staff/forgot-password">Ask for a new link</a>
      </p>
    </>
  ) : (
    <>
      <h1>Choose a new password</h1>
      <ProblemSummary problem={model.problem} />
      <form method="post" action={`/staff/password-reset/${model.link}`}>
        <CsrfField token={context.csrfToken()} />
        <NewPasswordFields />
        <button type="submit">Set the new password</button>
      </form>
    </>
  );
  return page('Choose a new password', body);
}

export type ChangeModel = { problem?: string; done?: string };

export function changePage({ problem, done }: ChangeModel, context: PageContext): string {
  const chrome = staffChrome(context);
  const body = (
    <>
      <h1>Change password</h1>
      <ProblemSummary problem={problem} />
      {done && (
        <div class="notice" role="status" id="changed">
          <p>{done}</p>
        </div>
      )}
      <form method="post" action="/staff/account/password">
        <CsrfField token={chrome.csrfToken} />
        <label for="current">Current password</label>
        <input type="password" name="current" id="current" autocomplete="current-password" required />
        <NewPasswordFields />
        <button type="submit">Change password</button>
      </form>
    </>
  );
  return staffPage('Change password', body, chrome);
}
