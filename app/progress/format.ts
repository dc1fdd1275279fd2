/** Display formats for the progress pages (English, fixed, so server and browser agree). */
import type { LocalDay } from '@/lib/practice/day';

const dayLong = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
const dayShort = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });
const weekdayShort = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric' });

const asDate = (day: LocalDay) => new Date(`${day}T00:00:00Z`);

/** "26 Nov 2026" */
export function formatDay(day: LocalDay): string {
  return dayLong.format(asDate(day));
}

/** "26 Nov" */
export function formatDayShort(day: LocalDay): string {
  return dayShort.format(asDate(day));
}

/** "Thu 26" */
export function formatWeekday(day: LocalDay): string {
  return weekdayShort.format(asDate(day));
}

/** "26 Nov 2026, 14:05" in the user's zone. */
export function formatInstant(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
