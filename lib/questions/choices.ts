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
  const kind = textKind(text);
  if (kind === NORMAL) return text;
  if (kind === UPPER_ONLY) return text.toLowerCase();
  const t = text.trim().toLowerCase();
  // Most texts have no whitespace but single spaces: nothing for the regex to collapse.
  return SPACE_TO_COLLAPSE.test(t) ? t.replace(/\s+/g, ' ') : t;
}

/** Whitespace that /\s+/ → ' ' would change: anything but a lone space. */
const SPACE_TO_COLLAPSE = /\s\s|[^\S ]/;

/** `textKind` results: already normal; normal once ASCII capitals are lowered; anything else. */
const NORMAL = 0;
const UPPER_ONLY = 1;
const GENERAL = 2;

/**
 * How much normalising `text` takes, in one scan and without a new string: NORMAL when it is
 * printable ASCII (or caseless symbols) without capitals, no space at either end and no two
 * spaces in a row; UPPER_ONLY when the same holds but for ASCII capitals (lowercasing is all
 * that changes it); GENERAL otherwise.
 */
function textKind(text: string): number {
  const n = text.length;
  if (n === 0) return NORMAL;
  if (text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return GENERAL;
  let kind = NORMAL;
  let prevSpace = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return GENERAL;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    if (c < 33) return GENERAL;
    if (c >= 65 && c <= 90) kind = UPPER_ONLY;
    else if (c > 126 && !isCaselessSymbol(c)) return GENERAL;
  }
  return kind;
}

/**
 * Non-ASCII characters the choice texts use that are neither whitespace nor cased (lowercasing
 * keeps them): × ° and the dash, quote, bullet, arrow, maths and ⌈⌉⌊⌋ blocks (U+2010–2027,
 * U+2030–205E, U+2190–23FF).
 */
function isCaselessSymbol(c: number): boolean {
  return c === 0xd7 || c === 0xb0 || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e) || (c >= 0x2190 && c <= 0x23ff);
}

/**
 * Up to `max` distractors in priority order, without duplicates and without the key(s): `seen`
 * holds the normalised texts taken so far (a short list, scanned: cheaper than a Set).
 */
function pickDistractors(seen: string[], distractors: readonly Distractor[], max: number): Distractor[] {
  const out: Distractor[] = [];
  if (max <= 0) return out;
  for (let i = 0; i < distractors.length; i++) {
    const d = distractors[i] as Distractor;
    const n = normaliseChoiceText(d.text);
    if (n === '' || seen.includes(n)) continue;
    seen.push(n);
    out.push(d);
    if (out.length >= max) break;
  }
  return out;
}

/** Keep distractors in priority order, without duplicates and without the key(s). */
export function uniqueDistractors(keys: readonly string[], distractors: readonly Distractor[], max: number): Distractor[] {
  const seen: string[] = [];
  for (const k of keys) {
    const n = normaliseChoiceText(k);
    if (!seen.includes(n)) seen.push(n);
  }
  // Asked for none (max ≤ 0), the first acceptable distractor is still kept, as it always was.
  if (max <= 0) {
    for (const d of distractors) {
      const n = normaliseChoiceText(d.text);
      if (n !== '' && !seen.includes(n)) return [d];
    }
    return [];
  }
  return pickDistractors(seen, distractors, max);
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
  // Shuffle positions: slot 0 is the key, slot i > 0 is picked[i − 1] (same draws as shuffling the items).
  const order = shuffledSlots(rng, picked.length + 1);
  let answer = '';
  const mistakes: NamedMistake[] = [];
  const choices: Choice[] = new Array<Choice>(order.length);
  for (let i = 0; i < order.length; i++) {
    const id = CHOICE_IDS[i] as string;
    const slot = order[i] as number;
    if (slot === 0) {
      answer = id;
      choices[i] = { id, text: key };
    } else {
      const d = picked[slot - 1] as Distractor;
      mistakes.push({ match: id, name: d.mistake, feedback: d.feedback });
      choices[i] = { id, text: d.text };
    }
  }
  return { choices, answer, mistakes };
}

/** 0 … n − 1 shuffled by `rng.shuffle`'s Fisher–Yates draws. */
function shuffledSlots(rng: Rng, n: number): number[] {
  const slots = new Array<number>(n);
  for (let i = 0; i < n; i++) slots[i] = i;
  return rng.shuffle(slots);
}

export interface BuiltMultiple {
  choices: Choice[];
  answer: string[];
  mistakes: NamedMistake[];
}

/** Several keys and distractors, shuffled; the answer is the sorted list of the keys' ids. */
export function multipleChoice(rng: Rng, keys: readonly string[], distractors: readonly Distractor[], count = 5): BuiltMultiple {
  // Keys that read the same once normalised collapse to one (the last spelling wins, in the first one's place).
  const seen: string[] = [];
  const uniqueKeys: string[] = [];
  for (const k of keys) {
    const n = normaliseChoiceText(k);
    const at = seen.indexOf(n);
    if (at >= 0) uniqueKeys[at] = k;
    else {
      seen.push(n);
      uniqueKeys.push(k);
    }
  }
  const picked = pickDistractors(seen, distractors, Math.max(1, count - uniqueKeys.length));
  const nk = uniqueKeys.length;
  const order = shuffledSlots(rng, nk + picked.length);
  const answer: string[] = [];
  const mistakes: NamedMistake[] = [];
  const choices: Choice[] = new Array<Choice>(order.length);
  for (let i = 0; i < order.length; i++) {
    const id = CHOICE_IDS[i] as string;
    const slot = order[i] as number;
    if (slot < nk) {
      answer.push(id);
      choices[i] = { id, text: uniqueKeys[slot] as string };
    } else {
      const d = picked[slot - nk] as Distractor;
      mistakes.push({ match: id, name: d.mistake, feedback: d.feedback });
      choices[i] = { id, text: d.text };
    }
  }
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
