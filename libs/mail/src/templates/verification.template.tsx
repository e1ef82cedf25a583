import { answerDueSentence } from '../possessive.js';
import { mailLayout, type RenderedMail, type RequestMailParty, textFooter } from './mail-layout.js';
import { ConfirmLink, StatusLink } from './request-links.js';

export interface VerificationMailInput extends RequestMailParty {
  verifyUrl: string;
  statusUrl: string;
  /** Already formatted in the organisation's time zone. */
  expiresOn: string;
  /** When the answer is due; where confirming starts the clock, the date it is due if confirmed today. */
  dueOn: string;
  /** GDPR/UK GDPR: the period runs from the confirmation, not from receipt. */
  clockStartsOnConfirmation: boolean;
  /** No law applies and the policy sets no deadline: the due date is the organisation's own target. */
  internalTarget?: boolean;
}

/**
 * The acknowledgement of receipt (CCPA: within 10 business days; we send it at once): what happens next, how
 * verification works and when to expect an answer. Confirming proves control of the address before anything is
 * disclosed or deleted.
 */
export function verificationMail(m: VerificationMailInput): RenderedMail {
  const subject = `Confirm your privacy request ${m.reference} to ${m.organisationName}`;
  const answer = m.clockStartsOnConfirmation
    ? `${m.organisationName} then has one month from your confirmation to answer: confirmed today, that is by ${m.dueOn}.`
    : answerDueSentence(m.organisationName, m.dueOn, m.internalTarget === true);
  const steps = [
    `Confirm that this address is yours: open the link above and press "Confirm my request". It works once and expires on ${m.expiresOn}. This makes sure nothing is disclosed or deleted at someone else's request. If the request is not confirmed by then, it is closed and nothing is done.`,
    `${m.organisationName} handles your request. ${answer} If the law allows more time and it is needed, you will be told why and the new date.`,
    'You get a mail when there is news: a question, an extension or the answer.',
  ];
  const text = `Hello ${m.requesterName},

We received your request to ${m.organisationName}: "${m.requestLabel}" (reference ${m.reference}).

To confirm that this address is yours and that you made the request, open this link:
${m.verifyUrl}

What happens next:
${steps.map((step, i) => `${i + 1}. ${step}`).join('\n')}

If you did not make this request, ignore this mail and nothing will happen.

You can follow your request at any time here (keep this link private):
${m.statusUrl}

${textFooter(m.organisationName, m.contact)}`;
  const body = (
    <>
      <p>Hello {m.requesterName},</p>
      <p>
        We received your request to {m.organisationName}: “{m.requestLabel}” (reference <strong>{m.reference}</strong>).
      </p>
      <p>To confirm that this address is yours and that you made the request, open this link:</p>
      <ConfirmLink url={m.verifyUrl}>Confirm my request</ConfirmLink>
      <p>
        <strong>What happens next</strong>
      </p>
      <ol>
        {steps.map((step) => (
          <li>{step}</li>
        ))}
      </ol>
      <p>If you did not make this request, ignore this mail and nothing will happen.</p>
      <StatusLink url={m.statusUrl}>You can follow your request at any time here (keep this link private):</StatusLink>
    </>
  );
  return { subject, text, html: mailLayout(m.organisationName, m.contact, body) };
}
