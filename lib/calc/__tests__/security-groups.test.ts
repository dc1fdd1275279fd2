import fc from 'fast-check';
import { CalcError } from '../errors';
import {
  SG_GROUPS_PER_ENI_DEFAULT,
  SG_GROUPS_PER_ENI_MAX,
  SG_INBOUND_RULES_DEFAULT,
  evaluateSecurityGroups,
  explainEvaluateSecurityGroups,
  validateEniSecurityGroups,
  validateSecurityGroup,
  type SecurityGroup,
  type SgRule,
  type SgTraffic,
} from '../security-groups';

const web: SecurityGroup = {
  id: 'sg-web',
  inbound: [
    { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' },
    { protocol: 'tcp', fromPort: 8443, toPort: 8443, groupId: 'sg-elb' },
  ],
  outbound: [{ protocol: 'all', cidr: '0.0.0.0/0' }],
};
const inbound = (over: Partial<SgTraffic> = {}): SgTraffic => ({ direction: 'inbound', protocol: 'tcp', port: 443, address: '198.51.100.7', ...over });

describe('security group evaluation (facts rows 41–48)', () => {
  it('allows traffic that a rule allows', () => {
    expect(evaluateSecurityGroups([web], inbound())).toEqual({ allowed: true, groupId: 'sg-web', ruleIndex: 0 });
  });

  it('drops traffic that no rule allows (there is nothing to deny it with)', () => {
    expect(evaluateSecurityGroups([web], inbound({ port: 22 }))).toEqual({ allowed: false, groupId: null, ruleIndex: null });
  });

  it('a group reference matches members of that group, whatever their address (row 42)', () => {
    expect(evaluateSecurityGroups([web], inbound({ port: 8443, address: '10.0.1.20', remoteGroupIds: ['sg-elb'] })).allowed).toBe(true);
    expect(evaluateSecurityGroups([web], inbound({ port: 8443, address: '10.0.1.20', remoteGroupIds: ['sg-other'] })).allowed).toBe(false);
    expect(evaluateSecurityGroups([web], inbound({ port: 8443, address: '10.0.1.20' })).allowed).toBe(false);
  });

  it('pools the rules of every group on the interface', () => {
    const ssh: SecurityGroup = { id: 'sg-ssh', inbound: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '192.0.2.10/32' }], outbound: [] };
    expect(evaluateSecurityGroups([web, ssh], inbound({ port: 22, address: '192.0.2.10' }))).toEqual({ allowed: true, groupId: 'sg-ssh', ruleIndex: 0 });
    expect(evaluateSecurityGroups([web, ssh], inbound({ port: 22, address: '192.0.2.11' })).allowed).toBe(false);
  });

  it('uses the outbound rules for outbound traffic', () => {
    const locked: SecurityGroup = { id: 'sg-locked', inbound: [{ protocol: 'all', cidr: '0.0.0.0/0' }], outbound: [] };
    expect(evaluateSecurityGroups([locked], { ...inbound(), direction: 'outbound' }).allowed).toBe(false);
    expect(evaluateSecurityGroups([web], { ...inbound({ port: 5432 }), direction: 'outbound' }).allowed).toBe(true);
  });

  it('ICMP needs an ICMP or all-traffic rule (a new group allows no inbound ICMP)', () => {
    expect(evaluateSecurityGroups([web], { direction: 'inbound', protocol: 'icmp', address: '10.0.0.1' }).allowed).toBe(false);
    const ping: SecurityGroup = { id: 'sg-ping', inbound: [{ protocol: 'icmp', cidr: '10.0.0.0/16' }], outbound: [] };
    expect(evaluateSecurityGroups([ping], { direction: 'inbound', protocol: 'icmp', address: '10.0.0.1' }).allowed).toBe(true);
  });

  it('IPv6 traffic needs an IPv6 rule', () => {
    expect(evaluateSecurityGroups([web], inbound({ address: '2001:db8::1' })).allowed).toBe(false);
  });

  describe('security groups have only allow rules (row 48)', () => {
    it("a 'deny' rule is a CalcError that explains why", () => {
      const g: SecurityGroup = { id: 'sg-x', inbound: [{ protocol: 'all', cidr: '0.0.0.0/0', action: 'deny' }], outbound: [] };
      expect(() => evaluateSecurityGroups([g], inbound())).toThrow(CalcError);
      expect(() => evaluateSecurityGroups([g], inbound())).toThrow('Security groups have only allow rules, no deny rules');
      expect(validateSecurityGroup(g)[0]).toContain('use a deny rule in a network ACL');
    });

    it("an explicit 'allow' is fine", () => {
      const g: SecurityGroup = { id: 'sg-x', inbound: [{ protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' }], outbound: [] };
      expect(evaluateSecurityGroups([g], inbound()).allowed).toBe(true);
    });
  });

  describe('bad input is a CalcError', () => {
    const g = (rule: Partial<SgRule>): SecurityGroup[] => [{ id: 'sg-x', inbound: [rule as SgRule], outbound: [] }];
    it.each<[string, unknown, unknown]>([
      ['no groups', [], inbound()],
      ['a group without an sg- id', [{ id: 'web', inbound: [], outbound: [] }], inbound()],
      ['rules that are not a list', [{ id: 'sg-x', inbound: 'all', outbound: [] }], inbound()],
      ['a rule with both a CIDR and a group', g({ protocol: 'all', cidr: '0.0.0.0/0', groupId: 'sg-y' }), inbound()],
      ['a rule with neither', g({ protocol: 'all' }), inbound()],
      ['a TCP rule without ports', g({ protocol: 'tcp', cidr: '0.0.0.0/0' }), inbound()],
      ['port 65536', g({ protocol: 'tcp', fromPort: 0, toPort: 65536, cidr: '0.0.0.0/0' }), inbound()],
      ['a bad CIDR', g({ protocol: 'all', cidr: '10.0.0.0/40' }), inbound()],
      ['a bad traffic direction', [web], { ...inbound(), direction: 'up' }],
      ['a bad address', [web], inbound({ address: 'example.com' })],
      ['a port on ICMP traffic', [web], { direction: 'inbound', protocol: 'icmp', port: 8, address: '10.0.0.1' }],
      ['null traffic', [web], null],
    ])('%s', (_n, groups, traffic) => {
      expect(() => evaluateSecurityGroups(groups as SecurityGroup[], traffic as SgTraffic)).toThrow(CalcError);
    });

    it('a bad rule in the other direction is still reported', () => {
      const bad: SecurityGroup = { id: 'sg-x', inbound: [], outbound: [{ protocol: 'tcp', cidr: '0.0.0.0/0' }] };
      expect(() => evaluateSecurityGroups([bad], inbound())).toThrow('needs a port range');
    });
  });

  it('laws: the verdict does not depend on rule or group order', () => {
    const arbRule = fc.record({
      protocol: fc.constantFrom('tcp' as const, 'udp' as const, 'icmp' as const, 'all' as const),
      from: fc.integer({ min: 0, max: 65535 }),
      span: fc.integer({ min: 0, max: 3000 }),
      peer: fc.constantFrom('0.0.0.0/0', '10.0.0.0/16', '10.0.5.0/24', '::/0', 'sg-a', 'sg-b'),
    }).map((r): SgRule => {
      const peer = r.peer.startsWith('sg-') ? { groupId: r.peer } : { cidr: r.peer };
      return r.protocol === 'tcp' || r.protocol === 'udp'
        ? { protocol: r.protocol, fromPort: r.from, toPort: Math.min(65535, r.from + r.span), ...peer }
        : { protocol: r.protocol, ...peer };
    });
    const groups = fc.array(fc.record({ inbound: fc.array(arbRule, { maxLength: 8 }), outbound: fc.array(arbRule, { maxLength: 8 }) }), { minLength: 1, maxLength: 4 }).map((gs) =>
      gs.map((g, i): SecurityGroup => ({ id: `sg-${i}`, ...g })),
    );
    const traffic = fc.record({
      direction: fc.constantFrom('inbound' as const, 'outbound' as const),
      protocol: fc.constantFrom('tcp' as const, 'udp' as const, 'icmp' as const),
      port: fc.integer({ min: 0, max: 65535 }),
      address: fc.constantFrom('10.0.5.9', '10.0.9.9', '8.8.8.8', '2001:db8::5'),
      remoteGroupIds: fc.subarray(['sg-a', 'sg-b']),
    }).map((t): SgTraffic => (t.protocol === 'icmp' ? { direction: t.direction, protocol: 'icmp', address: t.address, remoteGroupIds: t.remoteGroupIds } : t));
    fc.assert(
      fc.property(groups, traffic, (gs, t) => {
        const allowed = evaluateSecurityGroups(gs, t).allowed;
        const reversed = [...gs].reverse().map((g) => ({ ...g, inbound: [...g.inbound].reverse(), outbound: [...g.outbound].reverse() }));
        expect(evaluateSecurityGroups(reversed, t).allowed).toBe(allowed);
        expect(explainEvaluateSecurityGroups(reversed, t).result.allowed).toBe(allowed);
      }),
    );
  });
});

describe('explainEvaluateSecurityGroups', () => {
  it('walks the rules and notes that return traffic is allowed automatically (row 41)', () => {
    const e = explainEvaluateSecurityGroups([web], inbound({ port: 8443, address: '10.0.1.20', remoteGroupIds: ['sg-elb'] }));
    expect(e.result.allowed).toBe(true);
    const t = e.steps.map((s) => s.text);
    expect(t[1]).toBe('sg-web inbound rule 1 (TCP port 443 0.0.0.0/0): does not apply — port 8443 is outside 443–443.');
    expect(t[2]).toBe('sg-web inbound rule 2 (TCP port 8443 members of sg-elb): allows it.');
    expect(t.at(-1)).toContain('stateful');
  });

  it('says there are no deny rules when nothing allows the traffic', () => {
    const e = explainEvaluateSecurityGroups([web], inbound({ port: 8443, address: '10.0.1.20' }));
    expect(e.steps[2]?.text).toContain('the remote end is not a member of sg-elb');
    expect(e.steps.at(-1)?.text).toContain('there are no deny rules');
  });
});

describe('security group quotas (facts rows 44–45)', () => {
  const rulesOf = (n: number, cidr: string): SgRule[] => Array.from({ length: n }, (_, i) => ({ protocol: 'tcp', fromPort: i, toPort: i, cidr }));

  it('60 inbound IPv4 rules are fine, 61 are not', () => {
    expect(validateSecurityGroup({ id: 'sg-a', inbound: rulesOf(SG_INBOUND_RULES_DEFAULT, '10.0.0.0/8'), outbound: [] })).toEqual([]);
    expect(validateSecurityGroup({ id: 'sg-a', inbound: rulesOf(61, '10.0.0.0/8'), outbound: [] })).toEqual([
      'sg-a has 61 inbound IPv4 rules; the quota is 60 per direction per IP version.',
    ]);
  });

  it('IPv4 and IPv6 rules are counted separately, and outbound separately from inbound', () => {
    expect(validateSecurityGroup({ id: 'sg-a', inbound: [...rulesOf(60, '10.0.0.0/8'), ...rulesOf(60, '::/0')], outbound: rulesOf(60, '0.0.0.0/0') })).toEqual([]);
    expect(validateSecurityGroup({ id: 'sg-a', inbound: [], outbound: rulesOf(61, '::/0') })[0]).toContain('61 outbound IPv6 rules');
  });

  it('a raised rules quota is honoured', () => {
    expect(validateSecurityGroup({ id: 'sg-a', inbound: rulesOf(61, '10.0.0.0/8'), outbound: [] }, { rulesQuota: 100 })).toEqual([]);
  });

  it('validation reports junk instead of throwing', () => {
    expect(validateSecurityGroup(null as unknown as SecurityGroup)[0]).toContain('must be an object');
    expect(validateSecurityGroup({ id: 'sg-a', inbound: 'x', outbound: [] } as unknown as SecurityGroup)[0]).toContain('must be a list');
  });

  it('5 groups per interface by default; 6 exceed it', () => {
    expect(validateEniSecurityGroups(SG_GROUPS_PER_ENI_DEFAULT)).toEqual([]);
    expect(validateEniSecurityGroups(6)[0]).toContain('exceed the quota of 5');
  });

  it('the groups quota can be raised to 16, not 17', () => {
    expect(validateEniSecurityGroups(16, { groupsPerEni: SG_GROUPS_PER_ENI_MAX, rulesPerGroup: 60 })).toEqual([]);
    expect(validateEniSecurityGroups(16, { groupsPerEni: 17, rulesPerGroup: 50 })).toEqual([
      'The groups-per-interface quota can be raised to 16 at most, not 17.',
    ]);
  });

  it('rules per group × groups per interface may not exceed 1,000', () => {
    expect(validateEniSecurityGroups(5, { groupsPerEni: 10, rulesPerGroup: 100 })).toEqual([]);
    expect(validateEniSecurityGroups(5, { groupsPerEni: 16, rulesPerGroup: 63 })).toEqual([
      '63 rules per group × 16 groups per interface = 1008, above the cap of 1,000.',
    ]);
  });

  it('an interface has at least one group', () => {
    expect(validateEniSecurityGroups(0)[0]).toContain('default group');
    expect(() => validateEniSecurityGroups(-1)).toThrow(CalcError);
    expect(() => validateEniSecurityGroups(2.5)).toThrow(CalcError);
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
        onlyCalcErrors(() => evaluateSecurityGroups(a as SecurityGroup[], b as SgTraffic));
        onlyCalcErrors(() => evaluateSecurityGroups([{ id: 'sg-a', inbound: [a as SgRule], outbound: [] }], inbound()));
        onlyCalcErrors(() => explainEvaluateSecurityGroups([web], b as SgTraffic));
        onlyCalcErrors(() => validateSecurityGroup(a as SecurityGroup, b as { rulesQuota?: number }));
        onlyCalcErrors(() => validateSecurityGroup({ id: 'sg-a', inbound: [a as SgRule], outbound: [] }));
        onlyCalcErrors(() => validateEniSecurityGroups(a as number, b as { groupsPerEni?: number }));
      }),
    );
  });

  it('a rule is accepted by evaluation exactly when validation finds no problem with it', () => {
    const nearlyValid = fc.record(
      {
        action: fc.constantFrom('allow', 'deny', 'permit', undefined),
        protocol: fc.constantFrom('tcp', 'udp', 'icmp', 'all', 'gre'),
        fromPort: fc.oneof(fc.constant(undefined), fc.integer({ min: -1, max: 65536 })),
        toPort: fc.oneof(fc.constant(undefined), fc.integer({ min: -1, max: 65536 })),
        cidr: fc.constantFrom('0.0.0.0/0', '::/0', '10.0.0.5/24', 'nope', undefined),
        groupId: fc.constantFrom('sg-1', 'web', undefined),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(nearlyValid, (r) => {
        const g: SecurityGroup = { id: 'sg-a', inbound: [r as unknown as SgRule], outbound: [] };
        let threw = false;
        try {
          evaluateSecurityGroups([g], inbound());
        } catch (e) {
          expect(e).toBeInstanceOf(CalcError);
          threw = true;
        }
        expect(validateSecurityGroup(g).length > 0).toBe(threw);
      }),
      { numRuns: 2000 },
    );
  });
});
