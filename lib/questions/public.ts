import type { PublicQuestion, Question } from './types';

/** The form of a question the browser may see before answering: the key and explanation removed. */
export function toPublic(q: Question): PublicQuestion {
  return {
    generatorId: q.generatorId,
    version: q.version,
    seed: q.seed,
    topic: q.topic,
    difficulty: q.difficulty,
    kind: q.kind,
    prompt: q.prompt,
    ...(q.choices ? { choices: q.choices.map((c) => ({ id: c.id, text: c.text })) } : {}),
    params: q.params,
    ...(q.textMatch ? { textMatch: q.textMatch } : {}),
    ...(q.unit ? { unit: q.unit } : {}),
    expectedSeconds: q.expectedSeconds,
  };
}
