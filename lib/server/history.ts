import 'server-only';
/**
 * A user's attempt history, newest first, a page at a time, optionally one topic or one verdict.
 * Each question is rebuilt from its generator id, version and seed; a version that no longer
 * exists is reported as such, with the stored answer and verdict still shown.
 */
import { z } from 'zod';
import { db } from './db';
import { rebuildQuestion } from './practice-pool';
import type { Explanation } from '@/lib/questions';
import { describeResponse, parseStoredResponse } from '@/lib/practice/progress';
import { isTopicId, topicTitle, TOPIC_IDS, type TopicId } from '@/lib/topics';

export const HISTORY_PAGE_SIZE = 20;

/** An empty form field ("All topics") means no filter. */
const blank = (v: unknown) => (v === '' ? undefined : v);

/** The history page's query string: ?page=&topic=&result=right|wrong. */
export const ZHistoryQuery = z.object({
  page: z.preprocess(
    blank,
    z.coerce
      .number({ error: 'The page must be a whole number from 1.' })
      .int('The page must be a whole number from 1.')
      .min(1, 'The page must be a whole number from 1.')
      .max(1_000_000, 'That page number is too large.')
      .default(1),
  ),
  topic: z.preprocess(blank, z.enum(TOPIC_IDS, { error: 'There is no such topic.' }).optional()),
  result: z.preprocess(blank, z.enum(['right', 'wrong'], { error: 'The result filter must be “right” or “wrong”.' }).optional()),
});
export type THistoryQuery = z.infer<typeof ZHistoryQuery>;

export interface HistoryChoice {
  id: string;
  text: string;
  /** The student chose it. */
  picked: boolean;
  /** It is (part of) the key. */
  key: boolean;
}

export type HistoryQuestion =
  | {
      status: 'ok';
      kind: string;
      prompt: string;
      /** Single and multiple choice questions: every choice, marked. */
      choices: HistoryChoice[] | null;
      /** The key in words. */
      key: string;
      explanation: Explanation;
    }
  | { status: 'outdated' | 'unknown' };

export interface HistoryEntry {
  id: string;
  at: Date;
  topic: string;
  topicTitle: string;
  correct: boolean;
  timeTakenMs: number;
  source: string;
  /** The student's answer in words; null when the stored response cannot be read. */
  answer: string | null;
  mistake: { name: string; feedback: string | null } | null;
  question: HistoryQuestion;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  /** Attempts matching the filters. */
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

function asList(response: unknown): string[] {
  if (typeof response === 'string') return [response];
  return Array.isArray(response) ? response.filter((r): r is string => typeof r === 'string') : [];
}

interface AttemptRow {
  id: string;
  generatorId: string;
  version: number;
  seed: number;
  topic: string;
  response: string;
  correct: boolean;
  mistake: string | null;
  timeTakenMs: number;
  source: string;
  createdAt: Date;
}

/** One attempt as the history shows it (exported for tests). */
export function historyEntry(row: AttemptRow): HistoryEntry {
  const response = parseStoredResponse(row.response);
  const rebuilt = rebuildQuestion(row.generatorId, row.version, row.seed);
  const base = {
    id: row.id,
    at: row.createdAt,
    topic: row.topic,
    topicTitle: isTopicId(row.topic) ? topicTitle(row.topic) : row.topic,
    correct: row.correct,
    timeTakenMs: row.timeTakenMs,
    source: row.source,
  };
  if (!rebuilt.ok) {
    return {
      ...base,
      answer: describeResponse(response),
      mistake: row.mistake ? { name: row.mistake, feedback: null } : null,
      question: { status: rebuilt.reason },
    };
  }
  const q = rebuilt.question;
  const picked = new Set(asList(response));
  const key = new Set(asList(q.answer));
  const choices = q.choices && (q.kind === 'single' || q.kind === 'multiple') ? q.choices.map((c) => ({ ...c, picked: picked.has(c.id), key: key.has(c.id) })) : null;
  const named = row.mistake ? q.mistakes.find((m) => m.name === row.mistake) : undefined;
  return {
    ...base,
    answer: describeResponse(response, q),
    mistake: row.mistake ? { name: row.mistake, feedback: named?.feedback ?? null } : null,
    question: { status: 'ok', kind: q.kind, prompt: q.prompt, choices, key: describeResponse(q.answer, q) ?? '', explanation: q.explanation },
  };
}

/** The `query.page`-th page of the user's attempts matching the filters, newest first. */
export async function attemptHistory(userId: string, query: { page?: number; topic?: TopicId; result?: 'right' | 'wrong' }, pageSize = HISTORY_PAGE_SIZE): Promise<HistoryPage> {
  const page = query.page ?? 1;
  const where = {
    userId,
    ...(query.topic ? { topic: query.topic } : {}),
    ...(query.result ? { correct: query.result === 'right' } : {}),
  };
  const [total, rows] = await Promise.all([
    db.attempt.count({ where }),
    db.attempt.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, generatorId: true, version: true, seed: true, topic: true, response: true, correct: true, mistake: true, timeTakenMs: true, source: true, createdAt: true },
    }),
  ]);
  return { entries: rows.map(historyEntry), total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)), pageSize };
}
