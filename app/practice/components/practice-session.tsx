'use client';
import Link from 'next/link';
import { useSession } from 'next-auth/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PublicQuestion } from '@/lib/questions';
import { initialDraft, toResponse, type Draft } from './answer-input';
import { QuestionCard, type Scored } from './question-card';
import { useAnswerKeys } from './use-answer-keys';

type Phase =
  | { name: 'loading' }
  | { name: 'answering' }
  | { name: 'submitting' }
  | { name: 'feedback'; result: Scored; saved: boolean }
  | { name: 'done' }
  | { name: 'error'; message: string; retry: () => void };

function randomSeed(): number {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return (a[0] ?? 1) & 0x7fffffff;
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const data = (await res.json().catch(() => ({}))) as T & { message?: string };
  if (!res.ok) throw Object.assign(new Error(data.message ?? `The server answered ${res.status}.`), { status: res.status });
  return data;
}

interface Props {
  scope: string;
  title: string;
  length?: number;
  /** Fixed session seed (from ?seed=) to replay a session; random otherwise. */
  seed?: number;
}

/** One question at a time, graded on the server, with feedback, worked steps and keyboard use. */
export function PracticeSession({ scope, title, length = 10, seed }: Props) {
  const { status: authStatus } = useSession();
  const [sessionSeed, setSessionSeed] = useState<number>(() => seed ?? randomSeed());
  const [index, setIndex] = useState(0);
  const [reloadToken, setReloadToken] = useState(0);
  const [question, setQuestion] = useState<PublicQuestion | null>(null);
  const [draft, setDraft] = useState<Draft>(null);
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  const [formError, setFormError] = useState<string | null>(null);
  const [tally, setTally] = useState({ right: 0, answered: 0 });
  const startedAt = useRef(0);

  // Load question `index` of the session whenever it changes (or a retry is asked for).
  useEffect(() => {
    let live = true;
    postJson<{ question: PublicQuestion }>('/api/practice/next', { scope, sessionSeed, index })
      .then(({ question: q }) => {
        if (!live) return;
        setQuestion(q);
        setDraft(initialDraft(q));
        setFormError(null);
        startedAt.current = performance.now();
        setPhase({ name: 'answering' });
      })
      .catch((e: Error) => {
        if (!live) return;
        setPhase({
          name: 'error',
          message: e.message || 'The question could not be loaded.',
          retry: () => {
            setPhase({ name: 'loading' });
            setReloadToken((t) => t + 1);
          },
        });
      });
    return () => {
      live = false;
    };
  }, [scope, sessionSeed, index, reloadToken]);

  const submit = useCallback(() => {
    if (!question || phase.name !== 'answering') return;
    const response = toResponse(question, draft);
    if (response === null) {
      setFormError(question.kind === 'number' ? 'Enter a number.' : question.kind === 'text' ? 'Type an answer.' : 'Choose an answer first.');
      return;
    }
    setFormError(null);
    setPhase({ name: 'submitting' });
    const timeTakenMs = Math.min(Math.round(performance.now() - startedAt.current), 6 * 60 * 60 * 1000);
    postJson<{ result: Scored; saved: boolean }>('/api/practice/answer', {
      generatorId: question.generatorId,
      version: question.version,
      seed: question.seed,
      response,
      timeTakenMs,
      source: scope === 'mistakes' ? 'mistakes' : 'practice',
    })
      .then(({ result, saved }) => {
        setTally((t) => ({ right: t.right + (result.correct ? 1 : 0), answered: t.answered + 1 }));
        setPhase({ name: 'feedback', result, saved });
      })
      .catch((e: Error & { status?: number }) => {
        if (e.status === 422) {
          setFormError(e.message);
          setPhase({ name: 'answering' });
        } else setPhase({ name: 'error', message: e.message || 'Your answer could not be sent.', retry: () => setPhase({ name: 'answering' }) });
      });
  }, [question, draft, phase.name, scope]);

  const next = useCallback(() => {
    if (index + 1 >= length) {
      setPhase({ name: 'done' });
      return;
    }
    setPhase({ name: 'loading' });
    setIndex(index + 1);
  }, [index, length]);

  useAnswerKeys({ phase: phase.name, question, draft, setDraft, submit, next });

  const position = phase.name === 'done' ? length : index + (phase.name === 'feedback' ? 1 : 0);

  return (
    <section className="practice" aria-labelledby="practice-title">
      <h1 id="practice-title">{title}</h1>
      <div className="practice-progress">
        <span>
          Question {Math.min(index + 1, length)} of {length}
          {tally.answered > 0 && ` · ${tally.right} right so far`}
        </span>
        <progress max={length} value={position} aria-label="Session progress" />
      </div>
      {authStatus === 'unauthenticated' && (
        <p className="hint">
          You are practising as a guest: answers are graded but not saved.{' '}
          <Link href={`/signin?callbackUrl=${encodeURIComponent(`/practice/${scope}`)}`}>Sign in</Link> to keep your progress.
        </p>
      )}

      {phase.name === 'loading' && (
        <div className="card" aria-busy="true">
          <p className="muted">Loading a question…</p>
        </div>
      )}
      {phase.name === 'error' && (
        <div className="alert error" role="alert">
          <p style={{ margin: '0 0 0.5rem' }}>{phase.message}</p>
          <button type="button" onClick={phase.retry}>
            Try again
          </button>
        </div>
      )}
      {phase.name === 'done' && (
        <div className="card" role="status">
          <h2>Session complete</h2>
          <p>
            You answered {tally.right} of {tally.answered} correctly.
          </p>
          <p style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap' }}>
            <button
              type="button"
              onClick={() => {
                setTally({ right: 0, answered: 0 });
                setPhase({ name: 'loading' });
                setIndex(0);
                setSessionSeed(randomSeed());
              }}
            >
              Practise again
            </button>
            <Link className="button secondary" href="/practice">
              Choose another topic
            </Link>
          </p>
        </div>
      )}

      {question && (phase.name === 'answering' || phase.name === 'submitting' || phase.name === 'feedback') && (
        <QuestionCard
          question={question}
          draft={draft}
          onDraftChange={setDraft}
          phase={phase}
          formError={formError}
          onCheck={submit}
          onNext={next}
          nextLabel={index + 1 >= length ? 'See results' : 'Next question'}
        />
      )}
    </section>
  );
}
