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

/** Whether `id` is one of the question's choice ids (a short list: a scan beats building a Set). */
function isChoiceId(q: Question, id: unknown): boolean {
  const choices = q.choices;
  if (choices === undefined || typeof id !== 'string') return false;
  for (let i = 0; i < choices.length; i++) if ((choices[i] as { id: string }).id === id) return true;
  return false;
}

/** Whether every entry of `list` is a choice id and none repeats. */
function distinctChoiceIds(q: Question, list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) {
    if (!isChoiceId(q, list[i])) return false;
    for (let j = 0; j < i; j++) if (list[j] === list[i]) return false;
  }
  return true;
}

/** Number of distinct choice ids (ids are unique in a generated question; a bank file could repeat one). */
function choiceIdCount(q: Question): number {
  const choices = q.choices ?? [];
  let n = 0;
  for (let i = 0; i < choices.length; i++) {
    const id = (choices[i] as { id: string }).id;
    let seen = false;
    for (let j = 0; j < i; j++) if ((choices[j] as { id: string }).id === id) seen = true;
    if (!seen) n++;
  }
  return n;
}

/** null when the response can be scored; otherwise what the student must fix, in words. */
export function validateResponse(q: Question, response: unknown): string | null {
  switch (q.kind) {
    case 'single':
      return isChoiceId(q, response) ? null : 'Choose one of the answers.';
    case 'multiple': {
      if (!Array.isArray(response) || response.length === 0) return 'Choose at least one answer.';
      for (const r of response) if (!isChoiceId(q, r)) return 'Choose only among the answers shown.';
      return distinctChoiceIds(q, response) ? null : 'Each answer can be chosen once.';
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
      if (!Array.isArray(response) || response.length !== choiceIdCount(q)) return 'Put every item in order.';
      return distinctChoiceIds(q, response) ? null : 'Put every item in order, each once.';
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
      const key = q.answer as string[];
      const picks = r as string[];
      // picks are distinct (validateResponse); the key's ids may repeat only in a hand-made question
      let of = 0;
      for (let i = 0; i < key.length; i++) if (key.indexOf(key[i] as string) === i) of++;
      let picked = 0;
      for (const p of picks) if (key.includes(p)) picked++;
      const wrongPicks = picks.length - picked;
      partial = { picked, of, wrongPicks };
      correct = picked === of && wrongPicks === 0;
      break;
    }
    case 'number':
      correct = Math.abs((r as number) - (q.answer as number)) <= (q.tolerance ?? 0) + EPSILON;
      break;
    case 'text':
      // The same text as the key reads the same once normalised (validateResponse has shown the
      // response normalises); anything else is compared in normal form.
      correct = r === q.answer || normaliseText(r as string, q.textMatch) === normaliseText(q.answer as string, q.textMatch);
      break;
    case 'order':
      correct = (r as string[]).every((id, i) => id === (q.answer as string[])[i]);
      break;
  }
  const mistake = correct ? undefined : findMistake(q, r);
  // Built field by field (same order as before): status, correct, answer, partial?, mistake?, explanation.
  const result: ScoreResult = { status: 'scored', correct, answer: q.answer, explanation: q.explanation };
  if (partial === undefined && mistake === undefined) return result;
  const out: { [key: string]: unknown } = { status: 'scored', correct, answer: q.answer };
  if (partial) out.partial = partial;
  if (mistake) out.mistake = { name: mistake.name, feedback: mistake.feedback };
  out.explanation = q.explanation;
  return out as ScoreResult;
}
