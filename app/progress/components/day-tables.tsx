'use client';
/**
 * The charts' numbers as tables (their text alternatives). Client components so the page's
 * payload carries the rows' data once, not their rendered markup as well.
 */
import type { AccuracyDay, DueDay } from '@/lib/practice/progress';
import { formatDay, formatDayShort } from '../format';

/** Days with answers, newest first. */
export function AccuracyTable({ data }: { data: AccuracyDay[] }) {
  return (
    <div className="table-scroll" role="region" aria-label="Accuracy per day" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Answers</th>
            <th scope="col">Right</th>
            <th scope="col">Accuracy</th>
          </tr>
        </thead>
        <tbody>
          {data
            .filter((d) => d.attempts > 0)
            .reverse()
            .map((d) => (
              <tr key={d.day}>
                <td>{formatDay(d.day)}</td>
                <td>{d.attempts}</td>
                <td>{d.correct}</td>
                <td>{d.accuracy} %</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

/** Reviews due per day, today first. */
export function DueTable({ data }: { data: DueDay[] }) {
  return (
    <div className="table-scroll" role="region" aria-label="Reviews due per day" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Reviews due</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d, i) => (
            <tr key={d.day}>
              <td>{i === 0 ? `Today (${formatDayShort(d.day)})` : formatDay(d.day)}</td>
              <td>{d.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
