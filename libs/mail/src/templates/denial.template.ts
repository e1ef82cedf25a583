import type { DenialReason } from '#workflow';
import type { RenderedMail } from './mail-layout.js';
import { paragraph, quoted, requesterMail, type MailPart, type RequesterMailFrame } from './requester-mail.js';

/** Each ground for refusing a request, as the requester (and the staff choosing it) read it. */
export const DENIAL_REASON_TEXT: Record<DenialReason, string> = {
  identity_not_verified: 'We could not verify that you are the person the request is about.',
  frequency_limit_exceeded: 'You have already made as many requests of this kind as the law requires us to answer in this period.',
  manifestly_unfounded_or_excessive: 'The request is manifestly unfounded or excessive.',
  statutory_exemption: 'An exemption in the law applies to the information or action requested.',
  right_does_not_apply: 'The right you asked to use does not apply in this situation.',
  adversely_affects_others: 'Answering would adversely affect the rights and freedoms of other people.',
  suspected_fraud: 'We have a good-faith, documented reason to believe the request is fraudulent.',
};

export interface DeniedMailInput extends RequesterMailFrame {
  reason: DenialReason;
  explanation: string;
  /** Where the requester can take the refusal. */
  complaint: MailPart;
}

/** A refusal must give its grounds and, where the law provides one, the route to complain. */
export function deniedMail(m: DeniedMailInput): RenderedMail {
  return requesterMail(m, `Your privacy request ${m.reference} to ${m.organisationName} was refused`, [
    paragraph(`${m.organisationName} has refused your request. The reason: ${DENIAL_REASON_TEXT[m.reason]}`),
    quoted(m.explanation),
    m.complaint,
  ]);
}
