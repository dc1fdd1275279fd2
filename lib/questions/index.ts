/**
 * netprep's question engine: seeded generators answered by the calculation core, bank questions in
 * the same shape, the public form, and grading. Pure: no I/O, no clock, no Math.random.
 */
export type { Choice, Explanation, Generator, NamedMistake, PublicQuestion, Question, Response, ResponseKind, ScoreResult, TextMatch } from './types';
export { listGenerators, getGenerator } from './registry';
export { toPublic } from './public';
export { score, validateResponse } from './score';
export { bankQuestion, bankQuestionVersion, BANK_PREFIX } from './bank';
export { createRng, nextSeed, type Rng } from './rng';
export { defineGenerator } from './define';
export { singleChoice, multipleChoice, ordering, type Distractor } from './choices';
