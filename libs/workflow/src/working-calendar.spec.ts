import { describe, expect, it } from '@jest/globals';

import { publicHolidayCalendar } from './working-calendar.js';

const US = publicHolidayCalendar('US');
const ENG = publicHolidayCalendar('GB', 'ENG');

describe('publicHolidayCalendar', () => {
  it.each([
    { why: 'US: an ordinary Wednesday', calendar: US, date: '2026-11-25', working: true },
    { why: 'US: Saturday', calendar: US, date: '2026-11-28', working: false },
    { why: 'US: Sunday', calendar: US, date: '2026-11-29', working: false },
    { why: 'US: Thanksgiving', calendar: US, date: '2026-11-26', working: false },
    { why: 'US: the day after Thanksgiving is not a federal holiday', calendar: US, date: '2026-11-27', working: true },
    { why: 'US: Juneteenth observed on Friday', calendar: US, date: '2027-06-18', working: false },
    { why: 'US: Independence Day observed on Monday', calendar: US, date: '2027-07-05', working: false },
    { why: 'US: New Year 2028 observed on Fri 31 Dec 2027', calendar: US, date: '2027-12-31', working: false },
    { why: 'US: Easter Monday is a working day', calendar: US, date: '2026-04-06', working: true },
    { why: 'US: Boxing Day substitute is a working day', calendar: US, date: '2026-12-28', working: true },
    { why: 'England: Easter Monday', calendar: ENG, date: '2026-04-06', working: false },
    { why: 'England: Good Friday', calendar: ENG, date: '2026-04-03', working: false },
    { why: 'England: Boxing Day substitute', calendar: ENG, date: '2026-12-28', working: false },
    { why: 'England: New Year substitute Mon 3 Jan 2028', calendar: ENG, date: '2028-01-03', working: false },
    { why: 'England: Thanksgiving is a working day', calendar: ENG, date: '2026-11-26', working: true },
  ])('$why ($date)', ({ calendar, date, working }) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  it('refuses malformed dates and unknown regions', () => {
    expect(() => US.isWorkingDay('2026-02-30')).toThrow("Expected a 'YYYY-MM-DD' date");
    expect(() => US.isWorkingDay('2026-12-28T00:00:00Z')).toThrow("Expected a 'YYYY-MM-DD' date");
    expect(() => publicHolidayCalendar('GB', 'XXX')).toThrow('Unknown holiday region "XXX" for country GB');
  });
});
