import 'server-only';
/** "Practise my mistakes": the items a user most recently got wrong, as a practice pool. */
import { db } from './db';
import { itemIndex, practiceItems } from './practice-pool';
import type { PracticeItem } from '@/lib/questions/practice-pick';

/** At most this many distinct items, most recent mistakes first. */
export const MISTAKE_POOL_SIZE = 50;

export async function mistakeItems(userId: string): Promise<PracticeItem[]> {
  const wrong = await db.attempt.findMany({
    where: { userId, correct: false },
    orderBy: { createdAt: 'desc' },
    select: { generatorId: true },
    take: 500,
  });
  const known = new Map(practiceItems('all').map((i) => [i.itemId, i]));
  const out: PracticeItem[] = [];
  for (const { generatorId } of wrong) {
    const item = known.get(generatorId);
    if (item && !out.includes(item)) out.push(item);
    if (out.length === MISTAKE_POOL_SIZE) break;
  }
  return out;
}

/**
 * Whether "Practise my mistakes" has anything to offer: usually one indexed read of the latest
 * wrong answer; the full pool only when that item no longer exists.
 */
export async function hasMistakes(userId: string): Promise<boolean> {
  const latest = await db.attempt.findFirst({
    where: { userId, correct: false },
    orderBy: { createdAt: 'desc' },
    select: { generatorId: true },
  });
  if (!latest) return false;
  if (itemIndex().topicOf.has(latest.generatorId)) return true;
  return (await mistakeItems(userId)).length > 0;
}
