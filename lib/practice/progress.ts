/**
 * What the progress dashboard shows, shaped from a few grouped rows the server reads: mastery and
 * accuracy per topic, readiness per exam domain, the daily-quiz streak, accuracy per day, reviews
 * due per day and the activity heatmap. Days are local calendar days in the user's zone (day.ts);
 * `now` is always an argument.
 */
import { TOPICS, isTopicId, type ExamDomainId, type TopicId } from '../topics';
import { addDays, dayStart, isValidTimeZone, localDay, type LocalDay } from './day';
import { masteryByTopic, readiness, type Readiness, type TopicEvidence } from './mastery';
import type { CardState } from './schedule';
import { HEATMAP_DAYS, streakSummary, type ActivityDay, type StreakSummary } from './streak';

/** Mastery's "recent accuracy" looks at this many local days, today included. */
export const RECENT_DAYS = 30;
/** The accuracy chart covers this many local days, today included. */
export const ACCURACY_DAYS = 90;
/** The review forecast covers this many local days, today first. */
export const FORECAST_DAYS = 14;

/** Answers of one topic over some local days (TopicDay rows summed per topic). */
export interface TopicTally {
  topic: string;
  attempts: number;
  correct: number;
  /** The latest local day with an answer (all-time tallies only). */
  lastDay?: LocalDay | null;
}

/** Answers on one local day (a DailyActivity row). */
export interface ActivityRow {
  day: LocalDay;
  attempts: number;
  correct: number;
}

export interface ProgressInput {
  now: Date;
  timeZone: string;
  /** Every card of the user with its topic. */
  cards: readonly { topic: string; card: CardState }[];
  /** All-time answers per topic. */
  allTime: readonly TopicTally[];
  /** Answers per topic on the local days from `progressWindows().recentFrom` to today. */
  recent: readonly TopicTally[];
  /** Local days whose daily quiz was finished. */
  finishedDays: readonly LocalDay[];
  /** DailyActivity rows; rows outside the heatmap window are ignored. */
  activity: readonly ActivityRow[];
}

export interface TopicProgress {
  id: TopicId;
  title: string;
  domain: ExamDomainId;
  /** 0–100, see mastery.ts. */
  mastery: number;
  attempts: number;
  correct: number;
  /** All-time percent right (whole number), null before the first answer. */
  accuracy: number | null;
  /** Local day of the latest answer, null when never practised. */
  lastPractised: LocalDay | null;
}

export interface AccuracyDay {
  day: LocalDay;
  attempts: number;
  correct: number;
  /** Percent right that day (whole number); null on a day without answers, which is not 0 %. */
  accuracy: number | null;
}

export interface DueDay {
  day: LocalDay;
  /** Cards due that local day; today also counts every card already overdue. */
  count: number;
}

export interface Progress {
  today: LocalDay;
  timeZone: string;
  totals: { attempts: number; correct: number; wrong: number; accuracy: number | null };
  topics: TopicProgress[];
  readiness: Readiness;
  streak: StreakSummary;
  accuracy: AccuracyDay[];
  due: DueDay[];
  /** Cards due before today began (already counted in today's bar). */
  overdue: number;
  heatmap: ActivityDay[];
}

/** Percent (whole number) of `part` in `whole`; null when `whole` is 0. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((100 * part) / whole) : null;
}

/**
 * The local days the server must read for `now` in `timeZone`: today, the first day of the
 * recent-accuracy window (RECENT_DAYS days, today included) and the first heatmap day.
 */
export function progressWindows(now: Date, timeZone: string): { today: LocalDay; recentFrom: LocalDay; activityFrom: LocalDay } {
  const today = localDay(now, timeZone);
  return { today, recentFrom: addDays(today, -(RECENT_DAYS - 1)), activityFrom: addDays(today, -(HEATMAP_DAYS - 1)) };
}

function activityByDay(rows: readonly ActivityRow[]): Map<LocalDay, ActivityRow> {
  return new Map(rows.map((r) => [r.day, r]));
}

/** Accuracy on each of the `days` local days ending with `today`, oldest first. */
export function accuracySeries(rows: readonly ActivityRow[], today: LocalDay, days = ACCURACY_DAYS): AccuracyDay[] {
  const byDay = activityByDay(rows);
  const first = addDays(today, -(days - 1));
  return Array.from({ length: days }, (_, i) => {
    const day = addDays(first, i);
    const r = byDay.get(day);
    const attempts = r?.attempts ?? 0;
    const correct = r?.correct ?? 0;
    return { day, attempts, correct, accuracy: percent(correct, attempts) };
  });
}

/** The heatmap: HEATMAP_DAYS entries ending with `today`, each the answers given that day (0 if none). */
export function heatmapSeries(rows: readonly ActivityRow[], today: LocalDay): ActivityDay[] {
  const byDay = activityByDay(rows);
  const first = addDays(today, -(HEATMAP_DAYS - 1));
  return Array.from({ length: HEATMAP_DAYS }, (_, i) => {
    const day = addDays(first, i);
    return { day, count: byDay.get(day)?.attempts ?? 0 };
  });
}

/**
 * Reviews due on each of the `days` local days from today, in `timeZone`. A card belongs to the
 * local day its due instant falls on; a card due before today began is overdue and counts today;
 * cards due after the window are left out.
 */
export function dueForecast(dues: Iterable<Date>, now: Date, timeZone: string, days = FORECAST_DAYS): { due: DueDay[]; overdue: number } {
  if (!Number.isSafeInteger(days) || days < 1) throw new RangeError(`days must be a whole number ≥ 1, got ${String(days)}`);
  const today = localDay(now, timeZone);
  const dayList = Array.from({ length: days }, (_, i) => addDays(today, i));
  const todayStart = dayStart(today, timeZone).getTime();
  // ends[i]: the first instant after day i. Comparing instants avoids a time-zone lookup per card.
  const ends = dayList.map((d) => dayStart(addDays(d, 1), timeZone).getTime());
  const counts = new Array<number>(days).fill(0);
  let overdue = 0;
  const last = ends[days - 1] ?? todayStart;
  for (const due of dues) {
    const t = due.getTime();
    if (t >= last) continue;
    if (t < todayStart) overdue += 1;
    let i = 0;
    while ((ends[i] ?? last) <= t) i += 1;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return { due: dayList.map((day, i) => ({ day, count: counts[i] ?? 0 })), overdue };
}

function checkTally(t: TopicTally): TopicTally {
  if (!Number.isInteger(t.attempts) || !Number.isInteger(t.correct) || t.correct < 0 || t.correct > t.attempts) {
    throw new RangeError(`answers of ${t.topic} must be whole numbers with 0 ≤ correct ≤ attempts, got ${t.correct}/${t.attempts}`);
  }
  return t;
}

/** The tallies of course topics by topic (one per topic: the server groups by topic). */
function byTopic(tallies: readonly TopicTally[]): Map<TopicId, TopicTally> {
  const out = new Map<TopicId, TopicTally>();
  for (const t of tallies) {
    if (!isTopicId(t.topic)) continue;
    if (out.has(t.topic)) throw new RangeError(`answers of ${t.topic} given twice`);
    out.set(t.topic, checkTally(t));
  }
  return out;
}

/** Everything the dashboard shows, from the rows the server read (see ProgressInput). */
export function shapeProgress(input: ProgressInput): Progress {
  const { now, timeZone } = input;
  if (!isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone ${JSON.stringify(timeZone)}`);
  const today = localDay(now, timeZone);

  const cardsByTopic = new Map<TopicId, CardState[]>();
  for (const { topic, card } of input.cards) {
    if (!isTopicId(topic)) continue;
    const list = cardsByTopic.get(topic);
    if (list) list.push(card);
    else cardsByTopic.set(topic, [card]);
  }
  const allTime = byTopic(input.allTime);
  const recent = byTopic(input.recent);
  const evidence: TopicEvidence[] = TOPICS.map((t) => ({
    topic: t.id,
    cards: cardsByTopic.get(t.id) ?? [],
    recent: { correct: recent.get(t.id)?.correct ?? 0, total: recent.get(t.id)?.attempts ?? 0 },
  }));
  const mastery = masteryByTopic(evidence, now);

  const topics: TopicProgress[] = TOPICS.map((t) => {
    const a = allTime.get(t.id);
    return {
      id: t.id,
      title: t.title,
      domain: t.domain,
      mastery: mastery[t.id],
      attempts: a?.attempts ?? 0,
      correct: a?.correct ?? 0,
      accuracy: percent(a?.correct ?? 0, a?.attempts ?? 0),
      lastPractised: a?.lastDay ?? null,
    };
  });

  let attempts = 0;
  let correct = 0;
  for (const t of input.allTime) {
    attempts += checkTally(t).attempts;
    correct += t.correct;
  }

  // A quiz finished "tomorrow" (another server's clock) is not part of any streak yet.
  const finished = input.finishedDays.filter((d) => d <= today);
  const { due, overdue } = dueForecast(
    input.cards.map((c) => c.card.due),
    now,
    timeZone,
  );
  return {
    today,
    timeZone,
    totals: { attempts, correct, wrong: attempts - correct, accuracy: percent(correct, attempts) },
    topics,
    readiness: readiness(mastery),
    streak: streakSummary(finished, today),
    accuracy: accuracySeries(input.activity, today),
    due,
    overdue,
    heatmap: heatmapSeries(input.activity, today),
  };
}

export { HEAT_SCALE, heatLevel, weekdayIndex, heatmapGrid, type HeatLevel, type HeatmapCell } from './heatmap';
export { describeResponse, type ResponseContext } from '../questions/describe';

/** Parse an attempt's stored response JSON; undefined when it is not valid JSON. */
export function parseStoredResponse(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

/** A duration in words for the history: "45 s", "2 min 5 s", "1 h 3 min". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}
