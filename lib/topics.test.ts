import { TOPICS, EXAM_DOMAINS, isTopicId } from './topics';

describe('topics', () => {
  it('has the 16 lesson topics with unique ids', () => {
    expect(TOPICS).toHaveLength(16);
    expect(new Set(TOPICS.map((t) => t.id)).size).toBe(16);
  });
  it('gives exam domain weights that add up to 100 %', () => {
    expect(EXAM_DOMAINS.reduce((s, d) => s + d.weight, 0)).toBe(100);
  });
  it('recognises topic ids and rejects others', () => {
    expect(isTopicId('nacls')).toBe(true);
    expect(isTopicId('ec2-classic')).toBe(false);
  });
});
