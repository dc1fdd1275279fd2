/** defineGenerator: the one way a generator is made, so every question carries id, version and seed. */
import { createRng, fnv1a, type Rng } from './rng';
import type { Generator, Question, Response, ResponseKind } from './types';
import type { TopicId } from '../topics';

export type QuestionBody = Omit<Question, 'generatorId' | 'version' | 'seed' | 'topic'>;

export interface GeneratorSpec<P> {
  id: string;
  version: number;
  topic: TopicId;
  title: string;
  kinds: readonly ResponseKind[];
  /** Draw params with the rng and build the question from them through the calculation core. */
  build(rng: Rng): QuestionBody;
  solve(params: P): Response;
}

/**
 * How many further draws `generate` makes when a generator cannot build a question from a seed's
 * own draw (it threw). The seed scan (`npm run scan:seeds`) finds no such seed in 2 million per
 * generator; this is the safety net that keeps a student's request from failing if one appears.
 */
export const REDRAWS = 7;

export function defineGenerator<P>(spec: GeneratorSpec<P>): Generator<P> {
  // FNV-1a of the id, so two generators given the same seed draw different numbers.
  const salt = fnv1a(spec.id);
  // The redraws: the rng seeded further along, deterministically, so a seed always gives the
  // same question and (generatorId, version, seed) still rebuilds it at grading time.
  const redraw = (seed: number, first: unknown): QuestionBody => {
    for (let attempt = 1; attempt <= REDRAWS; attempt++) {
      try {
        return spec.build(createRng(((seed ^ salt) + Math.imul(attempt, 0x9e3779b9)) >>> 0));
      } catch {
        // try the next draw
      }
    }
    const why = first instanceof Error ? first.message : String(first);
    throw new Error(`${spec.id} could not build a question from seed ${seed} in ${REDRAWS + 1} draws (first error: ${why})`, { cause: first });
  };
  // build returns a fresh object: it becomes the question (copying it into a new object with
  // the identity fields first costs more than the rest of a simple question).
  const identify = (body: QuestionBody, seed: number): Question => {
    const q = body as Question;
    q.generatorId = spec.id;
    q.version = spec.version;
    q.seed = seed;
    q.topic = spec.topic;
    return q;
  };
  return {
    id: spec.id,
    version: spec.version,
    topic: spec.topic,
    title: spec.title,
    kinds: spec.kinds,
    solve: spec.solve,
    generate(seed: number): Question {
      let body: QuestionBody;
      try {
        body = spec.build(createRng((seed ^ salt) >>> 0));
      } catch (e) {
        body = redraw(seed, e);
      }
      return identify(body, seed);
    },
    generateExact(seed: number): Question {
      return identify(spec.build(createRng((seed ^ salt) >>> 0)), seed);
    },
  };
}
