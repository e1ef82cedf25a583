import type { RenderedMail } from './mail-layout.js';
import { type MailPart, paragraph } from './requester-mail.js';
import {
  consoleLink,
  dayCount,
  requestList,
  staffMail,
  type StaffMailFrame,
  type StaffRequestLine,
} from './staff-mail.js';

export interface DigestRequestLine extends StaffRequestLine {
  /** Already formatted in the organisation's time zone. */
  dueOn: string;
  /** Whole local days to the due date: 0 on the due day, negative once overdue. */
  daysLeft: number;
  /** The GDPR clock stands still awaiting the requester: the due date will move. */
  paused: boolean;
}

export interface StaffDigestMailInput extends StaffMailFrame {
  /** The local day the list is for, already formatted. */
  onDate: string;
  /** The recipient's open requests, soonest due first. */
  requests: readonly DigestRequestLine[];
  /** Absolute link to the recipient's own queue. */
  queueUrl: string;
}

const GROUPS: { title: string; holds: (l: DigestRequestLine) => boolean }[] = [
  { title: 'Overdue', holds: (l) => !l.paused && l.daysLeft < 0 },
  { title: 'Due today', holds: (l) => !l.paused && l.daysLeft === 0 },
  { title: 'Due within 3 days', holds: (l) => !l.paused && l.daysLeft >= 1 && l.daysLeft <= 3 },
  { title: 'Due within 7 days', holds: (l) => !l.paused && l.daysLeft >= 4 && l.daysLeft <= 7 },
  { title: 'Due within 14 days', holds: (l) => !l.paused && l.daysLeft >= 8 && l.daysLeft <= 14 },
  { title: 'Due later', holds: (l) => !l.paused && l.daysLeft > 14 },
  { title: 'Clock paused, awaiting the requester', holds: (l) => l.paused },
];

/** One mail a day per team member: their open requests, grouped by days left. */
export function staffDigestMail(m: StaffDigestMailInput): RenderedMail {
  const count = m.requests.length === 1 ? '1 open privacy request' : `${m.requests.length} open privacy requests`;
  const groups = GROUPS.flatMap(({ title, holds }) => {
    const lines = m.requests.filter(holds);
    return lines.length === 0 ? [] : [heading(`${title} (${lines.length})`), requestList(lines, describe)];
  });
  return staffMail(m, `${m.organisationName}: your ${count}`, [
    paragraph(`On ${m.onDate} you have ${count} at ${m.organisationName}.`),
    ...groups,
    consoleLink('My requests', m.queueUrl),
  ]);
}

function describe(l: DigestRequestLine): string {
  if (l.paused) return `due ${l.dueOn} before the pause`;
  if (l.daysLeft < 0) return `was due ${l.dueOn}, ${dayCount(-l.daysLeft)} overdue`;
  if (l.daysLeft === 0) return `due today, ${l.dueOn}`;
  return `due ${l.dueOn}, ${dayCount(l.daysLeft)} left`;
}

function heading(title: string): MailPart {
  return { text: `${title}:`, html: <h3>{title}</h3> };
}
