import type { DenialReason } from '#workflow';

import { translator } from '../i18n/i18n.js';
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
  const t = translator(m.language ?? 'en');
  const org = m.organisationName;
  return requesterMail(m, t('mail.deniedSubject', { reference: m.reference, org }), [
    paragraph(t('mail.deniedText', { org, reason: t(`denialReasons.${m.reason}`) })),
    quoted(m.explanation),
    m.complaint,
  ]);
}
