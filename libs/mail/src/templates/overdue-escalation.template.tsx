import type { RenderedMail } from './mail-layout.js';
import { paragraph } from './requester-mail.js';
import {
  consoleLink,
  dayCount,
  requestList,
  staffMail,
  type StaffMailFrame,
  type StaffRequestLine,
} from './staff-mail.js';

export interface OverdueRequestLine extends StaffRequestLine {
  /** Whole local days since the due date: 1 the day after it. */
  daysOverdue: number;
}

export interface OverdueEscalationMailInput extends StaffMailFrame {
  /** The local day the list is for, already formatted. */
  onDate: string;
  /** Oldest first. */
  overdue: readonly OverdueRequestLine[];
  /** Absolute link to the organisation's queue of overdue requests. */
  queueUrl: string;
}

/** The daily mail to an organisation's admins while any open request is past its due date. */
export function overdueEscalationMail(m: OverdueEscalationMailInput): RenderedMail {
  const count = m.overdue.length === 1 ? '1 overdue privacy request' : `${m.overdue.length} overdue privacy requests`;
  return staffMail(m, `${m.organisationName}: ${count}`, [
    paragraph(`On ${m.onDate}, these open requests to ${m.organisationName} are past their due date:`),
    requestList(m.overdue, (l) => `${dayCount(l.daysOverdue)} overdue`),
    consoleLink('All overdue requests', m.queueUrl),
  ]);
}
