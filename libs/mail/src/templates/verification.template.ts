import { html } from '../html.js';
import { mailLayout, textFooter, type RenderedMail, type RequestMailParty } from './mail-layout.js';

export interface VerificationMailInput extends RequestMailParty {
  verifyUrl: string;
  statusUrl: string;
  /** Already formatted in the organisation's time zone. */
  expiresOn: string;
}

/** Asks the requester to confirm the address: proves control of it before anything is disclosed or deleted. */
export function verificationMail(m: VerificationMailInput): RenderedMail {
  const subject = `Confirm your privacy request ${m.reference} to ${m.organisationName}`;
  const text = `Hello ${m.requesterName},

We received your request to ${m.organisationName}: "${m.requestLabel}" (reference ${m.reference}).

To confirm that this address is yours and that you made the request, open this link:
${m.verifyUrl}

The link works once and expires on ${m.expiresOn}. If you did not make this request, ignore this mail and nothing will happen.

You can follow your request at any time here (keep this link private):
${m.statusUrl}

${textFooter(m.organisationName, m.contact)}`;
  const body = html`<p>Hello ${m.requesterName},</p>
<p>We received your request to ${m.organisationName}: “${m.requestLabel}” (reference <strong>${m.reference}</strong>).</p>
<p>To confirm that this address is yours and that you made the request, open this link:</p>
<p><a href="${m.verifyUrl}">Confirm my request</a><br><span style="font-size:.9em">${m.verifyUrl}</span></p>
<p>The link works once and expires on ${m.expiresOn}. If you did not make this request, ignore this mail and nothing will happen.</p>
<p>You can follow your request at any time here (keep this link private): <a href="${m.statusUrl}">${m.statusUrl}</a></p>`;
  return { subject, text, html: mailLayout(m.organisationName, m.contact, body) };
}
