/**
 * Hand-written bank questions (content/banks, validated by lib/content/schema) in the same
 * Question shape as generated ones. The id is "bank:<question id>", the version a hash of the
 * question's content (an edited question is a new version), the seed shuffles the choices.
 */
import type { TBankQuestion } from '../content/schema';
import type { TopicId } from '../topics';
import { createRng, fnv1a } from './rng';
import { CHOICE_IDS } from './choices';
import type { Question } from './types';

export const BANK_PREFIX = 'bank:';

/** FNV-1a over the question's JSON, kept to 31 bits so it fits a database INTEGER. */
export function bankQuestionVersion(q: TBankQuestion): number {
  return fnv1a(JSON.stringify(q)) >>> 1;
}

const SECONDS_BY_DIFFICULTY = { 1: 30, 2: 60, 3: 90 } as const;

export function bankQuestion(topic: TopicId, q: TBankQuestion, seed: number): Question {
  const base = {
    generatorId: `${BANK_PREFIX}${q.id}`,
    version: bankQuestionVersion(q),
    seed,
    topic,
    difficulty: q.difficulty,
    prompt: q.stem,
    params: {},
    explanation: { summary: q.explanation, steps: [], lesson: `/lessons/${topic}` },
    expectedSeconds: SECONDS_BY_DIFFICULTY[q.difficulty],
  };
  if (q.type === 'numeric') {
    return { ...base, kind: 'number', answer: q.answer, tolerance: q.tolerance, ...(q.unit ? { unit: q.unit } : {}), mistakes: [] };
  }
  if (q.type === 'truefalse') {
    return {
      ...base,
      kind: 'single',
      choices: [
        { id: 'a', text: 'True' },
        { id: 'b', text: 'False' },
      ],
      answer: q.answer ? 'a' : 'b',
      mistakes: [],
    };
  }
  const order = createRng(seed).shuffle(q.choices.map((c, i) => i));
  const choices = order.map((from, i) => ({ id: CHOICE_IDS[i] as string, text: q.choices[from]?.text ?? '' }));
  const isKey = (i: number) => q.choices[order[i] ?? -1]?.correct === true;
  const mistakes = order.flatMap((from, i) => {
    const c = q.choices[from];
    return c && !c.correct && c.feedback ? [{ match: CHOICE_IDS[i] as string, name: 'a common misconception', feedback: c.feedback }] : [];
  });
  const keyIds = choices.filter((_, i) => isKey(i)).map((c) => c.id);
  return q.type === 'single'
    ? { ...base, kind: 'single', choices, answer: keyIds[0] ?? '', mistakes }
    : { ...base, kind: 'multiple', choices, answer: keyIds.sort(), mistakes };
}
