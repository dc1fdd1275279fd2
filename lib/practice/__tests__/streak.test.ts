import { addDays, daysBetween, localDay } from '../day';
import { activitySeries, currentStreak, daysOf, HEATMAP_DAYS, longestStreak, streakSummary } from '../streak';

const NY = 'America/New_York';
const AKL = 'Pacific/Auckland';
/** The fixed clock: 03:30 UTC on 10 March 2025 is still 9 March (23:30 EDT) in New York. */
const NOW = new Date('2025-03-10T03:30:00Z');

describe('the current streak', () => {
  const today = '2025-03-10';
  it('counts consecutive finished days ending today', () => {
    expect(currentStreak(['2025-03-08', '2025-03-09', '2025-03-10'], today)).toBe(3);
  });
  it('is kept while today is not done yet: it counts back from yesterday', () => {
    expect(currentStreak(['2025-03-08', '2025-03-09'], today)).toBe(2);
  });
  it('is broken when yesterday is missing and today not done', () => {
    expect(currentStreak(['2025-03-07', '2025-03-08'], today)).toBe(0);
  });
  it('restarts at 1 when today is done after a missed yesterday', () => {
    expect(currentStreak(['2025-03-07', '2025-03-08', '2025-03-10'], today)).toBe(1);
  });
  it('crosses month and year ends, leap days included', () => {
    expect(currentStreak(['2024-12-30', '2024-12-31', '2025-01-01'], '2025-01-01')).toBe(3);
    expect(currentStreak(['2024-02-28', '2024-02-29', '2024-03-01'], '2024-03-01')).toBe(3);
    expect(currentStreak(['2023-02-28', '2023-03-01'], '2023-03-01')).toBe(2);
  });
  it('is 0 with no finished days, and ignores duplicates', () => {
    expect(currentStreak([], today)).toBe(0);
    expect(currentStreak(['2025-03-10', '2025-03-10'], today)).toBe(1);
  });
  it('refuses days not written YYYY-MM-DD', () => {
    expect(() => currentStreak(['2025-3-9'], today)).toThrow(RangeError);
    expect(() => currentStreak([], '10/03/2025')).toThrow(RangeError);
  });
});

describe('the longest streak', () => {
  it('is the longest run of consecutive days, wherever it lies', () => {
    const days = ['2025-01-01', '2025-01-02', '2025-01-03', '2025-01-04', '2025-02-10', '2025-02-11', '2025-03-09'];
    expect(longestStreak(days)).toBe(4);
  });
  it('does not care about input order or duplicates', () => {
    expect(longestStreak(['2025-01-03', '2025-01-01', '2025-01-02', '2025-01-02'])).toBe(3);
  });
  it('is 0 for no days and 1 for isolated days', () => {
    expect(longestStreak([])).toBe(0);
    expect(longestStreak(['2025-01-01', '2025-01-03'])).toBe(1);
  });
  it('is summarised with the current streak and whether today is done', () => {
    expect(streakSummary(['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-09'], '2025-03-10')).toEqual({
      current: 1,
      longest: 3,
      doneToday: false,
    });
  });
});

describe('streak days are local days in the user zone', () => {
  it('counts a quiz finished at 03:30 UTC for the previous day in New York', () => {
    expect([...daysOf([NOW], NY)]).toEqual(['2025-03-09']);
    expect([...daysOf([NOW], 'UTC')]).toEqual(['2025-03-10']);
  });
  it('keeps a late-evening New York streak across the March change to daylight time', () => {
    // 23:30 local each evening: 04:30 UTC while on EST, 03:30 UTC once on EDT (9 March).
    const finished = ['2025-03-08T04:30:00Z', '2025-03-09T04:30:00Z', '2025-03-10T03:30:00Z'].map((s) => new Date(s));
    const days = daysOf(finished, NY);
    expect([...days]).toEqual(['2025-03-07', '2025-03-08', '2025-03-09']);
    // At 08:00 EDT on 10 March today's quiz is not done yet: the streak stands at 3.
    const today = localDay(new Date('2025-03-10T12:00:00Z'), NY);
    expect(today).toBe('2025-03-10');
    expect(currentStreak(days, today)).toBe(3);
    // Read in UTC the same instants are 8, 9, 10 March: a different streak, so the zone matters.
    expect([...daysOf(finished, 'UTC')]).toEqual(['2025-03-08', '2025-03-09', '2025-03-10']);
  });
  it('keeps a late-evening New York streak across the November change back to standard time', () => {
    // 23:30 EDT on 1 November is 03:30 UTC; 23:30 EST on 2 November is 04:30 UTC.
    const finished = ['2025-11-01T03:30:00Z', '2025-11-02T03:30:00Z', '2025-11-03T04:30:00Z'].map((s) => new Date(s));
    const days = daysOf(finished, NY);
    expect([...days]).toEqual(['2025-10-31', '2025-11-01', '2025-11-02']);
    expect(currentStreak(days, '2025-11-03')).toBe(3);
    expect(currentStreak(days, '2025-11-04')).toBe(0);
  });
  it('counts an Auckland morning as the local day, the previous UTC day', () => {
    // 08:00 NZDT on 6 January is 19:00 UTC on 5 January.
    const days = daysOf([new Date('2025-01-05T19:00:00Z'), new Date('2025-01-06T19:00:00Z')], AKL);
    expect([...days]).toEqual(['2025-01-06', '2025-01-07']);
    // 01:00 NZDT on 8 January (still 7 January in UTC): a new local day, not done, streak kept.
    const today = localDay(new Date('2025-01-07T12:00:00Z'), AKL);
    expect(today).toBe('2025-01-08');
    expect(streakSummary(days, today)).toEqual({ current: 2, longest: 2, doneToday: false });
  });
  it('breaks at the user midnight, not at UTC midnight', () => {
    const days = daysOf([new Date('2025-03-08T15:00:00Z')], NY); // done on 8 March
    expect(currentStreak(days, localDay(new Date('2025-03-10T03:59:00Z'), NY))).toBe(1); // 23:59 EDT, 9 March
    expect(currentStreak(days, localDay(new Date('2025-03-10T04:00:00Z'), NY))).toBe(0); // 00:00 EDT, 10 March
  });
});

describe('the activity heatmap', () => {
  it('covers exactly 365 consecutive days ending today, oldest first', () => {
    const series = activitySeries([], '2025-03-09', NY);
    expect(series).toHaveLength(HEATMAP_DAYS);
    expect(HEATMAP_DAYS).toBe(365);
    expect(series[0]?.day).toBe('2024-03-10');
    expect(series.at(-1)?.day).toBe('2025-03-09');
    series.slice(1).forEach((entry, i) => expect(daysBetween(series[i]?.day ?? '', entry.day)).toBe(1));
    expect(series.every((d) => d.count === 0)).toBe(true);
  });
  it('covers 365 days across a leap year too', () => {
    const series = activitySeries([], '2024-12-31', 'UTC');
    expect(series).toHaveLength(365);
    expect(series[0]?.day).toBe('2024-01-02');
    expect(series.some((d) => d.day === '2024-02-29')).toBe(true);
  });
  it('counts answers by their local day in the user zone', () => {
    const today = localDay(NOW, NY); // 2025-03-09
    const answers = ['2025-03-10T03:30:00Z', '2025-03-10T03:31:00Z', '2025-03-09T04:59:00Z', '2025-03-09T05:00:00Z'].map((s) => new Date(s));
    const series = activitySeries(answers, today, NY);
    const count = (day: string) => series.find((d) => d.day === day)?.count;
    expect(count('2025-03-09')).toBe(3);
    expect(count('2025-03-08')).toBe(1); // 23:59 EST
    const inUtc = activitySeries(answers, '2025-03-10', 'UTC');
    expect(inUtc.at(-1)).toEqual({ day: '2025-03-10', count: 2 });
  });
  it('leaves out answers before the window and after today', () => {
    const today = '2025-03-09';
    const first = addDays(today, -364);
    const answers = [
      new Date(`${first}T12:00:00Z`), // first day shown
      new Date(`${addDays(first, -1)}T12:00:00Z`), // one day too old
      new Date(`${addDays(today, 1)}T12:00:00Z`), // tomorrow
    ];
    const series = activitySeries(answers, today, 'UTC');
    expect(series[0]).toEqual({ day: first, count: 1 });
    expect(series.reduce((sum, d) => sum + d.count, 0)).toBe(1);
  });
  it('refuses an unknown zone even with no answers', () => {
    expect(() => activitySeries([], '2025-03-09', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
