/**
 * Fast paths checked against the plain rule they stand in for: the path-pattern character scan
 * (alb.ts), the load-balancing input guards that call the general checkers only when a cheap
 * test fails (load-balancing.ts), and formatIpv6's table-driven hex groups (ip.ts). Each property
 * states the rule a second, slow way and asks for the same answer or the same error message.
 */
import fc from 'fast-check';
import { ALB_PATH_PATTERN_MAX_LENGTH, ALB_PATH_PATTERN_SYMBOLS, ALB_WILDCARDS_PER_RULE, matchPathPattern, validatePathPattern } from '../alb';
import { CalcError } from '../errors';
import { formatIpv6, MAX_IPV6 } from '../ip';
import { crossZoneTargetShares, lbNodeShares, MAX_TARGETS_PER_ZONE, weightedTargetGroupShares, type WeightedTargetGroup } from '../load-balancing';
import { checkInteger, checkList, checkObject, fail, zoneLabel } from '../traffic-guards';

/** What a call gives: its value, or the text of the CalcError it throws (anything else rethrows). */
function outcome(run: () => unknown): { value: unknown } | { error: string } {
  try {
    return { value: run() };
  } catch (e) {
    if (e instanceof CalcError) return { error: e.message };
    throw e;
  }
}

describe('ALB path patterns: the character scan', () => {
  const allowed = new RegExp(`^[A-Za-z0-9${ALB_PATH_PATTERN_SYMBOLS.replace(/[-\\\]^]/g, '\\$&')}]*$`, 'u');
  // Allowed characters (wildcards often enough to pass the limit of 5), and near misses: space,
  // %, #, non-ASCII letters, an emoji (a surrogate pair), a lone surrogate, control characters.
  const good = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...`ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789${ALB_PATH_PATTERN_SYMBOLS}`) },
    { weight: 1, arbitrary: fc.constantFrom('*', '?') },
  );
  const bad = fc.constantFrom(' ', '%', '#', '\\', '\t', 'é', 'ß', '→', '😀', '\ud800', '\u0000', '\u007f');
  const mixed = fc.oneof({ weight: 9, arbitrary: good }, { weight: 1, arbitrary: bad });
  // Short patterns and long ones (up to and past the 128-character limit), of allowed characters
  // only or with a few others among them.
  const pattern = fc
    .oneof(
      fc.array(good, { maxLength: 20 }),
      fc.array(good, { minLength: 110, maxLength: 140, size: 'max' }),
      // around the length limit, with no more wildcards than allowed
      fc.tuple(fc.array(fc.constantFrom(...'abc/-_.'), { minLength: 124, maxLength: 131, size: 'max' }), fc.array(fc.constantFrom('*', '?'), { maxLength: 5 })).map(([a, w]) => [...w, ...a]),
      fc.array(mixed, { minLength: 1, maxLength: 20 }),
      fc.array(mixed, { minLength: 100, maxLength: 140, size: 'max' }),
    )
    .map((cs) => cs.join(''));

  it('reports disallowed characters exactly when a pattern has one outside A–Z a–z 0–9 and the listed symbols', () => {
    fc.assert(
      fc.property(pattern, (p) => {
        const charProblem = validatePathPattern(p).some((m) => m.startsWith('The path pattern contains'));
        expect(charProblem).toBe(!allowed.test(p));
      }),
      { numRuns: 3000 },
    );
  });

  it('names each disallowed character once, up to five, in the order they first appear', () => {
    fc.assert(
      fc.property(pattern, (p) => {
        const message = validatePathPattern(p).find((m) => m.startsWith('The path pattern contains'));
        const bad = [...new Set([...p].filter((ch) => !allowed.test(ch)))].slice(0, 5);
        if (bad.length === 0) expect(message).toBeUndefined();
        else expect(message).toContain(`contains ${bad.map((c) => `'${c}'`).join(', ')}; allowed are`);
      }),
      { numRuns: 2000 },
    );
  });

  it('the matcher accepts a pattern exactly when validation finds no problem', () => {
    fc.assert(
      fc.property(pattern, (p) => {
        const valid = p.length >= 1 && p.length <= ALB_PATH_PATTERN_MAX_LENGTH && allowed.test(p) && (p.match(/[*?]/g)?.length ?? 0) <= ALB_WILDCARDS_PER_RULE;
        expect(validatePathPattern(p).length === 0).toBe(valid);
        const r = outcome(() => matchPathPattern(p, '/img/a.png'));
        expect('error' in r).toBe(!valid);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('load-balancing guards: the cheap tests call the general checkers for every bad field', () => {
  // Field values of every kind a caller could send, most of them valid.
  const count = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom(-1, 0.5, 2.5, NaN, Infinity, -Infinity, MAX_TARGETS_PER_ZONE, MAX_TARGETS_PER_ZONE + 1, Number.MAX_SAFE_INTEGER + 2, -0) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>('3', null, undefined, true, [], {}, 3n) },
  );

  /** The rule for targets per zone, written with the general checkers only. */
  function plainTargetsPerZone(input: unknown): number[] {
    const counts = checkList<number>(input, 'The list of targets per zone', 1);
    counts.forEach((n, i) => checkInteger(n, `The number of targets in zone ${zoneLabel(i)}`, 0, MAX_TARGETS_PER_ZONE));
    if (counts.reduce((s, n) => s + n, 0) === 0) fail('At least one zone needs a target: with no targets at all, no traffic can be delivered.');
    return counts;
  }

  it('lbNodeShares and crossZoneTargetShares refuse exactly the lists the plain checks refuse, with the same message', () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 0, maxLength: 6 }), fc.boolean(), (list, crossZone) => {
        const plain = outcome(() => plainTargetsPerZone(list));
        const fast = outcome(() => lbNodeShares(list as number[]));
        const shares = outcome(() => crossZoneTargetShares(list as number[], crossZone));
        if ('error' in plain) {
          expect(fast).toEqual(plain);
          expect(shares).toEqual(plain);
        } else {
          expect('value' in fast && 'value' in shares).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  /** The rule for weighted target groups, written with the general checkers only. */
  function plainWeighted(input: unknown): void {
    const list = checkList<WeightedTargetGroup>(input, 'The list of weighted target groups', 1);
    let sum = 0;
    list.forEach((g, i) => {
      checkObject(g, `Target group ${i + 1}`);
      checkInteger(g.weight, `The weight of target group ${i + 1}`, 0, Number.MAX_SAFE_INTEGER);
      checkInteger(g.targets, `The number of targets in target group ${i + 1}`, 0, MAX_TARGETS_PER_ZONE);
      sum += g.weight;
    });
    if (sum === 0) fail('At least one target group needs a weight above 0; with all weights 0 no group receives requests.');
  }

  const group = fc.oneof(
    { weight: 8, arbitrary: fc.record({ weight: count, targets: count }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 'tg-1', [], 7) },
  );

  it('weightedTargetGroupShares refuses exactly the groups the plain checks refuse, with the same message', () => {
    fc.assert(
      fc.property(fc.array(group, { minLength: 0, maxLength: 5 }), (list) => {
        const plain = outcome(() => plainWeighted(list));
        const fast = outcome(() => weightedTargetGroupShares(list as WeightedTargetGroup[]));
        if ('error' in plain) expect(fast).toEqual(plain);
        else expect('value' in fast).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('formatIpv6: table-driven groups and zero compression', () => {
  /** RFC 5952 text the slow way: toString(16) per group, then the longest run of ≥ 2 zero groups (first on a tie) as '::'. */
  function plainFormat(value: bigint): string {
    const groups = Array.from({ length: 8 }, (_, k) => Number((value >> BigInt(112 - 16 * k)) & 0xffffn));
    if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
      const low = Number(value & 0xffffffffn);
      return `::ffff:${[24, 16, 8, 0].map((s) => (low >>> s) & 255).join('.')}`;
    }
    let best = { start: -1, len: 0 };
    for (let k = 0; k < 8; k++) {
      let len = 0;
      while (k + len < 8 && groups[k + len] === 0) len++;
      if (len > best.len) best = { start: k, len };
    }
    const hex = groups.map((g) => g.toString(16));
    if (best.len < 2) return hex.join(':');
    return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.len).join(':')}`;
  }

  // Groups biased towards zeros and edge values, so runs, ties and every group width occur.
  const groupValue = fc.oneof(
    { weight: 4, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.constantFrom(1, 0xf, 0x10, 0xff, 0x100, 0xfff, 0x1000, 0xffff) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 0xffff }) },
  );
  const address = fc.oneof(
    fc.array(groupValue, { minLength: 8, maxLength: 8 }).map((gs) => gs.reduce((v, g) => (v << 16n) | BigInt(g), 0n)),
    fc.bigInt({ min: 0n, max: MAX_IPV6 }),
  );

  it('gives the same text as the slow form for any 128-bit value', () => {
    fc.assert(
      fc.property(address, (v) => expect(formatIpv6(v)).toBe(plainFormat(v))),
      { numRuns: 5000 },
    );
  });

  it('every 16-bit group value is written as its lowercase hex without leading zeros', () => {
    const wrong: string[] = [];
    for (let g = 0; g <= 0xffff; g++) {
      // 1:1:1:1:1:1:1:g keeps the group in place (no run of zero groups to compress).
      const text = formatIpv6((0x1000100010001000100010001n << 16n) | BigInt(g));
      if (text !== `1:1:1:1:1:1:1:${g.toString(16)}`) wrong.push(text);
    }
    expect(wrong).toEqual([]);
  });
});
