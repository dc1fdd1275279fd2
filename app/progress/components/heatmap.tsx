'use client';
import type { ActivityDay } from '@/lib/practice/streak';
import { HEAT_SCALE, heatmapGrid } from '@/lib/practice/heatmap';
import { formatDay, plural } from '../format';

const CELL = 11;
const STEP = 14;
const LEFT = 30;
const TOP = 16;
const WEEKDAYS = [
  { row: 0, label: 'Mon' },
  { row: 2, label: 'Wed' },
  { row: 4, label: 'Fri' },
];

/** A year of answers as a calendar of squares, one column per week, with its legend and a table. */
export function Heatmap({ series }: { series: ActivityDay[] }) {
  const { cells, columns, months } = heatmapGrid(series);
  const width = LEFT + columns * STEP;
  const height = TOP + 7 * STEP;
  const active = series.filter((d) => d.count > 0);
  const total = active.reduce((s, d) => s + d.count, 0);
  const busiest = active.reduce<ActivityDay | null>((best, d) => (!best || d.count > best.count ? d : best), null);
  const first = series[0];
  const last = series[series.length - 1];
  const summary =
    first && last
      ? `Answers per day from ${formatDay(first.day)} to ${formatDay(last.day)}: ${plural(total, 'answer')} on ${plural(active.length, 'day')}` +
        (busiest ? `; the busiest day was ${formatDay(busiest.day)} with ${plural(busiest.count, 'answer')}.` : '.')
      : 'No days to show.';
  return (
    <figure className="heatmap">
      <div className="heatmap-scroll" role="region" aria-label="Activity calendar" tabIndex={0}>
        <svg role="img" aria-label="Calendar of answers per day over the last year, described below" width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="heatmap-svg">
          {months.map((m) => (
            <text key={`${m.column}-${m.label}`} x={LEFT + m.column * STEP} y={TOP - 5} className="heatmap-label">
              {m.label}
            </text>
          ))}
          {WEEKDAYS.map((w) => (
            <text key={w.label} x={0} y={TOP + w.row * STEP + CELL - 1} className="heatmap-label">
              {w.label}
            </text>
          ))}
          {cells.map((c) => (
            <rect
              key={c.day}
              data-testid="heatmap-day"
              data-day={c.day}
              data-count={c.count}
              className={`heat-${c.level}`}
              x={LEFT + c.column * STEP}
              y={TOP + c.row * STEP}
              width={CELL}
              height={CELL}
              rx={2}
            >
              <title>{`${formatDay(c.day)}: ${c.count === 0 ? 'no answers' : plural(c.count, 'answer')}`}</title>
            </rect>
          ))}
        </svg>
      </div>
      <ul className="heat-legend" aria-label="Colour scale">
        {HEAT_SCALE.map((s) => (
          <li key={s.level}>
            <span className={`heat-swatch heat-${s.level}`} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
      <figcaption id="heatmap-summary">{summary}</figcaption>
      <details>
        <summary>Activity as a table</summary>
        {active.length === 0 ? (
          <p className="hint">No answers in the last year yet.</p>
        ) : (
          <div className="table-scroll" role="region" aria-label="Answers per day" tabIndex={0}>
            <table>
              <caption className="visually-hidden">Answers per day, newest first; days not listed had no answers</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Answers</th>
                </tr>
              </thead>
              <tbody>
                {[...active].reverse().map((d) => (
                  <tr key={d.day}>
                    <td>{formatDay(d.day)}</td>
                    <td>{d.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="hint">Days not listed had no answers.</p>
      </details>
    </figure>
  );
}
