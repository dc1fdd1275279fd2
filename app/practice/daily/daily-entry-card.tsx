import Link from 'next/link';
import './daily-entry.css';

/** The way into /practice/daily, for the practice menu and the home page. */
export function DailyEntryCard() {
  return (
    <section className="card daily-entry" aria-labelledby="daily-entry-title" data-testid="daily-entry">
      <div className="daily-entry-text">
        <h2 id="daily-entry-title">Today’s daily practice</h2>
        <p className="muted">
          A short quiz made for you each day: reviews that are due, questions from lessons you have read and practice on
          your weaker topics. Finish it every day to build a streak.
        </p>
      </div>
      <Link className="button" href="/practice/daily">
        Start today’s practice
      </Link>
    </section>
  );
}
