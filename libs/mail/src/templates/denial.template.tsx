import type { DenialReason } from '#workflow';

import { DENIAL_REASON_TEXT } from '../vocabulary.js';
import type { RenderedMail } from './mail-layout.js';
import { type MailPart, paragraph, quoted, requesterMail, type RequesterMailFrame } from './requester-mail.js';

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
