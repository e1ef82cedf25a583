import type { PageContext } from '../../infra/page.decorator.js';
import { CsrfField } from '../../views/components/page-parts.js';
import { page } from '../../views/layout.view.js';

export interface SignInModel {
  next: string;
  email?: string;
  error?: string;
}

/** The sign-in form, with the address typed and where it was going when a sign-in was refused. */
export function signInPage({ next, email = '', error }: SignInModel, context: PageContext): string {
  const body = (
    <>
      <h1>Staff sign-in</h1>
      {error && (
        <div class="summary" role="alert" id="error-summary">
          <p>{error}</p>
        </div>
      )}
      <form method="post" action="/staff/sign-in">
        <CsrfField token={context.csrfToken()} />
        <input type="hidden" name="next" value={next} />
        <label for="email">Email address</label>
        <input type="email" name="email" id="email" autocomplete="username" value={email} required />
        <label for="password">Password</label>
        <input type="password" name="password" id="password" autocomplete="current-password" required />
        <button type="submit">Sign in</button>
      </form>
      <p>
        <a href="/staff/forgot-password">Forgotten your password?</a>
      </p>
    </>
  );
  return page('Staff sign-in', body);
}
