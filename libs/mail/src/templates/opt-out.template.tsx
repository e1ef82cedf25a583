import type { SuppressionChannel } from '#workflow';

import type { RenderedMail } from './mail-layout.js';
import { paragraph, requesterMail, type RequesterMailFrame } from './requester-mail.js';

export interface OptOutConfirmedMailInput extends RequesterMailFrame {
  channel: SuppressionChannel;
  /** Already formatted in the organisation's time zone. */
  effectiveOn: string;
}

const WHAT: Record<SuppressionChannel, (org: string) => string> = {
  email: (org) => `${org} will send no more marketing email to this address.`,
  sms: (org) => `${org} will send no more marketing text messages to your number.`,
  sale_share: (org) =>
    `${org} will not sell or share your personal information with third parties for their marketing.`,
};

/** The one confirmation of an opt-out, which takes effect the moment it is received. */
export function optOutConfirmedMail(m: OptOutConfirmedMailInput): RenderedMail {
  return requesterMail(m, `Your opt-out ${m.reference} to ${m.organisationName} is in effect`, [
    paragraph(`Your opt-out is in effect since ${m.effectiveOn}. ${WHAT[m.channel](m.organisationName)}`),
    paragraph('You do not need to do anything else. Mail about requests you make stays unaffected.'),
  ]);
}
