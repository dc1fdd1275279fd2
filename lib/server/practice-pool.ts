import 'server-only';
/**
 * The questions a topic can draw on (its generators and its bank questions), and the rebuilding
 * of a question from (generatorId, version, seed) at grading time.
 */
import { getGenerator, listGenerators, bankQuestion, BANK_PREFIX, type Question } from '@/lib/questions';
import type { PracticeItem } from '@/lib/questions/practice-pick';
import { loadBanks } from '@/lib/content/load-banks';
import type { TBankQuestion } from '@/lib/content/schema';
import { TOPICS, type TopicId } from '@/lib/topics';

interface BankEntry {
  topic: TopicId;
  question: TBankQuestion;
}

let bankIndex: Map<string, BankEntry> | undefined;

function banks(): Map<string, BankEntry> {
  bankIndex ??= new Map(loadBanks().flatMap((b) => b.questions.map((q) => [`${BANK_PREFIX}${q.id}`, { topic: b.topic, question: q }] as const)));
  return bankIndex;
}

export type PracticeScope = TopicId | 'all';

export function practiceItems(scope: PracticeScope): PracticeItem[] {
  const inScope = (topic: string) => scope === 'all' || topic === scope;
  return [
    ...listGenerators().filter((g) => inScope(g.topic)).map((g) => ({ itemId: g.id, source: 'generator' as const })),
    ...[...banks()].filter(([, e]) => inScope(e.topic)).map(([itemId]) => ({ itemId, source: 'bank' as const })),
  ];
}

let byTopic: { items: Map<TopicId, readonly string[]>; topicOf: Map<string, TopicId> } | undefined;

/**
 * Every item id per topic, in code-unit order (the order composition works in, so it never has to
 * sort them), and the topic of every item id. Computed once: items are static.
 */
export function itemIndex(): { items: Map<TopicId, readonly string[]>; topicOf: Map<string, TopicId> } {
  if (!byTopic) {
    const items = new Map<TopicId, readonly string[]>(TOPICS.map((t) => [t.id, practiceItems(t.id).map((i) => i.itemId).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))]));
    const topicOf = new Map<string, TopicId>();
    for (const [topic, ids] of items) for (const id of ids) topicOf.set(id, topic);
    byTopic = { items, topicOf };
  }
  return byTopic;
}

/** How many generators and bank questions each topic has, for the practice menu. */
export function practiceCounts(): Record<TopicId, { generators: number; bank: number }> {
  const out = Object.fromEntries(TOPICS.map((t) => [t.id, { generators: 0, bank: 0 }])) as Record<TopicId, { generators: number; bank: number }>;
  for (const g of listGenerators()) out[g.topic].generators += 1;
  for (const e of banks().values()) out[e.topic].bank += 1;
  return out;
}

/** The current question for an item id and seed, or null if the item does not exist. */
export function buildQuestion(itemId: string, seed: number): Question | null {
  if (itemId.startsWith(BANK_PREFIX)) {
    const entry = banks().get(itemId);
    return entry ? bankQuestion(entry.topic, entry.question, seed) : null;
  }
  const generator = getGenerator(itemId);
  if (!generator) return null;
  try {
    return generator.generateExact(seed);
  } catch (e) {
    // A generator bug for this seed: generate() draws again, so the student still gets a
    // question; the log names the seed so the generator can be fixed (npm run scan:seeds).
    console.error(`question generator ${itemId} v${generator.version} failed on seed ${seed}; drawing again:`, e);
    return generator.generate(seed);
  }
}

export type Rebuilt = { ok: true; question: Question } | { ok: false; reason: 'unknown' | 'outdated' };

/** Rebuild the question a student saw. A version that no longer exists cannot be graded fairly. */
export function rebuildQuestion(generatorId: string, version: number, seed: number): Rebuilt {
  const question = buildQuestion(generatorId, seed);
  if (!question) return { ok: false, reason: 'unknown' };
  if (question.version !== version) return { ok: false, reason: 'outdated' };
  return { ok: true, question };
}
