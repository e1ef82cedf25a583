import type { SuppressionChannel } from '#workflow';

import { type MessageKey, translator } from '../i18n/i18n.js';
import type { RenderedMail } from './mail-layout.js';
import { paragraph, requesterMail, type RequesterMailFrame } from './requester-mail.js';

export interface OptOutConfirmedMailInput extends RequesterMailFrame {
  channel: SuppressionChannel;
  /** Already formatted in the organisation's time zone. */
  effectiveOn: string;
}

const WHAT = {
  email: 'mail.optOutEmail',
  sms: 'mail.optOutSms',
  sale_share: 'mail.optOutSaleShare',
} as const satisfies Record<SuppressionChannel, MessageKey>;

/** The one confirmation of an opt-out, which takes effect the moment it is received. */
export function optOutConfirmedMail(m: OptOutConfirmedMailInput): RenderedMail {
  const t = translator(m.language ?? 'en');
  const org = m.organisationName;
  return requesterMail(m, t('mail.optOutSubject', { reference: m.reference, org }), [
    paragraph(t('mail.optOutText', { date: m.effectiveOn, what: t(WHAT[m.channel], { org }) })),
    paragraph(t('mail.optOutNothing')),
  ]);
}
