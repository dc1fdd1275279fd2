'use client';
import Link from 'next/link';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { TOPICS } from '@/lib/topics';
import { toResponse, type Draft } from '../components/answer-input';
import { QuestionCard, type Scored } from '../components/question-card';
import { useAnswerKeys } from '../components/use-answer-keys';
import { answeredCount, dailyReducer, dayInWords, initialModel, REASON_TEXT, rightCount, type DailyState, type Shown } from './daily-model';

class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

async function requestJson<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { cache: 'no-store', ...init });
  } catch {
    throw new HttpError('The server could not be reached. Check your connection and try again.', null);
  }
  const data = (await res.json().catch(() => ({}))) as T & { message?: string };
  if (!res.ok) throw new HttpError(data.message ?? `Something went wrong on the server (error ${res.status}).`, res.status);
  return data;
}

interface AnswerReply {
  result: Scored;
  saved: { correct: boolean; duplicate: boolean };
  state: DailyState;
}

const topicTitle = (id: string | null) => TOPICS.find((t) => t.id === id)?.title ?? null;

const MAX_TIME_MS = 6 * 60 * 60 * 1000;

/** Today's quiz, one question at a time, resuming where the student stopped; a summary at the end. */
export function DailyPractice() {
  const [model, dispatch] = useReducer(dailyReducer, initialModel);
  const [loadToken, setLoadToken] = useState(0);
  const startedAt = useRef(0);
  const { phase, quiz, shown, draft, formError } = model;

  useEffect(() => {
    let live = true;
    requestJson<DailyState>('/api/practice/daily')
      .then((state) => {
        if (live) dispatch({ type: 'loaded', quiz: state });
      })
      .catch((e: HttpError) => {
        if (live) dispatch({ type: 'load-failed', message: e.message, status: e.status });
      });
    return () => {
      live = false;
    };
  }, [loadToken]);

  // The clock for timeTakenMs starts when a question appears.
  const shownKey = shown ? `${shown.position}:${shown.question.seed}` : '';
  useEffect(() => {
    if (shownKey) startedAt.current = performance.now();
  }, [shownKey]);

  const reload = useCallback(() => {
    dispatch({ type: 'load' });
    setLoadToken((t) => t + 1);
  }, []);

  const setDraft = useCallback((d: Draft) => dispatch({ type: 'draft', draft: d }), []);

  const submit = useCallback(() => {
    if (!quiz || !shown || phase.name !== 'answering') return;
    const { question } = shown;
    const response = toResponse(question, draft);
    if (response === null) {
      dispatch({
        type: 'incomplete',
        message: question.kind === 'number' ? 'Enter a number.' : question.kind === 'text' ? 'Type an answer.' : 'Choose an answer first.',
      });
      return;
    }
    dispatch({ type: 'submit' });
    requestJson<AnswerReply>('/api/practice/daily/answer', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        day: quiz.day,
        position: shown.position,
        generatorId: question.generatorId,
        version: question.version,
        seed: question.seed,
        response,
        timeTakenMs: Math.max(0, Math.min(Math.round(performance.now() - startedAt.current), MAX_TIME_MS)),
      }),
    })
      .then(({ result, saved, state }) => dispatch({ type: 'answered', result, duplicate: saved.duplicate, quiz: state }))
      .catch((e: HttpError) => {
        if (e.status === 422) dispatch({ type: 'rejected', message: e.message });
        else if (e.status === 409) dispatch({ type: 'stale', message: e.message });
        else dispatch({ type: 'send-failed', message: e.message || 'Your answer could not be sent.' });
      });
  }, [quiz, shown, phase.name, draft]);

  const next = useCallback(() => dispatch({ type: 'next' }), []);

  useAnswerKeys({ phase: phase.name, question: shown?.question ?? null, draft, setDraft, submit, next });

  return (
    <section className="practice daily" aria-labelledby="daily-title">
      <h1 id="daily-title">Daily practice</h1>
      {quiz && (
        <p className="muted daily-day">
          <time dateTime={quiz.day}>{dayInWords(quiz.day)}</time>
        </p>
      )}

      {phase.name === 'loading' && (
        <div className="card" aria-busy="true">
          <p className="muted">Loading today’s quiz…</p>
        </div>
      )}
      {phase.name === 'load-error' && (
        <div className="alert error" role="alert">
          <p className="daily-alert-text">{phase.message}</p>
          {phase.signIn ? (
            <Link className="button" href={`/signin?callbackUrl=${encodeURIComponent('/practice/daily')}`}>
              Sign in
            </Link>
          ) : (
            <button type="button" onClick={reload}>
              Try again
            </button>
          )}
        </div>
      )}
      {phase.name === 'stale' && (
        <div className="alert error" role="alert">
          <p className="daily-alert-text">{phase.message}</p>
          <button type="button" onClick={reload}>
            Reload
          </button>
        </div>
      )}
      {phase.name === 'send-error' && (
        <div className="alert error" role="alert">
          <p className="daily-alert-text">{phase.message}</p>
          <button type="button" onClick={() => dispatch({ type: 'retry' })}>
            Try again
          </button>
        </div>
      )}

      {quiz && quiz.total === 0 && phase.name === 'done' && <EmptyQuiz />}
      {quiz && quiz.total > 0 && (phase.name === 'answering' || phase.name === 'submitting' || phase.name === 'feedback') && shown && (
        <>
          <QuizProgress quiz={quiz} shown={shown} />
          <QuestionCard
            key={shown.position}
            question={shown.question}
            draft={draft}
            onDraftChange={setDraft}
            phase={phase}
            formError={formError}
            onCheck={submit}
            onNext={next}
            nextLabel={quiz.current === null ? 'See results' : 'Next question'}
            header={<ReasonLine quiz={quiz} position={shown.position} />}
          />
        </>
      )}
      {quiz && quiz.total > 0 && phase.name === 'done' && <Completion quiz={quiz} />}
    </section>
  );
}

function QuizProgress({ quiz, shown }: { quiz: DailyState; shown: Shown }) {
  return (
    <div className="practice-progress">
      <span data-testid="daily-counter">
        Question {shown.position + 1} of {quiz.total}
      </span>
      <progress max={quiz.total} value={answeredCount(quiz)} aria-label="Daily quiz progress" />
      <Dots quiz={quiz} current={shown.position} />
    </div>
  );
}

/** One dot per question: answered right, answered wrong, on screen, or still to come. */
function Dots({ quiz, current }: { quiz: DailyState; current: number | null }) {
  return (
    <ol className="daily-dots" aria-label="Questions in today’s quiz">
      {quiz.positions.map((p) => {
        const state = p.correct === true ? 'right' : p.correct === false ? 'wrong' : p.position === current ? 'current' : 'todo';
        const words = { right: 'answered right', wrong: 'answered wrong', current: 'current question', todo: 'not answered yet' }[state];
        return (
          <li
            key={p.position}
            className={`daily-dot ${state}${p.position === current ? ' here' : ''}`}
            data-testid="daily-dot"
            data-state={state}
            aria-current={p.position === current ? 'step' : undefined}
          >
            <span aria-hidden="true">{state === 'right' ? '✓' : state === 'wrong' ? '✗' : p.position + 1}</span>
            <span className="visually-hidden">
              Question {p.position + 1}: {words}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function ReasonLine({ quiz, position }: { quiz: DailyState; position: number }) {
  const p = quiz.positions[position];
  if (!p) return null;
  const topic = topicTitle(p.topic);
  return (
    <p className="daily-reason" data-testid="daily-reason" data-reason={p.reason}>
      <span className={`badge reason-${p.reason}`}>{REASON_TEXT[p.reason]}</span>
      {topic && <span className="hint">{topic}</span>}
    </p>
  );
}

function Completion({ quiz }: { quiz: DailyState }) {
  const { current, longest } = quiz.streak;
  const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  return (
    <div className="card daily-done" role="status" data-testid="daily-complete">
      <h2>Today’s practice is done</h2>
      <p className="daily-score">
        You got <strong data-testid="daily-right">{rightCount(quiz)}</strong> of <strong data-testid="daily-total">{quiz.total}</strong> right.
      </p>
      <Dots quiz={quiz} current={null} />
      <dl className="daily-streak">
        <div>
          <dt>Streak</dt>
          <dd>
            <span aria-hidden="true">🔥 </span>
            <span data-testid="daily-streak-current">{current}</span> {current === 1 ? 'day' : 'days'}
          </dd>
        </div>
        <div>
          <dt>Longest streak</dt>
          <dd>
            <span data-testid="daily-streak-longest">{longest}</span> {longest === 1 ? 'day' : 'days'}
          </dd>
        </div>
      </dl>
      <p className="hint">
        {current > 1
          ? `You have finished your daily practice ${days(current)} in a row. Come back tomorrow to keep it going.`
          : 'Your streak has started. Come back tomorrow to keep it going.'}
      </p>
      <p className="daily-links">
        <Link className="button" href="/progress">
          See your progress
        </Link>
        <Link className="button secondary" href="/practice">
          Practise more by topic
        </Link>
      </p>
    </div>
  );
}

function EmptyQuiz() {
  return (
    <div className="card" role="status" data-testid="daily-empty">
      <h2>Nothing to practise today</h2>
      <p>
        Your daily quiz is made from questions due for review, questions from lessons you have read and practice on your
        weaker topics. Today there was nothing to draw on.
      </p>
      <p>Read a lesson and mark it as read: its questions go into tomorrow’s quiz. Meanwhile you can practise any topic.</p>
      <p className="daily-links">
        <Link className="button" href="/lessons">
          Go to the lessons
        </Link>
        <Link className="button secondary" href="/practice">
          Practise by topic
        </Link>
      </p>
    </div>
  );
}
