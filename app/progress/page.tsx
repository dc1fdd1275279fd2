import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/server/session';
import { getUserSettings } from '@/lib/server/user-settings';
import { progressFor } from '@/lib/server/progress';
import { hasMistakes } from '@/lib/server/mistakes';
import { ACCURACY_DAYS, FORECAST_DAYS, type Progress } from '@/lib/practice/progress';
import { PercentBar } from './components/bar';
import { Heatmap } from './components/heatmap';
import { TopicTable } from './components/topic-table';
import { AccuracyChart } from './components/accuracy-chart';
import { DueChart } from './components/due-chart';
import { AccuracyTable, DueTable } from './components/day-tables';
import { formatDay, plural } from './format';
import './progress.css';

export const metadata = { title: 'Progress' };
export const dynamic = 'force-dynamic';

function accuracySummary(p: Progress): string {
  const days = p.accuracy.filter((d) => d.attempts > 0);
  if (days.length === 0) return `Accuracy per day over the last ${ACCURACY_DAYS} days: no answers yet.`;
  const answers = days.reduce((s, d) => s + d.attempts, 0);
  const right = days.reduce((s, d) => s + d.correct, 0);
  const best = days.reduce((b, d) => ((d.accuracy ?? 0) > (b.accuracy ?? 0) ? d : b));
  return (
    `Accuracy per day over the last ${ACCURACY_DAYS} days: ${plural(answers, 'answer')} on ${plural(days.length, 'day')}, ` +
    `${Math.round((100 * right) / answers)} % right overall; the best day was ${formatDay(best.day)} at ${best.accuracy ?? 0} %.`
  );
}

function dueSummary(p: Progress): string {
  const total = p.due.reduce((s, d) => s + d.count, 0);
  const today = p.due[0]?.count ?? 0;
  const overdue = p.overdue ? ` (${p.overdue} of them overdue)` : '';
  return `Reviews due over the next ${FORECAST_DAYS} days: ${total} in all, ${today} today${overdue}.`;
}

export default async function ProgressPage() {
  const sessionUser = await requireUser('/progress');
  const user = await getUserSettings(sessionUser.id);
  if (!user) redirect('/signin?callbackUrl=%2Fprogress');
  const [p, mistakes] = await Promise.all([progressFor(user, new Date()), hasMistakes(user.id)]);
  const isNew = p.totals.attempts === 0;

  return (
    <div className="progress-page">
      <h1>Your progress</h1>
      <nav className="progress-links" aria-label="Practice and history">
        <Link className="button" href="/practice/daily">
          Daily practice
        </Link>
        {mistakes ? (
          <Link className="button secondary" href="/practice/mistakes">
            Practise my mistakes
          </Link>
        ) : (
          <span className="mistakes-off">
            <span className="button secondary is-disabled" role="link" aria-disabled="true" aria-describedby="no-mistakes">
              Practise my mistakes
            </span>
            <span id="no-mistakes" className="hint">
              Nothing to practise yet: questions you get wrong gather here.
            </span>
          </span>
        )}
        <Link className="button secondary" href="/progress/history">
          History
        </Link>
      </nav>

      {isNew && (
        <section className="card progress-empty" aria-labelledby="empty-heading">
          <h2 id="empty-heading">Nothing measured yet</h2>
          <p>
            You have not answered any questions yet, so everything below starts at zero. Read a <Link href="/lessons">lesson</Link>, then
            do your first <Link href="/practice/daily">daily practice</Link>: every answer feeds your mastery, your streak and the charts here.
          </p>
        </section>
      )}

      <div className="progress-top">
        <section className="card" aria-labelledby="readiness-heading">
          <h2 id="readiness-heading">Exam readiness</h2>
          <p className="readiness-overall">
            <span className="big" data-testid="readiness-overall">
              {p.readiness.overall} %
            </span>{' '}
            overall, weighted by each domain’s share of the exam
          </p>
          <ul className="domain-bars">
            {p.readiness.domains.map((d) => (
              <li key={d.id}>
                <span className="domain-name">
                  {d.title} <span className="hint">({d.weight} % of the exam)</span>
                </span>
                <PercentBar value={d.readiness} testId={`readiness-${d.id}`} />
              </li>
            ))}
          </ul>
          <p className="hint">Readiness is the mean mastery of a domain’s topics; mastery blends what you are likely to remember now with your accuracy over the last 30 days.</p>
        </section>

        <section className="card streak-card" aria-labelledby="streak-heading">
          <h2 id="streak-heading">Daily streak</h2>
          <p className="streak-now">
            <span className="big" data-testid="streak-current">
              {p.streak.current}
            </span>{' '}
            {p.streak.current === 1 ? 'day' : 'days'} in a row
          </p>
          <p>
            Longest streak: <strong data-testid="streak-longest">{p.streak.longest}</strong> {p.streak.longest === 1 ? 'day' : 'days'}
          </p>
          <p className="hint">
            {p.streak.doneToday ? 'Today’s daily practice is done.' : 'Finish today’s daily practice to keep the streak going.'}
          </p>
        </section>
      </div>

      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading">Activity over the last year</h2>
        <Heatmap series={p.heatmap} />
      </section>

      <div className="progress-charts">
        <section aria-labelledby="accuracy-heading">
          <h2 id="accuracy-heading">Accuracy, last {ACCURACY_DAYS} days</h2>
          <figure className="chart">
            <AccuracyChart data={p.accuracy} title={`Accuracy per day over the last ${ACCURACY_DAYS} days`} />
            <figcaption>{accuracySummary(p)}</figcaption>
            <details>
              <summary>Accuracy as a table</summary>
              <AccuracyTable data={p.accuracy} />
              <p className="hint">Days not listed had no answers.</p>
            </details>
          </figure>
        </section>

        <section aria-labelledby="due-heading">
          <h2 id="due-heading">Reviews due, next {FORECAST_DAYS} days</h2>
          <figure className="chart">
            <DueChart data={p.due} title={`Reviews due per day over the next ${FORECAST_DAYS} days`} />
            <figcaption>{dueSummary(p)}</figcaption>
            <details>
              <summary>Reviews due as a table</summary>
              <DueTable data={p.due} />
            </details>
          </figure>
        </section>
      </div>

      <section aria-labelledby="topics-heading">
        <h2 id="topics-heading">Topics</h2>
        <p className="hint">
          {plural(p.totals.attempts, 'answer')} in all
          {p.totals.accuracy === null ? '' : `, ${p.totals.accuracy} % right`}. Days are counted in your time zone ({p.timeZone}).
        </p>
        <TopicTable topics={p.topics} />
      </section>
    </div>
  );
}
