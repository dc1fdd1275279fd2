/**
 * zod schemas for the files under content/: lesson front matter and question banks.
 * Pure (no fs): lib/content/load-*.ts read the files and validate them with these.
 */
import { z } from 'zod';
import { EXAM_DOMAINS, TOPIC_IDS } from '../topics';

const domainIds = EXAM_DOMAINS.map((d) => d.id) as unknown as readonly [string, ...string[]];

const ZAwsDocLink = z.object({
  title: z.string().min(3),
  url: z
    .string()
    .url()
    .refine((u) => /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//.test(u), {
      message: 'sources must be AWS documentation links (https://docs.aws.amazon.com/… or https://aws.amazon.com/…)',
    }),
});

export const ZLessonFrontMatter = z
  .object({
    title: z.string().min(3).max(90),
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'slug must be lowercase words joined by hyphens'),
    order: z.number().int().min(1).max(999),
    topic: z.enum(TOPIC_IDS),
    domain: z.enum(domainIds),
    summary: z.string().min(20).max(300),
    objectives: z.array(z.string().min(10)).min(2).max(8),
    minutes: z.number().int().min(3).max(90),
    sources: z.array(ZAwsDocLink).min(1),
    related: z.array(z.string()).default([]),
  })
  .strict();

export type TLessonFrontMatter = z.infer<typeof ZLessonFrontMatter>;

const ZChoice = z
  .object({
    text: z.string().min(1),
    correct: z.boolean().default(false),
    feedback: z.string().min(1).optional(),
  })
  .strict();

const ZBankQuestionBase = {
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be lowercase words and digits joined by hyphens'),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  stem: z.string().min(10),
  explanation: z.string().min(10),
  source: ZAwsDocLink.shape.url,
  /** Optional: the facts-sheet row(s) the question rests on, for reviewers. */
  facts: z.array(z.number().int().min(1).max(200)).optional(),
};

export const ZBankQuestion = z.discriminatedUnion('type', [
  z
    .object({ ...ZBankQuestionBase, type: z.literal('single'), choices: z.array(ZChoice).min(3).max(6) })
    .strict()
    .refine((q) => q.choices.filter((c) => c.correct).length === 1, {
      message: 'a single-choice question needs exactly one correct choice',
      path: ['choices'],
    }),
  z
    .object({ ...ZBankQuestionBase, type: z.literal('multiple'), choices: z.array(ZChoice).min(4).max(8) })
    .strict()
    .refine((q) => q.choices.filter((c) => c.correct).length >= 2, {
      message: 'a multiple-response question needs at least two correct choices',
      path: ['choices'],
    }),
  z.object({ ...ZBankQuestionBase, type: z.literal('truefalse'), answer: z.boolean() }).strict(),
  z
    .object({
      ...ZBankQuestionBase,
      type: z.literal('numeric'),
      answer: z.number().finite(),
      tolerance: z.number().min(0).default(0),
      unit: z.string().optional(),
    })
    .strict(),
]);

export type TBankQuestion = z.infer<typeof ZBankQuestion>;

export const ZBankFile = z
  .object({
    topic: z.enum(TOPIC_IDS),
    title: z.string().min(3),
    questions: z.array(ZBankQuestion).min(1),
  })
  .strict()
  .superRefine((bank, ctx) => {
    const seen = new Set<string>();
    bank.questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', message: `duplicate question id "${q.id}"`, path: ['questions', i, 'id'] });
      seen.add(q.id);
      if (q.type === 'single' || q.type === 'multiple') {
        const texts = q.choices.map((c) => c.text.trim().toLowerCase());
        if (new Set(texts).size !== texts.length)
          ctx.addIssue({ code: 'custom', message: `question "${q.id}" has two identical choices`, path: ['questions', i, 'choices'] });
      }
    });
  });

export type TBankFile = z.infer<typeof ZBankFile>;
