import type { RenderedMail } from './mail-layout.js';
import { paragraph, quoted, requesterMail, type RequesterMailFrame } from './requester-mail.js';

export function withdrawalConfirmedMail(m: RequesterMailFrame): RenderedMail {
  return requesterMail(m, `Your privacy request ${m.reference} to ${m.organisationName} is withdrawn`, [
    paragraph(`Your request is withdrawn, as you asked. ${m.organisationName} will not act on it further.`),
    paragraph('You can make a new request at any time.'),
  ]);
}

export interface RedirectedMailInput extends RequesterMailFrame {
  /** Who decides about the data, worded for the requester. */
  controller: string;
}

/** The organisation only processes the data for someone else, who must answer the request. */
export function redirectedMail(m: RedirectedMailInput): RenderedMail {
  return requesterMail(m, `Your privacy request ${m.reference}: who can answer it`, [
    paragraph(
      `${m.organisationName} handles the information your request is about on behalf of another organisation, which decides what happens to it and must answer requests like yours. Please contact:`,
    ),
    quoted(m.controller),
    paragraph(`${m.organisationName} has closed your request here.`),
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
  return requesterMail(m, `Your privacy request ${m.reference} to ${m.organisationName} was closed`, [
    paragraph(
      `Your request was closed because the email address was not confirmed before the confirmation link expired. ${m.organisationName} has not acted on it.`,
    ),
    paragraph(
      m.rightToResubmit
        ? `You have the right to submit a new request at any time, here: ${m.newRequestUrl}`
        : `If you still want to make the request, you can make it again here: ${m.newRequestUrl}`,
    ),
  ]);
}
