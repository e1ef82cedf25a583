import { translator } from '../i18n/i18n.js';
import type { RenderedMail } from './mail-layout.js';
import { paragraph, quoted, requesterMail, type RequesterMailFrame } from './requester-mail.js';

export interface ExtensionNoticeMailInput extends RequesterMailFrame {
  reason: string;
  /** Already formatted in the organisation's time zone. */
  newDueOn: string;
}

/** The law allows one extension only with a notice, giving the reason, inside the first period. */
export function extensionNoticeMail(m: ExtensionNoticeMailInput): RenderedMail {
  const t = translator(m.language ?? 'en');
  const org = m.organisationName;
  return requesterMail(m, t('mail.extensionSubject', { reference: m.reference, org }), [
    paragraph(t('mail.extensionNeeds', { org })),
    quoted(m.reason),
    paragraph(t('mail.extensionBy', { org, date: m.newDueOn })),
  ]);
}
