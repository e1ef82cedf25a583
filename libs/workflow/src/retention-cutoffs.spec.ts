import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DateTime } from 'luxon';

import { identityDocumentCutoff, retentionCutoffs } from './retention-cutoffs.js';

const CHICAGO = 'America/Chicago';
const LON = 'Europe/London';

const cutoffs = (now: string, timeZone: string, retentionDays = 90, recordMonths = 24) => {
  const c = retentionCutoffs({ now: new Date(now), timeZone, retentionDays, recordMonths });
  return { purge: c.purgeClosedBefore.toISOString(), delete: c.deleteClosedBefore.toISOString() };
};

describe('retentionCutoffs', () => {
  it('purges from the local midnight after the last kept day', () => {
    // 00:30 on 11 April in Chicago: 90 local days back is 11 January, so a request closed on 10 January goes.
    expect(cutoffs('2026-04-11T05:30:00Z', CHICAGO).purge).toBe('2026-01-11T06:00:00.000Z');
    // 23:30 on 10 April in Chicago (already 11 April in UTC): 10 January is still kept.
    expect(cutoffs('2026-04-11T04:30:00Z', CHICAGO).purge).toBe('2026-01-10T06:00:00.000Z');
  });

  it('counts days across a DST change on local dates, not 24-hour blocks', () => {
    // London went to BST on 29 March 2026: 7 local days back from 2 April is 26 March, still GMT.
    expect(cutoffs('2026-04-02T12:00:00Z', LON, 7).purge).toBe('2026-03-26T00:00:00.000Z');
  });

  it('keeps the record 24 calendar months', () => {
    expect(cutoffs('2026-06-15T12:00:00Z', LON).delete).toBe('2024-06-14T23:00:00.000Z');
  });

  it.each([
    // now (London)            record cut-off (local midnight)
    ['2026-03-31T12:00:00Z', '2024-03-31T00:00:00.000Z'], // 31 March exists 24 months back (BST began at 01:00 that day)
    ['2026-04-30T12:00:00Z', '2024-04-29T23:00:00.000Z'],
    ['2026-03-01T12:00:00Z', '2024-03-01T00:00:00.000Z'],
  ])('at month ends: on %s the record cut-off is %s', (now, expected) => {
    expect(cutoffs(now, LON).delete).toBe(expected);
  });

  it('keeps a record closed on a leap day through 28 February two years on', () => {
    const closedAt = new Date('2024-02-29T12:00:00Z');
    const deleted = (now: string) =>
      closedAt <
      retentionCutoffs({ now: new Date(now), timeZone: LON, retentionDays: 90, recordMonths: 24 }).deleteClosedBefore;
    expect(deleted('2026-02-28T23:59:00Z')).toBe(false);
    expect(deleted('2026-03-01T00:00:00Z')).toBe(true);
  });

  it('on a leap day, months back land on the last day of February', () => {
    expect(cutoffs('2028-02-29T12:00:00Z', LON).delete).toBe('2026-02-28T00:00:00.000Z');
    expect(cutoffs('2028-03-01T12:00:00Z', LON, 1).purge).toBe('2028-02-29T00:00:00.000Z');
  });

  it('clamps to the month end: a record closed on 31 January, kept a month, goes on 1 March', () => {
    const closedAt = new Date('2026-01-31T12:00:00Z');
    const deleted = (now: string) =>
      closedAt <
      retentionCutoffs({ now: new Date(now), timeZone: LON, retentionDays: 1, recordMonths: 1 }).deleteClosedBefore;
    expect(deleted('2026-02-28T12:00:00Z')).toBe(false);
    expect(deleted('2026-03-01T00:00:00Z')).toBe(true);
  });

  it('never deletes a record before its personal data would be purged', () => {
    const long = cutoffs('2026-06-15T12:00:00Z', LON, 1000);
    expect(long.delete).toBe(long.purge);
  });

  it.each([0, -3, 1.5, Number.NaN])('refuses %p retention days', (days) => {
    expect(() => cutoffs('2026-06-15T12:00:00Z', LON, days)).toThrow(/retentionDays must be a whole number/);
  });

  it('refuses an unknown time zone', () => {
    expect(() => cutoffs('2026-06-15T12:00:00Z', 'Mars/Olympus')).toThrow(/Unknown time zone/);
  });

  it('purges exactly the requests whose last kept local day has passed (property)', () => {
    const instant = fc.date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2030-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom(CHICAGO, LON),
        (closedAt, elapsedHours, days, zone) => {
          const now = new Date(closedAt.getTime() + elapsedHours * 3_600_000 * 3);
          const { purgeClosedBefore, deleteClosedBefore } = retentionCutoffs({
            now,
            timeZone: zone,
            retentionDays: days,
            recordMonths: 24,
          });
          const lastKept = DateTime.fromJSDate(closedAt, { zone }).startOf('day').plus({ days }).toISODate()!;
          const today = DateTime.fromJSDate(now, { zone }).toISODate()!;
          expect(closedAt < purgeClosedBefore).toBe(today > lastKept);
          expect(deleteClosedBefore <= purgeClosedBefore).toBe(true);
        },
      ),
    );
  });

  it('moves forward with time: a purged or deleted request never comes back into scope (property)', () => {
    const instant = fc.date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2030-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 90 * 24 }),
        fc.constantFrom(CHICAGO, LON),
        (now, laterHours, zone) => {
          const earlier = retentionCutoffs({ now, timeZone: zone, retentionDays: 30, recordMonths: 24 });
          const later = retentionCutoffs({
            now: new Date(now.getTime() + laterHours * 3_600_000),
            timeZone: zone,
            retentionDays: 30,
            recordMonths: 24,
          });
          expect(later.purgeClosedBefore >= earlier.purgeClosedBefore).toBe(true);
          expect(later.deleteClosedBefore >= earlier.deleteClosedBefore).toBe(true);
        },
      ),
    );
  });
});

describe('identityDocumentCutoff', () => {
  it('deletes a document from the local midnight after its last kept day', () => {
    // 10:00 on 6 Dec in London: 30 days back is 6 Nov, so a document decided on 5 Nov goes and one on 6 Nov stays.
    const cutoff = identityDocumentCutoff({ now: new Date('2026-12-06T10:00:00Z'), timeZone: LON, days: 30 });
    expect(cutoff.toISOString()).toBe('2026-11-06T00:00:00.000Z');
  });

  it("counts the days in the organisation's zone", () => {
    // 23:30 on 5 Dec in Chicago (6 Dec in UTC): 30 days back is 5 Nov, local midnight (CST by then).
    const cutoff = identityDocumentCutoff({ now: new Date('2026-12-06T05:30:00Z'), timeZone: CHICAGO, days: 30 });
    expect(cutoff.toISOString()).toBe('2026-11-05T06:00:00.000Z');
  });

  it('refuses a period that is not a whole number of days', () => {
    expect(() => identityDocumentCutoff({ now: new Date(), timeZone: LON, days: 0 })).toThrow('identityDocumentDays');
  });
});
