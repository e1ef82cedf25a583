import { mailLayout, type RenderedMail, type RequestMailParty, textFooter } from './mail-layout.js';
import { StatusLink } from './request-links.js';

export interface ReceiptMailInput extends RequestMailParty {
  statusUrl: string;
  /** Already formatted in the organisation's time zone. */
  dueOn: string;
}

/**
 * The acknowledgement of requests the law says need no verification (opt-outs): we have it, what happens next and
 * by when, and how to follow it.
 */
export function receiptMail(m: ReceiptMailInput): RenderedMail {
  const subject = `We received your privacy request ${m.reference} to ${m.organisationName}`;
  const text = `Hello ${m.requesterName},

We received your request to ${m.organisationName}: "${m.requestLabel}" (reference ${m.reference}).
It needs nothing more from you: requests like this need no proof of identity. ${m.organisationName} must act on it by ${m.dueOn}, and you will get a mail when it is done.

Follow your request here (keep this link private):
${m.statusUrl}

${textFooter(m.organisationName, m.contact)}`;
  const body = (
    <>
      <p>Hello {m.requesterName},</p>
      <p>
        We received your request to {m.organisationName}: “{m.requestLabel}” (reference <strong>{m.reference}</strong>).
      </p>
      <p>
        It needs nothing more from you: requests like this need no proof of identity. {m.organisationName} must act on
        it by {m.dueOn}, and you will get a mail when it is done.
      </p>
      <StatusLink url={m.statusUrl}>Follow your request here (keep this link private):</StatusLink>
    </>
  );
  return { subject, text, html: mailLayout(m.organisationName, m.contact, body) };
}
