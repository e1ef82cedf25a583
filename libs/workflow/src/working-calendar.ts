import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

/** Which local dates count as working days for deadlines that are counted in, or roll to, working days. */
export interface WorkingCalendar {
  /** date: a 'YYYY-MM-DD' local date in the organisation's time zone. */
  isWorkingDay(date: string): boolean;
}

// US: federal holidays only (date-holidays 'public', which includes observed substitute days).
// GB: bank holidays are typed 'public' or 'bank' depending on the region's data.
const HOLIDAY_TYPES: Record<'US' | 'GB', ReadonlySet<string>> = {
  US: new Set(['public']),
  GB: new Set(['public', 'bank']),
};

const SATURDAY = 6;
const SUNDAY = 7;

/** Weekends and the public holidays of a country (and region, e.g. GB 'ENG'). */
export function publicHolidayCalendar(country: 'US' | 'GB', region?: string): WorkingCalendar {
  // date-holidays silently falls back to the national calendar for an unknown region; refuse instead.
  if (region !== undefined && !(region in new Holidays().getStates(country))) {
    throw new Error(`Unknown holiday region "${region}" for country ${country}`);
  }
  const holidays = region === undefined ? new Holidays(country) : new Holidays(country, region);
  const types = HOLIDAY_TYPES[country];
  const byYear = new Map<number, ReadonlySet<string>>();

  const holidaysIn = (year: number): ReadonlySet<string> => {
    let dates = byYear.get(year);
    if (!dates) {
      // date-holidays lists a substitute day under the year it falls in (e.g. 2027-12-31 for New Year 2028).
      dates = new Set(
        holidays
          .getHolidays(year)
          .filter((h) => types.has(h.type))
          .map((h) => h.date.slice(0, 10)),
      );
      byYear.set(year, dates);
    }
    return dates;
  };

  return {
    isWorkingDay(date: string): boolean {
      const day = DateTime.fromFormat(date, 'yyyy-MM-dd', { zone: 'utc' });
      if (!day.isValid) throw new Error(`Expected a 'YYYY-MM-DD' date, got "${date}"`);
      if (day.weekday === SATURDAY || day.weekday === SUNDAY) return false;
      return !holidaysIn(day.year).has(date);
    },
  };
}
