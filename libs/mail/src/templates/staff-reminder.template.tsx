import type { RenderedMail } from './mail-layout.js';
import { paragraph } from './requester-mail.js';
import { consoleLink, dayCount, staffMail, type StaffMailFrame, type StaffRequestLine } from './staff-mail.js';

export interface StaffReminderMailInput extends StaffMailFrame, StaffRequestLine {
  /** Already formatted in the organisation's time zone. */
  dueOn: string;
  /** Whole local days to the due date: 0 on the due day. */
  daysLeft: number;
}

/** A reminder, at one of the organisation's offsets, that a request's due date is coming. */
export function staffReminderMail(m: StaffReminderMailInput): RenderedMail {
  const when = m.daysLeft === 0 ? 'today' : `in ${dayCount(m.daysLeft)}`;
  return staffMail(m, `Privacy request ${m.reference} is due ${when} (${m.dueOn})`, [
    paragraph(
      `The ${m.type} request ${m.reference} to ${m.organisationName} must be answered by ${m.dueOn}: that is ${when}.`,
    ),
    consoleLink(`Open ${m.reference}`, m.url),
  ]);
}

export interface ExtensionWindowMailInput extends StaffMailFrame, StaffRequestLine {
  /** Already formatted in the organisation's time zone: the last day the extension notice may go out. */
  noticeByOn: string;
  /** The due date without an extension. */
  dueOn: string;
  /** The due date if extended. */
  extendedDueOn: string;
}

/** The law allows one extension only with a notice inside the first period: a warning before that window closes. */
export function extensionWindowMail(m: ExtensionWindowMailInput): RenderedMail {
  return staffMail(m, `Privacy request ${m.reference}: an extension must be sent by ${m.noticeByOn}`, [
    paragraph(
      `If the ${m.type} request ${m.reference} needs more time, extend it by ${m.noticeByOn}: the requester must be told, with the reason, inside the first period. Extended, it is due ${m.extendedDueOn}.`,
    ),
    paragraph(`After ${m.noticeByOn} it can no longer be extended and must be answered by ${m.dueOn}.`),
    consoleLink(`Open ${m.reference}`, m.url),
  ]);
}
