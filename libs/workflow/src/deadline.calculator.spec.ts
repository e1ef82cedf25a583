import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DateTime } from 'luxon';

import type { Regime, RequestType } from '#policy';

import {
  computeDeadlines,
  daysLeft,
  type DeadlineInput,
  endOfLocalDayAfter,
  localDate,
  localDaysBetween,
  REGIME_HOME_ZONE,
} from './deadline.calculator.js';
import { publicHolidayCalendar, type WorkingCalendar } from './working-calendar.js';

const US = publicHolidayCalendar('US');
const ENG = publicHolidayCalendar('GB', 'ENG');
const LA = 'America/Los_Angeles';
const NY = 'America/New_York';
const LON = 'Europe/London';

// Written as records so the compiler flags a regime or type added to the policy vocabulary but missing here.
const REGIMES = Object.keys({
  ccpa: true,
  us_state: true,
  gdpr: true,
  uk_gdpr: true,
  can_spam: true,
  fcc_tcpa: true,
  none: true,
} satisfies Record<Regime, true>) as Regime[];
const REQUEST_TYPES = Object.keys({
  access: true,
  categories: true,
  deletion: true,
  correction: true,
  portability: true,
  restriction: true,
  objection: true,
  automated_decision_objection: true,
  consent_withdrawal: true,
  opt_out_marketing_email: true,
  opt_out_marketing_sms: true,
  opt_out_sale_share: true,
  limit_sensitive_use: true,
} satisfies Record<RequestType, true>) as RequestType[];

interface Case {
  why: string;
  regime: Regime;
  type: RequestType;
  /** Receipt instant, UTC. */
  at: string;
  zone: string;
  calendar: WorkingCalendar;
  clock?: string;
  target?: number;
  paused?: number;
  /** Expected local dates; omitted ack/ext/notice mean null. */
  due: string;
  ack?: string;
  ext?: string;
  notice?: string;
}

const CASES: Case[] = [
  // CCPA / us_state: 45 calendar days from receipt, +45 extension, acknowledgement in 10 business days.
  {
    why: 'CCPA access: 45 calendar days; ack skips MLK Day 2026-01-19',
    regime: 'ccpa',
    type: 'access',
    at: '2026-01-05T17:00:00Z',
    zone: LA,
    calendar: US,
    due: '2026-02-19',
    ack: '2026-01-20',
    ext: '2026-04-05',
    notice: '2026-02-19',
  },
  {
    why: 'CCPA due landing on a Saturday stays: CCPA days are calendar days',
    regime: 'ccpa',
    type: 'deletion',
    at: '2026-03-04T18:00:00Z',
    zone: LA,
    calendar: US,
    due: '2026-04-18',
    ack: '2026-03-18',
    ext: '2026-06-02',
    notice: '2026-04-18',
  },
  {
    why: 'CCPA due landing on Thanksgiving stays',
    regime: 'ccpa',
    type: 'access',
    at: '2026-10-12T16:00:00Z',
    zone: LA,
    calendar: US,
    due: '2026-11-26',
    ack: '2026-10-26',
    ext: '2027-01-10',
    notice: '2026-11-26',
  },
  {
    why: 'us_state deletion follows the same 45 + 45 days',
    regime: 'us_state',
    type: 'deletion',
    at: '2026-06-01T15:00:00Z',
    zone: NY,
    calendar: US,
    due: '2026-07-16',
    ack: '2026-06-15',
    ext: '2026-08-30',
    notice: '2026-07-16',
  },
  {
    why: 'CCPA counts from receipt even while verifying: clockStartedAt is ignored',
    regime: 'ccpa',
    type: 'access',
    at: '2026-01-05T17:00:00Z',
    clock: '2026-01-20T17:00:00Z',
    zone: LA,
    calendar: US,
    due: '2026-02-19',
    ack: '2026-01-20',
    ext: '2026-04-05',
    notice: '2026-02-19',
  },
  {
    why: 'CCPA received 23:30 PST on Sat 28 Feb (07:30Z on 1 Mar) counts from 28 Feb',
    regime: 'ccpa',
    type: 'access',
    at: '2026-03-01T07:30:00Z',
    zone: LA,
    calendar: US,
    due: '2026-04-14',
    ack: '2026-03-13',
    ext: '2026-05-29',
    notice: '2026-04-14',
  },
  {
    why: 'CCPA received 00:30 PST on Sun 1 Mar counts from 1 Mar',
    regime: 'ccpa',
    type: 'access',
    at: '2026-03-01T08:30:00Z',
    zone: LA,
    calendar: US,
    due: '2026-04-15',
    ack: '2026-03-13',
    ext: '2026-05-30',
    notice: '2026-04-15',
  },
  {
    why: 'CCPA received the Saturday before DST starts: local days, not 24h blocks',
    regime: 'ccpa',
    type: 'portability',
    at: '2026-03-07T20:00:00Z',
    zone: LA,
    calendar: US,
    due: '2026-04-21',
    ack: '2026-03-20',
    ext: '2026-06-05',
    notice: '2026-04-21',
  },
  {
    why: 'CCPA ack skips Thanksgiving 2026-11-26 (the Friday after is a business day)',
    regime: 'ccpa',
    type: 'access',
    at: '2026-11-20T18:00:00Z',
    zone: LA,
    calendar: US,
    due: '2027-01-04',
    ack: '2026-12-07',
    ext: '2027-02-18',
    notice: '2027-01-04',
  },
  {
    why: 'CCPA ack skips Christmas 2026-12-25 and New Year 2027-01-01',
    regime: 'ccpa',
    type: 'correction',
    at: '2026-12-18T18:00:00Z',
    zone: LA,
    calendar: US,
    due: '2027-02-01',
    ack: '2027-01-05',
    ext: '2027-03-18',
    notice: '2027-02-01',
  },
  {
    why: 'CCPA ack skips Juneteenth observed Fri 2027-06-18',
    regime: 'ccpa',
    type: 'access',
    at: '2027-06-11T17:00:00Z',
    zone: LA,
    calendar: US,
    due: '2027-07-26',
    ack: '2027-06-28',
    ext: '2027-09-09',
    notice: '2027-07-26',
  },
  {
    why: 'CCPA ack skips Independence Day observed Mon 2027-07-05',
    regime: 'ccpa',
    type: 'deletion',
    at: '2027-06-25T17:00:00Z',
    zone: LA,
    calendar: US,
    due: '2027-08-09',
    ack: '2027-07-12',
    ext: '2027-09-23',
    notice: '2027-08-09',
  },
  {
    why: 'CCPA categories received 28 Feb of a leap year: 29 Feb counts',
    regime: 'ccpa',
    type: 'categories',
    at: '2028-02-28T20:00:00Z',
    zone: LA,
    calendar: US,
    due: '2028-04-13',
    ack: '2028-03-13',
    ext: '2028-05-28',
    notice: '2028-04-13',
  },
  {
    why: 'CCPA received 31 Dec: due a Sunday in the next year, stays; ack skips New Year',
    regime: 'ccpa',
    type: 'correction',
    at: '2026-12-31T20:00:00Z',
    zone: LA,
    calendar: US,
    due: '2027-02-14',
    ack: '2027-01-15',
    ext: '2027-03-31',
    notice: '2027-02-14',
  },
  {
    why: 'CCPA internal target of 30 days is earlier; extension and notice stay legal',
    regime: 'ccpa',
    type: 'access',
    at: '2026-01-05T17:00:00Z',
    zone: LA,
    calendar: US,
    target: 30,
    due: '2026-02-04',
    ack: '2026-01-20',
    ext: '2026-04-05',
    notice: '2026-02-19',
  },
  {
    why: 'CCPA internal target of 60 days is later than the law: the law wins',
    regime: 'ccpa',
    type: 'access',
    at: '2026-01-05T17:00:00Z',
    zone: LA,
    calendar: US,
    target: 60,
    due: '2026-02-19',
    ack: '2026-01-20',
    ext: '2026-04-05',
    notice: '2026-02-19',
  },
  {
    why: 'CCPA ignores pausedDays: its clock does not stop',
    regime: 'ccpa',
    type: 'access',
    at: '2026-01-05T17:00:00Z',
    zone: LA,
    calendar: US,
    paused: 10,
    due: '2026-02-19',
    ack: '2026-01-20',
    ext: '2026-04-05',
    notice: '2026-02-19',
  },

  // CCPA sale/share opt-out: 15 business days, no extension, no acknowledgement.
  {
    why: 'CCPA opt-out: 15 business days, skipping Thanksgiving',
    regime: 'ccpa',
    type: 'opt_out_sale_share',
    at: '2026-11-16T18:00:00Z',
    zone: LA,
    calendar: US,
    due: '2026-12-08',
  },
  {
    why: 'CCPA opt-out received on a Saturday: Monday is business day 1',
    regime: 'ccpa',
    type: 'opt_out_sale_share',
    at: '2026-05-02T19:00:00Z',
    zone: LA,
    calendar: US,
    due: '2026-05-22',
  },
  {
    why: 'CCPA opt-out across Christmas and New Year',
    regime: 'ccpa',
    type: 'opt_out_sale_share',
    at: '2026-12-22T18:00:00Z',
    zone: LA,
    calendar: US,
    due: '2027-01-14',
  },
  {
    why: 'CCPA request to limit use of sensitive information: 15 business days like an opt-out',
    regime: 'ccpa',
    type: 'limit_sensitive_use',
    at: '2026-11-16T18:00:00Z',
    zone: LA,
    calendar: US,
    due: '2026-12-08',
  },
  {
    why: 'us_state opt-out keeps the ordinary 45-day period (15 business days is CCPA regs only)',
    regime: 'us_state',
    type: 'opt_out_sale_share',
    at: '2026-06-01T15:00:00Z',
    zone: NY,
    calendar: US,
    due: '2026-07-16',
    ack: '2026-06-15',
    ext: '2026-08-30',
    notice: '2026-07-16',
  },

  // Email unsubscribe and SMS STOP: 10 business days.
  {
    why: 'CAN-SPAM unsubscribe: 10 business days, skipping Labor Day',
    regime: 'can_spam',
    type: 'opt_out_marketing_email',
    at: '2026-08-31T16:00:00Z',
    zone: NY,
    calendar: US,
    due: '2026-09-15',
  },
  {
    why: 'CAN-SPAM received Thu 23:30 EDT (Fri 03:30Z) counts from Thursday; skips Columbus Day',
    regime: 'can_spam',
    type: 'opt_out_marketing_email',
    at: '2026-10-09T03:30:00Z',
    zone: NY,
    calendar: US,
    due: '2026-10-23',
  },
  {
    why: 'TCPA STOP: 10 business days, skipping Independence Day observed 2027-07-05',
    regime: 'fcc_tcpa',
    type: 'opt_out_marketing_sms',
    at: '2027-07-01T15:00:00Z',
    zone: NY,
    calendar: US,
    due: '2027-07-16',
  },
  {
    why: 'TCPA STOP: skips Veterans Day 2026-11-11',
    regime: 'fcc_tcpa',
    type: 'opt_out_marketing_sms',
    at: '2026-11-09T15:00:00Z',
    zone: NY,
    calendar: US,
    due: '2026-11-24',
  },
  {
    why: 'CAN-SPAM internal target of 5 calendar days is earlier and does not roll',
    regime: 'can_spam',
    type: 'opt_out_marketing_email',
    at: '2026-08-31T16:00:00Z',
    zone: NY,
    calendar: US,
    target: 5,
    due: '2026-09-05',
  },

  // GDPR / UK GDPR: one calendar month, month-end clamp, roll to the next working day; extension to three months.
  {
    why: 'UK GDPR: received 3 Sep → due 3 Oct (a Friday)',
    regime: 'uk_gdpr',
    type: 'access',
    at: '2025-09-03T09:00:00Z',
    zone: LON,
    calendar: ENG,
    due: '2025-10-03',
    ext: '2025-12-03',
    notice: '2025-10-03',
  },
  {
    why: 'UK GDPR: 3 Oct 2026 is a Saturday → Monday 5 Oct',
    regime: 'uk_gdpr',
    type: 'access',
    at: '2026-09-03T09:00:00Z',
    zone: LON,
    calendar: ENG,
    due: '2026-10-05',
    ext: '2026-12-03',
    notice: '2026-10-05',
  },
  {
    why: 'UK GDPR: 31 Jan 2025 → 28 Feb (no 31 Feb); extension 31 Apr → 30 Apr',
    regime: 'uk_gdpr',
    type: 'deletion',
    at: '2025-01-31T12:00:00Z',
    zone: LON,
    calendar: ENG,
    due: '2025-02-28',
    ext: '2025-04-30',
    notice: '2025-02-28',
  },
  {
    why: 'UK GDPR: 31 Jan 2026 → 28 Feb, a Saturday → Monday 2 Mar; extension from clock start, not from 2 Mar',
    regime: 'uk_gdpr',
    type: 'deletion',
    at: '2026-01-31T12:00:00Z',
    zone: LON,
    calendar: ENG,
    due: '2026-03-02',
    ext: '2026-04-30',
    notice: '2026-03-02',
  },
  {
    why: 'UK GDPR leap year: 31 Jan 2028 → 29 Feb; extension 30 Apr (Sun) → 1 May bank holiday → 2 May',
    regime: 'uk_gdpr',
    type: 'access',
    at: '2028-01-31T12:00:00Z',
    zone: LON,
    calendar: ENG,
    due: '2028-02-29',
    ext: '2028-05-02',
    notice: '2028-02-29',
  },
  {
    why: 'UK GDPR: 30 Jan 2027 clamps to 28 Feb (Sunday) → Monday 1 Mar',
    regime: 'uk_gdpr',
    type: 'access',
    at: '2027-01-30T10:00:00Z',
    zone: LON,
    calendar: ENG,
    due: '2027-03-01',
    ext: '2027-04-30',
    notice: '2027-03-01',
  },
  {
    why: 'UK GDPR: due on Easter Monday 2026-04-06 → Tuesday; extension 6 Jun (Sat) → 8 Jun',
    regime: 'uk_gdpr',
    type: 'access',
    at: '2026-03-06T11:00:00Z',
    zone: LON,
    calendar: ENG,
    due: '2026-04-07',
    ext: '2026-06-08',
    notice: '2026-04-07',
  },
  {
    why: 'GDPR org in the US: Easter Monday is a working day there',
    regime: 'gdpr',
    type: 'access',
    at: '2026-03-06T16:00:00Z',
    zone: NY,
    calendar: US,
    due: '2026-04-06',
    ext: '2026-06-08',
    notice: '2026-04-06',
  },
  {
    why: 'UK GDPR: due on the Boxing Day substitute 2026-12-28 → Tuesday 29 Dec',
    regime: 'uk_gdpr',
    type: 'correction',
    at: '2026-11-28T10:00:00Z',
    zone: LON,
    calendar: ENG,
    due: '2026-12-29',
    ext: '2027-03-01',
    notice: '2026-12-29',
  },
  {
    why: 'UK GDPR: due on Christmas Day → past Boxing Day, the weekend and its substitute → 29 Dec',
    regime: 'uk_gdpr',
    type: 'access',
    at: '2026-11-25T10:00:00Z',
    zone: LON,
    calendar: ENG,
    due: '2026-12-29',
    ext: '2027-02-25',
    notice: '2026-12-29',
  },
  {
    why: 'GDPR org in the US: 28 Dec 2026 is a working day there',
    regime: 'gdpr',
    type: 'correction',
    at: '2026-11-28T15:00:00Z',
    zone: NY,
    calendar: US,
    due: '2026-12-28',
    ext: '2027-03-01',
    notice: '2026-12-28',
  },
  {
    why: 'UK GDPR: clock starts when the ID arrives (14 May), 14 Jun is a Sunday → 15 Jun',
    regime: 'uk_gdpr',
    type: 'access',
    at: '2026-05-01T09:00:00Z',
    clock: '2026-05-14T09:00:00Z',
    zone: LON,
    calendar: ENG,
    due: '2026-06-15',
    ext: '2026-08-14',
    notice: '2026-06-15',
  },
  {
    why: 'GDPR: late clock start on 31 Jan clamps from the clock start, not the receipt',
    regime: 'gdpr',
    type: 'access',
    at: '2026-01-20T10:00:00Z',
    clock: '2026-01-31T15:00:00Z',
    zone: LON,
    calendar: ENG,
    due: '2026-03-02',
    ext: '2026-04-30',
    notice: '2026-03-02',
  },
  {
    why: 'UK GDPR received 00:30 BST on 1 Jul (23:30Z on 30 Jun) counts from 1 Jul; 1 Aug is a Saturday',
    regime: 'uk_gdpr',
    type: 'access',
    at: '2026-06-30T23:30:00Z',
    zone: LON,
    calendar: ENG,
    due: '2026-08-03',
    ext: '2026-10-01',
    notice: '2026-08-03',
  },
  {
    why: 'GDPR org in LA: 23:30 PST on 28 Feb counts from 28 Feb; 28 Mar is a Saturday → 30 Mar',
    regime: 'gdpr',
    type: 'access',
    at: '2026-03-01T07:30:00Z',
    zone: LA,
    calendar: US,
    due: '2026-03-30',
    ext: '2026-05-28',
    notice: '2026-03-30',
  },
  {
    why: 'UK GDPR received 23:30 GMT the night before clocks go forward',
    regime: 'uk_gdpr',
    type: 'access',
    at: '2026-03-28T23:30:00Z',
    zone: LON,
    calendar: ENG,
    due: '2026-04-28',
    ext: '2026-06-29',
    notice: '2026-04-28',
  },
  {
    why: 'UK GDPR received 00:30 BST just after clocks went forward (23:30Z the day before)',
    regime: 'uk_gdpr',
    type: 'access',
    at: '2026-03-29T23:30:00Z',
    zone: LON,
    calendar: ENG,
    due: '2026-04-30',
    ext: '2026-06-30',
    notice: '2026-04-30',
  },
  {
    why: 'UK GDPR: 31 Aug → 30 Sep; extension clamps 31 Nov → 30 Nov',
    regime: 'uk_gdpr',
    type: 'portability',
    at: '2026-08-31T10:00:00Z',
    zone: LON,
    calendar: ENG,
    due: '2026-09-30',
    ext: '2026-11-30',
    notice: '2026-09-30',
  },
  {
    why: 'UK GDPR: extension lands on Good Friday 2027-03-26 → past Easter Monday → 30 Mar',
    regime: 'uk_gdpr',
    type: 'access',
    at: '2026-12-26T12:00:00Z',
    zone: LON,
    calendar: ENG,
    due: '2027-01-26',
    ext: '2027-03-30',
    notice: '2027-01-26',
  },
  {
    why: 'UK GDPR: due on the New Year substitute Mon 2028-01-03 → 4 Jan',
    regime: 'uk_gdpr',
    type: 'access',
    at: '2027-12-03T10:00:00Z',
    zone: LON,
    calendar: ENG,
    due: '2028-01-04',
    ext: '2028-03-03',
    notice: '2028-01-04',
  },
  {
    why: 'UK GDPR received 29 Feb 2028; extension on Spring bank holiday 29 May → 30 May',
    regime: 'uk_gdpr',
    type: 'objection',
    at: '2028-02-29T10:00:00Z',
    zone: LON,
    calendar: ENG,
    due: '2028-03-29',
    ext: '2028-05-30',
    notice: '2028-03-29',
  },
  {
    why: 'UK GDPR internal target 20 days from clock start is earlier; notice stays at the legal month',
    regime: 'uk_gdpr',
    type: 'access',
    at: '2026-05-01T09:00:00Z',
    clock: '2026-05-14T09:00:00Z',
    zone: LON,
    calendar: ENG,
    target: 20,
    due: '2026-06-03',
    ext: '2026-08-14',
    notice: '2026-06-15',
  },
  {
    why: 'UK GDPR internal target of 31 days falls after the clamped month: the law wins',
    regime: 'uk_gdpr',
    type: 'access',
    at: '2026-01-31T12:00:00Z',
    zone: LON,
    calendar: ENG,
    target: 31,
    due: '2026-03-02',
    ext: '2026-04-30',
    notice: '2026-03-02',
  },
  {
    why: 'UK GDPR paused 5 days: 3 Oct 2025 → 8 Oct; the extension moves too',
    regime: 'uk_gdpr',
    type: 'access',
    at: '2025-09-03T09:00:00Z',
    zone: LON,
    calendar: ENG,
    paused: 5,
    due: '2025-10-08',
    ext: '2025-12-08',
    notice: '2025-10-08',
  },
  {
    why: 'UK GDPR paused 3 days after a month-end clamp: 28 Feb + 3; extension 3 May (Sun) → past bank holiday → 5 May',
    regime: 'uk_gdpr',
    type: 'access',
    at: '2026-01-31T12:00:00Z',
    zone: LON,
    calendar: ENG,
    paused: 3,
    due: '2026-03-03',
    ext: '2026-05-05',
    notice: '2026-03-03',
  },

  // No regime: the organisation's own target only.
  {
    why: 'none: 30-day organisation target in calendar days',
    regime: 'none',
    type: 'access',
    at: '2026-01-10T10:00:00Z',
    zone: LON,
    calendar: ENG,
    target: 30,
    due: '2026-02-09',
  },
  {
    why: 'none: a target landing on a Saturday does not roll',
    regime: 'none',
    type: 'deletion',
    at: '2026-01-10T10:00:00Z',
    zone: LON,
    calendar: ENG,
    target: 14,
    due: '2026-01-24',
  },
];

function localDateOf(instant: Date | null, zone: string): string | null {
  return instant === null ? null : DateTime.fromJSDate(instant, { zone }).toFormat('yyyy-MM-dd');
}

function isEndOfLocalDay(instant: Date, zone: string): boolean {
  const local = DateTime.fromJSDate(instant, { zone });
  return local.hour === 23 && local.minute === 59 && local.second === 59 && local.millisecond === 999;
}

function inputOf(c: Case): DeadlineInput {
  return {
    regime: c.regime,
    requestType: c.type,
    receivedAt: new Date(c.at),
    clockStartedAt: c.clock === undefined ? undefined : new Date(c.clock),
    pausedDays: c.paused,
    timeZone: c.zone,
    calendar: c.calendar,
    internalTargetDays: c.target,
  };
}

describe('computeDeadlines', () => {
  it('has a table of at least 50 dated cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
  });

  it.each(CASES)('$why', (c) => {
    const d = computeDeadlines(inputOf(c));
    expect({
      due: localDateOf(d.dueAt, c.zone),
      dueDate: d.dueDate,
      ack: localDateOf(d.acknowledgeBy, c.zone),
      ext: localDateOf(d.extendedDueAt, c.zone),
      notice: localDateOf(d.extensionNoticeBy, c.zone),
    }).toEqual({ due: c.due, dueDate: c.due, ack: c.ack ?? null, ext: c.ext ?? null, notice: c.notice ?? null });
    for (const instant of [d.dueAt, d.acknowledgeBy, d.extendedDueAt, d.extensionNoticeBy]) {
      if (instant) expect(isEndOfLocalDay(instant, c.zone)).toBe(true);
    }
  });

  it('returns the end of the local day as a UTC instant, on both sides of DST', () => {
    const winter = computeDeadlines(inputOf(CASES[0]!));
    expect(winter.dueAt.toISOString()).toBe('2026-02-20T07:59:59.999Z');
    const ccpaLateNight = computeDeadlines({ ...inputOf(CASES[0]!), receivedAt: new Date('2026-03-01T07:30:00Z') });
    expect(ccpaLateNight.dueAt.toISOString()).toBe('2026-04-15T06:59:59.999Z');
    expect(ccpaLateNight.acknowledgeBy?.toISOString()).toBe('2026-03-14T06:59:59.999Z');
    const london = computeDeadlines({
      regime: 'uk_gdpr',
      requestType: 'access',
      receivedAt: new Date('2026-03-28T23:30:00Z'),
      timeZone: LON,
      calendar: ENG,
    });
    expect(london.dueAt.toISOString()).toBe('2026-04-28T22:59:59.999Z');
    expect(london.extendedDueAt?.toISOString()).toBe('2026-06-29T22:59:59.999Z');
  });

  it("counts a CCPA request filed at 22:30 Pacific to a New York company from the Californian's date", () => {
    // 22:30 PDT on 10 March 2026 is 01:30 EDT on 11 March in New York.
    const d = computeDeadlines({
      regime: 'ccpa',
      requestType: 'deletion',
      receivedAt: new Date('2026-03-11T05:30:00Z'),
      timeZone: NY,
      calendar: US,
    });
    expect(d.dueDate).toBe('2026-04-24');
    expect(d.dueAt).toEqual(new Date('2026-04-25T03:59:59.999Z'));
    expect(d.extendedDueAt).toEqual(new Date('2026-06-09T03:59:59.999Z'));
    // UK GDPR to a New York company: the month ends at London's midnight, before New York's.
    const uk = computeDeadlines({
      regime: 'uk_gdpr',
      requestType: 'access',
      receivedAt: new Date('2026-06-10T12:00:00Z'),
      timeZone: NY,
      calendar: ENG,
    });
    expect(uk.dueDate).toBe('2026-07-10');
    expect(uk.dueAt).toEqual(new Date('2026-07-10T22:59:59.999Z'));
  });

  it("refuses regime 'none' without an internal target", () => {
    expect(() =>
      computeDeadlines({
        regime: 'none',
        requestType: 'access',
        receivedAt: new Date('2026-01-10T10:00:00Z'),
        timeZone: LON,
        calendar: ENG,
      }),
    ).toThrow("Regime 'none' has no legal period: internalTargetDays is required to compute a due date");
  });

  it('refuses bad inputs with clear messages', () => {
    const base = inputOf(CASES[0]!);
    expect(() => computeDeadlines({ ...base, timeZone: 'Mars/Olympus_Mons' })).toThrow('time zone "Mars/Olympus_Mons"');
    expect(() => computeDeadlines({ ...base, internalTargetDays: 0 })).toThrow(
      'internalTargetDays must be a whole number',
    );
    expect(() => computeDeadlines({ ...base, internalTargetDays: 2.5 })).toThrow(
      'internalTargetDays must be a whole number',
    );
    const gdpr: DeadlineInput = { ...base, regime: 'gdpr', timeZone: LON, calendar: ENG };
    expect(() => computeDeadlines({ ...gdpr, clockStartedAt: new Date('2026-01-01T00:00:00Z') })).toThrow(
      'clockStartedAt must not be before receivedAt',
    );
    expect(() => computeDeadlines({ ...gdpr, pausedDays: -1 })).toThrow('pausedDays must be a whole number');
  });
});

describe('daysLeft', () => {
  const dueLa = new Date('2026-04-15T06:59:59.999Z'); // end of 14 Apr in Los Angeles
  const dueLondon = new Date('2026-10-05T22:59:59.999Z'); // end of 5 Oct in London (BST)

  it.each([
    { why: 'four local days before the due date', due: dueLa, now: '2026-04-10T12:00:00Z', zone: LA, left: 4 },
    {
      why: '0 on the due day, though UTC is already the next day',
      due: dueLa,
      now: '2026-04-15T03:00:00Z',
      zone: LA,
      left: 0,
    },
    { why: '-1 the local day after', due: dueLa, now: '2026-04-15T08:00:00Z', zone: LA, left: -1 },
    { why: 'overdue by a month', due: dueLa, now: '2026-05-14T20:00:00Z', zone: LA, left: -30 },
    { why: '0 at 00:30 BST on the due day in London', due: dueLondon, now: '2026-10-04T23:30:00Z', zone: LON, left: 0 },
    {
      why: 'the same instants counted in Los Angeles are a day apart',
      due: dueLondon,
      now: '2026-10-04T23:30:00Z',
      zone: LA,
      left: 1,
    },
    {
      why: 'across the end of DST in New York',
      due: new Date('2026-11-04T04:59:59.999Z'),
      now: '2026-10-31T12:00:00Z',
      zone: NY,
      left: 3,
    },
  ])('$why', ({ due, now, zone, left }) => {
    expect(daysLeft(due, new Date(now), zone)).toBe(left);
  });

  it('localDaysBetween is signed', () => {
    const a = new Date('2026-01-01T12:00:00Z');
    const b = new Date('2026-01-04T12:00:00Z');
    expect(localDaysBetween(a, b, LON)).toBe(3);
    expect(localDaysBetween(b, a, LON)).toBe(-3);
  });
});

describe('endOfLocalDayAfter', () => {
  it.each([
    {
      why: 'the end of today in Los Angeles, though UTC is already tomorrow',
      now: '2026-04-15T03:00:00Z',
      days: 0,
      zone: LA,
      end: '2026-04-15T06:59:59.999Z',
    },
    {
      why: 'seven local days on, in London summer time',
      now: '2026-06-01T12:00:00Z',
      days: 7,
      zone: LON,
      end: '2026-06-08T22:59:59.999Z',
    },
    {
      why: 'across the end of DST in New York: the cut-off is in EST',
      now: '2026-10-31T12:00:00Z',
      days: 3,
      zone: NY,
      end: '2026-11-04T04:59:59.999Z',
    },
  ])('$why', ({ now, days, zone, end }) => {
    expect(endOfLocalDayAfter(new Date(now), days, zone).toISOString()).toBe(end);
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => endOfLocalDayAfter(new Date(), -1, LON)).toThrow('days must be a whole number of days of at least 0');
    expect(() => endOfLocalDayAfter(new Date(), 1.5, LON)).toThrow('days must be a whole number of days of at least 0');
  });

  it('holds exactly the due dates with at most N days left', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.date({ min: new Date('2019-12-01T00:00:00Z'), max: new Date('2036-03-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom(LA, NY, LON, 'Pacific/Auckland'),
        (now, dueAt, days, zone) => {
          expect(dueAt.getTime() <= endOfLocalDayAfter(now, days, zone).getTime()).toBe(
            daysLeft(dueAt, now, zone) <= days,
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('computeDeadlines properties', () => {
  const zoneCalendars = [
    { zone: LA, calendar: US },
    { zone: NY, calendar: US },
    { zone: LON, calendar: ENG },
    { zone: 'Pacific/Auckland', calendar: ENG },
  ];
  const DAY_MS = 86_400_000;
  const inputs = fc
    .record({
      receivedAt: fc.date({
        min: new Date('2020-01-01T00:00:00Z'),
        max: new Date('2035-12-31T23:59:59Z'),
        noInvalidDate: true,
      }),
      clockDelayMs: fc.integer({ min: 0, max: 60 * DAY_MS }),
      regime: fc.constantFrom(...REGIMES),
      requestType: fc.constantFrom(...REQUEST_TYPES),
      where: fc.constantFrom(...zoneCalendars),
      target: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
      pausedDays: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    })
    .map((r): DeadlineInput => ({
      regime: r.regime,
      requestType: r.requestType,
      receivedAt: r.receivedAt,
      clockStartedAt: new Date(r.receivedAt.getTime() + r.clockDelayMs),
      pausedDays: r.pausedDays,
      timeZone: r.where.zone,
      calendar: r.where.calendar,
      // Regime 'none' cannot be computed without a target.
      internalTargetDays: r.regime === 'none' ? (r.target ?? 30) : r.target,
    }));
  const withoutTarget = inputs.filter((i) => i.regime !== 'none').map((i) => ({ ...i, internalTargetDays: undefined }));
  const isGdpr = (regime: Regime) => regime === 'gdpr' || regime === 'uk_gdpr';
  const runs = { numRuns: 300 };

  it('never puts the extended date before the due date, nor the notice after it', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const d = computeDeadlines(input);
        if (d.extendedDueAt) expect(d.extendedDueAt.getTime()).toBeGreaterThanOrEqual(d.dueAt.getTime());
        if (d.extensionNoticeBy && d.extendedDueAt) {
          expect(d.extensionNoticeBy.getTime()).toBeLessThan(d.extendedDueAt.getTime());
        }
      }),
      runs,
    );
  });

  it('puts the GDPR/UK GDPR legal due date on a working day', () => {
    fc.assert(
      fc.property(
        withoutTarget.filter((i) => isGdpr(i.regime)),
        (input) => {
          const d = computeDeadlines(input);
          expect(input.calendar.isWorkingDay(d.dueDate)).toBe(true);
          if (d.extendedDueAt)
            expect(input.calendar.isWorkingDay(localDateOf(d.extendedDueAt, input.timeZone)!)).toBe(true);
        },
      ),
      runs,
    );
  });

  it('never falls due before receipt', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        expect(computeDeadlines(input).dueAt.getTime()).toBeGreaterThan(input.receivedAt.getTime());
      }),
      runs,
    );
  });

  it('gives CCPA/us_state requests other than opt-outs exactly 45 local days, from the earlier date of receipt', () => {
    fc.assert(
      fc.property(
        withoutTarget.filter(
          (i) =>
            (i.regime === 'ccpa' || i.regime === 'us_state') &&
            i.requestType !== 'opt_out_sale_share' &&
            i.requestType !== 'limit_sensitive_use',
        ),
        (input) => {
          const d = computeDeadlines(input);
          const zones = [input.timeZone, REGIME_HOME_ZONE[input.regime] ?? input.timeZone];
          const received = zones.map((zone) => localDate(input.receivedAt, zone)).sort()[0];
          expect(
            localDaysBetween(DateTime.fromISO(received, { zone: input.timeZone }).toJSDate(), d.dueAt, input.timeZone),
          ).toBe(45);
          expect(
            localDaysBetween(
              DateTime.fromISO(received, { zone: input.timeZone }).toJSDate(),
              d.extendedDueAt!,
              input.timeZone,
            ),
          ).toBe(90);
        },
      ),
      runs,
    );
  });

  it('ends every deadline at 23:59:59.999 local time, where the regime has a home zone at the first of the two midnights', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const d = computeDeadlines(input);
        const home = REGIME_HOME_ZONE[input.regime] ?? input.timeZone;
        for (const instant of [d.dueAt, d.acknowledgeBy, d.extendedDueAt, d.extensionNoticeBy]) {
          if (!instant) continue;
          const date = localDate(instant, input.timeZone);
          const ends = [input.timeZone, home].map((zone) => DateTime.fromISO(date, { zone }).endOf('day').toMillis());
          expect(instant.getTime()).toBe(Math.min(...ends));
        }
      }),
      runs,
    );
  });

  it("never falls due later than the organisation's calendar or the requester's home calendar alone would", () => {
    // The same periods without a home zone: us_state counts CCPA's 45 days, the GDPR UK GDPR's month.
    const withoutHome: Partial<Record<Regime, Regime>> = { ccpa: 'us_state', uk_gdpr: 'gdpr' };
    fc.assert(
      fc.property(
        withoutTarget.filter(
          (i) =>
            i.regime === 'uk_gdpr' ||
            (i.regime === 'ccpa' && i.requestType !== 'opt_out_sale_share' && i.requestType !== 'limit_sensitive_use'),
        ),
        (input) => {
          const d = computeDeadlines(input);
          const organisationAlone = computeDeadlines({ ...input, regime: withoutHome[input.regime]! });
          const homeAlone = computeDeadlines({
            ...input,
            regime: withoutHome[input.regime]!,
            timeZone: REGIME_HOME_ZONE[input.regime]!,
          });
          expect(d.dueAt.getTime()).toBeLessThanOrEqual(
            Math.min(organisationAlone.dueAt.getTime(), homeAlone.dueAt.getTime()),
          );
        },
      ),
      runs,
    );
  });

  it('never lets an internal target make the due date later than the law, nor move the extension', () => {
    fc.assert(
      fc.property(withoutTarget, fc.integer({ min: 1, max: 200 }), (input, target) => {
        const legal = computeDeadlines(input);
        const targeted = computeDeadlines({ ...input, internalTargetDays: target });
        expect(targeted.dueAt.getTime()).toBeLessThanOrEqual(legal.dueAt.getTime());
        expect(targeted.extendedDueAt).toEqual(legal.extendedDueAt);
        expect(targeted.extensionNoticeBy).toEqual(legal.extensionNoticeBy);
      }),
      runs,
    );
  });
});
