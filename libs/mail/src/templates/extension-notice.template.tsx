import type { RenderedMail } from './mail-layout.js';
import { paragraph, quoted, requesterMail, type RequesterMailFrame } from './requester-mail.js';

export interface ExtensionNoticeMailInput extends RequesterMailFrame {
  reason: string;
  /** Already formatted in the organisation's time zone. */
  newDueOn: string;
}

/** The law allows one extension only with a notice, giving the reason, inside the first period. */
export function extensionNoticeMail(m: ExtensionNoticeMailInput): RenderedMail {
  return requesterMail(m, `More time is needed for your privacy request ${m.reference} to ${m.organisationName}`, [
    paragraph(`${m.organisationName} needs more time to answer your request, as the law allows. The reason:`),
    quoted(m.reason),
    paragraph(`${m.organisationName} will answer by ${m.newDueOn}.`),
  ]);
}
