/**
 * How well a student knows each topic, and how ready they are for each exam domain and the exam.
 * Mastery blends what FSRS predicts the student remembers now with what they recently got right:
 * memory alone would credit an item reviewed once and forgotten in a month; accuracy alone would
 * never fade.
 */
import { EXAM_DOMAINS, TOPICS, type ExamDomainId, type TopicId } from '../topics';
import { retrievability, type CardState } from './schedule';

/** Weight of mean FSRS retrievability in mastery when there is recent accuracy too. */
export const MEMORY_WEIGHT = 0.6;
/** Weight of recent accuracy in mastery when there are cards too. */
export const ACCURACY_WEIGHT = 0.4;

export interface RecentAccuracy {
  /** Right answers in the recent window the server chose (e.g. the topic's last 20 attempts). */
  correct: number;
  /** Answers in that window. */
  total: number;
}

export interface TopicEvidence {
  topic: TopicId;
  cards: readonly CardState[];
  recent: RecentAccuracy;
}

export interface DomainReadiness {
  id: ExamDomainId;
  title: string;
  /** The domain's share of the exam, percent. */
  weight: number;
  /** Mean mastery of the domain's topics, 0–100. */
  readiness: number;
}

export interface Readiness {
  domains: DomainReadiness[];
  /** Domain readiness weighted by exam share, 0–100. */
  overall: number;
}

/**
 * Mastery of one topic, 0–100 (whole number): 100 × (MEMORY_WEIGHT × mean retrievability of the
 * topic's cards at `now` + ACCURACY_WEIGHT × recent correct / total). With no cards, accuracy alone
 * counts; with no recent answers, memory alone; with neither, 0.
 */
export function topicMastery(cards: readonly CardState[], recent: RecentAccuracy, now: Date): number {
  const { correct, total } = recent;
  if (!Number.isInteger(total) || !Number.isInteger(correct) || total < 0 || correct < 0 || correct > total) {
    throw new RangeError(`recent accuracy must be whole numbers with 0 ≤ correct ≤ total, got ${correct}/${total}`);
  }
  const memory = cards.length ? cards.reduce((sum, c) => sum + retrievability(c, now), 0) / cards.length : null;
  const accuracy = total ? correct / total : null;
  const blend =
    memory !== null && accuracy !== null
      ? MEMORY_WEIGHT * memory + ACCURACY_WEIGHT * accuracy
      : (memory ?? accuracy ?? 0);
  return Math.round(100 * blend);
}

/** Mastery for every topic of the course; a topic without evidence is 0. */
export function masteryByTopic(evidence: readonly TopicEvidence[], now: Date): Record<TopicId, number> {
  const out = Object.fromEntries(TOPICS.map((t) => [t.id, 0])) as Record<TopicId, number>;
  const seen = new Set<TopicId>();
  for (const e of evidence) {
    if (seen.has(e.topic)) throw new RangeError(`evidence for ${e.topic} given twice`);
    seen.add(e.topic);
    out[e.topic] = topicMastery(e.cards, e.recent, now);
  }
  return out;
}

function checkMastery(topic: TopicId, value: number): number {
  if (!(value >= 0 && value <= 100)) throw new RangeError(`mastery of ${topic} must be 0–100, got ${String(value)}`);
  return value;
}

/**
 * Readiness per exam domain, the plain mean of its topics' mastery (a topic missing from `mastery`
 * counts 0: not studied is not ready), and overall readiness, the domains' readiness weighted by
 * their EXAM_DOMAINS share of the exam. All rounded to whole numbers at the end.
 */
export function readiness(mastery: Partial<Record<TopicId, number>>): Readiness {
  const exact = EXAM_DOMAINS.map((d) => {
    const topics = TOPICS.filter((t) => t.domain === d.id);
    const sum = topics.reduce((s, t) => s + checkMastery(t.id, mastery[t.id] ?? 0), 0);
    return { id: d.id, title: d.title, weight: d.weight, readiness: topics.length ? sum / topics.length : 0 };
  });
  const totalWeight = exact.reduce((s, d) => s + d.weight, 0);
  const overall = exact.reduce((s, d) => s + d.weight * d.readiness, 0) / totalWeight;
  return {
    domains: exact.map((d) => ({ ...d, readiness: Math.round(d.readiness) })),
    overall: Math.round(overall),
  };
}
