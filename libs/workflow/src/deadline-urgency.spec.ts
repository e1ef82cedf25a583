import { describe, expect, it } from '@jest/globals';

import { deadlineUrgency } from './deadline-urgency.js';
import { isOpen, REQUEST_STATUSES } from './request-state.machine.js';

// A 40-day period: 10 days is exactly a quarter of it.
const clockStartedAt = new Date('2026-03-01T00:00:00Z');
const dueAt = new Date('2026-04-10T00:00:00Z');
const at = (iso: string) => new Date(iso);

describe('deadlineUrgency', () => {
  it.each([
    { why: 'plenty of time left', now: '2026-03-05T00:00:00Z', urgency: null },
    { why: 'exactly a quarter left is not yet due soon', now: '2026-03-31T00:00:00Z', urgency: null },
    { why: 'just under a quarter left', now: '2026-03-31T00:00:01Z', urgency: 'due_soon' },
    { why: 'the due instant itself', now: '2026-04-10T00:00:00Z', urgency: 'due_soon' },
    { why: 'a millisecond past the due instant', now: '2026-04-10T00:00:00.001Z', urgency: 'overdue' },
  ])('open: $why', ({ now, urgency }) => {
    expect(deadlineUrgency({ status: 'in_progress', dueAt, clockStartedAt }, at(now))).toBe(urgency);
  });

  it('never marks a closed request, however late', () => {
    for (const status of REQUEST_STATUSES.filter((s) => !isOpen(s))) {
      expect(deadlineUrgency({ status, dueAt, clockStartedAt }, at('2027-01-01T00:00:00Z'))).toBeNull();
      expect(deadlineUrgency({ status, dueAt, clockStartedAt }, at('2026-04-09T00:00:00Z'))).toBeNull();
    }
  });

  it('marks every open status', () => {
    for (const status of REQUEST_STATUSES.filter(isOpen)) {
      expect(deadlineUrgency({ status, dueAt, clockStartedAt }, at('2026-05-01T00:00:00Z'))).toBe('overdue');
    }
  });

  it('treats a period with no length as due soon until it passes', () => {
    expect(deadlineUrgency({ status: 'verified', dueAt, clockStartedAt: dueAt }, at('2026-04-09T00:00:00Z'))).toBe(
      'due_soon',
    );
  });
});
