/**
 * Local calendar days in a user's IANA time zone, with nothing but Intl: the day a streak counts,
 * the day a daily quiz belongs to, the columns of the activity heatmap. A day is a 'YYYY-MM-DD'
 * string in the proleptic Gregorian calendar (years 0001–9999); an instant is a Date. The zone is
 * always an argument, so the result never depends on the server's own TZ.
 */

/** A local calendar day, 'YYYY-MM-DD'. */
export type LocalDay = string;

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Formatters are costly to build and immutable, so one is kept per zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      era: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA zone (or alias) this runtime's Intl knows, e.g. 'Europe/Paris'. */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function checkZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone ${JSON.stringify(timeZone)}`);
}

function checkInstant(instant: Date): number {
  const t = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(t)) throw new RangeError('expected a valid Date');
  return t;
}

/** The wall-clock reading in `timeZone` at instant `t`, as if that reading were UTC (ms). */
function wallClock(t: number, timeZone: string): number {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(t))) fields[part.type] = part.value;
  // Astronomical year numbering, so the day before 0001-01-01 still has a wall clock.
  const year = fields.era === 'BC' ? 1 - Number(fields.year) : Number(fields.year);
  // Some engines print midnight as hour 24 even in h23; it is hour 0 of the same day there.
  const hour = Number(fields.hour) % 24;
  return utcMs(year, Number(fields.month), Number(fields.day)) + ((hour * 60 + Number(fields.minute)) * 60 + Number(fields.second)) * 1000;
}

/** UTC offset of `timeZone` at instant `t`, in ms (wall clock minus UTC, seconds precision). */
function offsetAt(t: number, timeZone: string): number {
  const whole = Math.floor(t / 1000) * 1000;
  return wallClock(whole, timeZone) - whole;
}

/** Date.UTC without its two-digit-year quirk (year 99 would mean 1999). */
function utcMs(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function formatUtcDay(t: number): LocalDay {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  if (y < 1 || y > 9999) throw new RangeError('day outside the years 0001–9999');
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Midnight UTC of `day` as ms, after checking that `day` is a real 'YYYY-MM-DD' date. */
function parseDay(day: LocalDay): number {
  const m = typeof day === 'string' ? DAY_PATTERN.exec(day) : null;
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = utcMs(y, mo, d);
    if (y >= 1 && formatUtcDay(t) === day) return t;
  }
  throw new RangeError(`expected a day as YYYY-MM-DD, got ${JSON.stringify(day)}`);
}

/** Whether `value` is a real calendar day written 'YYYY-MM-DD' (2024-02-29 yes, 2023-02-29 no). */
export function isLocalDay(value: unknown): value is LocalDay {
  try {
    parseDay(value as LocalDay);
    return true;
  } catch {
    return false;
  }
}

/** The calendar day that `instant` falls on in `timeZone` (Intl's reading of the IANA rules). */
export function localDay(instant: Date, timeZone: string): LocalDay {
  checkZone(timeZone);
  const t = checkInstant(instant);
  return formatUtcDay(wallClock(Math.floor(t / 1000) * 1000, timeZone));
}

/** `day` moved by `n` whole calendar days (negative goes back); month and leap-year aware. */
export function addDays(day: LocalDay, n: number): LocalDay {
  if (!Number.isSafeInteger(n)) throw new RangeError(`expected a whole number of days, got ${String(n)}`);
  return formatUtcDay(parseDay(day) + n * DAY_MS);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDay, to: LocalDay): number {
  return Math.round((parseDay(to) - parseDay(from)) / DAY_MS);
}

/**
 * The first instant of `day` in `timeZone`: the earliest instant whose wall clock reads 00:00 that
 * day (the first of two when clocks fall back over midnight). When a transition skips midnight
 * (e.g. America/Santiago springs forward at 24:00), the day begins at the transition itself, the
 * first instant whose local day is `day`. Offsets are read a day either side, as Temporal does, so
 * one transition per two days is assumed. A day a zone skipped entirely (Pacific/Apia, 2011-12-30)
 * has no instants; its start is the start of the next day.
 */
export function dayStart(day: LocalDay, timeZone: string): Date {
  checkZone(timeZone);
  const wall = parseDay(day);
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const exact = [...new Set([wall - before, wall - after])]
    .filter((t) => wallClock(t, timeZone) === wall)
    .sort((a, b) => a - b);
  if (exact[0] !== undefined) return new Date(exact[0]);
  // Midnight fell in a gap: find the transition, the first second with the later offset,
  // somewhere in (wall - after, wall - before].
  let lo = Math.floor((wall - after) / 1000);
  let hi = Math.ceil((wall - before) / 1000);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid * 1000, timeZone) === after) hi = mid;
    else lo = mid;
  }
  return new Date(hi * 1000);
}
