import { describe, expect, it } from '@jest/globals';

import { dailyStaffMailDate } from './daily-staff-mail.js';

describe('dailyStaffMailDate', () => {
  it.each([
    { why: 'before 08:00 local: not yet', now: '2027-01-11T13:59:59Z', zone: 'America/Chicago', date: null },
    { why: 'at 08:00 local', now: '2027-01-11T14:00:00Z', zone: 'America/Chicago', date: '2027-01-11' },
    {
      why: 'late in the local day, when UTC is already tomorrow',
      now: '2027-01-12T05:30:00Z',
      zone: 'America/Chicago',
      date: '2027-01-11',
    },
    { why: 'in London summer time', now: '2027-07-01T07:00:00Z', zone: 'Europe/London', date: '2027-07-01' },
    { why: 'in London, an hour earlier', now: '2027-07-01T06:59:59Z', zone: 'Europe/London', date: null },
    { why: 'a half-hour zone', now: '2027-07-01T02:30:00Z', zone: 'Asia/Kolkata', date: '2027-07-01' },
  ])('$why', ({ now, zone, date }) => {
    expect(dailyStaffMailDate(new Date(now), zone)).toBe(date);
  });

  it('refuses an unknown zone', () => {
    expect(() => dailyStaffMailDate(new Date(), 'Mars/Olympus')).toThrow('Mars/Olympus');
  });
});
