import { Rating } from 'ts-fsrs';
import { EXAM_DOMAINS, TOPICS } from '../../topics';
import { topicMastery } from '../mastery';
import { nextCardState } from '../schedule';
import { HEATMAP_DAYS } from '../streak';
import {
  ACCURACY_DAYS,
  accuracySeries,
  describeResponse,
  dueForecast,
  FORECAST_DAYS,
  formatDuration,
  heatLevel,
  heatmapGrid,
  heatmapSeries,
  parseStoredResponse,
  percent,
  progressWindows,
  RECENT_DAYS,
  shapeProgress,
  weekdayIndex,
  type ProgressInput,
} from '../progress';

// 23:30 on Sunday 8 March 2026 in New York (daylight time began at 02:00 that morning);
// already Monday 9 March in UTC. Every rule below must use the New York day.
const NOW = new Date('2026-03-09T03:30:00Z');
const NY = 'America/New_York';
const DAY = 86_400_000;

const empty: ProgressInput = { now: NOW, timeZone: NY, cards: [], allTime: [], recent: [], finishedDays: [], activity: [] };

describe('percent', () => {
  it('is a whole-number percentage, and null (not 0) when there is nothing to divide', () => {
    expect(percent(2, 3)).toBe(67);
    expect(percent(0, 4)).toBe(0);
    expect(percent(0, 0)).toBeNull();
  });
});

describe('the windows the server reads', () => {
  it('are local days in the user zone: today, 30 days of recent accuracy, 365 days of activity', () => {
    expect(RECENT_DAYS).toBe(30);
    expect(progressWindows(NOW, NY)).toEqual({ today: '2026-03-08', recentFrom: '2026-02-07', activityFrom: '2025-03-09' });
    expect(progressWindows(NOW, 'UTC')).toEqual({ today: '2026-03-09', recentFrom: '2026-02-08', activityFrom: '2025-03-10' });
  });
});

describe('accuracy per day', () => {
  const series = accuracySeries(
    [
      { day: '2026-03-08', attempts: 4, correct: 3 },
      { day: '2026-03-01', attempts: 2, correct: 0 },
      { day: '2025-11-01', attempts: 9, correct: 9 }, // before the window
    ],
    '2026-03-08',
  );
  it('covers the last 90 days, oldest first, ending today', () => {
    expect(ACCURACY_DAYS).toBe(90);
    expect(series).toHaveLength(90);
    expect(series[0]?.day).toBe('2025-12-09');
    expect(series[89]?.day).toBe('2026-03-08');
  });
  it('gives null on a day without answers and 0 % on a day with only wrong answers', () => {
    expect(series.find((d) => d.day === '2026-03-02')).toEqual({ day: '2026-03-02', attempts: 0, correct: 0, accuracy: null });
    expect(series.find((d) => d.day === '2026-03-01')).toEqual({ day: '2026-03-01', attempts: 2, correct: 0, accuracy: 0 });
    expect(series[89]).toEqual({ day: '2026-03-08', attempts: 4, correct: 3, accuracy: 75 });
  });
  it('leaves out answers before the window', () => {
    expect(series.reduce((s, d) => s + d.attempts, 0)).toBe(6);
  });
});

describe('the heatmap series', () => {
  it('has 365 days ending today, the answers of each day and 0 elsewhere', () => {
    const series = heatmapSeries(
      [
        { day: '2026-03-08', attempts: 12, correct: 1 },
        { day: '2025-03-09', attempts: 3, correct: 3 }, // first day of the window
        { day: '2025-03-08', attempts: 5, correct: 5 }, // one day too early
      ],
      '2026-03-08',
    );
    expect(series).toHaveLength(HEATMAP_DAYS);
    expect(series[0]).toEqual({ day: '2025-03-09', count: 3 });
    expect(series[HEATMAP_DAYS - 1]).toEqual({ day: '2026-03-08', count: 12 });
    expect(series.filter((d) => d.count > 0)).toHaveLength(2);
  });
});

describe('reviews due per day', () => {
  it('counts each card on the local day it falls due, overdue cards today, nothing past 14 days', () => {
    const dues = [
      '2026-03-06T12:00:00Z', // two days overdue → today
      '2026-03-08T06:00:00Z', // 01:00 EST today, before now → today, not overdue
      '2026-03-09T03:59:59Z', // 23:59:59 EDT today → today (already the 9th in UTC)
      '2026-03-09T04:00:00Z', // 00:00 EDT tomorrow → tomorrow
      '2026-03-22T03:59:59Z', // last second of the 14th day, 21 March
      '2026-03-22T04:00:00Z', // 22 March: outside the window
      '2026-06-01T00:00:00Z',
    ].map((s) => new Date(s));
    const { due, overdue } = dueForecast(dues, NOW, NY);
    expect(FORECAST_DAYS).toBe(14);
    expect(due).toHaveLength(14);
    expect(due[0]).toEqual({ day: '2026-03-08', count: 3 });
    expect(due[1]).toEqual({ day: '2026-03-09', count: 1 });
    expect(due[13]).toEqual({ day: '2026-03-21', count: 1 });
    expect(due.reduce((s, d) => s + d.count, 0)).toBe(5);
    expect(overdue).toBe(1);
  });
  it('reads the same instants differently in UTC', () => {
    const { due } = dueForecast([new Date('2026-03-09T03:59:59Z')], NOW, 'UTC');
    expect(due[0]).toEqual({ day: '2026-03-09', count: 1 });
  });
  it('refuses a window of no days', () => {
    expect(() => dueForecast([], NOW, NY, 0)).toThrow(RangeError);
  });
});

describe('the dashboard for a new student', () => {
  const p = shapeProgress(empty);
  it('lists all 16 topics at zero, with no accuracy and never practised', () => {
    expect(p.topics).toHaveLength(16);
    expect(p.topics.map((t) => t.id)).toEqual(TOPICS.map((t) => t.id));
    for (const t of p.topics) expect(t).toMatchObject({ mastery: 0, attempts: 0, correct: 0, accuracy: null, lastPractised: null });
  });
  it('shows zero readiness, zero streak, empty charts and a year of empty days', () => {
    expect(p.readiness.overall).toBe(0);
    expect(p.readiness.domains.map((d) => d.readiness)).toEqual(EXAM_DOMAINS.map(() => 0));
    expect(p.streak).toEqual({ current: 0, longest: 0, doneToday: false });
    expect(p.totals).toEqual({ attempts: 0, correct: 0, wrong: 0, accuracy: null });
    expect(p.accuracy.every((d) => d.accuracy === null)).toBe(true);
    expect(p.due.every((d) => d.count === 0)).toBe(true);
    expect(p.heatmap).toHaveLength(HEATMAP_DAYS);
    expect(p.heatmap.every((d) => d.count === 0)).toBe(true);
    expect(p.today).toBe('2026-03-08');
  });
});

describe('the dashboard for a student with answers', () => {
  const reviewed = nextCardState(null, Rating.Good, new Date(NOW.getTime() - 3 * DAY), 0.9);
  const older = nextCardState(null, Rating.Hard, new Date(NOW.getTime() - 20 * DAY), 0.9);
  const input: ProgressInput = {
    ...empty,
    cards: [
      { topic: 'nacls', card: reviewed },
      { topic: 'nacls', card: older },
      { topic: 'vpn', card: reviewed },
      { topic: 'retired-topic', card: reviewed },
    ],
    allTime: [
      { topic: 'nacls', attempts: 40, correct: 30, lastDay: '2026-03-08' },
      { topic: 'vpn', attempts: 4, correct: 0, lastDay: '2026-02-01' },
      { topic: 'retired-topic', attempts: 6, correct: 6, lastDay: '2026-03-01' },
    ],
    recent: [{ topic: 'nacls', attempts: 8, correct: 6 }],
    finishedDays: ['2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09'],
    activity: [{ day: '2026-03-08', attempts: 5, correct: 4 }],
  };
  const p = shapeProgress(input);
  const nacls = p.topics.find((t) => t.id === 'nacls');
  const vpn = p.topics.find((t) => t.id === 'vpn');

  it('counts all-time answers and accuracy per topic', () => {
    expect(nacls).toMatchObject({ attempts: 40, correct: 30, accuracy: 75 });
    expect(vpn).toMatchObject({ attempts: 4, correct: 0, accuracy: 0 });
  });
  it('gives the last local day the topic was practised', () => {
    expect(nacls?.lastPractised).toBe('2026-03-08');
    expect(vpn?.lastPractised).toBe('2026-02-01');
  });
  it('takes mastery from the topic cards and the last 30 days of answers', () => {
    expect(nacls?.mastery).toBe(topicMastery([reviewed, older], { correct: 6, total: 8 }, NOW));
    expect(vpn?.mastery).toBe(topicMastery([reviewed], { correct: 0, total: 0 }, NOW));
    expect(nacls?.mastery).toBeGreaterThan(0);
  });
  it('weights domain readiness into overall readiness', () => {
    const security = p.readiness.domains.find((d) => d.id === 'network-security');
    const securityTopics = TOPICS.filter((t) => t.domain === 'network-security');
    expect(security?.readiness).toBe(Math.round((nacls?.mastery ?? 0) / securityTopics.length));
    expect(p.readiness.overall).toBeGreaterThan(0);
  });
  it('counts answers of topics no longer in the course in the totals only', () => {
    expect(p.topics.some((t) => (t.id as string) === 'retired-topic')).toBe(false);
    expect(p.totals).toEqual({ attempts: 50, correct: 36, wrong: 14, accuracy: 72 });
  });
  it('counts the streak up to today in the student zone, ignoring a quiz dated after today', () => {
    expect(p.streak).toEqual({ current: 3, longest: 3, doneToday: true });
  });
  it('puts every card in the review forecast, including a retired topic’s', () => {
    expect(p.due.reduce((s, d) => s + d.count, 0)).toBe(4);
  });
  it('draws the accuracy chart and the heatmap from the daily activity', () => {
    expect(p.accuracy[ACCURACY_DAYS - 1]).toEqual({ day: '2026-03-08', attempts: 5, correct: 4, accuracy: 80 });
    expect(p.heatmap[HEATMAP_DAYS - 1]).toEqual({ day: '2026-03-08', count: 5 });
  });
  it('refuses an unknown time zone, impossible counts and a topic tallied twice', () => {
    expect(() => shapeProgress({ ...input, timeZone: 'Mars/Olympus_Mons' })).toThrow(RangeError);
    expect(() => shapeProgress({ ...input, allTime: [{ topic: 'nacls', attempts: 2, correct: 3 }] })).toThrow(RangeError);
    expect(() => shapeProgress({ ...input, recent: [{ topic: 'nacls', attempts: 1.5, correct: 1 }] })).toThrow(RangeError);
    expect(() => shapeProgress({ ...input, recent: [...input.recent, { topic: 'nacls', attempts: 1, correct: 1 }] })).toThrow(RangeError);
  });
});

describe('the heatmap colour scale', () => {
  it.each([
    [0, 0],
    [1, 1],
    [4, 1],
    [5, 2],
    [9, 2],
    [10, 3],
    [19, 3],
    [20, 4],
    [500, 4],
  ])('puts %i answers on level %i', (count, level) => {
    expect(heatLevel(count)).toBe(level);
  });
});

describe('the heatmap calendar grid', () => {
  it('numbers weekdays from Monday', () => {
    expect(weekdayIndex('2026-03-09')).toBe(0); // a Monday
    expect(weekdayIndex('2026-03-08')).toBe(6); // a Sunday
    expect(weekdayIndex('2023-12-31')).toBe(6); // before the reference Monday
  });
  it('puts each week in a column and each weekday in a row', () => {
    const series = heatmapSeries([{ day: '2026-03-08', attempts: 20, correct: 0 }], '2026-03-08');
    const grid = heatmapGrid(series);
    // 9 March 2025 was a Sunday: the first column holds that one day, in the last row.
    expect(grid.cells[0]).toMatchObject({ day: '2025-03-09', column: 0, row: 6, level: 0 });
    expect(grid.cells[1]).toMatchObject({ day: '2025-03-10', column: 1, row: 0 });
    expect(grid.cells[HEATMAP_DAYS - 1]).toMatchObject({ day: '2026-03-08', row: 6, level: 4, count: 20 });
    expect(grid.columns).toBe(53);
  });
  it('labels the column of each first of the month, and the first column only when it has room', () => {
    // From Sunday 9 March 2025: 1 April 2025 is in column 4, so March's first column has room.
    const roomy = heatmapGrid(heatmapSeries([], '2026-03-08'));
    expect(roomy.months.slice(0, 2)).toEqual([
      { column: 0, label: 'Mar' },
      { column: 4, label: 'Apr' },
    ]);
    expect(roomy.months.map((m) => m.label)).toEqual(['Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar']);
    // From Friday 21 March 2025: 1 April 2025 is in column 2, too close for a March label.
    const tight = heatmapGrid(heatmapSeries([], '2026-03-20'));
    expect(tight.months[0]).toEqual({ column: 2, label: 'Apr' });
  });
  it('is empty for an empty series', () => {
    expect(heatmapGrid([])).toEqual({ cells: [], columns: 0, months: [] });
  });
});

describe('a stored response in words', () => {
  const choices = [
    { id: 'a', text: '10.0.0.0/16' },
    { id: 'b', text: '10.0.0.0/28' },
    { id: 'c', text: '10.0.0.0/29' },
  ];
  it('names the chosen choices by their text', () => {
    expect(describeResponse('b', { kind: 'single', choices })).toBe('10.0.0.0/28');
    expect(describeResponse(['a', 'c'], { kind: 'multiple', choices })).toBe('10.0.0.0/16; 10.0.0.0/29');
    expect(describeResponse(['c', 'a', 'b'], { kind: 'order', choices })).toBe('10.0.0.0/29 → 10.0.0.0/16 → 10.0.0.0/28');
  });
  it('adds the unit to a number and keeps typed text as typed', () => {
    expect(describeResponse(251, { kind: 'number', unit: 'addresses' })).toBe('251 addresses');
    expect(describeResponse('10.0.0.0/24', { kind: 'text' })).toBe('10.0.0.0/24');
  });
  it('shows raw values when the question cannot be rebuilt, and null for what cannot be read', () => {
    expect(describeResponse(['a', 'c'])).toBe('a; c');
    expect(describeResponse(42)).toBe('42');
    expect(describeResponse({ x: 1 })).toBeNull();
    expect(describeResponse(undefined)).toBeNull();
  });
  it('parses stored JSON, and gives undefined for a broken value', () => {
    expect(parseStoredResponse('["a","b"]')).toEqual(['a', 'b']);
    expect(parseStoredResponse('{oops')).toBeUndefined();
  });
});

describe('durations', () => {
  it.each([
    [0, '0 s'],
    [4_400, '4 s'],
    [59_400, '59 s'],
    [60_000, '1 min'],
    [125_000, '2 min 5 s'],
    [3_600_000, '1 h'],
    [3_780_000, '1 h 3 min'],
  ])('writes %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
