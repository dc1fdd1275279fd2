'use client';
import Link from 'next/link';
import { useEffect, useRef, type ReactNode } from 'react';
import type { PublicQuestion, Response, ScoreResult } from '@/lib/questions';
import { describeResponse } from '@/lib/questions/describe';
import { AnswerInput, type Draft } from './answer-input';
import { MarkdownText } from './markdown-text';
import { WorkedSteps } from './worked-steps';

export type Scored = Extract<ScoreResult, { status: 'scored' }>;

/** Where one question stands: being answered, being checked, or graded with its feedback. */
export type CardPhase =
  | { name: 'answering' }
  | { name: 'submitting' }
  | {
      name: 'feedback';
      result: Scored;
      /** The answer was stored in the student's progress. */
      saved: boolean;
      /** An extra line under the feedback, e.g. that an earlier answer stands. */
      note?: string;
    };

/** The key in words: choice texts rather than ids, a number with its unit. */
export function describeKey(q: PublicQuestion, answer: Response): string {
  return describeResponse(answer, q) ?? '';
}

interface Props {
  question: PublicQuestion;
  draft: Draft;
  onDraftChange: (d: Draft) => void;
  phase: CardPhase;
  formError: string | null;
  onCheck: () => void;
  onNext: () => void;
  /** The label of the button that moves on after the feedback ("Next question", "See results"). */
  nextLabel: string;
  /** Shown above the prompt (e.g. why the question is in a quiz). */
  header?: ReactNode;
}

/**
 * One question as a form: prompt, answer controls, "Check answer", then the graded feedback (named
 * mistake, key, summary, worked steps, lesson link) and the button that moves on, which takes focus.
 */
export function QuestionCard({ question, draft, onDraftChange, phase, formError, onCheck, onNext, nextLabel, header }: Props) {
  const nextButton = useRef<HTMLButtonElement>(null);
  const feedbackHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (phase.name === 'feedback') (nextButton.current ?? feedbackHeading.current)?.focus();
  }, [phase.name]);

  return (
    <form
      className="card question"
      data-testid="question"
      data-generator-id={question.generatorId}
      data-version={question.version}
      data-seed={question.seed}
      data-kind={question.kind}
      onSubmit={(e) => {
        e.preventDefault();
        if (phase.name === 'feedback') onNext();
        else onCheck();
      }}
    >
      {header}
      <MarkdownText>{question.prompt}</MarkdownText>
      <AnswerInput question={question} draft={draft} onChange={onDraftChange} disabled={phase.name !== 'answering'} />
      {formError && (
        <p className="field-error" role="alert">
          {formError}
        </p>
      )}
      {phase.name !== 'feedback' ? (
        <p className="hint">
          {question.choices && question.kind !== 'order' ? 'Press 1–9 to choose, Enter to check.' : 'Press Enter to check.'}
        </p>
      ) : null}
      {phase.name === 'feedback' ? (
        <div className={`feedback ${phase.result.correct ? 'right' : 'wrong'}`} data-testid="feedback" aria-live="polite">
          <h2 ref={feedbackHeading} tabIndex={-1}>
            {phase.result.correct ? '✓ Correct' : '✗ Not quite'}
          </h2>
          {!phase.result.correct && phase.result.mistake && (
            <p data-testid="mistake">
              <strong>Looks like you {phase.result.mistake.name}.</strong> {phase.result.mistake.feedback}
            </p>
          )}
          {!phase.result.correct && (
            <p>
              The answer: <strong data-testid="key">{describeKey(question, phase.result.answer)}</strong>
            </p>
          )}
          <MarkdownText>{phase.result.explanation.summary}</MarkdownText>
          <WorkedSteps steps={phase.result.explanation.steps} />
          {phase.result.explanation.lesson && (
            <p>
              <Link href={phase.result.explanation.lesson}>Review the lesson</Link>
            </p>
          )}
          {phase.saved && <p className="hint">Saved to your progress.</p>}
          {phase.note && <p className="hint">{phase.note}</p>}
          <button type="submit" ref={nextButton}>
            {nextLabel}
          </button>
        </div>
      ) : (
        <button type="submit" disabled={phase.name === 'submitting'}>
          {phase.name === 'submitting' ? 'Checking…' : 'Check answer'}
        </button>
      )}
    </form>
  );
}
