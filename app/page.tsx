import Link from 'next/link';
import { TOPICS } from '@/lib/topics';
import { SignedInDailyEntry } from './practice/daily/signed-in-daily-entry';

export default function HomePage() {
  return (
    <>
      <section className="hero">
        <h1>AWS networking, computed.</h1>
        <p className="muted" style={{ maxWidth: '42rem' }}>
          netprep prepares you for the AWS Certified Advanced Networking – Specialty exam with lessons checked against
          current AWS documentation and practice questions generated fresh every time: new numbers, a key that is
          computed rather than memorised, and the worked steps for your own numbers.
        </p>
        <p style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap' }}>
          <Link className="button" href="/lessons">
            Start the lessons
          </Link>
          <Link className="button secondary" href="/practice">
            Practise
          </Link>
        </p>
      </section>
      <SignedInDailyEntry />
      <section aria-labelledby="topics-heading">
        <h2 id="topics-heading">{TOPICS.length} topics</h2>
        <ul className="grid" style={{ listStyle: 'none', padding: 0 }}>
          {TOPICS.map((t) => (
            <li key={t.id} className="card">
              <Link href={`/lessons/${t.id}`}>{t.title}</Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
