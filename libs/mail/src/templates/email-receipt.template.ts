import { html } from '../html.js';
import { organisationsThing } from '../possessive.js';
import { mailLayout, textFooter, type RenderedMail, type RequestMailParty } from './mail-layout.js';

export interface EmailReceiptMailInput extends Omit<RequestMailParty, 'requestLabel'> {
  statusUrl: string;
  /** The subject of the sender's mail, to tell which one this answers. */
  subject: string;
}

/**
 * The acknowledgement of a mail to a privacy address: we have it, someone will read it, and what comes next.
 * It promises no date: which right the mail exercises (and so its deadline) is known only once staff read it.
 */
export function emailReceiptMail(m: EmailReceiptMailInput): RenderedMail {
  const subject = `We received your email to ${m.organisationName} (reference ${m.reference})`;
  const about = m.subject ? ` about "${m.subject}"` : '';
  const text = `Hello ${m.requesterName},

We received your email${about} to ${organisationsThing(m.organisationName, 'privacy address')} (reference ${m.reference}).
The privacy team will read it. If it is a request about your personal information, we will tell you which request it is and when it will be answered; if that request needs proof that this email address is yours, you will get a link to confirm it.

Follow it here (keep this link private):
${m.statusUrl}

${textFooter(m.organisationName, m.contact)}`;
  const body = html`<p>Hello ${m.requesterName},</p>
<p>We received your email${m.subject ? html` about “${m.subject}”` : ''} to ${organisationsThing(m.organisationName, 'privacy address')} (reference <strong>${m.reference}</strong>).</p>
<p>The privacy team will read it. If it is a request about your personal information, we will tell you which request it is and when it will be answered; if that request needs proof that this email address is yours, you will get a link to confirm it.</p>
<p>Follow it here (keep this link private): <a href="${m.statusUrl}">${m.statusUrl}</a></p>`;
  return { subject, text, html: mailLayout(m.organisationName, m.contact, body) };
}
