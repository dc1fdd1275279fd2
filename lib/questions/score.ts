/**
 * Grading. `validateResponse` says whether a response can be scored at all (nothing chosen, a
 * malformed CIDR); `score` returns a tagged result: a wrong answer is a result, not an error.
 */
import { CalcError } from '../calc/errors';
import { normalizeCidr } from '../calc/cidr';
import { normalizeAddress } from '../calc/ip';
import type { NamedMistake, Question, Response, ScoreResult, TextMatch } from './types';

const EPSILON = 1e-9;
const MAX_TEXT = 200;

function normaliseText(text: string, match: TextMatch | undefined): string {
  const t = text.trim();
  switch (match) {
    case 'cidr':
      return normalizeCidr(t);
    case 'address':
      return normalizeAddress(t);
    case 'case-insensitive':
      return t.toLowerCase().replace(/\s+/g, ' ');
    default:
      return t;
  }
}

/** null when the response can be scored; otherwise what the student must fix, in words. */
export function validateResponse(q: Question, response: unknown): string | null {
  const ids = new Set((q.choices ?? []).map((c) => c.id));
  switch (q.kind) {
    case 'single':
      return typeof response === 'string' && ids.has(response) ? null : 'Choose one of the answers.';
    case 'multiple': {
      if (!Array.isArray(response) || response.length === 0) return 'Choose at least one answer.';
      if (!response.every((r) => typeof r === 'string' && ids.has(r))) return 'Choose only among the answers shown.';
      return new Set(response).size === response.length ? null : 'Each answer can be chosen once.';
    }
    case 'number':
      return typeof response === 'number' && Number.isFinite(response) ? null : 'Enter a number.';
    case 'text': {
      if (typeof response !== 'string' || response.trim() === '') return 'Type an answer.';
      if (response.length > MAX_TEXT) return `Keep the answer under ${MAX_TEXT} characters.`;
      try {
        normaliseText(response, q.textMatch);
        return null;
      } catch (e) {
        if (e instanceof CalcError) return e.message;
        throw e;
      }
    }
    case 'order': {
      if (!Array.isArray(response) || response.length !== ids.size) return 'Put every item in order.';
      return response.every((r) => typeof r === 'string' && ids.has(r)) && new Set(response).size === ids.size ? null : 'Put every item in order, each once.';
    }
  }
}

function findMistake(q: Question, response: Response): NamedMistake | undefined {
  return q.mistakes.find((m) => {
    if (typeof m.match === 'number') return typeof response === 'number' && Math.abs(response - m.match) <= (q.tolerance ?? 0) + EPSILON;
    if (typeof response === 'string') {
      if (q.kind === 'text') {
        try {
          return normaliseText(response, q.textMatch) === normaliseText(m.match, q.textMatch);
        } catch {
          return false;
        }
      }
      return response === m.match;
    }
    // multiple: a named mistake on a choice counts when that wrong choice was picked
    return Array.isArray(response) && response.includes(m.match);
  });
}

export function score(q: Question, response: unknown): ScoreResult {
  const problem = validateResponse(q, response);
  if (problem) return { status: 'invalid', message: problem };
  const r = response as Response;
  let correct: boolean;
  let partial: { picked: number; of: number; wrongPicks: number } | undefined;
  switch (q.kind) {
    case 'single':
      correct = r === q.answer;
      break;
    case 'multiple': {
      const key = new Set(q.answer as string[]);
      const picks = r as string[];
      const picked = picks.filter((p) => key.has(p)).length;
      const wrongPicks = picks.length - picked;
      partial = { picked, of: key.size, wrongPicks };
      correct = picked === key.size && wrongPicks === 0;
      break;
    }
    case 'number':
      correct = Math.abs((r as number) - (q.answer as number)) <= (q.tolerance ?? 0) + EPSILON;
      break;
    case 'text':
      correct = normaliseText(r as string, q.textMatch) === normaliseText(q.answer as string, q.textMatch);
      break;
    case 'order':
      correct = (r as string[]).every((id, i) => id === (q.answer as string[])[i]);
      break;
  }
  const mistake = correct ? undefined : findMistake(q, r);
  return {
    status: 'scored',
    correct,
    answer: q.answer,
    ...(partial ? { partial } : {}),
    ...(mistake ? { mistake: { name: mistake.name, feedback: mistake.feedback } } : {}),
    explanation: q.explanation,
  };
}
