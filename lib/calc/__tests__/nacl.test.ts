import fc from 'fast-check';
import { CalcError } from '../errors';
import {
  NACL_RULE_NUMBER_MAX,
  NACL_RULES_PER_DIRECTION_DEFAULT,
  evaluateNacl,
  evaluateNaclDirection,
  explainEvaluateNacl,
  explainEvaluateNaclDirection,
  explainNaclEvaluationOrder,
  naclEvaluationOrder,
  validateNacl,
  validateNaclRules,
  type NaclPacket,
  type NaclRule,
} from '../nacl';

const allowWeb: NaclRule = { ruleNumber: 100, action: 'allow', protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' };
const denyBad: NaclRule = { ruleNumber: 90, action: 'deny', protocol: 'all', cidr: '203.0.113.0/24' };
const allowV6: NaclRule = { ruleNumber: 110, action: 'allow', protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '::/0' };
const https = (address: string): NaclPacket => ({ protocol: 'tcp', port: 443, address });
const rule = (ruleNumber: number, extra: Partial<NaclRule> = {}): NaclRule => ({ ruleNumber, action: 'allow', protocol: 'all', cidr: '0.0.0.0/0', ...extra });

describe('NACL evaluation (facts rows 54, 56)', () => {
  it('the first matching rule decides', () => {
    expect(evaluateNacl([allowWeb], https('198.51.100.7'))).toEqual({ action: 'allow', ruleNumber: 100 });
  });

  it('rules run from the lowest number up, whatever order they are listed in', () => {
    expect(evaluateNacl([allowWeb, denyBad], https('203.0.113.9'))).toEqual({ action: 'deny', ruleNumber: 90 });
    expect(evaluateNacl([denyBad, allowWeb], https('203.0.113.9'))).toEqual({ action: 'deny', ruleNumber: 90 });
  });

  it('a higher-numbered deny cannot undo an earlier allow', () => {
    expect(evaluateNacl([allowWeb, { ...denyBad, ruleNumber: 200 }], https('203.0.113.9'))).toEqual({ action: 'allow', ruleNumber: 100 });
  });

  it("a packet no rule matches meets the final implicit deny '*'", () => {
    expect(evaluateNacl([allowWeb], { protocol: 'tcp', port: 22, address: '198.51.100.7' })).toEqual({ action: 'deny', ruleNumber: '*' });
    expect(evaluateNacl([], https('198.51.100.7'))).toEqual({ action: 'deny', ruleNumber: '*' });
  });

  it("protocol 'all' matches tcp, udp and icmp", () => {
    const r = [rule(100)];
    expect(evaluateNacl(r, { protocol: 'udp', port: 53, address: '10.0.0.1' }).action).toBe('allow');
    expect(evaluateNacl(r, { protocol: 'icmp', address: '10.0.0.1' }).action).toBe('allow');
  });

  it('an ICMP rule matches ICMP only', () => {
    const r = [rule(100, { protocol: 'icmp' })];
    expect(evaluateNacl(r, { protocol: 'icmp', address: '10.0.0.1' }).ruleNumber).toBe(100);
    expect(evaluateNacl(r, https('10.0.0.1')).ruleNumber).toBe('*');
  });

  it('port ranges are inclusive at both ends', () => {
    const r = [rule(100, { protocol: 'tcp', fromPort: 1024, toPort: 65535 })];
    expect(evaluateNacl(r, { protocol: 'tcp', port: 1023, address: '10.0.0.1' }).ruleNumber).toBe('*');
    expect(evaluateNacl(r, { protocol: 'tcp', port: 1024, address: '10.0.0.1' }).ruleNumber).toBe(100);
    expect(evaluateNacl(r, { protocol: 'tcp', port: 65535, address: '10.0.0.1' }).ruleNumber).toBe(100);
  });

  it('an IPv4 rule never matches an IPv6 packet, and the reverse', () => {
    expect(evaluateNacl([allowWeb], https('2001:db8::1')).ruleNumber).toBe('*');
    expect(evaluateNacl([allowV6], https('2001:db8::1')).ruleNumber).toBe(110);
    expect(evaluateNacl([allowV6], https('10.0.0.1')).ruleNumber).toBe('*');
  });

  it('the CIDR decides by containment (via ./cidr)', () => {
    const r = [rule(100, { cidr: '10.0.0.0/24' })];
    expect(evaluateNacl(r, https('10.0.0.255')).ruleNumber).toBe(100);
    expect(evaluateNacl(r, https('10.0.1.0')).ruleNumber).toBe('*');
  });

  describe('rule numbers run from 1 to 32766', () => {
    it('1 and 32766 are valid', () => {
      expect(evaluateNacl([rule(1)], https('10.0.0.1')).ruleNumber).toBe(1);
      expect(evaluateNacl([rule(NACL_RULE_NUMBER_MAX)], https('10.0.0.1')).ruleNumber).toBe(32766);
    });

    it("0 is not; 32767 is the '*' rule's own number", () => {
      expect(() => evaluateNacl([rule(0)], https('10.0.0.1'))).toThrow('from 1 to 32,766');
      expect(() => evaluateNacl([rule(32767)], https('10.0.0.1'))).toThrow("taken by the built-in '*' deny rule");
      expect(() => evaluateNacl([rule(32768)], https('10.0.0.1'))).toThrow(CalcError);
      expect(() => evaluateNacl([rule(32769)], https('10.0.0.1'))).toThrow('from 1 to 32,766');
    });

    it('fractional, negative and NaN rule numbers are refused', () => {
      for (const n of [1.5, -1, Number.NaN, Infinity]) expect(() => evaluateNacl([rule(n)], https('10.0.0.1'))).toThrow(CalcError);
    });

    it('duplicate rule numbers are a CalcError', () => {
      expect(() => evaluateNacl([rule(100), rule(100, { action: 'deny' })], https('10.0.0.1'))).toThrow('Two NACL rules have number 100');
      const many = Array.from({ length: 30 }, (_, i) => rule(i + 1));
      many.push(rule(7));
      expect(() => evaluateNacl(many, https('10.0.0.1'))).toThrow('number 7');
    });
  });

  describe('ports run from 0 to 65535', () => {
    it('0 and 65535 are valid in rules and packets', () => {
      const r = [rule(100, { protocol: 'tcp', fromPort: 0, toPort: 65535 })];
      expect(evaluateNacl(r, { protocol: 'tcp', port: 0, address: '10.0.0.1' }).ruleNumber).toBe(100);
      expect(evaluateNacl(r, { protocol: 'tcp', port: 65535, address: '10.0.0.1' }).ruleNumber).toBe(100);
    });

    it('-1 and 65536 are not', () => {
      expect(() => evaluateNacl([rule(100, { protocol: 'tcp', fromPort: -1, toPort: 80 })], https('10.0.0.1'))).toThrow('from 0 to 65,535');
      expect(() => evaluateNacl([rule(100, { protocol: 'tcp', fromPort: 80, toPort: 65536 })], https('10.0.0.1'))).toThrow('from 0 to 65,535');
      expect(() => evaluateNacl([], { protocol: 'tcp', port: -1, address: '10.0.0.1' })).toThrow(CalcError);
      expect(() => evaluateNacl([], { protocol: 'tcp', port: 65536, address: '10.0.0.1' })).toThrow(CalcError);
    });

    it('a backwards range is refused', () => {
      expect(() => evaluateNacl([rule(100, { protocol: 'tcp', fromPort: 90, toPort: 80 })], https('10.0.0.1'))).toThrow('runs backwards');
    });
  });

  describe('protocol and ports must agree', () => {
    it('a TCP/UDP rule needs a port range', () => {
      expect(() => evaluateNacl([rule(100, { protocol: 'tcp' })], https('10.0.0.1'))).toThrow('needs a port range');
      expect(() => evaluateNacl([rule(100, { protocol: 'udp', fromPort: 53 })], https('10.0.0.1'))).toThrow('needs a port range');
    });

    it('ICMP and all-traffic rules take no ports', () => {
      expect(() => evaluateNacl([rule(100, { protocol: 'icmp', fromPort: 0, toPort: 0 })], https('10.0.0.1'))).toThrow('ICMP has no ports');
      expect(() => evaluateNacl([rule(100, { fromPort: 0, toPort: 10 })], https('10.0.0.1'))).toThrow('all ports');
    });

    it('an ICMP packet has no port; a TCP packet needs one', () => {
      expect(() => evaluateNacl([], { protocol: 'icmp', port: 8, address: '10.0.0.1' })).toThrow('ICMP has no ports');
      expect(() => evaluateNacl([], { protocol: 'tcp', address: '10.0.0.1' })).toThrow('needs a destination port');
    });
  });

  describe('junk input never crashes with a TypeError', () => {
    it.each<[string, unknown, unknown]>([
      ['rules not a list', 'allow all', https('10.0.0.1')],
      ['a null rule', [null], https('10.0.0.1')],
      ['a bad action', [rule(1, { action: 'permit' as 'allow' })], https('10.0.0.1')],
      ['a bad protocol', [rule(1, { protocol: 'gre' as 'all' })], https('10.0.0.1')],
      ['a bad CIDR', [rule(1, { cidr: '10.0.0.0/33' })], https('10.0.0.1')],
      ['host bits in the CIDR', [rule(1, { cidr: '10.0.0.5/24' })], https('10.0.0.1')],
      ['a missing CIDR', [{ ruleNumber: 1, action: 'allow', protocol: 'all' }], https('10.0.0.1')],
      ['a bad address', [], https('10.0.0.256')],
      ['no packet', [], undefined],
      ['a packet of the wrong shape', [], { protocol: 'tcp', port: '443', address: '10.0.0.1' }],
    ])('%s', (_n, rules, packet) => {
      expect(() => evaluateNacl(rules as NaclRule[], packet as NaclPacket)).toThrow(CalcError);
    });

    it('caps rule lists at 10,000', () => {
      const big = Array.from({ length: 10_001 }, (_, i) => rule((i % 32766) + 1));
      expect(() => evaluateNacl(big, https('10.0.0.1'))).toThrow('at most 10,000');
    });
  });

  it('laws: the verdict does not depend on the order the rules are listed in', () => {
    const arbRule = fc.record({
      ruleNumber: fc.integer({ min: 1, max: 32766 }),
      action: fc.constantFrom('allow' as const, 'deny' as const),
      kind: fc.constantFrom('tcp', 'udp', 'icmp', 'all'),
      from: fc.integer({ min: 0, max: 65535 }),
      span: fc.integer({ min: 0, max: 2000 }),
      cidr: fc.constantFrom('0.0.0.0/0', '10.0.0.0/8', '10.0.0.0/24', '192.168.0.0/16', '::/0', '2001:db8::/32'),
    });
    const rules = fc.uniqueArray(arbRule, { selector: (r) => r.ruleNumber, maxLength: 25 }).map((rs) =>
      rs.map((r): NaclRule =>
        r.kind === 'tcp' || r.kind === 'udp'
          ? { ruleNumber: r.ruleNumber, action: r.action, protocol: r.kind, fromPort: r.from, toPort: Math.min(65535, r.from + r.span), cidr: r.cidr }
          : { ruleNumber: r.ruleNumber, action: r.action, protocol: r.kind as 'icmp' | 'all', cidr: r.cidr },
      ),
    );
    const packet = fc.record({
      protocol: fc.constantFrom('tcp' as const, 'udp' as const, 'icmp' as const),
      port: fc.integer({ min: 0, max: 65535 }),
      address: fc.constantFrom('10.0.0.5', '10.1.2.3', '192.168.1.1', '8.8.8.8', '2001:db8::1', '2600::1'),
    }).map((p): NaclPacket => (p.protocol === 'icmp' ? { protocol: 'icmp', address: p.address } : p));
    fc.assert(
      fc.property(rules, packet, fc.nat(), (rs, p, seed) => {
        const shuffled = [...rs].sort((a, b) => ((a.ruleNumber * 7919 + seed) % 101) - ((b.ruleNumber * 7919 + seed) % 101));
        const reversed = [...rs].reverse();
        const d = evaluateNacl(rs, p);
        expect(evaluateNacl(shuffled, p)).toEqual(d);
        expect(evaluateNacl(reversed, p)).toEqual(d);
        expect(explainEvaluateNacl(shuffled, p).result).toEqual(d);
        // The deciding rule is the lowest-numbered rule that matches on its own.
        if (d.ruleNumber !== '*') {
          const lower = rs.filter((r) => r.ruleNumber < (d.ruleNumber as number));
          for (const r of lower) expect(evaluateNacl([r], p).ruleNumber).toBe('*');
        }
      }),
    );
  });
});

describe('explainEvaluateNacl', () => {
  it('lists the rules in order, says why each matched or not, and gives the verdict', () => {
    const e = explainEvaluateNacl([allowWeb, denyBad, rule(300, { protocol: 'udp', fromPort: 53, toPort: 53 })], https('198.51.100.7'));
    expect(e.result).toEqual({ action: 'allow', ruleNumber: 100 });
    const t = e.steps.map((s) => s.text);
    expect(t[0]).toBe('Rules are evaluated lowest number first: 90, 100, 300, *. The first rule that matches decides; later rules are ignored.');
    expect(t[1]).toBe('Rule 90 (DENY all traffic for 203.0.113.0/24): no match: 198.51.100.7 is not in 203.0.113.0/24.');
    expect(t[2]).toContain('Rule 100 (ALLOW TCP port 443 for 0.0.0.0/0): matches');
    expect(t[2]).toContain('Verdict: ALLOW');
    expect(t).toHaveLength(3);
  });

  it("ends with the '*' rule when nothing matches (32767 for IPv4, 32768 for IPv6)", () => {
    const v4 = explainEvaluateNacl([allowWeb], { protocol: 'udp', port: 53, address: '10.0.0.1' });
    expect(v4.steps[1]?.text).toContain('the packet is UDP, the rule is for TCP');
    expect(v4.steps.at(-1)?.text).toContain("final '*' rule (32767) denies");
    const v6 = explainEvaluateNacl([allowWeb], https('2001:db8::1'));
    expect(v6.steps[1]?.text).toContain('the rule is for IPv4 and 2001:db8::1 is IPv6');
    expect(v6.steps.at(-1)?.text).toContain('(32768)');
    const port = explainEvaluateNacl([allowWeb], { protocol: 'tcp', port: 80, address: '10.0.0.1' });
    expect(port.steps[1]?.text).toContain('port 80 is outside 443–443');
  });
});

describe('rule order listing', () => {
  it('lists rule numbers ascending, then *', () => {
    expect(naclEvaluationOrder([rule(300), rule(100), rule(200)])).toEqual([100, 200, 300, '*']);
    expect(naclEvaluationOrder([])).toEqual(['*']);
    expect(explainNaclEvaluationOrder([rule(2), rule(1)]).steps[0]?.text).toContain('1, 2, *');
  });
});

describe('validation (facts row 56)', () => {
  it('a valid list has no problems', () => {
    expect(validateNaclRules([allowWeb, denyBad, allowV6])).toEqual([]);
  });

  it('collects every problem instead of stopping at the first', () => {
    const problems = validateNaclRules([rule(0), rule(5, { cidr: 'nope' }), rule(7), rule(7)]);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toContain('Rule number 7 is used 2 times');
  });

  it('the default quota is 20 rules per direction per IP version', () => {
    const twenty = Array.from({ length: NACL_RULES_PER_DIRECTION_DEFAULT }, (_, i) => rule(i + 1));
    expect(validateNaclRules(twenty)).toEqual([]);
    expect(validateNaclRules([...twenty, rule(21)])).toEqual(['There are 21 IPv4 rules; the quota is 20 per direction (default 20, can be raised to 40).']);
    // IPv6 rules count against their own quota
    expect(validateNaclRules([...twenty, rule(21, { cidr: '::/0' })])).toEqual([]);
  });

  it('the quota can be raised to 40, not beyond', () => {
    const thirty = Array.from({ length: 30 }, (_, i) => rule(i + 1));
    expect(validateNaclRules(thirty, { quota: 40 })).toEqual([]);
    expect(() => validateNaclRules(thirty, { quota: 41 })).toThrow('can be raised to 40');
  });

  it('checks both directions of a NACL', () => {
    expect(validateNacl({ inbound: [rule(0)], outbound: [rule(1, { protocol: 'tcp' })] })).toEqual([
      expect.stringMatching(/^Inbound: /),
      expect.stringMatching(/^Outbound: .*needs a port range/),
    ]);
    expect(validateNaclRules('x' as unknown as NaclRule[])).toEqual([expect.stringContaining('must be a list')]);
  });

  it('evaluates the chosen direction of a NACL', () => {
    const nacl = { inbound: [allowWeb], outbound: [] };
    expect(evaluateNaclDirection(nacl, 'inbound', https('10.0.0.1')).action).toBe('allow');
    expect(evaluateNaclDirection(nacl, 'outbound', https('10.0.0.1')).action).toBe('deny');
    expect(explainEvaluateNaclDirection(nacl, 'outbound', https('10.0.0.1')).steps[0]?.text).toBe('The outbound rules of the NACL apply.');
    expect(() => evaluateNaclDirection(nacl, 'sideways' as 'inbound', https('10.0.0.1'))).toThrow(CalcError);
  });
});

describe('junk never escapes as anything but a CalcError', () => {
  const onlyCalcErrors = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (!(e instanceof CalcError)) throw e;
    }
  };

  it('for any values at all', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        onlyCalcErrors(() => evaluateNacl(a as NaclRule[], b as NaclPacket));
        onlyCalcErrors(() => evaluateNacl([a as NaclRule], https('10.0.0.1')));
        onlyCalcErrors(() => explainEvaluateNacl([a as NaclRule], b as NaclPacket));
        onlyCalcErrors(() => naclEvaluationOrder([a as NaclRule]));
        onlyCalcErrors(() => validateNaclRules([a as NaclRule], b as { quota?: number }));
        onlyCalcErrors(() => validateNacl(a as { inbound: NaclRule[]; outbound: NaclRule[] }));
        onlyCalcErrors(() => evaluateNaclDirection(a as { inbound: NaclRule[]; outbound: NaclRule[] }, 'inbound', b as NaclPacket));
      }),
    );
  });

  it('a rule is accepted by evaluation exactly when validation finds no problem with it', () => {
    const nearlyValid = fc.record(
      {
        ruleNumber: fc.oneof(fc.integer({ min: -2, max: 32770 }), fc.constant(1.5), fc.constant(Number.NaN), fc.constant('100')),
        action: fc.constantFrom('allow', 'deny', 'permit', undefined),
        protocol: fc.constantFrom('tcp', 'udp', 'icmp', 'all', 'gre', 6),
        fromPort: fc.oneof(fc.constant(undefined), fc.integer({ min: -1, max: 65536 }), fc.constant(80.5)),
        toPort: fc.oneof(fc.constant(undefined), fc.integer({ min: -1, max: 65536 })),
        cidr: fc.constantFrom('0.0.0.0/0', '10.0.0.0/8', '::/0', '10.0.0.5/24', 'nope', undefined, 42),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(nearlyValid, (r) => {
        let threw = false;
        try {
          evaluateNacl([r as unknown as NaclRule], https('10.0.0.1'));
        } catch (e) {
          expect(e).toBeInstanceOf(CalcError);
          threw = true;
        }
        expect(validateNaclRules([r as unknown as NaclRule]).length > 0).toBe(threw);
      }),
      { numRuns: 2000 },
    );
  });
});
