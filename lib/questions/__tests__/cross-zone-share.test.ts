/**
 * cross-zone-share: the product spec fixes its params ({ targetsPerZone, crossZone, zone }); the
 * key is one target's share from the core, to two decimals, and the classic slip (using all
 * targets when cross-zone is off) is named.
 */
import { crossZoneShare } from '../generators/cross-zone-share';
import { score } from '../score';
import type { Question } from '../types';

const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);
const questions: Question[] = SEEDS.map((s) => crossZoneShare.generate(s));

describe('cross-zone-share', () => {
  it('keeps exactly the params the product spec names', () => {
    for (const q of questions) expect(Object.keys(q.params).sort()).toEqual(['crossZone', 'targetsPerZone', 'zone']);
  });

  it('solves the facts-sheet example: 2 and 8 targets give 10 % each with cross-zone on, 25 % and 6.25 % with it off', () => {
    expect(crossZoneShare.solve({ targetsPerZone: [2, 8], crossZone: true, zone: 0 })).toBe(10);
    expect(crossZoneShare.solve({ targetsPerZone: [2, 8], crossZone: false, zone: 0 })).toBe(25);
    expect(crossZoneShare.solve({ targetsPerZone: [2, 8], crossZone: false, zone: 1 })).toBe(6.25);
  });

  it('rounds to two decimals and accepts answers within 0.01', () => {
    expect(crossZoneShare.solve({ targetsPerZone: [1, 2, 3], crossZone: true, zone: 2 })).toBe(16.67);
    const q = questions.find((x) => x.kind === 'number') as Question;
    expect(q.tolerance).toBe(0.01);
    expect(q.unit).toBe('%');
    expect(q.prompt).toContain('two decimal places');
    expect(score(q, (q.answer as number) + 0.004)).toMatchObject({ correct: true });
  });

  it('never asks about a zone without targets', () => {
    for (const q of questions) {
      const p = q.params as { targetsPerZone: number[]; zone: number };
      expect(p.targetsPerZone[p.zone]).toBeGreaterThan(0);
    }
  });

  it('names the mistake of using all targets when cross-zone is off', () => {
    const q = questions.find((x) => {
      const p = x.params as { targetsPerZone: number[]; crossZone: boolean };
      const total = p.targetsPerZone.reduce((a, b) => a + b, 0);
      return x.kind === 'number' && !p.crossZone && Math.abs(100 / total - (x.answer as number)) > 0.05;
    }) as Question;
    const p = q.params as { targetsPerZone: number[] };
    const total = p.targetsPerZone.reduce((a, b) => a + b, 0);
    const r = score(q, Math.round((10000 / total)) / 100);
    expect(r).toMatchObject({ status: 'scored', correct: false, mistake: { name: 'forgot cross-zone is off (used total targets)' } });
  });
});
