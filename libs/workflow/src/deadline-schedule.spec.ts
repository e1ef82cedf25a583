import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DateTime } from 'luxon';

import { deadlineSchedule, type ScheduledEvent, type ScheduleInput, STAFF_MAIL_HOUR } from './deadline-schedule.js';
import { isOpen, REQUEST_STATUSES } from './request-state.machine.js';

const CHICAGO = 'America/Chicago';
const LONDON = 'Europe/London';
const at = (iso: string) => new Date(iso);
// End of 15 March 2027 in Chicago: the US clocks go forward on Sunday 14 March 2027.
const DUE = at('2027-03-16T04:59:59.999Z');
// End of 2 March 2027 in Chicago (CST).
const NOTICE_BY = at('2027-03-03T05:59:59.999Z');

const base: ScheduleInput = {
  status: 'in_progress',
  dueAt: DUE,
  extended: false,
  extensionNoticeBy: null,
  pausedAt: null,
  verificationExpiresAt: null,
  verificationLinkDays: 7,
  reminderOffsetsDays: [14, 7, 3, 1],
  extensionWarningDays: 3,
  timeZone: CHICAGO,
  now: at('2027-02-01T12:00:00Z'),
};

const plain = (events: ScheduledEvent[]) =>
  events.map((e) => ({ kind: e.kind, key: e.key, dueAt: e.dueAt.toISOString() }));

describe('deadlineSchedule: staff reminders', () => {
  it('reminds at 09:00 local on the due date minus each offset, keyed by offset and due date, across a clock change', () => {
    expect(plain(deadlineSchedule(base))).toEqual([
      { kind: 'staff_reminder', key: '14d-2027-03-15', dueAt: '2027-03-01T15:00:00.000Z' },
      { kind: 'staff_reminder', key: '7d-2027-03-15', dueAt: '2027-03-08T15:00:00.000Z' },
      { kind: 'staff_reminder', key: '3d-2027-03-15', dueAt: '2027-03-12T15:00:00.000Z' },
      // 14 March is the first day of daylight time: 09:00 CDT is 14:00 UTC.
      { kind: 'staff_reminder', key: '1d-2027-03-15', dueAt: '2027-03-14T14:00:00.000Z' },
    ]);
  });

  it.each([
    { why: 'none passed yet', now: '2027-03-01T14:59:59Z', keys: ['14d', '7d', '3d', '1d'] },
    {
      why: 'the 14-day one at its very time is kept (the sweep fires it)',
      now: '2027-03-01T15:00:00Z',
      keys: ['14d', '7d', '3d', '1d'],
    },
    {
      why: 'two days before the due date: only the 3-day one of those passed, not 14 and 7 as well',
      now: '2027-03-13T10:00:00Z',
      keys: ['3d', '1d'],
    },
    { why: 'on the due day: the 1-day one only', now: '2027-03-15T20:00:00Z', keys: ['1d'] },
    { why: 'once the due date has passed: none (the escalation takes over)', now: '2027-03-16T05:00:00Z', keys: [] },
  ])('of the reminders already passed, keeps only the latest: $why', ({ now, keys }) => {
    const events = deadlineSchedule({ ...base, now: at(now) });
    expect(events.map((e) => e.key)).toEqual(keys.map((k) => `${k}-2027-03-15`));
  });

  it('sends none while the GDPR clock stands still', () => {
    expect(deadlineSchedule({ ...base, status: 'awaiting_requester', pausedAt: at('2027-02-01T10:00:00Z') })).toEqual(
      [],
    );
  });

  it('reminds about awaiting, unverified and unclassified requests whose clock runs (CCPA)', () => {
    for (const status of ['awaiting_requester', 'unverified', 'verified', 'received_by_email'] as const) {
      expect(deadlineSchedule({ ...base, status }).filter((e) => e.kind === 'staff_reminder')).toHaveLength(4);
    }
  });

  it('follows a moved due date with new keys', () => {
    const extended = deadlineSchedule({ ...base, dueAt: at('2027-04-30T04:59:59.999Z'), extended: true });
    expect(extended.map((e) => e.key)).toEqual(['14d-2027-04-29', '7d-2027-04-29', '3d-2027-04-29', '1d-2027-04-29']);
  });

  it("takes the organisation's own offsets, each once", () => {
    expect(deadlineSchedule({ ...base, reminderOffsetsDays: [2, 10, 2] }).map((e) => e.key)).toEqual([
      '10d-2027-03-15',
      '2d-2027-03-15',
    ]);
    expect(deadlineSchedule({ ...base, reminderOffsetsDays: [] })).toEqual([]);
  });

  it('refuses offsets and warning days that are not whole days', () => {
    expect(() => deadlineSchedule({ ...base, reminderOffsetsDays: [0] })).toThrow('reminderOffsetsDays');
    expect(() => deadlineSchedule({ ...base, reminderOffsetsDays: [1.5] })).toThrow('reminderOffsetsDays');
    expect(() => deadlineSchedule({ ...base, extensionWarningDays: -1 })).toThrow('extensionWarningDays');
    expect(() => deadlineSchedule({ ...base, verificationLinkDays: 0 })).toThrow('verificationLinkDays');
  });
});

describe('deadlineSchedule: extension window', () => {
  const open = { ...base, reminderOffsetsDays: [], extensionNoticeBy: NOTICE_BY };

  it('warns at 09:00 local, extensionWarningDays before the notice deadline, keyed by its local date', () => {
    expect(plain(deadlineSchedule(open))).toEqual([
      { kind: 'extension_window', key: '2027-03-02', dueAt: '2027-02-27T15:00:00.000Z' },
    ]);
    expect(plain(deadlineSchedule({ ...open, extensionWarningDays: 0 }))).toEqual([
      { kind: 'extension_window', key: '2027-03-02', dueAt: '2027-03-02T15:00:00.000Z' },
    ]);
  });

  it.each([
    { why: 'before verification', change: { status: 'unverified' as const } },
    { why: 'before a mailed-in request is classified', change: { status: 'received_by_email' as const } },
    { why: 'once extended', change: { extended: true } },
    { why: 'where the regime has no extension', change: { extensionNoticeBy: null } },
    { why: 'once the notice deadline has passed', change: { now: at('2027-03-03T06:00:00Z') } },
  ])('is not scheduled $why', ({ change }) => {
    expect(deadlineSchedule({ ...open, ...change })).toEqual([]);
  });

  it('is kept when its warning time has passed but the deadline has not (verified late): the sweep sends it at once', () => {
    expect(deadlineSchedule({ ...open, now: at('2027-03-01T12:00:00Z') }).map((e) => e.kind)).toEqual([
      'extension_window',
    ]);
  });

  it('is still scheduled while the clock is paused: the extension must still be noticed by the deadline in force', () => {
    expect(
      deadlineSchedule({ ...open, status: 'awaiting_requester', pausedAt: at('2027-02-01T10:00:00Z') }).map(
        (e) => e.kind,
      ),
    ).toEqual(['extension_window']);
  });
});

describe('deadlineSchedule: verification', () => {
  const EXPIRES = at('2027-02-08T16:30:00.000Z');
  const unverified = {
    ...base,
    status: 'unverified' as const,
    reminderOffsetsDays: [],
    verificationExpiresAt: EXPIRES,
  };

  it('reminds the requester 48 hours before the link expires and expires the request with it, keyed by the expiry', () => {
    expect(plain(deadlineSchedule(unverified))).toEqual([
      { kind: 'verification_reminder', key: '2027-02-08T16:30:00.000Z', dueAt: '2027-02-06T16:30:00.000Z' },
      { kind: 'verification_expiry', key: '2027-02-08T16:30:00.000Z', dueAt: '2027-02-08T16:30:00.000Z' },
    ]);
  });

  it('keeps the reminder while the link is valid, and only the expiry after that', () => {
    expect(deadlineSchedule({ ...unverified, now: at('2027-02-07T00:00:00Z') }).map((e) => e.kind)).toEqual([
      'verification_reminder',
      'verification_expiry',
    ]);
    expect(deadlineSchedule({ ...unverified, now: EXPIRES }).map((e) => e.kind)).toEqual(['verification_expiry']);
  });

  it('sends no reminder for links that last two days or less: it would arrive with the link', () => {
    expect(deadlineSchedule({ ...unverified, verificationLinkDays: 2 }).map((e) => e.kind)).toEqual([
      'verification_expiry',
    ]);
    expect(deadlineSchedule({ ...unverified, verificationLinkDays: 3 }).map((e) => e.kind)).toEqual([
      'verification_reminder',
      'verification_expiry',
    ]);
  });

  it('has nothing to expire before a link is mailed or once verified', () => {
    expect(deadlineSchedule({ ...unverified, verificationExpiresAt: null })).toEqual([]);
    expect(deadlineSchedule({ ...unverified, status: 'verified' })).toEqual([]);
  });
});

const zones = fc.constantFrom(CHICAGO, LONDON, 'America/New_York', 'Pacific/Auckland', 'Asia/Kolkata');
const instant = (min: string, max: string) => fc.date({ min: at(min), max: at(max), noInvalidDate: true });
const inputs = fc.record({
  status: fc.constantFrom(...REQUEST_STATUSES),
  dueAt: instant('2026-01-01T00:00:00Z', '2030-12-31T00:00:00Z'),
  extended: fc.boolean(),
  extensionNoticeBy: fc.option(instant('2025-12-01T00:00:00Z', '2030-12-31T00:00:00Z')),
  pausedAt: fc.option(instant('2025-12-01T00:00:00Z', '2030-12-31T00:00:00Z')),
  verificationExpiresAt: fc.option(instant('2025-12-01T00:00:00Z', '2031-01-31T00:00:00Z')),
  verificationLinkDays: fc.integer({ min: 1, max: 30 }),
  reminderOffsetsDays: fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 6 }),
  extensionWarningDays: fc.integer({ min: 0, max: 10 }),
  timeZone: zones,
  now: instant('2025-10-01T00:00:00Z', '2031-03-01T00:00:00Z'),
});

describe('deadlineSchedule: properties', () => {
  it('schedules nothing for a closed request', () => {
    fc.assert(
      fc.property(inputs, fc.constantFrom(...REQUEST_STATUSES.filter((s) => !isOpen(s))), (input, status) => {
        expect(deadlineSchedule({ ...input, status })).toEqual([]);
      }),
    );
  });

  it('orders events by time and never repeats a (kind, key)', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const events = deadlineSchedule(input);
        for (let i = 1; i < events.length; i++)
          expect(events[i].dueAt.getTime()).toBeGreaterThanOrEqual(events[i - 1].dueAt.getTime());
        expect(new Set(events.map((e) => `${e.kind}/${e.key}`)).size).toBe(events.length);
      }),
    );
  });

  it('puts every staff mail at 09:00 local, reminders for larger offsets first, and at most one already passed', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const events = deadlineSchedule(input);
        for (const e of events.filter((e) => e.kind === 'staff_reminder' || e.kind === 'extension_window')) {
          const local = DateTime.fromJSDate(e.dueAt, { zone: input.timeZone });
          expect([local.hour, local.minute, local.second, local.millisecond]).toEqual([STAFF_MAIL_HOUR, 0, 0, 0]);
        }
        const reminders = events.filter((e) => e.kind === 'staff_reminder');
        const offsets = reminders.map((e) => Number(e.key.split('d-')[0]));
        expect(offsets).toEqual([...offsets].sort((a, b) => b - a));
        expect(reminders.filter((e) => e.dueAt.getTime() <= input.now.getTime()).length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('gives a moved due date entirely new reminder keys', () => {
    fc.assert(
      fc.property(inputs, fc.integer({ min: 1, max: 120 }), (input, days) => {
        const moved = new Date(input.dueAt.getTime() + days * 86_400_000);
        const keys = (dueAt: Date) =>
          deadlineSchedule({ ...input, dueAt, now: new Date(0), status: 'in_progress', pausedAt: null })
            .filter((e) => e.kind === 'staff_reminder')
            .map((e) => e.key);
        const before = keys(input.dueAt);
        expect(keys(moved).filter((k) => before.includes(k))).toEqual([]);
      }),
    );
  });

  it('sends no staff reminder while paused or once overdue', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const reminders = deadlineSchedule(input).filter((e) => e.kind === 'staff_reminder');
        if (input.pausedAt !== null || input.dueAt.getTime() <= input.now.getTime()) expect(reminders).toEqual([]);
      }),
    );
  });

  it('schedules verification events only while unverified, all at or before the link expiry', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const events = deadlineSchedule(input).filter((e) => e.kind.startsWith('verification_'));
        if (input.status !== 'unverified' || input.verificationExpiresAt === null) expect(events).toEqual([]);
        for (const e of events) {
          expect(e.key).toBe(input.verificationExpiresAt!.toISOString());
          expect(e.dueAt.getTime()).toBeLessThanOrEqual(input.verificationExpiresAt!.getTime());
        }
      }),
    );
  });
});
