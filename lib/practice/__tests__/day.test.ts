import fc from 'fast-check';
import { addDays, dayStart, daysBetween, isLocalDay, isValidTimeZone, localDay } from '../day';

const HOUR = 3_600_000;
const ZONES = [
  'UTC',
  'America/New_York',
  'Pacific/Auckland',
  'America/Santiago',
  'America/Havana',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Europe/London',
  'Asia/Kathmandu',
  'Africa/Casablanca',
] as const;

const hoursInDay = (day: string, zone: string) =>
  (dayStart(addDays(day, 1), zone).getTime() - dayStart(day, zone).getTime()) / HOUR;

describe('the local day of an instant is read in the user zone', () => {
  it('puts 03:30 UTC on the previous day in New York, the same day in UTC and Auckland', () => {
    const instant = new Date('2025-03-10T03:30:00Z');
    expect(localDay(instant, 'UTC')).toBe('2025-03-10');
    expect(localDay(instant, 'America/New_York')).toBe('2025-03-09');
    expect(localDay(instant, 'Pacific/Auckland')).toBe('2025-03-10');
  });
  it('changes day exactly at local midnight, not a millisecond before', () => {
    const midnight = new Date('2025-07-01T04:00:00Z'); // 00:00 EDT
    expect(localDay(midnight, 'America/New_York')).toBe('2025-07-01');
    expect(localDay(new Date(midnight.getTime() - 1), 'America/New_York')).toBe('2025-06-30');
  });
  it('puts Auckland a day ahead of UTC for most of the UTC day', () => {
    expect(localDay(new Date('2025-12-31T11:00:00Z'), 'Pacific/Auckland')).toBe('2026-01-01');
    expect(localDay(new Date('2025-12-31T10:59:59Z'), 'Pacific/Auckland')).toBe('2025-12-31');
  });
  it('refuses an unknown zone and an invalid date', () => {
    expect(() => localDay(new Date('2025-01-01T00:00:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => localDay(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
  });
});

describe('the start of a local day', () => {
  it('is local midnight as a UTC instant', () => {
    expect(dayStart('2025-01-15', 'UTC').toISOString()).toBe('2025-01-15T00:00:00.000Z');
    expect(dayStart('2025-01-15', 'America/New_York').toISOString()).toBe('2025-01-15T05:00:00.000Z');
    expect(dayStart('2025-01-15', 'Pacific/Auckland').toISOString()).toBe('2025-01-14T11:00:00.000Z');
    expect(dayStart('2025-01-15', 'Asia/Kolkata').toISOString()).toBe('2025-01-14T18:30:00.000Z');
  });
  it('makes the March change day in New York 23 hours long and the November one 25', () => {
    expect(dayStart('2025-03-09', 'America/New_York').toISOString()).toBe('2025-03-09T05:00:00.000Z');
    expect(dayStart('2025-03-10', 'America/New_York').toISOString()).toBe('2025-03-10T04:00:00.000Z');
    expect(hoursInDay('2025-03-09', 'America/New_York')).toBe(23);
    expect(dayStart('2025-11-02', 'America/New_York').toISOString()).toBe('2025-11-02T04:00:00.000Z');
    expect(dayStart('2025-11-03', 'America/New_York').toISOString()).toBe('2025-11-03T05:00:00.000Z');
    expect(hoursInDay('2025-11-02', 'America/New_York')).toBe(25);
  });
  it('follows Auckland: 25 hours when daylight time ends in April, 23 when it starts in September', () => {
    expect(dayStart('2025-04-06', 'Pacific/Auckland').toISOString()).toBe('2025-04-05T11:00:00.000Z');
    expect(hoursInDay('2025-04-06', 'Pacific/Auckland')).toBe(25);
    expect(dayStart('2025-09-28', 'Pacific/Auckland').toISOString()).toBe('2025-09-27T12:00:00.000Z');
    expect(hoursInDay('2025-09-28', 'Pacific/Auckland')).toBe(23);
  });
  it('begins at 01:00 when the clocks skip midnight (Santiago, Havana)', () => {
    const santiago = dayStart('2025-09-07', 'America/Santiago');
    expect(santiago.toISOString()).toBe('2025-09-07T04:00:00.000Z'); // 01:00 -03
    expect(localDay(new Date(santiago.getTime() - 1), 'America/Santiago')).toBe('2025-09-06');
    expect(dayStart('2025-03-09', 'America/Havana').toISOString()).toBe('2025-03-09T05:00:00.000Z');
  });
  it('takes the first of two midnights when the clocks fall back to midnight (Havana)', () => {
    // 01:00 CDT becomes 00:00 CST on 2 November 2025: midnight happens at 04:00Z and at 05:00Z.
    expect(dayStart('2025-11-02', 'America/Havana').toISOString()).toBe('2025-11-02T04:00:00.000Z');
  });
  it('gives a day the zone skipped the start of the next day (Samoa, 30 December 2011)', () => {
    expect(dayStart('2011-12-30', 'Pacific/Apia').getTime()).toBe(dayStart('2011-12-31', 'Pacific/Apia').getTime());
    expect(localDay(dayStart('2011-12-30', 'Pacific/Apia'), 'Pacific/Apia')).toBe('2011-12-31');
  });
  it('refuses days that are not real dates', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-1', '20250101', '', '0000-01-01']) {
      expect(() => dayStart(bad, 'UTC')).toThrow(RangeError);
    }
  });

  const anyDay = fc.integer({ min: 0, max: 47_000 }).map((n) => addDays('1970-01-01', n)); // to 2098
  const anyZone = fc.constantFrom(...ZONES);

  it('law: the start of a day lies on that day, and the instant before it on the day before', () => {
    fc.assert(
      fc.property(anyDay, anyZone, (day, zone) => {
        const start = dayStart(day, zone);
        expect(localDay(start, zone)).toBe(day);
        expect(localDay(new Date(start.getTime() - 1), zone)).toBe(addDays(day, -1));
      }),
      { numRuns: 400 },
    );
  });
  it('law: a local day lasts between 23 and 25 hours', () => {
    fc.assert(
      fc.property(anyDay, anyZone, (day, zone) => {
        const hours = hoursInDay(day, zone);
        expect(hours).toBeGreaterThanOrEqual(23);
        expect(hours).toBeLessThanOrEqual(25);
      }),
      { numRuns: 200 },
    );
  });
});

describe('calendar arithmetic on days', () => {
  it('knows month lengths and leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-03-09', 0)).toBe('2025-03-09');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
  });
  it('counts days between two days', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-03-10', '2025-03-08')).toBe(-2);
  });
  it('moves only by whole days', () => {
    expect(() => addDays('2025-01-01', 0.5)).toThrow(RangeError);
  });
  it('law: adding n days then -n days returns the same day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -5_000, max: 5_000 }), (base, n) => {
        const day = addDays('1950-01-01', base);
        expect(addDays(addDays(day, n), -n)).toBe(day);
        expect(daysBetween(day, addDays(day, n))).toBe(n);
      }),
    );
  });
  it('recognises real days written YYYY-MM-DD', () => {
    expect(isLocalDay('2024-02-29')).toBe(true);
    expect(isLocalDay('2023-02-29')).toBe(false);
    expect(isLocalDay('2023-04-31')).toBe(false);
    expect(isLocalDay('2023-4-30')).toBe(false);
    expect(isLocalDay(20230430)).toBe(false);
  });
});

describe('time zone names', () => {
  it('accepts IANA zones and refuses anything else', () => {
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Pacific/Auckland')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone(undefined)).toBe(false);
    expect(isValidTimeZone(-5)).toBe(false);
  });
});
