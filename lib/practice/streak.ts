/**
 * Daily-quiz streaks and the activity heatmap, on local calendar days (see day.ts): the server
 * turns instants into days in the user's zone once, and every rule here works on days.
 */
import { addDays, daysBetween, isLocalDay, isValidTimeZone, localDay, type LocalDay } from './day';

/** How many days the heatmap shows, today included. */
export const HEATMAP_DAYS = 365;

export interface StreakSummary {
  /** Consecutive finished days ending today, or ending yesterday while today is still open. */
  current: number;
  /** The longest run of consecutive finished days ever. */
  longest: number;
  /** Whether today's quiz is finished. */
  doneToday: boolean;
}

export interface ActivityDay {
  day: LocalDay;
  /** Answers given that local day. */
  count: number;
}

function daySet(days: Iterable<LocalDay>): Set<LocalDay> {
  const set = new Set<LocalDay>();
  for (const d of days) {
    if (!isLocalDay(d)) throw new RangeError(`expected a day as YYYY-MM-DD, got ${JSON.stringify(d)}`);
    set.add(d);
  }
  return set;
}

function checkDay(day: LocalDay, name: string): void {
  if (!isLocalDay(day)) throw new RangeError(`${name} must be a day as YYYY-MM-DD, got ${JSON.stringify(day)}`);
}

/** The local days (in `timeZone`) on which any of `instants` fall. */
export function daysOf(instants: Iterable<Date>, timeZone: string): Set<LocalDay> {
  const out = new Set<LocalDay>();
  for (const t of instants) out.add(localDay(t, timeZone));
  return out;
}

/**
 * The current streak: consecutive finished days counted back from today. Today does not break a
 * streak until it is over, so when today is not finished yet the count starts from yesterday; a
 * missing yesterday (with today not done) means the streak is 0. Days after `today` are ignored.
 */
export function currentStreak(finishedDays: Iterable<LocalDay>, today: LocalDay): number {
  checkDay(today, 'today');
  const done = daySet(finishedDays);
  let day = done.has(today) ? today : addDays(today, -1);
  let n = 0;
  while (done.has(day)) {
    n += 1;
    day = addDays(day, -1);
  }
  return n;
}

/** The longest run of consecutive calendar days in `finishedDays` (0 for none). */
export function longestStreak(finishedDays: Iterable<LocalDay>): number {
  const sorted = [...daySet(finishedDays)].sort();
  let longest = 0;
  let run = 0;
  let previous: LocalDay | undefined;
  for (const day of sorted) {
    run = previous !== undefined && daysBetween(previous, day) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  return longest;
}

/** Current and longest streak and whether today is done, from the days the quiz was finished. */
export function streakSummary(finishedDays: Iterable<LocalDay>, today: LocalDay): StreakSummary {
  const done = daySet(finishedDays);
  return { current: currentStreak(done, today), longest: longestStreak(done), doneToday: done.has(today) };
}

/**
 * The heatmap series: exactly `HEATMAP_DAYS` entries, oldest first, ending with `today`, each the
 * number of `instants` (answer timestamps) whose local day in `timeZone` it is. Days without
 * answers count 0; answers outside the window are left out.
 */
export function activitySeries(instants: Iterable<Date>, today: LocalDay, timeZone: string): ActivityDay[] {
  checkDay(today, 'today');
  if (!isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone ${JSON.stringify(timeZone)}`);
  const first = addDays(today, -(HEATMAP_DAYS - 1));
  const counts = new Map<LocalDay, number>();
  for (const t of instants) {
    const day = localDay(t, timeZone);
    if (day >= first && day <= today) counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return Array.from({ length: HEATMAP_DAYS }, (_, i) => {
    const day = addDays(first, i);
    return { day, count: counts.get(day) ?? 0 };
  });
}
