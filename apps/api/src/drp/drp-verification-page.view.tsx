import { page } from '../views/layout.view.js';

/** The organisation's name, and whether the request still waits for its requester's confirmation. */
export interface WaitingModel {
  name: string;
  waiting: boolean;
}

/** Tells the requester to confirm from the email, and nothing of the request beyond whether it still waits. */
export function waitingPage({ name, waiting }: WaitingModel): string {
  const body = waiting ? (
    <>
      <h1>Confirm your request to {name}</h1>
      <p>
        Your authorised agent asked {name} on your behalf. Before {name} acts on it, you confirm it yourself: {name}{' '}
        sent an email to the address your agent gave. Open the link in that email and press the button on the page it
        opens.
      </p>
      <p>
        No email? Look in your spam folder. The email names the request's reference; with it, you can ask for a new link
        from {name}'s request form.
      </p>
    </>
  ) : (
    <>
      <h1>Nothing to do here</h1>
      <p>This request no longer waits for your confirmation. Your authorised agent can tell you where it stands.</p>
    </>
  );
  return page(`Confirm your request to ${name}`, body, name);
}
