/**
 * The question model shared by generators, question banks, practice and (later) exams.
 * Pure data: a Question is JSON-serialisable, so it can be rebuilt from (generatorId, version,
 * seed) on the server at grading time and re-rendered from an attempt years later.
 */
import type { Step } from '../calc/steps';
import type { TopicId } from '../topics';

export type ResponseKind = 'single' | 'multiple' | 'number' | 'text' | 'order';

export interface Choice {
  id: string;
  text: string;
}

/** What a student submits: a choice id, a list of choice ids, a number, a string, an ordering. */
export type Response = string | string[] | number;

/** A wrong answer we can name: the mistake it stands for and the feedback the student reads. */
export interface NamedMistake {
  /** The response that reveals the mistake (a choice id, a number, a normalised string). */
  match: string | number;
  /** Short name, e.g. "subtracted 2 instead of 5". */
  name: string;
  /** One or two sentences for the student. */
  feedback: string;
}

export interface Explanation {
  /** Markdown: the answer and the rule, in a sentence or two. */
  summary: string;
  /** The calculation core's worked steps for this question's own numbers. */
  steps: Step[];
  /** Lesson to revisit, as a path (/lessons/<slug>). */
  lesson?: string;
}

export type TextMatch = 'exact' | 'case-insensitive' | 'cidr' | 'address';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface Question {
  generatorId: string;
  version: number;
  seed: number;
  topic: TopicId;
  difficulty: 1 | 2 | 3;
  kind: ResponseKind;
  /** Markdown shown to the student. */
  prompt: string;
  /** For single, multiple and order questions. For order, the items in their shuffled order. */
  choices?: Choice[];
  /** What the generator drew; with the generator it determines the question entirely. */
  params: { [key: string]: JsonValue };
  /** The key, in the shape a response takes. */
  answer: Response;
  /** number questions: accepted absolute error (default 0). */
  tolerance?: number;
  /** text questions: how a response is compared with the key. */
  textMatch?: TextMatch;
  /** Unit shown beside a number input (e.g. "%", "seconds"). */
  unit?: string;
  explanation: Explanation;
  mistakes: NamedMistake[];
  /** How long a prepared student needs, for the scheduler's Hard/Easy split. */
  expectedSeconds: number;
}

/** What the browser may see before answering: no key, no explanation, no mistakes. */
export type PublicQuestion = Omit<Question, 'answer' | 'explanation' | 'mistakes' | 'tolerance'>;

export type ScoreResult =
  | { status: 'invalid'; message: string }
  | {
      status: 'scored';
      correct: boolean;
      /** The key, for showing after the answer. */
      answer: Response;
      /** For multiple-response questions: how many of the key's choices were picked. */
      partial?: { picked: number; of: number; wrongPicks: number };
      /** The named mistake this response reveals, if we know it. */
      mistake?: { name: string; feedback: string };
      explanation: Explanation;
    };

export interface Generator<P = unknown> {
  id: string;
  /** Bump when the generator's output for a seed changes; old attempts keep their version. */
  version: number;
  topic: TopicId;
  /** Title for instructors and the practice menu. */
  title: string;
  /** The kinds of question this generator can produce. */
  kinds: readonly ResponseKind[];
  /**
   * The question for a seed: the same seed, the same question, byte for byte. If the generator
   * cannot build one from the seed's own draw, it draws again (deterministically, a few times)
   * rather than fail the student's request; the question still carries the seed it was asked for.
   */
  generate(seed: number): Question;
  /**
   * The seed's own draw only, throwing where `generate` would draw again: what the tests and the
   * seed scan call, so that a generator that cannot handle a seed is found, not hidden.
   */
  generateExact(seed: number): Question;
  /**
   * The key recomputed from the params alone, through the calculation core: how tests confirm
   * that stored params reproduce the answer. Number and text questions: the key itself. Choice
   * questions return texts, since ids depend on shuffling: single → the key choice's text;
   * multiple → the key choices' texts (any order); order → the texts in the right order.
   */
  solve(params: P): Response;
}
