import Link from 'next/link';
import { EXAM_DOMAINS } from '@/lib/topics';
import type { TopicProgress } from '@/lib/practice/progress';
import { PercentBar } from './bar';
import { formatDay } from '../format';

/** Every topic, grouped by exam domain: mastery, answers, accuracy, last practised, practice link. */
export function TopicTable({ topics }: { topics: TopicProgress[] }) {
  return (
    <div className="table-scroll topic-table" role="region" aria-labelledby="topics-heading" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col">Mastery</th>
            <th scope="col">Answers</th>
            <th scope="col">Right</th>
            <th scope="col">Last practised</th>
            <th scope="col">
              <span className="visually-hidden">Practice</span>
            </th>
          </tr>
        </thead>
        {EXAM_DOMAINS.map((d) => (
          <tbody key={d.id}>
            <tr className="domain-row">
              <th scope="rowgroup" colSpan={6}>
                {d.title}
              </th>
            </tr>
            {topics
              .filter((t) => t.domain === d.id)
              .map((t) => (
                <tr key={t.id} data-testid={`topic-row-${t.id}`}>
                  <th scope="row">
                    <Link href={`/lessons/${t.id}`}>{t.title}</Link>
                  </th>
                  <td>
                    <PercentBar value={t.mastery} testId={`mastery-${t.id}`} />
                  </td>
                  <td className="num">{t.attempts}</td>
                  <td className="num">{t.accuracy === null ? '—' : `${t.accuracy} %`}</td>
                  <td>{t.lastPractised ? formatDay(t.lastPractised) : 'Never'}</td>
                  <td>
                    <Link href={`/practice/${t.id}`} aria-label={`Practise ${t.title}`}>
                      Practise
                    </Link>
                  </td>
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
