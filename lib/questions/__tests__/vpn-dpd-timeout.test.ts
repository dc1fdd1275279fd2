import { getGenerator, score } from '..';
import { dpdTimeline } from '../../calc/dpd';
import type { Question } from '../types';

const g = getGenerator('vpn-dpd-timeout');
const questions: Question[] = Array.from({ length: 300 }, (_, i) => g?.generate(i * 31 + 7)).filter((q): q is Question => q !== undefined);

describe('vpn-dpd-timeout', () => {
  it("stores exactly the core's dpdTimeline options, plus which thing is asked", () => {
    expect(questions).toHaveLength(300);
    for (const q of questions) {
      expect(Object.keys(q.params).sort()).toEqual(['ask', 'dpdTimeoutSeconds', 'idleSeconds', 'probeIntervalSeconds', 'timeoutAction']);
      expect(() => dpdTimeline(q.params as never)).not.toThrow();
    }
  });

  it('asks all three things: the time of death, the probe count and the timeout action', () => {
    expect(new Set(questions.map((q) => q.params.ask))).toEqual(new Set(['dead-at', 'probes', 'action']));
    expect(new Set(questions.map((q) => q.params.timeoutAction))).toEqual(new Set(['clear', 'restart', 'none']));
  });

  it('names "forgot the idle period" when the student answers the bare DPD timeout', () => {
    const q = questions.find((x) => x.params.ask === 'dead-at' && x.params.dpdTimeoutSeconds !== 30);
    expect(q).toBeDefined();
    if (!q) return;
    const r = score(q, q.params.dpdTimeoutSeconds);
    expect(r).toMatchObject({ status: 'scored', correct: false, mistake: { name: 'forgot the idle period' } });
    expect(q.answer).toBe((q.params.dpdTimeoutSeconds as number) + 10);
  });

  it('names "thought the timeout can be below 30 s" when the prompt asks for the shortest timeout', () => {
    const q = questions.find((x) => x.params.ask === 'dead-at' && x.prompt.includes('shortest value AWS accepts'));
    expect(q).toBeDefined();
    expect(q?.answer).toBe(40);
    expect(q && score(q, 20)).toMatchObject({ correct: false, mistake: { name: 'thought the timeout can be below 30 s' } });
  });

  it('names the off-by-one probe counts', () => {
    const q = questions.find((x) => x.params.ask === 'probes');
    expect(q).toBeDefined();
    if (!q) return;
    const n = q.answer as number;
    expect(score(q, n + 1)).toMatchObject({ correct: false, mistake: { name: 'counted one probe too many (off by one)' } });
  });

  it('names the clear/restart confusion', () => {
    const q = questions.find((x) => x.params.ask === 'action' && x.params.timeoutAction === 'clear');
    const restart = q?.choices?.find((c) => c.text.startsWith('AWS restarts'));
    expect(q && restart && score(q, restart.id)).toMatchObject({ correct: false, mistake: { name: 'confused Clear and Restart' } });
  });
});
