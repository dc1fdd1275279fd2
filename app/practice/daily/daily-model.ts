/**
 * The daily practice page's state, as a reducer: the server's latest quiz state, the question on
 * screen (which stays while its feedback shows, even though the server has moved on) and where the
 * student is with it. Every rule about the quiz itself (order, finishing, streak) is the server's.
 */
import type { PublicQuestion } from '@/lib/questions';
import type { DailyPosition, DailyState } from '@/lib/server/daily-quiz';
import { initialDraft, type Draft } from '../components/answer-input';
import type { CardPhase, Scored } from '../components/question-card';

export type { DailyPosition, DailyState };

export type Phase =
  | { name: 'loading' }
  /** The quiz could not be loaded; `signIn` when the session has ended. */
  | { name: 'load-error'; message: string; signIn: boolean }
  | CardPhase
  /** The answer could not be sent (network, server error); "Try again" goes back to the question. */
  | { name: 'send-error'; message: string }
  /** The quiz changed under the page (409): only a reload helps. */
  | { name: 'stale'; message: string }
  /** Nothing left to answer: the completion card, or the empty-quiz card when total is 0. */
  | { name: 'done' };

export interface Shown {
  position: number;
  question: PublicQuestion;
}

export interface Model {
  phase: Phase;
  /** The latest quiz state from the server, null until the first load. */
  quiz: DailyState | null;
  /** The question on screen. */
  shown: Shown | null;
  draft: Draft;
  formError: string | null;
}

export type Action =
  | { type: 'load' }
  | { type: 'loaded'; quiz: DailyState }
  | { type: 'load-failed'; message: string; status: number | null }
  | { type: 'draft'; draft: Draft }
  | { type: 'incomplete'; message: string }
  | { type: 'submit' }
  | { type: 'answered'; result: Scored; duplicate: boolean; quiz: DailyState }
  | { type: 'rejected'; message: string }
  | { type: 'send-failed'; message: string }
  | { type: 'stale'; message: string }
  | { type: 'retry' }
  | { type: 'next' };

export const initialModel: Model = { phase: { name: 'loading' }, quiz: null, shown: null, draft: null, formError: null };

/** Show the quiz's current question, or the end when there is none. */
function present(quiz: DailyState): Model {
  if (quiz.current === null || !quiz.question) return { phase: { name: 'done' }, quiz, shown: null, draft: null, formError: null };
  return {
    phase: { name: 'answering' },
    quiz,
    shown: { position: quiz.current, question: quiz.question },
    draft: initialDraft(quiz.question),
    formError: null,
  };
}

export function dailyReducer(model: Model, action: Action): Model {
  switch (action.type) {
    case 'load':
      return { ...model, phase: { name: 'loading' } };
    case 'loaded':
      return present(action.quiz);
    case 'load-failed':
      return { ...model, phase: { name: 'load-error', message: action.message, signIn: action.status === 401 } };
    case 'draft':
      return model.phase.name === 'answering' ? { ...model, draft: action.draft } : model;
    case 'incomplete':
      return { ...model, formError: action.message };
    case 'submit':
      return model.phase.name === 'answering' ? { ...model, phase: { name: 'submitting' }, formError: null } : model;
    case 'answered':
      return {
        ...model,
        quiz: action.quiz,
        phase: {
          name: 'feedback',
          result: action.result,
          saved: true,
          note: action.duplicate ? 'You had already answered this question: your first answer stands.' : undefined,
        },
      };
    case 'rejected':
      return { ...model, phase: { name: 'answering' }, formError: action.message };
    case 'send-failed':
      return { ...model, phase: { name: 'send-error', message: action.message } };
    case 'stale':
      return { ...model, phase: { name: 'stale', message: action.message } };
    case 'retry':
      return model.phase.name === 'send-error' ? { ...model, phase: { name: 'answering' } } : model;
    case 'next':
      return model.phase.name === 'feedback' && model.quiz ? present(model.quiz) : model;
  }
}

/** How many positions have an answer. */
export const answeredCount = (quiz: DailyState): number => quiz.positions.filter((p) => p.correct !== null).length;

/** How many positions were answered right. */
export const rightCount = (quiz: DailyState): number => quiz.positions.filter((p) => p.correct === true).length;

export const REASON_TEXT: Record<DailyPosition['reason'], string> = {
  due: 'Due for review',
  new: 'New from a lesson you read',
  weak: 'Practice on a weak topic',
};

/** A quiz day (YYYY-MM-DD) in words, e.g. "Tuesday, 3 June 2025". The day is a calendar date, not an instant. */
export function dayInWords(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
