import { translator } from '../i18n/i18n.js';
import type { RenderedMail } from './mail-layout.js';
import { paragraph, quoted, requesterMail, type RequesterMailFrame } from './requester-mail.js';

export function withdrawalConfirmedMail(m: RequesterMailFrame): RenderedMail {
  const t = translator(m.language ?? 'en');
  const org = m.organisationName;
  return requesterMail(m, t('mail.withdrawnSubject', { reference: m.reference, org }), [
    paragraph(t('mail.withdrawnText', { org })),
    paragraph(t('mail.withdrawnAgain')),
  ]);
}

export interface RedirectedMailInput extends RequesterMailFrame {
  /** Who decides about the data, worded for the requester. */
  controller: string;
}

/** The organisation only processes the data for someone else, who must answer the request. */
export function redirectedMail(m: RedirectedMailInput): RenderedMail {
  const t = translator(m.language ?? 'en');
  const org = m.organisationName;
  return requesterMail(m, t('mail.redirectedSubject', { reference: m.reference }), [
    paragraph(t('mail.redirectedText', { org })),
    quoted(m.controller),
    paragraph(t('mail.redirectedClosed', { org })),
  ]);
}

export interface VerificationExpiredMailInput extends RequesterMailFrame {
  /** Absolute link to the organisation's request form. */
  newRequestUrl: string;
  /** CCPA and the US state laws: an unverified request may be resubmitted, and the requester is told so. */
  rightToResubmit: boolean;
}

/** Unconfirmed requests close when their link expires: nothing is disclosed or deleted on an unproven address. */
export function verificationExpiredMail(m: VerificationExpiredMailInput): RenderedMail {
  const t = translator(m.language ?? 'en');
  const org = m.organisationName;
  return requesterMail(m, t('mail.expiredSubject', { reference: m.reference, org }), [
    paragraph(t('mail.expiredText', { org })),
    paragraph(t(m.rightToResubmit ? 'mail.expiredResubmit' : 'mail.expiredAgain', { url: m.newRequestUrl })),
  ]);
}
