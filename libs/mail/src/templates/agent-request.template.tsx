import { answerDueSentence } from '../possessive.js';
import { mailLayout, type RenderedMail, textFooter } from './mail-layout.js';
import { ConfirmLink, StatusLink } from './request-links.js';
import type { VerificationMailInput } from './verification.template.js';

export interface AgentConfirmationMailInput extends VerificationMailInput {
  /** The authorised agent who made the request, as they named themselves. */
  agentName: string;
}

/**
 * To the consumer an agent named (CCPA regs §7063(a)(2)): confirm directly that you gave the agent permission, or
 * say you did not. This is also the acknowledgement of receipt, so it says what happens next and by when.
 */
export function agentConfirmationMail(m: AgentConfirmationMailInput): RenderedMail {
  const subject = `${m.agentName} made a privacy request to ${m.organisationName} for you: please confirm (${m.reference})`;
  const answer = m.clockStartsOnConfirmation
    ? `${m.organisationName} then has one month from your confirmation to answer you: confirmed today, that is by ${m.dueOn}.`
    : m.internalTarget
      ? answerDueSentence(m.organisationName, m.dueOn, true)
      : `${m.organisationName} must answer you by ${m.dueOn}.`;
  const intro = `${m.agentName} asked ${m.organisationName} on your behalf, as your authorised agent: "${m.requestLabel}" (reference ${m.reference}).`;
  const confirm = `Confirm only if you gave ${m.agentName} permission to make this request for you. The link works once and expires on ${m.expiresOn}; until you confirm, nothing is disclosed or deleted.`;
  const refuse = `If you did not give ${m.agentName} permission, open the same link and choose "I did not authorise this": the request is closed and nothing is done.`;
  const text = `Hello ${m.requesterName},

${intro}

${confirm}
${m.verifyUrl}

${refuse}

${answer} The answer comes to you, at this address.

You can follow the request at any time here (keep this link private):
${m.statusUrl}

${textFooter(m.organisationName, m.contact)}`;
  const body = (
    <>
      <p>Hello {m.requesterName},</p>
      <p>
        {m.agentName} asked {m.organisationName} on your behalf, as your authorised agent: “{m.requestLabel}” (reference{' '}
        <strong>{m.reference}</strong>).
      </p>
      <p>{confirm}</p>
      <ConfirmLink url={m.verifyUrl}>Confirm or refuse the request</ConfirmLink>
      <p>{refuse}</p>
      <p>{answer} The answer comes to you, at this address.</p>
      <StatusLink url={m.statusUrl}>You can follow the request at any time here (keep this link private):</StatusLink>
    </>
  );
  return { subject, text, html: mailLayout(m.organisationName, m.contact, body) };
}

export interface AgentReceiptMailInput {
  organisationName: string;
  contact?: string;
  agentName: string;
  reference: string;
  requestLabel: string;
  /** Already formatted in the organisation's time zone. */
  dueOn: string;
}

/**
 * To the agent: the request arrived and waits for the consumer's own confirmation. Nothing of the consumer's
 * beyond the reference and that state, and no status link: the request and its answer are the consumer's.
 */
export function agentReceiptMail(m: AgentReceiptMailInput): RenderedMail {
  const subject = `We received the privacy request ${m.reference} you made to ${m.organisationName}`;
  const lines = [
    `We received the request you made to ${m.organisationName} as an authorised agent: "${m.requestLabel}" (reference ${m.reference}).`,
    `It waits for the person you act for to confirm, directly with ${m.organisationName}, that they gave you permission. We have emailed them. Nothing is done until they confirm; if they say they did not give you permission, the request is closed.`,
    `${m.organisationName} must answer by ${m.dueOn}. The answer goes to the person you act for.`,
  ];
  const text = `Hello ${m.agentName},

${lines.join('\n\n')}

${textFooter(m.organisationName, m.contact)}`;
  const body = (
    <>
      <p>Hello {m.agentName},</p>
      {lines.map((line) => (
        <p>{line}</p>
      ))}
    </>
  );
  return { subject, text, html: mailLayout(m.organisationName, m.contact, body) };
}
