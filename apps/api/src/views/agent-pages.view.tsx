import { CsrfField } from './components/page-parts.js';
import { page } from './layout.view.js';

/**
 * The consumer's side of an agent's request (CCPA regs §7063(a)(2)): confirm directly that they gave the agent
 * permission, or say they did not. Both are POSTs, so a mail scanner fetching the link does neither.
 */
export function agentConfirmPage(v: {
  organisationName: string;
  reference: string;
  agentName: string;
  token: string;
  csrfToken: string;
}): string {
  const body = (
    <>
      <h1>Did you ask {v.agentName} to make this request?</h1>
      <p>
        {v.agentName} asked {v.organisationName} on your behalf, as your authorised agent (reference{' '}
        <strong id="reference">{v.reference}</strong>).
      </p>
      <p>
        Confirm only if you gave {v.agentName} permission to make this request for you. {v.organisationName} then
        answers it, to you.
      </p>
      <form method="post" action={`/v/${v.token}`}>
        <CsrfField token={v.csrfToken} />
        <button type="submit">Confirm: I gave them permission</button>
      </form>
      <form method="post" action={`/v/${v.token}/refuse`}>
        <CsrfField token={v.csrfToken} />
        <button type="submit" class="secondary">
          I did not authorise this
        </button>
      </form>
    </>
  );
  return page('Confirm the request made for you', body, v.organisationName);
}

export function agentRefusedPage(v: { organisationName: string; reference: string }): string {
  const body = (
    <>
      <h1>The request is closed</h1>
      <p>
        You told {v.organisationName} that you did not authorise request <strong id="reference">{v.reference}</strong>.
        It is closed, and nothing was done.
      </p>
      <p>If you are worried that someone is trying to get your information, contact {v.organisationName}.</p>
    </>
  );
  return page('Request closed', body, v.organisationName);
}

export function agentAlreadyConfirmedPage(organisationName?: string): string {
  const body = (
    <>
      <h1>This request was already confirmed</h1>
      <p>
        It can no longer be refused with this link. If you did not authorise it, contact{' '}
        {organisationName ?? 'the organisation'} straight away.
      </p>
    </>
  );
  return page('Already confirmed', body, organisationName);
}
