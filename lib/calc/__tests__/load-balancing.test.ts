import fc from 'fast-check';
import { CalcError } from '../errors';
import {
  CROSS_ZONE_DEFAULTS,
  crossZoneDefault,
  crossZoneTargetShares,
  explainCrossZoneDefault,
  explainCrossZoneTargetShares,
  explainWeightedTargetGroupShares,
  lbNodeShares,
  weightedTargetGroupShares,
} from '../load-balancing';

const sum = (xs: number[], weights: number[]) => xs.reduce((s, x, i) => s + x * (weights[i] ?? 0), 0);

describe('cross-zone load balancing (facts rows 158–159)', () => {
  it('with cross-zone on, every target of [2, 8] gets 10 % (row 158)', () => {
    expect(crossZoneTargetShares([2, 8], true)).toEqual([10, 10]);
  });

  it('with cross-zone off, each node keeps 50 % in its zone: 25 % per A target, 6.25 % per B target (row 159)', () => {
    expect(crossZoneTargetShares([2, 8], false)).toEqual([25, 6.25]);
  });

  it('handles any number of zones: three zones [1, 2, 3] off → 100/3 split per zone', () => {
    const s = crossZoneTargetShares([1, 2, 3], false);
    expect(s[0]).toBeCloseTo(100 / 3, 12);
    expect(s[1]).toBeCloseTo(100 / 6, 12);
    expect(s[2]).toBeCloseTo(100 / 9, 12);
    expect(crossZoneTargetShares([1, 2, 3], true).every((x) => Math.abs(x - 100 / 6) < 1e-12)).toBe(true);
  });

  it('a single zone sends everything to its targets either way', () => {
    expect(crossZoneTargetShares([4], false)).toEqual([25]);
    expect(crossZoneTargetShares([4], true)).toEqual([25]);
  });

  describe('a zone with no targets', () => {
    it('gets no traffic, and DNS leaves its node out so the other nodes share all clients (cross-zone off)', () => {
      expect(crossZoneTargetShares([0, 2, 8], false)).toEqual([0, 25, 6.25]);
      expect(lbNodeShares([0, 2, 8])).toEqual([0, 50, 50]);
    });

    it('gets no traffic with cross-zone on; every real target shares equally', () => {
      expect(crossZoneTargetShares([0, 2, 8], true)).toEqual([0, 10, 10]);
    });
  });

  it('gives each LB node 100 / (zones with targets) of the clients', () => {
    expect(lbNodeShares([2, 8])).toEqual([50, 50]);
    expect(lbNodeShares([1, 1, 1, 1])).toEqual([25, 25, 25, 25]);
  });

  it('explains the [2, 8] example step by step', () => {
    const off = explainCrossZoneTargetShares([2, 8], false);
    expect(off.result).toEqual([25, 6.25]);
    const texts = off.steps.map((s) => s.text);
    expect(texts[0]).toContain('each LB node gets 100/2 = 50 %');
    expect(texts).toContain('zone A: 50 % ÷ 2 targets = 25 % per target.');
    expect(texts).toContain('zone B: 50 % ÷ 8 targets = 6.25 % per target.');
    const on = explainCrossZoneTargetShares([2, 8], true);
    expect(on.result).toEqual([10, 10]);
    expect(on.steps.map((s) => s.text).join(' ')).toContain('100/10 = 10 %');
  });

  it('explain mentions the node DNS leaves out for an empty zone', () => {
    const e = explainCrossZoneTargetShares([0, 3], false);
    expect(e.steps[0]?.text).toContain('leaves out the node');
    expect(e.steps.map((s) => s.text)).toContain('zone A: no targets, so no traffic.');
  });

  describe('bad input is a CalcError a student can read', () => {
    it.each([
      [[], 'at least 1'],
      [[0, 0], 'At least one zone needs a target'],
      [[-1, 2], 'zone A'],
      [[1.5, 2], 'whole number'],
      [[Number.NaN], 'zone A'],
      [[Infinity], 'zone A'],
    ])('%p', (zones, message) => {
      expect(() => crossZoneTargetShares(zones as number[], true)).toThrow(CalcError);
      expect(() => crossZoneTargetShares(zones as number[], true)).toThrow(message);
    });

    it('junk instead of a list or a boolean', () => {
      expect(() => crossZoneTargetShares('2,8' as unknown as number[], true)).toThrow(CalcError);
      expect(() => crossZoneTargetShares(null as unknown as number[], true)).toThrow(CalcError);
      expect(() => crossZoneTargetShares([2, '8'] as unknown as number[], true)).toThrow(CalcError);
      expect(() => crossZoneTargetShares([2, 8], 'yes' as unknown as boolean)).toThrow('true or false');
    });

    it('caps the zone list at 10,000 entries', () => {
      expect(crossZoneTargetShares(new Array<number>(10_000).fill(1), false)).toHaveLength(10_000);
      expect(() => crossZoneTargetShares(new Array<number>(10_001).fill(1), false)).toThrow('at most 10,000');
    });
  });

  describe('laws', () => {
    const zones = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 60 }).filter((z) => z.some((n) => n > 0));

    it('the shares of all targets add up to 100 % (within 1e-9), on or off', () => {
      fc.assert(
        fc.property(zones, fc.boolean(), (z, on) => {
          expect(Math.abs(sum(crossZoneTargetShares(z, on), z) - 100)).toBeLessThan(1e-9);
        }),
      );
    });

    it('the node shares add up to 100 %', () => {
      fc.assert(
        fc.property(zones, (z) => {
          expect(Math.abs(lbNodeShares(z).reduce((s, x) => s + x, 0) - 100)).toBeLessThan(1e-9);
        }),
      );
    });

    it('with cross-zone on every target gets the same share', () => {
      fc.assert(
        fc.property(zones, (z) => {
          const s = crossZoneTargetShares(z, true).filter((_, i) => (z[i] ?? 0) > 0);
          expect(new Set(s).size).toBe(1);
        }),
      );
    });

    it('the explained form returns the same result as the plain form', () => {
      fc.assert(
        fc.property(zones, fc.boolean(), (z, on) => {
          expect(explainCrossZoneTargetShares(z, on).result).toEqual(crossZoneTargetShares(z, on));
        }),
      );
    });
  });
});

describe('weighted target groups (facts row 152)', () => {
  it('splits requests by weight, then evenly over each group’s targets', () => {
    expect(
      weightedTargetGroupShares([
        { name: 'blue', weight: 80, targets: 4 },
        { name: 'green', weight: 20, targets: 2 },
      ]),
    ).toEqual([
      { groupPercent: 80, perTargetPercent: 20 },
      { groupPercent: 20, perTargetPercent: 10 },
    ]);
  });

  it('a weight of 0 sends nothing to the group', () => {
    expect(weightedTargetGroupShares([{ weight: 0, targets: 3 }, { weight: 5, targets: 1 }])).toEqual([
      { groupPercent: 0, perTargetPercent: 0 },
      { groupPercent: 100, perTargetPercent: 100 },
    ]);
  });

  it('a weighted group with no targets still takes its share, with nowhere to send it', () => {
    expect(weightedTargetGroupShares([{ weight: 1, targets: 0 }, { weight: 1, targets: 1 }])[0]).toEqual({ groupPercent: 50, perTargetPercent: 0 });
    expect(explainWeightedTargetGroupShares([{ weight: 1, targets: 0 }, { weight: 1, targets: 1 }]).steps[1]?.text).toContain('nowhere to go');
  });

  it('refuses all-zero weights, negative weights and empty lists', () => {
    expect(() => weightedTargetGroupShares([{ weight: 0, targets: 1 }])).toThrow('weight above 0');
    expect(() => weightedTargetGroupShares([{ weight: -1, targets: 1 }])).toThrow(CalcError);
    expect(() => weightedTargetGroupShares([])).toThrow(CalcError);
    expect(() => weightedTargetGroupShares([null as unknown as { weight: number; targets: number }])).toThrow(CalcError);
  });

  it('group shares add up to 100 %', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ weight: fc.integer({ min: 0, max: 999 }), targets: fc.integer({ min: 1, max: 50 }) }), { minLength: 1, maxLength: 20 }).filter((g) => g.some((x) => x.weight > 0)),
        (groups) => {
          const s = weightedTargetGroupShares(groups);
          expect(Math.abs(s.reduce((a, x) => a + x.groupPercent, 0) - 100)).toBeLessThan(1e-9);
          expect(Math.abs(s.reduce((a, x, i) => a + x.perTargetPercent * (groups[i]?.targets ?? 0), 0) - 100)).toBeLessThan(1e-9);
        },
      ),
    );
  });

  it('explains the weights', () => {
    const e = explainWeightedTargetGroupShares([
      { name: 'blue', weight: 3, targets: 1 },
      { name: 'green', weight: 1, targets: 1 },
    ]);
    expect(e.steps[0]?.text).toBe('The weights add up to 3 + 1 = 4.');
    expect(e.steps[1]?.text).toContain('blue: 3/4 = 75 %');
  });
});

describe('cross-zone defaults per load balancer type (facts rows 157, 160)', () => {
  it('ALB: on (always on at the load balancer level)', () => {
    expect(crossZoneDefault('alb')).toBe(true);
    expect(CROSS_ZONE_DEFAULTS.alb.note).toContain('turned off per target group');
  });

  it('NLB and GWLB: off by default', () => {
    expect(crossZoneDefault('nlb')).toBe(false);
    expect(crossZoneDefault('gwlb')).toBe(false);
  });

  it('CLB: off via the API/CLI, on via the console', () => {
    expect(crossZoneDefault('clb', 'api')).toBe(false);
    expect(crossZoneDefault('clb', 'console')).toBe(true);
  });

  it('a CLB without "how was it created" is a CalcError that says why', () => {
    expect(() => crossZoneDefault('clb')).toThrow("say 'api' (off) or 'console' (on)");
    expect(() => crossZoneDefault('alb', 'api')).toThrow(CalcError);
    expect(() => crossZoneDefault('elb' as 'alb')).toThrow(CalcError);
  });

  it('explains the default', () => {
    expect(explainCrossZoneDefault('nlb').steps[0]?.text).toBe('Network Load Balancer: cross-zone load balancing is off by default.');
  });
});

it('junk never escapes as anything but a CalcError', () => {
  const onlyCalcErrors = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (!(e instanceof CalcError)) throw e;
    }
  };
  fc.assert(
    fc.property(fc.anything(), fc.anything(), (a, b) => {
      onlyCalcErrors(() => crossZoneTargetShares(a as number[], b as boolean));
      onlyCalcErrors(() => crossZoneTargetShares([a as number, 2], true));
      onlyCalcErrors(() => explainCrossZoneTargetShares(a as number[], false));
      onlyCalcErrors(() => lbNodeShares(a as number[]));
      onlyCalcErrors(() => weightedTargetGroupShares(a as []));
      onlyCalcErrors(() => weightedTargetGroupShares([a as { weight: number; targets: number }]));
      onlyCalcErrors(() => explainWeightedTargetGroupShares([{ weight: 1, targets: 1, name: a as string }]));
      onlyCalcErrors(() => crossZoneDefault(a as 'alb', b as 'api'));
      onlyCalcErrors(() => explainCrossZoneDefault(a as 'alb', b as 'api'));
    }),
  );
});
