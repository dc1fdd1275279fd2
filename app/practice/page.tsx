import Link from 'next/link';
import { EXAM_DOMAINS, TOPICS } from '@/lib/topics';
import { practiceCounts } from '@/lib/server/practice-pool';
import { DailyEntryCard } from './daily/daily-entry-card';

export const metadata = { title: 'Practice' };

export default function PracticePage() {
  const counts = practiceCounts();
  return (
    <>
      <h1>Practice</h1>
      <DailyEntryCard />
      <p className="muted" style={{ maxWidth: '42rem' }}>
        Computed questions change their numbers every time and are graded by the calculation core; hand-written
        questions cover the concepts. Answer with the mouse or the keyboard (1–9 to choose, Enter to check and move on).
      </p>
      <p>
        <Link className="button" href="/practice/all">
          Practise all topics
        </Link>
      </p>
      {EXAM_DOMAINS.map((d) => (
        <section key={d.id} aria-labelledby={`p-${d.id}`}>
          <h2 id={`p-${d.id}`}>{d.title}</h2>
          <ul className="grid topic-list">
            {TOPICS.filter((t) => t.domain === d.id).map((t) => (
              <li key={t.id} className="card" id={t.id}>
                <Link href={`/practice/${t.id}`} style={{ fontWeight: 600 }}>
                  {t.title}
                </Link>
                <p className="hint" style={{ marginTop: '0.3rem' }}>
                  {counts[t.id].generators} question generator{counts[t.id].generators === 1 ? '' : 's'} · {counts[t.id].bank} hand-written question
                  {counts[t.id].bank === 1 ? '' : 's'}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
