/**
 * Choice lists built from a key and distractors that stand for named mistakes. Distractors that
 * collide with the key or with each other (same text once normalised) are dropped, so a student
 * can never pick a "wrong" choice that reads the same as the right one.
 */
import type { Choice, NamedMistake } from './types';
import type { Rng } from './rng';

export interface Distractor {
  text: string;
  /** Short name of the mistake, e.g. "subtracted 2 instead of 5". */
  mistake: string;
  /** What the student reads when they pick it. */
  feedback: string;
}

export const CHOICE_IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;

export function normaliseChoiceText(text: string): string {
  const t = text.trim().toLowerCase();
  // Most texts have no whitespace but single spaces: nothing for the regex to collapse.
  return SPACE_TO_COLLAPSE.test(t) ? t.replace(/\s+/g, ' ') : t;
}

/** Whitespace that /\s+/ → ' ' would change: anything but a lone space. */
const SPACE_TO_COLLAPSE = /\s\s|[^\S ]/;

/** Keep distractors in priority order, without duplicates and without the key(s). */
export function uniqueDistractors(keys: readonly string[], distractors: readonly Distractor[], max: number): Distractor[] {
  const seen = new Set(keys.map(normaliseChoiceText));
  const out: Distractor[] = [];
  for (const d of distractors) {
    const n = normaliseChoiceText(d.text);
    if (n === '' || seen.has(n)) continue;
    seen.add(n);
    out.push(d);
    if (out.length >= max) break;
  }
  return out;
}

export interface BuiltChoices {
  choices: Choice[];
  answer: string;
  mistakes: NamedMistake[];
}

/**
 * One key and up to `count − 1` distractors, shuffled; ids a, b, c… follow the shuffled order so
 * an id says nothing about correctness. Throws if fewer than `min` choices remain (generator bug).
 */
export function singleChoice(rng: Rng, key: string, distractors: readonly Distractor[], count = 4, min = 3): BuiltChoices {
  const picked = uniqueDistractors([key], distractors, count - 1);
  if (picked.length + 1 < min) throw new Error(`only ${picked.length + 1} distinct choices for key "${key}"`);
  const items = rng.shuffle([{ text: key, d: null as Distractor | null }, ...picked.map((d) => ({ text: d.text, d }))]);
  let answer = '';
  const mistakes: NamedMistake[] = [];
  const choices = items.map((item, i) => {
    const id = CHOICE_IDS[i] as string;
    if (item.d) mistakes.push({ match: id, name: item.d.mistake, feedback: item.d.feedback });
    else answer = id;
    return { id, text: item.text };
  });
  return { choices, answer, mistakes };
}

export interface BuiltMultiple {
  choices: Choice[];
  answer: string[];
  mistakes: NamedMistake[];
}

/** Several keys and distractors, shuffled; the answer is the sorted list of the keys' ids. */
export function multipleChoice(rng: Rng, keys: readonly string[], distractors: readonly Distractor[], count = 5): BuiltMultiple {
  const uniqueKeys = [...new Map(keys.map((k) => [normaliseChoiceText(k), k])).values()];
  const picked = uniqueDistractors(uniqueKeys, distractors, Math.max(1, count - uniqueKeys.length));
  const items = rng.shuffle([...uniqueKeys.map((text) => ({ text, d: null as Distractor | null })), ...picked.map((d) => ({ text: d.text, d }))]);
  const answer: string[] = [];
  const mistakes: NamedMistake[] = [];
  const choices = items.map((item, i) => {
    const id = CHOICE_IDS[i] as string;
    if (item.d) mistakes.push({ match: id, name: item.d.mistake, feedback: item.d.feedback });
    else answer.push(id);
    return { id, text: item.text };
  });
  return { choices, answer: answer.sort(), mistakes };
}

/** Items to put in order: shuffled for display; the answer lists their ids in the right order. */
export function ordering(rng: Rng, itemsInOrder: readonly string[]): { choices: Choice[]; answer: string[] } {
  const withIds = itemsInOrder.map((text, i) => ({ text, at: i }));
  let shuffled = rng.shuffle(withIds);
  // Never present the list already in order.
  if (shuffled.every((x, i) => x.at === i) && shuffled.length > 1) shuffled = [...shuffled.slice(1), shuffled[0] as { text: string; at: number }];
  const choices = shuffled.map((x, i) => ({ id: CHOICE_IDS[i] ?? `i${i}`, text: x.text }));
  const answer = withIds.map((x) => choices[shuffled.findIndex((s) => s.at === x.at)]?.id ?? '');
  return { choices, answer };
}
