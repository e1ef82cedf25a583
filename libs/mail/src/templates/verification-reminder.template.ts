import { html } from '../html.js';
import { mailLayout, textFooter, type RenderedMail } from './mail-layout.js';
import type { VerificationMailInput } from './verification.template.js';

/** Two days before the link expires: a fresh link (the earlier one stops working) that expires at the same time. */
export function verificationReminderMail(m: Omit<VerificationMailInput, 'dueOn' | 'clockStartsOnConfirmation'>): RenderedMail {
  const subject = `Reminder: confirm your privacy request ${m.reference} to ${m.organisationName}`;
  const text = `Hello ${m.requesterName},

Your request to ${m.organisationName}: "${m.requestLabel}" (reference ${m.reference}) is waiting for you to confirm that this address is yours.

To confirm it, open this link:
${m.verifyUrl}

It replaces the link we sent before and expires on ${m.expiresOn}. If the request is not confirmed by then, it will be closed without any action. If you did not make this request, ignore this mail.

You can follow your request at any time here (keep this link private):
${m.statusUrl}

${textFooter(m.organisationName, m.contact)}`;
  const body = html`<p>Hello ${m.requesterName},</p>
<p>Your request to ${m.organisationName}: “${m.requestLabel}” (reference <strong>${m.reference}</strong>) is waiting for you to confirm that this address is yours.</p>
<p>To confirm it, open this link:</p>
<p><a href="${m.verifyUrl}">Confirm my request</a><br><span style="font-size:.9em">${m.verifyUrl}</span></p>
<p>It replaces the link we sent before and expires on ${m.expiresOn}. If the request is not confirmed by then, it will be closed without any action. If you did not make this request, ignore this mail.</p>
<p>You can follow your request at any time here (keep this link private): <a href="${m.statusUrl}">${m.statusUrl}</a></p>`;
  return { subject, text, html: mailLayout(m.organisationName, m.contact, body) };
}
