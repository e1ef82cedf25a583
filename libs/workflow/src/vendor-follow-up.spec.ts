import { describe, expect, it } from '@jest/globals';

import { reminderAfter, vendorFollowUp, vendorSchedule } from './vendor-follow-up.js';

const cadence = { remindEveryDays: 3, escalateAfterDays: 10 };
const asked = new Date('2026-12-01T09:30:00Z');
const at = (iso: string) => new Date(iso);

describe('vendorSchedule', () => {
  it('reminds after the interval and escalates after its days, both counted from the mail', () => {
    expect(vendorSchedule(asked, cadence)).toEqual({
      nextReminderAt: at('2026-12-04T09:30:00Z'),
      escalationDueAt: at('2026-12-11T09:30:00Z'),
    });
  });

  it('counts the next reminder from when the last one went, not from when it was due', () => {
    expect(reminderAfter(at('2026-12-05T02:00:00Z'), cadence)).toEqual(at('2026-12-08T02:00:00Z'));
  });
});

describe('vendorFollowUp', () => {
  const wait = { ...vendorSchedule(asked, cadence), escalatedAt: null };

  it.each([
    ['before anything is due', '2026-12-04T09:29:59Z', { remind: false, escalate: false }],
    ['the reminder at its time', '2026-12-04T09:30:00Z', { remind: true, escalate: false }],
    ['the escalation at its time, with the reminder due', '2026-12-11T09:30:00Z', { remind: true, escalate: true }],
  ])('%s', (_case, now, expected) => {
    expect(vendorFollowUp(wait, at(now))).toEqual(expected);
  });

  it('escalates once: an escalated task is only reminded', () => {
    const escalated = { ...wait, escalatedAt: at('2026-12-11T10:00:00Z') };
    expect(vendorFollowUp(escalated, at('2026-12-20T00:00:00Z'))).toEqual({ remind: true, escalate: false });
  });

  it('owes nothing to a task that is not waiting on a schedule (done, closed, a service awaiting its callback)', () => {
    expect(
      vendorFollowUp({ nextReminderAt: null, escalationDueAt: null, escalatedAt: null }, at('2030-01-01T00:00:00Z')),
    ).toEqual({ remind: false, escalate: false });
  });
});
