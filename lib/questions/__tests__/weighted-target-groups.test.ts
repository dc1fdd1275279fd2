/**
 * weighted-target-groups: seeds whose named mistakes leave fewer than three distinct choices
 * (found by the benchmark at seed 838367, which used to throw) get a number question instead.
 */
import { weightedTargetGroups } from '../generators/weighted-target-groups';
import { score } from '../score';

describe('weighted-target-groups', () => {
  // Seeds whose named mistakes collide: at 838367 tg-v1 has 200 of 300, so the key is 66.67 and
  // every mistake gives 33.33 or 66.67; the other two do the same around a key of 11.11.
  it.each([838367, 841696243, 1240229857])('seed %i, whose mistakes collide, is asked as a number and graded', (seed) => {
    const q = weightedTargetGroups.generate(seed);
    expect(q.kind).toBe('number');
    expect(q.choices).toBeUndefined();
    expect(q.prompt).toContain('Give the percentage to two decimal places.');
    expect(score(q, q.answer)).toMatchObject({ status: 'scored', correct: true });
    expect(q.answer).toBe(weightedTargetGroups.solve(q.params as Parameters<typeof weightedTargetGroups.solve>[0]));
    // The named mistakes still name themselves when typed in.
    expect(score(q, 33.33)).toMatchObject({ status: 'scored', correct: false, mistake: { name: expect.any(String) } });
  });

  it('seed 838367 draws the case where the slips collide: tg-v1 has 200 of the 300 weight', () => {
    const p = { groups: [{ name: 'tg-v1', weight: 200, targets: 2 }, { name: 'tg-v2', weight: 50, targets: 3 }, { name: 'tg-v3', weight: 50, targets: 1 }], ask: 0, per: 'group' as const };
    expect(weightedTargetGroups.generate(838367).params).toEqual(p);
    expect(weightedTargetGroups.solve(p)).toBe(66.67);
  });

  it('single-choice questions keep at least three distinct choices over 3,000 seeds', () => {
    for (let seed = 0; seed < 3000; seed++) {
      const q = weightedTargetGroups.generate(seed);
      if (q.kind !== 'single') continue;
      const texts = (q.choices ?? []).map((c) => c.text);
      expect(new Set(texts).size).toBe(texts.length);
      expect(texts.length).toBeGreaterThanOrEqual(3);
    }
  });
});
