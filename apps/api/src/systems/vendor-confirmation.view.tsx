import { CsrfField, TitledMessage } from '../views/components/page-parts.js';
import { page } from '../views/layout.view.js';
import type { VendorAsk, VendorLinkRefusal } from './vendor-confirmation.service.js';

const ASKED: Record<VendorAsk['purpose'], string> = {
  erasure: 'to delete the personal data it holds about one person',
  access: 'to send the personal data it holds about one person',
};

/** The mailed link's page: one button, so a mail scanner that fetches the link confirms nothing. */
export function vendorConfirmPage(m: VendorAsk & { token: string; csrfToken: string }): string {
  const body = (
    <>
      <h1>
        Confirm for {m.organisationName}: privacy request {m.reference}
      </h1>
      <p>
        {m.organisationName} asked {m.vendorName} {ASKED[m.purpose]} (privacy request {m.reference}). Press the button
        once that is done. If you hold no personal data about the person, press it all the same: that is your answer.
      </p>
      <form method="post" action={`/vendors/confirm/${m.token}`}>
        <CsrfField token={m.csrfToken} />
        <button type="submit">{m.purpose === 'erasure' ? 'Confirm the deletion' : 'Confirm the data was sent'}</button>
      </form>
    </>
  );
  return page('Confirm a privacy request', body, m.organisationName);
}

export function vendorConfirmedPage(m: VendorAsk): string {
  const title = 'Thank you: your confirmation is recorded';
  const text = `${m.organisationName} has your confirmation for privacy request ${m.reference}. Nothing more is needed, and no more reminders will come.`;
  return page(title, <TitledMessage title={title} text={text} />, m.organisationName);
}

const REFUSAL: Record<VendorLinkRefusal['refusal'], { title: string; text: string }> = {
  unknown: {
    title: 'This link is not valid',
    text: 'Check that you copied the whole link from the email. If it still does not work, use the link in the most recent email about the request, or reply to the organisation.',
  },
  confirmed: {
    title: 'This link has already been used',
    text: 'The confirmation was already recorded with this link. You do not need to do anything more.',
  },
  closed: {
    title: 'This link no longer confirms anything',
    text: 'The privacy team has settled this part of the request another way. Nothing more is needed from this link; for anything else, reply to the organisation.',
  },
};

export function vendorLinkRefusedPage(m: VendorLinkRefusal): string {
  const { title, text } = REFUSAL[m.refusal];
  return page(title, <TitledMessage title={title} text={text} />, m.organisationName);
}
