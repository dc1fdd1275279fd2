import { getGenerator } from '@/lib/questions';
import { buildQuestion, rebuildQuestion } from '@/lib/server/practice-pool';

describe('buildQuestion when a generator fails on a seed', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs the generator and seed, and serves the redrawn question that grading rebuilds', () => {
    const g = getGenerator('cidr-usable-ips');
    if (!g) throw new Error('cidr-usable-ips is missing');
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest.spyOn(g, 'generateExact').mockImplementationOnce(() => {
      throw new Error('simulated generator bug');
    });
    const q = buildQuestion('cidr-usable-ips', 777);
    expect(q).toEqual(g.generate(777));
    expect(q?.seed).toBe(777);
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]?.[0])).toContain('cidr-usable-ips v');
    expect(String(log.mock.calls[0]?.[0])).toContain('seed 777');
    // Grading rebuilds from (id, version, seed) and gets the same question.
    const rebuilt = rebuildQuestion('cidr-usable-ips', q?.version ?? -1, 777);
    expect(rebuilt).toEqual({ ok: true, question: q });
  });

  it('logs nothing for a seed the generator builds', () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(buildQuestion('cidr-usable-ips', 778)?.seed).toBe(778);
    expect(buildQuestion('no-such-generator', 778)).toBeNull();
    expect(log).not.toHaveBeenCalled();
  });
});
