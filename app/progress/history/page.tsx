import Link from 'next/link';
import { redirect } from 'next/navigation';
import 'katex/dist/katex.min.css';
import { requireUser } from '@/lib/server/session';
import { getUserSettings } from '@/lib/server/user-settings';
import { attemptHistory, ZHistoryQuery, type THistoryQuery } from '@/lib/server/history';
import { TOPICS } from '@/lib/topics';
import { HistoryEntryView } from './history-entry';
import { plural } from '../format';
import '../progress.css';

export const metadata = { title: 'Attempt history' };
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

/** The history URL for a page with the current filters. */
function hrefFor(query: THistoryQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.topic) params.set('topic', query.topic);
  if (query.result) params.set('result', query.result);
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `/progress/history?${s}` : '/progress/history';
}

function Filters({ query }: { query: Partial<THistoryQuery> }) {
  return (
    <form className="history-filters" method="get" action="/progress/history" aria-label="Filter attempts">
      <div className="field">
        <label htmlFor="filter-topic">Topic</label>
        <select id="filter-topic" name="topic" defaultValue={query.topic ?? ''}>
          <option value="">All topics</option>
          {TOPICS.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-result">Result</label>
        <select id="filter-result" name="result" defaultValue={query.result ?? ''}>
          <option value="">Right and wrong</option>
          <option value="right">Right only</option>
          <option value="wrong">Wrong only</option>
        </select>
      </div>
      <button type="submit">Show</button>
    </form>
  );
}

export default async function HistoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sessionUser = await requireUser('/progress/history');
  const user = await getUserSettings(sessionUser.id);
  if (!user) redirect('/signin?callbackUrl=%2Fprogress%2Fhistory');
  const parsed = ZHistoryQuery.safeParse(await searchParams);

  if (!parsed.success) {
    return (
      <div className="history-page">
        <h1>Attempt history</h1>
        <div className="alert error" role="alert">
          <p style={{ margin: 0 }}>
            <strong>These filters cannot be used.</strong> {parsed.error.issues.map((i) => i.message).join(' ')}
          </p>
        </div>
        <p>
          <Link href="/progress/history">Show all attempts</Link> or choose a filter:
        </p>
        <Filters query={{}} />
      </div>
    );
  }

  const query = parsed.data;
  const history = await attemptHistory(user.id, query);
  const filtered = Boolean(query.topic || query.result);
  const first = (history.page - 1) * history.pageSize + 1;
  const last = first + history.entries.length - 1;

  return (
    <div className="history-page">
      <p>
        <Link href="/progress">← Progress</Link>
      </p>
      <h1>Attempt history</h1>
      <Filters query={query} />
      <p className="hint" role="status" data-testid="history-count">
        {history.total === 0
          ? filtered
            ? 'No attempts match these filters.'
            : 'You have not answered any questions yet.'
          : history.entries.length === 0
            ? `There is no page ${history.page}: ${plural(history.total, 'attempt')} fill ${plural(history.pageCount, 'page')}.`
            : `Attempts ${first}–${last} of ${history.total}, newest first.`}
      </p>
      {history.total === 0 && !filtered && (
        <p>
          Answers you give in <Link href="/practice">practice</Link> and <Link href="/practice/daily">daily practice</Link> appear here.
        </p>
      )}
      {history.entries.length > 0 && (
        <ol className="history-list" start={first}>
          {history.entries.map((e) => (
            <HistoryEntryView key={e.id} entry={e} timeZone={user.timeZone} />
          ))}
        </ol>
      )}
      {history.total > 0 && (
        <nav className="pager" aria-label="Pages">
          {history.page > 1 ? <Link href={hrefFor(query, Math.min(history.page - 1, history.pageCount))}>← Newer</Link> : <span />}
          <span>
            Page {history.page} of {history.pageCount}
          </span>
          {history.page < history.pageCount ? <Link href={hrefFor(query, history.page + 1)}>Older →</Link> : <span />}
        </nav>
      )}
    </div>
  );
}
