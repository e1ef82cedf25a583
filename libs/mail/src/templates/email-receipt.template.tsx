import { organisationsThing } from '../possessive.js';
import { mailLayout, type RenderedMail, type RequestMailParty, textFooter } from './mail-layout.js';
import { StatusLink } from './request-links.js';

export interface EmailReceiptMailInput extends Omit<RequestMailParty, 'requestLabel' | 'requesterName'> {
  statusUrl: string;
}

/**
 * The acknowledgement of a mail to a privacy address: we have it, someone will read it, and what comes next.
 * It promises no date: which right the mail exercises (and so its deadline) is known only once staff read it.
 * It quotes nothing the sender wrote (no subject, no name): whoever forges a From line must not be able to make
 * us carry their words to someone else.
 */
export function emailReceiptMail(m: EmailReceiptMailInput): RenderedMail {
  const subject = `We received your email to ${m.organisationName} (reference ${m.reference})`;
  const text = `Hello,

We received an email from this address to ${organisationsThing(m.organisationName, 'privacy address')} (reference ${m.reference}).
The privacy team will read it. If it is a request about your personal information, we will tell you which request it is and when it will be answered; if that request needs proof that this email address is yours, you will get a link to confirm it.

Follow it here (keep this link private):
${m.statusUrl}

${textFooter(m.organisationName, m.contact)}`;
  const body = (
    <>
      <p>Hello,</p>
      <p>
        We received an email from this address to {organisationsThing(m.organisationName, 'privacy address')} (reference{' '}
        <strong>{m.reference}</strong>).
      </p>
      <p>
        The privacy team will read it. If it is a request about your personal information, we will tell you which
        request it is and when it will be answered; if that request needs proof that this email address is yours, you
        will get a link to confirm it.
      </p>
      <StatusLink url={m.statusUrl}>Follow it here (keep this link private):</StatusLink>
    </>
  );
  return { subject, text, html: mailLayout(m.organisationName, m.contact, body) };
}
