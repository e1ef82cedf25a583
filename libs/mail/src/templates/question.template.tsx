import type { RenderedMail } from './mail-layout.js';
import { paragraph, quoted, requesterMail, type RequesterMailFrame } from './requester-mail.js';

export interface QuestionMailInput extends RequesterMailFrame {
  question: string;
  /** GDPR/UK GDPR: the time limit stands still until the requester answers. */
  clockPaused: boolean;
}

/** Staff need something from the requester; they answer on the status page. */
export function questionMail(m: QuestionMailInput): RenderedMail {
  return requesterMail(m, `A question about your privacy request ${m.reference} to ${m.organisationName}`, [
    paragraph(`${m.organisationName} needs more information from you to answer your request:`),
    quoted(m.question),
    paragraph('Please answer on the page of your request: open the link below and use the reply form there.'),
    paragraph(
      m.clockPaused
        ? 'The time limit for answering your request stands still until we have your reply, and continues when it arrives.'
        : 'We keep working on your request in the meantime where we can.',
    ),
  ]);
}
