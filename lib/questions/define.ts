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

export function defineGenerator<P>(spec: GeneratorSpec<P>): Generator<P> {
  // FNV-1a of the id, so two generators given the same seed draw different numbers.
  const salt = fnv1a(spec.id);
  return {
    id: spec.id,
    version: spec.version,
    topic: spec.topic,
    title: spec.title,
    kinds: spec.kinds,
    solve: spec.solve,
    generate(seed: number): Question {
      // build returns a fresh object: it becomes the question (copying it into a new object with
      // the identity fields first costs more than the rest of a simple question).
      const q = spec.build(createRng((seed ^ salt) >>> 0)) as Question;
      q.generatorId = spec.id;
      q.version = spec.version;
      q.seed = seed;
      q.topic = spec.topic;
      return q;
    },
  };
}
