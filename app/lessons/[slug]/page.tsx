import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import 'katex/dist/katex.min.css';
import { getLesson, loadLessons } from '@/lib/content/load-lessons';
import { lessonHeadings } from '@/lib/content/lesson-text';
import { EXAM_DOMAINS } from '@/lib/topics';
import { LessonMarkdown } from '../lesson-markdown';
import { MarkReadButton } from '../mark-read-button';

export const dynamicParams = false;

export function generateStaticParams() {
  return loadLessons().map((l) => ({ slug: l.meta.slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = getLesson((await params).slug);
  return lesson ? { title: lesson.meta.title, description: lesson.meta.summary } : {};
}

export default async function LessonPage({ params }: Props) {
  const { slug } = await params;
  const lessons = loadLessons();
  const index = lessons.findIndex((l) => l.meta.slug === slug);
  const lesson = lessons[index];
  if (!lesson) notFound();
  const { meta, body } = lesson;
  const prev = lessons[index - 1];
  const next = lessons[index + 1];
  const domain = EXAM_DOMAINS.find((d) => d.id === meta.domain);
  const toc = lessonHeadings(body);
  const related = meta.related.map((s) => lessons.find((l) => l.meta.slug === s)).filter((l) => l !== undefined);

  return (
    <div className="lesson-layout">
      <aside className="lesson-toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading">On this page</h2>
        <ol>
          {toc.map((h) => (
            <li key={h.id} className={h.depth === 3 ? 'sub' : undefined}>
              <a href={`#${h.id}`}>{h.text}</a>
            </li>
          ))}
        </ol>
      </aside>
      <article className="lesson">
        <p className="muted" style={{ margin: 0 }}>
          <Link href="/lessons">Lessons</Link> · {domain?.title} · {meta.minutes} min
        </p>
        <h1>{meta.title}</h1>
        <p className="lead">{meta.summary}</p>
        <section className="card objectives" aria-labelledby="objectives-heading">
          <h2 id="objectives-heading">You will be able to</h2>
          <ul>
            {meta.objectives.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </section>
        <LessonMarkdown body={body} />
        <section className="lesson-end" aria-label="After this lesson">
          <MarkReadButton slug={meta.slug} />
          <p>
            <Link className="button secondary" href={`/practice/${meta.topic}`}>
              Practise this topic
            </Link>
          </p>
          {related.length > 0 && (
            <p>
              Related:{' '}
              {related.map((r, i) => (
                <span key={r.meta.slug}>
                  {i > 0 && ' · '}
                  <Link href={`/lessons/${r.meta.slug}`}>{r.meta.title}</Link>
                </span>
              ))}
            </p>
          )}
          <details>
            <summary>Sources</summary>
            <ul>
              {meta.sources.map((s) => (
                <li key={s.url}>
                  <a href={s.url} rel="noopener noreferrer">
                    {s.title}
                  </a>
                </li>
              ))}
            </ul>
          </details>
        </section>
        <nav className="prev-next" aria-label="Previous and next lessons">
          {prev ? (
            <Link href={`/lessons/${prev.meta.slug}`} rel="prev">
              ← {prev.meta.title}
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link href={`/lessons/${next.meta.slug}`} rel="next">
              {next.meta.title} →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      </article>
    </div>
  );
}
