import { page } from '../views/layout.view.js';

export type ConfirmFormModel = { token: string; organisationName: string; reference: string; csrfToken: string };

/** The mailed link's page: one button, so link scanners that fetch mail links do not confirm for the requester. */
export function confirmPage(model: ConfirmFormModel): string {
  const body = (
    <>
      <h1>Confirm your request {model.reference}</h1>
      <p>
        Press the button to confirm that you asked {model.organisationName} for this and that this email address is
        yours.
      </p>
      <form method="post" action={`/v/${model.token}`}>
        <input type="hidden" name="_csrf" value={model.csrfToken} />
        <button type="submit">Confirm my request</button>
      </form>
    </>
  );
  return page('Confirm your request', body, model.organisationName);
}
