import { z } from 'zod';
import { TOPIC_IDS } from '@/lib/topics';

export const ZPracticeScope = z.union([z.enum(TOPIC_IDS), z.literal('all')], { error: 'Unknown topic.' });

const ZSeed = z.number({ error: 'seed must be a number' }).int('seed must be a whole number').min(0).max(0x7fffffff);

/** Where a practice session draws from: a topic, all topics, or the signed-in user's mistakes. */
export const ZSessionScope = z.union([ZPracticeScope, z.literal('mistakes')], { error: 'Unknown topic.' });

export const ZNextQuestion = z.object({
  scope: ZSessionScope,
  sessionSeed: ZSeed,
  index: z.number().int().min(0).max(999),
});
export type TNextQuestion = z.infer<typeof ZNextQuestion>;

export const ZResponse = z.union([
  z.string().max(200, 'That answer is too long.'),
  z.array(z.string().max(20)).max(12),
  z.number().finite('Enter a number.'),
]);

export const ZSubmitAnswer = z.object({
  generatorId: z.string().min(1).max(120),
  version: z.number().int().min(0).max(0x7fffffff),
  seed: ZSeed,
  response: ZResponse,
  timeTakenMs: z.number().int().min(0).max(6 * 60 * 60 * 1000),
  /** "mistakes" when answered in a "Practise my mistakes" session. */
  source: z.enum(['practice', 'mistakes']).default('practice'),
});
export type TSubmitAnswer = z.infer<typeof ZSubmitAnswer>;

export const ZDailyAnswer = ZSubmitAnswer.omit({ source: true }).extend({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'day must be YYYY-MM-DD'),
  position: z.number().int().min(0).max(49),
});
export type TDailyAnswer = z.infer<typeof ZDailyAnswer>;
