import { mailLayout, type RenderedMail, textFooter } from './mail-layout.js';
import { ConfirmLink, StatusLink } from './request-links.js';
import type { VerificationMailInput } from './verification.template.js';

export interface VerificationReminderMailInput extends Omit<
  VerificationMailInput,
  'dueOn' | 'clockStartsOnConfirmation'
> {
  /** Made by this authorised agent: the consumer is reminded to confirm they gave the agent permission. */
  agentName?: string;
}

/** Two days before the link expires: a fresh link (the earlier one stops working) that expires at the same time. */
export function verificationReminderMail(m: VerificationReminderMailInput): RenderedMail {
  const subject = `Reminder: confirm your privacy request ${m.reference} to ${m.organisationName}`;
  const waiting =
    m.agentName === undefined
      ? `Your request to ${m.organisationName}: "${m.requestLabel}" (reference ${m.reference}) is waiting for you to confirm that this address is yours.`
      : `${m.agentName} asked ${m.organisationName} on your behalf, as your authorised agent: "${m.requestLabel}" (reference ${m.reference}). It is waiting for you to confirm that you gave them permission.`;
  const ifNot =
    m.agentName === undefined
      ? 'If you did not make this request, ignore this mail.'
      : `If you did not give ${m.agentName} permission, open the link and choose "I did not authorise this".`;
  const text = `Hello ${m.requesterName},

${waiting}

To confirm it, open this link:
${m.verifyUrl}

It replaces the link we sent before and expires on ${m.expiresOn}. If the request is not confirmed by then, it will be closed without any action. ${ifNot}

You can follow your request at any time here (keep this link private):
${m.statusUrl}

${textFooter(m.organisationName, m.contact)}`;
  const body = (
    <>
      <p>Hello {m.requesterName},</p>
      <p>{waiting}</p>
      <p>To confirm it, open this link:</p>
      <ConfirmLink url={m.verifyUrl}>Confirm my request</ConfirmLink>
      <p>
        It replaces the link we sent before and expires on {m.expiresOn}. If the request is not confirmed by then, it
        will be closed without any action. {ifNot}
      </p>
      <StatusLink url={m.statusUrl}>You can follow your request at any time here (keep this link private):</StatusLink>
    </>
  );
  return { subject, text, html: mailLayout(m.organisationName, m.contact, body) };
}
