import fc from 'fast-check';
import { CalcError } from '../errors';
import {
  DPD_MISSED_REPLIES,
  DPD_TIMEOUT_DEFAULT_SECONDS,
  DPD_TIMEOUT_MIN_SECONDS,
  dpdTimeline,
  explainDpdTimeline,
  type DpdOptions,
} from '../dpd';

describe('Site-to-Site VPN dead peer detection (facts row 130)', () => {
  it('by default probes at 10, 20 and 30 s and declares the peer dead at 10 + 30 = 40 s', () => {
    const t = dpdTimeline();
    expect(t.probesAt).toEqual([10, 20, 30]);
    expect(t.deadAt).toBe(40);
    expect(t.probesAt).toHaveLength(DPD_MISSED_REPLIES);
  });

  it('the default timeout is 30 s and the default action is clear', () => {
    expect(DPD_TIMEOUT_DEFAULT_SECONDS).toBe(30);
    expect(dpdTimeline().outcome).toBe(dpdTimeline({ timeoutAction: 'clear' }).outcome);
    expect(dpdTimeline().outcome).toContain('clears the IKE session');
  });

  describe('the DPD timeout is at least 30 s', () => {
    it('30 s is accepted', () => {
      expect(dpdTimeline({ dpdTimeoutSeconds: DPD_TIMEOUT_MIN_SECONDS }).deadAt).toBe(40);
    });

    it('29 s is a CalcError that names the minimum', () => {
      expect(() => dpdTimeline({ dpdTimeoutSeconds: 29 })).toThrow(CalcError);
      expect(() => dpdTimeline({ dpdTimeoutSeconds: 29 })).toThrow('AWS accepts 30 s or more');
    });
  });

  it('a longer timeout means more probes: 45 s → probes at 10–50, dead at 55', () => {
    expect(dpdTimeline({ dpdTimeoutSeconds: 45 })).toMatchObject({ probesAt: [10, 20, 30, 40, 50], deadAt: 55 });
  });

  it('idle time and probe interval are configurable', () => {
    expect(dpdTimeline({ idleSeconds: 5, probeIntervalSeconds: 15, dpdTimeoutSeconds: 30 })).toMatchObject({ probesAt: [5, 20], deadAt: 35 });
  });

  describe('timeout actions', () => {
    it("'restart': AWS restarts IKE itself", () => {
      expect(dpdTimeline({ timeoutAction: 'restart' }).outcome).toContain('restarts the IKE negotiation');
    });

    it("'none': AWS leaves the tunnel up", () => {
      expect(dpdTimeline({ timeoutAction: 'none' }).outcome).toContain('takes no action');
    });

    it("'clear': the tunnel stays down until the customer gateway (or AWS with startup action Start) initiates IKE (row 129)", () => {
      expect(dpdTimeline({ timeoutAction: 'clear' }).outcome).toContain('startup action is Start');
    });

    it('any other action is a CalcError', () => {
      expect(() => dpdTimeline({ timeoutAction: 'hold' as 'none' })).toThrow("must be one of 'clear', 'restart', 'none'");
    });
  });

  describe('bad input is a CalcError', () => {
    it.each<[string, unknown]>([
      ['a NaN timeout', { dpdTimeoutSeconds: Number.NaN }],
      ['a fractional timeout', { dpdTimeoutSeconds: 30.5 }],
      ['a negative idle time', { idleSeconds: -1 }],
      ['a zero interval', { probeIntervalSeconds: 0 }],
      ['a text timeout', { dpdTimeoutSeconds: '30' }],
      ['a timeout above a day', { dpdTimeoutSeconds: 86_401 }],
      ['too many probes', { dpdTimeoutSeconds: 86_400, probeIntervalSeconds: 1 }],
      ['options that are not an object', 'fast'],
      ['null options', null],
    ])('%s', (_name, opts) => {
      expect(() => dpdTimeline(opts as DpdOptions)).toThrow(CalcError);
    });
  });

  it('explains each stage, including the two tunnels in different AZs (rows 122, 125)', () => {
    const e = explainDpdTimeline();
    expect(e.result).toEqual(dpdTimeline());
    const text = e.steps.map((s) => s.text).join('\n');
    expect(text).toContain('After 10 s without traffic, AWS sends the first R-U-THERE.');
    expect(text).toContain('3 probes at 10, 20, 30 s');
    expect(text).toContain('declared dead at 10 + 30 = 40 s');
    expect(text).toContain('different Availability Zones');
  });

  it('laws: probes strictly increase, all fall before the death, and death = idle + timeout', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 30, max: 3600 }),
        fc.constantFrom('clear', 'restart', 'none' as const),
        (idle, interval, timeout, action) => {
          const t = dpdTimeline({ idleSeconds: idle, probeIntervalSeconds: interval, dpdTimeoutSeconds: timeout, timeoutAction: action });
          expect(t.probesAt.length).toBeGreaterThan(0);
          expect(t.probesAt[0]).toBe(idle);
          for (let i = 1; i < t.probesAt.length; i++) expect(t.probesAt[i]).toBeGreaterThan(t.probesAt[i - 1] as number);
          expect(t.deadAt).toBeGreaterThan(t.probesAt[t.probesAt.length - 1] as number);
          expect(t.deadAt).toBe(idle + timeout);
        },
      ),
    );
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
      onlyCalcErrors(() => dpdTimeline(a as DpdOptions));
      onlyCalcErrors(() => dpdTimeline({ dpdTimeoutSeconds: a as number, probeIntervalSeconds: b as number }));
      onlyCalcErrors(() => explainDpdTimeline({ idleSeconds: a as number, timeoutAction: b as 'none' }));
    }),
  );
});
