/**
 * Which question comes next in a practice session: a pure, deterministic choice from a session
 * seed and the question's position, so the server keeps no session state and a session can be
 * replayed exactly (the end-to-end tests do). Generated and hand-written items alternate fairly.
 */
import { createRng } from './rng';

export interface PracticeItem {
  /** Generator id, or "bank:<question id>". */
  itemId: string;
  source: 'generator' | 'bank';
}

export interface Pick {
  itemId: string;
  seed: number;
}

/** Item and question seed for position `index` (0-based) of a session. */
export function pickPracticeItem(items: readonly PracticeItem[], sessionSeed: number, index: number): Pick {
  if (items.length === 0) throw new RangeError('no practice items for this topic');
  const rng = createRng(((sessionSeed >>> 0) ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const generated = items.filter((i) => i.source === 'generator');
  const bank = items.filter((i) => i.source === 'bank');
  // Half the questions computed, half hand-written, when the topic has both.
  const pool = generated.length && bank.length ? (rng.chance(0.5) ? generated : bank) : items;
  // A window of the session's shuffled pool keeps repeats apart within a session.
  const order = createRng(sessionSeed >>> 0).shuffle(pool.map((i) => i.itemId));
  const itemId = order[Math.floor(index / 2) % order.length] ?? order[0] ?? '';
  return { itemId, seed: rng.int(0, 0x7fffffff) };
}
