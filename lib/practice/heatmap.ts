/**
 * The activity heatmap's layout: colour levels and the calendar grid of a year of days. Pure and
 * browser-safe (no scheduler, no Intl), so the heatmap can render as a client component.
 */
import { daysBetween, type LocalDay } from './day';
import type { ActivityDay } from './streak';

/** The heatmap's colour scale: a square's level is the last whose `min` its count reaches. */
export const HEAT_SCALE = [
  { level: 0, min: 0, label: 'no answers' },
  { level: 1, min: 1, label: '1–4 answers' },
  { level: 2, min: 5, label: '5–9 answers' },
  { level: 3, min: 10, label: '10–19 answers' },
  { level: 4, min: 20, label: '20 or more answers' },
] as const;

export type HeatLevel = (typeof HEAT_SCALE)[number]['level'];

/** The colour level (0–4) of a day with `count` answers. */
export function heatLevel(count: number): HeatLevel {
  let level: HeatLevel = 0;
  for (const s of HEAT_SCALE) if (count >= s.min) level = s.level;
  return level;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
/** A known Monday: weekdays are counted from it. */
const A_MONDAY = '2024-01-01';

/** Day of the week of a local day, Monday 0 … Sunday 6 (ISO order). */
export function weekdayIndex(day: LocalDay): number {
  return ((daysBetween(A_MONDAY, day) % 7) + 7) % 7;
}

export interface HeatmapCell extends ActivityDay {
  level: HeatLevel;
  /** Week column, 0 = the week of the first day. */
  column: number;
  /** Weekday row, Monday 0 … Sunday 6. */
  row: number;
}

/**
 * The heatmap as a calendar grid: one column per week (Monday to Sunday), oldest week first, and
 * a month label on the first column that holds the 1st of a month (or on column 0).
 */
export function heatmapGrid(series: readonly ActivityDay[]): { cells: HeatmapCell[]; columns: number; months: { column: number; label: string }[] } {
  const first = series[0];
  if (!first) return { cells: [], columns: 0, months: [] };
  const offset = weekdayIndex(first.day);
  const cells = series.map((d, i) => ({ ...d, level: heatLevel(d.count), column: Math.floor((i + offset) / 7), row: (i + offset) % 7 }));
  const monthOf = (day: LocalDay) => MONTHS[Number(day.slice(5, 7)) - 1] ?? '';
  const months = cells.filter((c) => c.day.endsWith('-01')).map((c) => ({ column: c.column, label: monthOf(c.day) }));
  // The first, partial month gets a label only when it has room before the next one.
  if ((months[0]?.column ?? Infinity) >= 3) months.unshift({ column: 0, label: monthOf(first.day) });
  const last = cells[cells.length - 1];
  return { cells, columns: (last?.column ?? 0) + 1, months };
}
