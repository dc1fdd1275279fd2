import fc from 'fast-check';
import { CalcError } from '../errors';
import {
  CLB_DRAINING_DEFAULT_SECONDS,
  DEREGISTRATION_DELAY_DEFAULT_SECONDS,
  drainingTimeline,
  explainDrainingTimeline,
  validateDrainingTimeout,
  type DrainingOptions,
} from '../draining';

describe('CLB connection draining (facts row 148)', () => {
  it('defaults to 300 s', () => {
    expect(CLB_DRAINING_DEFAULT_SECONDS).toBe(300);
    expect(drainingTimeline().timeoutAt).toBe(300);
  });

  describe('the timeout is 1–3600 s', () => {
    it('1 and 3600 are valid', () => {
      expect(validateDrainingTimeout(1)).toEqual([]);
      expect(validateDrainingTimeout(3600)).toEqual([]);
    });

    it('0 and 3601 are not', () => {
      expect(validateDrainingTimeout(0)).toEqual(['The connection draining timeout must be a whole number of seconds from 1 to 3,600 (default 300), but got 0.']);
      expect(validateDrainingTimeout(3601)).toHaveLength(1);
      expect(() => drainingTimeline({ timeoutSeconds: 0 })).toThrow(CalcError);
      expect(() => drainingTimeline({ timeoutSeconds: 3601 })).toThrow(CalcError);
    });

    it('fractions and NaN are not', () => {
      expect(validateDrainingTimeout(1.5)).toHaveLength(1);
      expect(validateDrainingTimeout(Number.NaN)).toHaveLength(1);
      expect(validateDrainingTimeout('300' as unknown as number)).toHaveLength(1);
    });
  });

  it('in-flight requests finish within the timeout; the rest are closed by force at the timeout', () => {
    const t = drainingTimeline({ timeoutSeconds: 60, inFlightSeconds: [5, 60, 90] });
    expect(t.newRequestsStopAt).toBe(0);
    expect(t.requests).toEqual([
      { needsSeconds: 5, completedAt: 5, cutAt: null },
      { needsSeconds: 60, completedAt: 60, cutAt: null },
      { needsSeconds: 90, completedAt: null, cutAt: 60 },
    ]);
    expect(t.deregisteredAt).toBe(60);
  });

  it('the instance is deregistered when its last request ends, if that is before the timeout', () => {
    expect(drainingTimeline({ inFlightSeconds: [12, 40.5] }).deregisteredAt).toBe(40.5);
    expect(drainingTimeline({ inFlightSeconds: [] }).deregisteredAt).toBe(0);
  });

  it('explains the timeline', () => {
    const e = explainDrainingTimeline({ timeoutSeconds: 60, inFlightSeconds: [5, 90] });
    const t = e.steps.map((s) => s.text);
    expect(t[0]).toContain('stops sending new requests');
    expect(t[1]).toBe('The connection draining timeout is 60 s (allowed 1–3600, default 300): in-flight requests may run until then.');
    expect(t[2]).toBe('1 of 2 in-flight request(s) finish within 60 s; 1 still running at 60 s is closed by force.');
    expect(t[3]).toBe('The target is deregistered at 60 s: the timeout.');
    expect(explainDrainingTimeline().steps.at(-1)?.text).toContain('deregistered at once');
  });
});

describe('ALB/NLB target group deregistration delay (facts row 148)', () => {
  it('is 0–3600 s, default 300', () => {
    expect(DEREGISTRATION_DELAY_DEFAULT_SECONDS).toBe(300);
    expect(validateDrainingTimeout(0, 'target-group')).toEqual([]);
    expect(validateDrainingTimeout(-1, 'target-group')).toHaveLength(1);
    expect(validateDrainingTimeout(3601, 'target-group')).toHaveLength(1);
    expect(drainingTimeline({ kind: 'target-group', timeoutSeconds: 0, inFlightSeconds: [1] })).toMatchObject({ deregisteredAt: 0, requests: [{ cutAt: 0 }] });
  });
});

describe('bad input is a CalcError', () => {
  it.each<[string, unknown]>([
    ['options that are not an object', 300],
    ['an unknown kind', { kind: 'nlb' }],
    ['requests not a list', { inFlightSeconds: 5 }],
    ['a negative request time', { inFlightSeconds: [-1] }],
    ['a NaN request time', { inFlightSeconds: [Number.NaN] }],
    ['too many requests', { inFlightSeconds: new Array<number>(10_001).fill(1) }],
  ])('%s', (_n, opts) => {
    expect(() => drainingTimeline(opts as DrainingOptions)).toThrow(CalcError);
  });
  it('an unknown kind in validation', () => {
    expect(() => validateDrainingTimeout(5, 'elb' as 'clb')).toThrow(CalcError);
  });
});

it('laws: nothing runs past the timeout, and deregistration never comes after it', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 3600 }), fc.array(fc.double({ min: 0, max: 10_000, noNaN: true }), { maxLength: 50 }), (timeout, inFlight) => {
      const t = drainingTimeline({ timeoutSeconds: timeout, inFlightSeconds: inFlight });
      expect(t.deregisteredAt).toBeLessThanOrEqual(timeout);
      for (const r of t.requests) {
        expect((r.completedAt ?? r.cutAt) as number).toBeLessThanOrEqual(timeout);
        expect(r.completedAt === null).toBe(r.cutAt !== null);
      }
    }),
  );
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
      onlyCalcErrors(() => drainingTimeline(a as DrainingOptions));
      onlyCalcErrors(() => drainingTimeline({ timeoutSeconds: a as number, inFlightSeconds: b as number[] }));
      onlyCalcErrors(() => explainDrainingTimeline({ kind: a as 'clb', inFlightSeconds: [b as number] }));
      onlyCalcErrors(() => validateDrainingTimeout(a as number, b as 'clb'));
    }),
  );
});
