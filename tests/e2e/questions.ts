/** Rebuild a question the page shows, from its generator id and seed, to know its key in tests. */
import { getGenerator, bankQuestion, BANK_PREFIX, type Question } from '../../lib/questions';
import { loadBanks } from '../../lib/content/load-banks';

export function rebuild(generatorId: string, seed: number): Question {
  if (generatorId.startsWith(BANK_PREFIX)) {
    for (const b of loadBanks()) {
      const q = b.questions.find((x) => `${BANK_PREFIX}${x.id}` === generatorId);
      if (q) return bankQuestion(b.topic, q, seed);
    }
    throw new Error(`no bank question ${generatorId}`);
  }
  const g = getGenerator(generatorId);
  if (!g) throw new Error(`no generator ${generatorId}`);
  return g.generate(seed);
}
