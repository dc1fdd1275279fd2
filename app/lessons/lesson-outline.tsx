'use client';
import Link from 'next/link';
import MiniSearch from 'minisearch';
import { useEffect, useMemo, useState } from 'react';
import type { OutlineDomain } from '@/lib/content/outline';
import { useReadingProgress, type ReadingProgress } from './use-reading-progress';

interface SearchDoc {
  id: string;
  title: string;
  summary: string;
  headings: string;
  text: string;
}

/** Not started, Read, Practised, or Read and practised. Lesson slugs are their topic ids. */
function StatusBadge({ slug, progress }: { slug: string; progress: ReadingProgress }) {
  if (progress.state !== 'ready') return null;
  const read = progress.read.has(slug);
  const practised = progress.practised.has(slug);
  if (!read && !practised)
    return (
      <span className="badge" data-testid={`status-${slug}`}>
        Not started
      </span>
    );
  return (
    <span data-testid={`status-${slug}`} style={{ display: 'inline-flex', gap: '0.3rem' }}>
      {read && <span className="badge read">Read</span>}
      {practised && <span className="badge practised">Practised</span>}
    </span>
  );
}

/** Snippet of `text` around the first query word, for the search results. */
function snippet(text: string, query: string): string {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const lower = text.toLowerCase();
  const at = words.map((w) => lower.indexOf(w)).filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? 0;
  const start = Math.max(0, at - 60);
  return `${start > 0 ? '…' : ''}${text.slice(start, start + 180).replace(/\s+/g, ' ').trim()}…`;
}

export function LessonOutline({ domains }: { domains: OutlineDomain[] }) {
  const [progress] = useReadingProgress();
  const [query, setQuery] = useState('');
  const [docs, setDocs] = useState<SearchDoc[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    fetch('/lessons/search-index.json')
      .then((r) => (r.ok ? (r.json() as Promise<SearchDoc[]>) : Promise.reject(new Error(String(r.status)))))
      .then(setDocs)
      .catch(() => setLoadError('Search is unavailable right now; the outline below still works.'));
  }, []);

  const index = useMemo(() => {
    if (!docs) return null;
    const ms = new MiniSearch<SearchDoc>({
      fields: ['title', 'summary', 'headings', 'text'],
      storeFields: ['title', 'text'],
      searchOptions: { boost: { title: 4, headings: 2, summary: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
    });
    ms.addAll(docs);
    return ms;
  }, [docs]);

  const trimmed = query.trim();
  const results = trimmed && index ? index.search(trimmed) : [];
  const total = domains.reduce((s, d) => s + d.lessons.length, 0);
  const readCount = progress.state === 'ready' ? domains.flatMap((d) => d.lessons).filter((l) => progress.read.has(l.slug)).length : 0;

  return (
    <>
      <div className="field" style={{ maxWidth: '32rem', marginBottom: '1rem' }}>
        <label htmlFor="lesson-search">Search lessons</label>
        <input
          id="lesson-search"
          type="search"
          placeholder="e.g. NACL, ephemeral ports, DNSSEC"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby="lesson-search-status"
        />
        <p className="hint" id="lesson-search-status" aria-live="polite">
          {loadError ?? (trimmed ? (index ? `${results.length} lesson${results.length === 1 ? '' : 's'} match “${trimmed}”.` : 'Loading search…') : '')}
        </p>
      </div>

      {progress.state === 'ready' && (
        <div style={{ marginBottom: '1rem' }}>
          <p className="muted" style={{ margin: '0 0 0.3rem' }}>
            {readCount} of {total} lessons read
          </p>
          <progress max={total} value={readCount} aria-label="Lessons read" style={{ width: '100%', maxWidth: '32rem' }} />
        </div>
      )}
      {progress.state === 'anonymous' && (
        <p className="hint">
          <Link href="/signin?callbackUrl=%2Flessons">Sign in</Link> to keep track of what you have read.
        </p>
      )}
      {progress.state === 'error' && <p className="alert error">{progress.message}</p>}

      {trimmed ? (
        <ol className="search-results" style={{ paddingLeft: '1.2rem' }}>
          {results.map((r) => (
            <li key={r.id} style={{ marginBottom: '0.9rem' }}>
              <Link href={`/lessons/${r.id}`}>{String(r.title)}</Link> <StatusBadge slug={String(r.id)} progress={progress} />
              <div className="muted" style={{ fontSize: '0.92rem' }}>
                {snippet(String(r.text), trimmed)}
              </div>
            </li>
          ))}
          {index && results.length === 0 && <li className="muted">No lesson mentions that. Try a shorter or different word.</li>}
        </ol>
      ) : (
        domains.map((d) => (
          <section key={d.id} aria-labelledby={`domain-${d.id}`} style={{ marginBottom: '1.5rem' }}>
            <h2 id={`domain-${d.id}`}>
              {d.title} <span className="muted" style={{ fontSize: '0.9rem', fontWeight: 400 }}>· {d.weight} % of the exam</span>
            </h2>
            <ul className="grid" style={{ listStyle: 'none', padding: 0 }}>
              {d.lessons.map((l) => (
                <li key={l.slug} className="card">
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: '0.5rem', alignItems: 'baseline' }}>
                    <Link href={`/lessons/${l.slug}`} style={{ fontWeight: 600 }}>
                      {l.order}. {l.title}
                    </Link>
                    <StatusBadge slug={l.slug} progress={progress} />
                  </div>
                  <p className="muted" style={{ margin: '0.4rem 0 0', fontSize: '0.92rem' }}>
                    {l.summary}
                  </p>
                  <p className="hint" style={{ marginTop: '0.4rem' }}>
                    {l.minutes} min read
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
