/**
 * The prepared and number-level forms the question generators use: each gives exactly what the
 * general, text-level function it stands in for gives, so a rule still lives in one place.
 */
import fc from 'fast-check';
import { explainMatchPathPattern, explainPathMatches } from '../alb';
import { explainReservedIps, formatRange, ipv4Range, parseCidrRange, reservedIps, type CidrRange } from '../cidr';
import { explainEvaluateFlow, explainEvaluateFlows, type Flow, type FlowEndpoint } from '../flows';
import { formatIpv4, formatIpv4Number, formatIpv6, ipv4Number, isIpAddress, parseAddress } from '../ip';
import { checkIpv6SubnetBlock, checkIpv6VpcBlock, ipv6SubnetPrefixOk, ipv6VpcPrefixOk } from '../ipv6';
import {
  evaluateNacl,
  explainEvaluateNacl,
  explainEvaluateNaclWithRuleSteps,
  explainNaclRule,
  naclRuleMatches,
  type Nacl,
  type NaclPacket,
  type NaclRule,
} from '../nacl';
import { checkPeering, explainCheckPeering, peeringSteps, type PeeringVpc } from '../peering';
import {
  explainRouteLookup,
  explainRouteLookupAndMatches,
  routeLookup,
  routesContaining,
  validateRouteAdditions,
  validateRouteTable,
  type Route,
  type RouteTable,
  type RouteTableContext,
} from '../routing';
import { evaluateSecurityGroups, evaluateSecurityGroupsAt, type SecurityGroup, type SecurityGroupsMemo, type SgRule, type SgTraffic } from '../security-groups';
import { explainNextFreeSubnet, nextFreeSubnet } from '../subnetting';
import {
  checkSecondaryCidr,
  checkSecondaryCidrIn,
  explainCheckSecondaryCidr,
  explainCheckSecondaryCidrIn,
  secondaryCidrContext,
  secondaryCidrContextOfRanges,
} from '../vpc';
import { thousands } from '../numbers';
import { checkAddress, round4 } from '../traffic-guards';
import { CalcError } from '../errors';

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));

describe('IPv4 blocks read with numbers', () => {
  it('give the same range as the general parser, for every block and for host bits set (lenient)', () => {
    fc.assert(
      fc.property(ipv4, fc.integer({ min: 0, max: 32 }), (a, p) => {
        const lenient = parseCidrRange(`${a}/${p}`, false);
        const value = Number(parseAddress(a).value);
        const first = value - (value % 2 ** (32 - p));
        expect(ipv4Range(first, p)).toEqual(lenient);
      }),
    );
  });
  it('still refuse host bits, leading zeros and prefixes past /32 with the general messages', () => {
    expect(() => parseCidrRange('10.0.0.5/24')).toThrow(/10\.0\.0\.0\/24/);
    expect(() => parseCidrRange('10.0.0.0/08')).toThrow(/leading zero/);
    expect(() => parseCidrRange('010.0.0.0/8')).toThrow(CalcError);
    expect(() => parseCidrRange('10.0.0.0/33')).toThrow(/at most \/32/);
  });
  it('ipv4Number reads exactly the dotted quads parseAddress accepts as IPv4', () => {
    for (const t of ['10.0.0.1', '0.0.0.0', '255.255.255.255', '256.0.0.1', '01.2.3.4', '1.2.3', '::1', '', ' 1.2.3.4']) {
      const n = ipv4Number(t);
      const ok = isIpAddress(t) && !t.includes(':');
      expect(n !== null).toBe(ok);
      if (n !== null) expect(BigInt(n)).toBe(parseAddress(t).value);
    }
    fc.assert(fc.property(ipv4, (a) => expect(formatIpv4Number(ipv4Number(a) as number)).toBe(formatIpv4(parseAddress(a).value))));
  });
});

describe('IPv6 text', () => {
  it('round-trips through parse and RFC 5952 formatting', () => {
    const group = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff }));
    fc.assert(
      fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), (g) => {
        const value = g.reduce((v, x) => (v << 16n) | BigInt(x), 0n);
        expect(parseAddress(formatIpv6(value)).value).toBe(value);
      }),
    );
    expect(formatIpv6((0xffffn << 32n) | 0x0a000001n)).toBe('::ffff:10.0.0.1');
    expect(formatIpv6(0x20010db8000000000000000000000001n)).toBe('2001:db8::1');
  });
});

describe('IPv6 prefix lengths without a block', () => {
  it('say what checkIpv6SubnetBlock says of the block of that size at the VPC base', () => {
    for (const vpc of ['2600:1f18:4a2b:7c00::/56', '2001:db8::/44', '2001:db8:1200::/48']) {
      const base = vpc.slice(0, vpc.indexOf('/'));
      for (let p = 40; p <= 128; p++) {
        const block = formatIpv6(parseCidrRange(`${base}/${p}`, false).first);
        expect(ipv6SubnetPrefixOk(vpc, p)).toBe(checkIpv6SubnetBlock(vpc, `${block}/${p}`).ok);
      }
    }
  });
  it('say what checkIpv6VpcBlock says of a block of that size', () => {
    for (let p = 36; p <= 64; p++) {
      for (const source of ['amazon', 'ipam'] as const) expect(ipv6VpcPrefixOk(p, source)).toBe(checkIpv6VpcBlock(`2001:db8::/${p}`, source).ok);
    }
  });
});

describe('secondary blocks checked against a prepared VPC', () => {
  const vpc = { vpcCidrs: ['10.0.0.0/16', '100.64.0.0/20'], routeDestinations: ['10.0.0.0/16', '100.64.0.0/20', '0.0.0.0/0', '10.5.0.0/24'], quota: 5 };
  it('give the same verdict and steps as the one-shot functions', () => {
    const ctx = secondaryCidrContext(vpc);
    for (const candidate of ['10.1.0.0/16', '10.0.128.0/17', '10.5.0.0/16', '10.5.0.0/25', '192.168.0.0/16', '198.19.0.0/20', '10.2.0.0/29', '100.64.0.0/20']) {
      expect(checkSecondaryCidrIn(ctx, candidate)).toEqual(checkSecondaryCidr({ ...vpc, candidate }));
      expect(explainCheckSecondaryCidrIn(ctx, candidate)).toEqual(explainCheckSecondaryCidr({ ...vpc, candidate }));
    }
  });
});

describe('NACL rules one at a time', () => {
  const rules: NaclRule[] = [
    { ruleNumber: 200, action: 'allow', protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '203.0.113.7/32' },
    { ruleNumber: 100, action: 'deny', protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' },
    { ruleNumber: 150, action: 'allow', protocol: 'udp', fromPort: 53, toPort: 53, cidr: '0.0.0.0/0' },
    { ruleNumber: 90, action: 'allow', protocol: 'all', cidr: '198.51.100.0/24' },
  ];
  const packet: NaclPacket = { protocol: 'tcp', port: 443, address: '203.0.113.7' };
  it('match exactly when the rule alone decides the packet', () => {
    expect(naclRuleMatches(rules, packet)).toEqual(rules.map((r) => evaluateNacl([r], packet).ruleNumber !== '*'));
  });
  it('are worded as the full evaluation words them', () => {
    for (const r of rules) expect(explainNaclRule(r, packet)).toEqual(explainEvaluateNacl([r], packet).steps[1]);
  });
});

describe('routes that contain an address', () => {
  const table: RouteTable = {
    routes: [
      { destination: '10.0.0.0/16', target: 'local' },
      { destination: '0.0.0.0/0', target: 'igw', targetId: 'igw-1' },
      { destination: 'pl-s3', target: 'vpce' },
      { destination: '10.0.5.0/24', target: 'nat', targetId: 'nat-1' },
    ],
    prefixLists: { 'pl-s3': ['52.216.0.0/15', '54.231.0.0/16'] },
  };
  it('are the candidates, in table order, of which the lookup takes the longest', () => {
    const m = routesContaining(table, '10.0.5.9');
    expect(m.map((x) => x.cidr)).toEqual(['10.0.0.0/16', '0.0.0.0/0', '10.0.5.0/24']);
    const longest = m.reduce((a, b) => (b.prefix > a.prefix ? b : a));
    expect(routeLookup(table, '10.0.5.9').route).toBe(longest.route);
    expect(routesContaining(table, '54.231.0.9').map((x) => x.cidr)).toEqual(['0.0.0.0/0', '54.231.0.0/16']);
    expect(routesContaining(table, '2001:db8::1')).toEqual([]);
  });
});

describe('number text', () => {
  it('thousands groups like en-US', () => {
    fc.assert(fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => expect(thousands(n)).toBe(n.toLocaleString('en-US'))));
    for (const n of [0, -0, 999, 1000, 65536, 1.5, 1e21]) expect(thousands(n)).toBe(n.toLocaleString('en-US'));
  });
  it('round4 rounds like toFixed(4)', () => {
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => expect(round4(x)).toBe(Number(x.toFixed(4)))));
    for (const x of [0, -0, 12.5, 6.25, 100 / 3, 0.1 + 0.2, 1.00005]) expect(round4(x)).toBe(Number(x.toFixed(4)));
  });
});

// ---------------------------------------------------------------------------------------------
// Prepared forms against the general functions they stand in for, on generated input: valid
// input gives the same value, invalid input the same error (class and message).

/** What a call gives: its value, or the class and message of what it throws. */
function outcome(f: () => unknown): { value: unknown } | { error: string; message: string } {
  try {
    return { value: f() };
  } catch (e) {
    return e instanceof Error ? { error: e.constructor.name, message: e.message } : { error: typeof e, message: String(e) };
  }
}

/** Enough runs to meet every branch of the small input pools below, few enough to stay fast. */
const RUNS = { numRuns: 150 };

/** Text of an aligned IPv4 block: `value` rounded down to a /prefix boundary. */
function v4Text(value: number, prefix: number): string {
  const size = 2 ** (32 - prefix);
  return `${formatIpv4Number(value - (value % size))}/${prefix}`;
}

/** IPv4 blocks near each other (so overlaps, containment and equal blocks are common), in a few well-known ranges. */
const v4Block = fc
  .tuple(fc.constantFrom(0x0a000000, 0x0a000000, 0xac100000, 0xc0a80000, 0x64400000, 0xc6130000), fc.integer({ min: 0, max: 2 ** 18 - 1 }), fc.integer({ min: 12, max: 28 }))
  .map(([base, off, p]) => v4Text(base + off, p));

const port = fc.oneof(fc.constantFrom(0, 22, 53, 80, 443, 1024, 32_767, 32_768, 65_535), fc.integer({ min: 0, max: 65_535 }));
const portPair = fc.tuple(port, port).map(([a, b]): readonly [number, number] => (a <= b ? [a, b] : [b, a]));

describe('validateRouteAdditions: the table with each addition added on its own', () => {
  const GOOD_DESTS = ['10.0.0.0/16', '10.0.1.0/24', '10.0.2.0/24', '10.0.1.128/25', '10.0.0.0/8', '10.1.0.0/16', '0.0.0.0/0', '192.168.0.0/16', '::/0', '2001:db8::/56', '2001:db8:0:1::/64', 'pl-s3'];
  const BAD_DESTS = ['pl-none', '10.0.0.5/24', '', '  ', 'x', '10.0.0.0/33'];
  const PREFIX_LISTS = { 'pl-s3': ['52.216.0.0/15', '10.0.1.0/24'] };
  const goodTarget = fc.constantFrom('local', 'igw', 'nat', 'eigw', 'vgw', 'pcx', 'vpce', 'eni', 'tgw');
  const routeOf = (dest: fc.Arbitrary<string>, target: fc.Arbitrary<string>): fc.Arbitrary<Route> =>
    fc
      .tuple(dest, target, fc.option(fc.constantFrom('x-1', 'x-2'), { nil: undefined }))
      .map(([destination, t, id]) => (id === undefined ? { destination, target: t } : { destination, target: t, targetId: id }) as Route);
  const goodRoute = routeOf(fc.constantFrom(...GOOD_DESTS), goodTarget);
  const anyRoute = fc.oneof(
    { arbitrary: goodRoute, weight: 18 },
    { arbitrary: routeOf(fc.constantFrom(...BAD_DESTS), goodTarget), weight: 1 },
    { arbitrary: routeOf(fc.constantFrom(...GOOD_DESTS), fc.constant('bogus')), weight: 1 },
  );
  const table = (route: fc.Arbitrary<Route>): fc.Arbitrary<RouteTable> =>
    fc.tuple(fc.array(route, { maxLength: 6 }), fc.boolean()).map(([routes, lists]) => (lists ? { routes, prefixLists: PREFIX_LISTS } : { routes }));
  const goodContext: fc.Arbitrary<RouteTableContext> = fc
    .tuple(
      fc.constantFrom(['10.0.0.0/16'], ['10.0.0.0/16', '10.1.0.0/16'], ['10.0.0.0/16', '2001:db8::/56']),
      fc.option(fc.constantFrom(['10.0.1.0/24', '10.0.2.0/24'], ['10.0.1.128/25']), { nil: undefined }),
      fc.option(fc.constantFrom(1, 2, 3, 50), { nil: undefined }),
    )
    .map(([vpcCidrs, subnetCidrs, routeQuota]) => ({
      vpcCidrs: [...vpcCidrs],
      ...(subnetCidrs === undefined ? {} : { subnetCidrs: [...subnetCidrs] }),
      ...(routeQuota === undefined ? {} : { routeQuota }),
    }));
  const badContext = fc.constantFrom<unknown>(null, 'x', { vpcCidrs: 'x' }, { vpcCidrs: ['10.0.0.5/16'] }, { vpcCidrs: ['10.0.0.0/16'], routeQuota: 0 }, { vpcCidrs: ['10.0.0.0/16'], subnetCidrs: [7] }) as fc.Arbitrary<RouteTableContext>;

  const general = (t: RouteTable, ctx: RouteTableContext, additions: readonly Route[]) => additions.map((r) => validateRouteTable({ ...t, routes: [...t.routes, r] }, ctx));

  it('gives, index for index, what validateRouteTable gives (and the same error for a bad table or route)', () => {
    fc.assert(
      // No additions included: the general map then reads nothing, so neither may the prepared form.
      fc.property(table(anyRoute), goodContext, fc.array(anyRoute, { maxLength: 5 }), (t, ctx, additions) => {
        expect(outcome(() => validateRouteAdditions(t, ctx, additions))).toEqual(outcome(() => general(t, ctx, additions)));
      }),
      { numRuns: 300 },
    );
  });
  // Bad routes included: a bad context and a bad route after a good one must report the same error
  // first (the general map reads the first addition, then the context, then the next addition).
  it('refuses a bad VPC context as validateRouteTable does, in the same order among other errors', () => {
    fc.assert(
      fc.property(table(goodRoute).map((t) => ({ ...t, prefixLists: PREFIX_LISTS })), badContext, fc.array(anyRoute, { maxLength: 3 }), (t, ctx, additions) => {
        expect(outcome(() => validateRouteAdditions(t, ctx, additions))).toEqual(outcome(() => general(t, ctx, additions)));
      }),
      RUNS,
    );
  });
  it('fixed examples: the error order the general form has', () => {
    const ok: Route = { destination: '10.0.0.0/16', target: 'local' };
    const bogus = { destination: '10.0.0.0/16', target: 'bogus' } as unknown as Route;
    const badTable = { routes: [bogus] } as RouteTable;
    const cases: [RouteTable, RouteTableContext, Route[]][] = [
      [{ routes: [] }, null as unknown as RouteTableContext, [ok, bogus]],
      [{ routes: [] }, null as unknown as RouteTableContext, [bogus, ok]],
      [badTable, { vpcCidrs: ['10.0.0.0/16'] }, []],
    ];
    for (const [t, ctx, additions] of cases) expect(outcome(() => validateRouteAdditions(t, ctx, additions))).toEqual(outcome(() => general(t, ctx, additions)));
  });
  it('fixed examples: repeated destinations, additions that do not leak into each other, a full table', () => {
    const t: RouteTable = { routes: [{ destination: '10.0.0.0/16', target: 'local' }, { destination: '0.0.0.0/0', target: 'igw' }], prefixLists: PREFIX_LISTS };
    const ctx: RouteTableContext = { vpcCidrs: ['10.0.0.0/16'], subnetCidrs: ['10.0.1.0/24'], routeQuota: 2 };
    const additions: Route[] = [
      { destination: '0.0.0.0/0', target: 'nat' },
      { destination: '10.0.1.0/24', target: 'nat' },
      { destination: '10.0.2.0/24', target: 'igw' },
      { destination: 'pl-s3', target: 'vpce' },
      { destination: '10.0.1.0/24', target: 'eigw' },
    ];
    const r = validateRouteAdditions(t, ctx, additions);
    expect(r).toEqual(general(t, ctx, additions));
    expect(r[1]).toEqual([]);
    expect(r[0]).toHaveLength(1);
    expect(validateRouteAdditions(t, ctx, [])).toEqual([]);
    // a table already at the 10,000-entry list limit: every addition is refused as the general way refuses it
    const full: RouteTable = { routes: Array.from({ length: 10_000 }, () => ({ destination: '0.0.0.0/0', target: 'igw' as const })) };
    expect(outcome(() => validateRouteAdditions(full, ctx, additions.slice(0, 1)))).toEqual(outcome(() => general(full, ctx, additions.slice(0, 1))));
    expect(outcome(() => validateRouteAdditions(full, ctx, additions.slice(0, 1)))).toMatchObject({ error: 'CalcError' });
  });
});

describe('explainRouteLookupAndMatches: explainRouteLookup and routesContaining in one reading', () => {
  const DESTS = ['10.0.0.0/16', '10.0.1.0/24', '10.0.0.0/8', '0.0.0.0/0', '10.0.1.128/25', '52.216.0.0/15', '::/0', '2001:db8::/56', 'pl-s3', 'pl-s3'];
  const route = fc
    .tuple(fc.oneof({ arbitrary: fc.constantFrom(...DESTS), weight: 19 }, { arbitrary: fc.constantFrom('pl-none', '10.0.0.1/24'), weight: 1 }), fc.constantFrom('local', 'igw', 'nat', 'vpce', 'pcx'), fc.option(fc.constantFrom('t-1', 't-2'), { nil: undefined }))
    .map(([destination, t, id]) => (id === undefined ? { destination, target: t } : { destination, target: t, targetId: id }) as Route);
  const table = fc.tuple(fc.array(route, { maxLength: 7 }), fc.boolean()).map(([routes, lists]) => (lists ? { routes, prefixLists: { 'pl-s3': ['52.216.0.0/15', '10.0.1.0/24', '2001:db8::/64'] } } : { routes }));
  const address = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 1 }), octet, octet).map(([a, b, c]) => `10.${a}.${b}.${c}`),
    fc.tuple(octet, octet).map(([b, c]) => `52.217.${b}.${c}`),
    ipv4,
    fc.constantFrom('2001:db8::1', '2001:db8:0:1::5', '::1', '10.0.0.256', '', ' ', 'x', '10.0.1.5 '),
  );
  it('gives what the two general functions give (and the same error for a bad table or address)', () => {
    fc.assert(
      fc.property(table, address, (t, a) => {
        expect(outcome(() => explainRouteLookupAndMatches(t, a))).toEqual(outcome(() => ({ explained: explainRouteLookup(t, a), matches: routesContaining(t, a) })));
      }),
      { numRuns: 300 },
    );
  });
  it('fixed example: a prefix-list route and a CIDR route of the same length', () => {
    const t: RouteTable = {
      routes: [
        { destination: '10.0.0.0/16', target: 'local' },
        { destination: 'pl-s3', target: 'vpce', targetId: 'vpce-1' },
        { destination: '10.0.1.0/24', target: 'nat', targetId: 'nat-1' },
      ],
      prefixLists: { 'pl-s3': ['52.216.0.0/15', '10.0.1.0/24'] },
    };
    const r = explainRouteLookupAndMatches(t, '10.0.1.9');
    expect(r).toEqual({ explained: explainRouteLookup(t, '10.0.1.9'), matches: routesContaining(t, '10.0.1.9') });
    expect(r.explained.result.route).toBe(t.routes[2]);
    expect(r.matches.map((m) => m.cidr)).toEqual(['10.0.0.0/16', '10.0.1.0/24', '10.0.1.0/24']);
  });
});

const NACL_CIDRS = ['0.0.0.0/0', '10.0.0.0/16', '10.0.1.0/24', '203.0.113.7/32', '203.0.113.0/24', '::/0', '2001:db8::/32'];
const NACL_ADDRESSES = ['10.0.1.5', '10.0.2.9', '203.0.113.7', '192.0.2.1', '2001:db8::9', '2001:db9::1'];

/** A rule's protocol and ports: tcp/udp with a range, icmp/all without. */
const protoPorts = fc.oneof(
  fc.tuple(fc.constantFrom('tcp' as const, 'udp' as const), portPair).map(([protocol, [fromPort, toPort]]) => ({ protocol, fromPort, toPort })),
  fc.constantFrom({ protocol: 'icmp' as const }, { protocol: 'all' as const }),
);

const goodNaclRule: fc.Arbitrary<NaclRule> = fc
  .tuple(fc.integer({ min: 1, max: 200 }), fc.constantFrom('allow' as const, 'deny' as const), protoPorts, fc.constantFrom(...NACL_CIDRS))
  .map(([ruleNumber, action, pp, cidr]) => ({ ruleNumber, action, ...pp, cidr }));
const badNaclRule = fc.constantFrom<NaclRule>(
  { ruleNumber: 0, action: 'allow', protocol: 'all', cidr: '0.0.0.0/0' },
  { ruleNumber: 32_767, action: 'deny', protocol: 'all', cidr: '0.0.0.0/0' },
  { ruleNumber: 5, action: 'allow', protocol: 'icmp', fromPort: 1, toPort: 2, cidr: '0.0.0.0/0' },
  { ruleNumber: 6, action: 'allow', protocol: 'tcp', fromPort: 90, toPort: 80, cidr: '0.0.0.0/0' },
  { ruleNumber: 7, action: 'allow', protocol: 'tcp', fromPort: 80, toPort: 80, cidr: '10.0.0.1/24' },
);
const naclRules = fc.array(fc.oneof({ arbitrary: goodNaclRule, weight: 19 }, { arbitrary: badNaclRule, weight: 1 }), { maxLength: 6 });
const naclPacket: fc.Arbitrary<NaclPacket> = fc.oneof(
  { arbitrary: fc.tuple(fc.constantFrom('tcp' as const, 'udp' as const), port, fc.constantFrom(...NACL_ADDRESSES)).map(([protocol, p, address]) => ({ protocol, port: p, address })), weight: 6 },
  { arbitrary: fc.constantFrom(...NACL_ADDRESSES).map((address) => ({ protocol: 'icmp' as const, address })), weight: 2 },
  { arbitrary: fc.constantFrom<NaclPacket>({ protocol: 'tcp', address: '10.0.1.5' }, { protocol: 'tcp', port: 80, address: '10.0.1' }, { protocol: 'gre' as 'tcp', address: '10.0.1.5' }), weight: 1 },
);

describe('explainEvaluateNaclWithRuleSteps: the worked evaluation and each rule\'s own step', () => {
  it('gives explainEvaluateNacl\'s verdict and steps, and ruleStep(i) = explainNaclRule(rules[i]) in any order asked', () => {
    fc.assert(
      fc.property(naclRules, naclPacket, fc.array(fc.nat(), { maxLength: 8 }), (rules, packet, picks) => {
        // ask for some steps in a random order (some twice), then every one
        const asked = rules.length === 0 ? [] : [...picks.map((k) => k % rules.length), ...rules.map((_, i) => i)];
        const fast = outcome(() => {
          const e = explainEvaluateNaclWithRuleSteps(rules, packet);
          return { result: e.result, steps: e.steps, ruleSteps: asked.map((i) => e.ruleStep(i)) };
        });
        const general = outcome(() => {
          const e = explainEvaluateNacl(rules, packet);
          return { result: e.result, steps: e.steps, ruleSteps: asked.map((i) => explainNaclRule(rules[i] as NaclRule, packet)) };
        });
        expect(fast).toEqual(general);
      }),
      { numRuns: 300 },
    );
  });
  it('fixed example: rules listed out of number order', () => {
    const rules: NaclRule[] = [
      { ruleNumber: 200, action: 'allow', protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '203.0.113.7/32' },
      { ruleNumber: 100, action: 'deny', protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' },
      { ruleNumber: 90, action: 'allow', protocol: 'udp', fromPort: 53, toPort: 53, cidr: '0.0.0.0/0' },
    ];
    const packet: NaclPacket = { protocol: 'tcp', port: 443, address: '203.0.113.7' };
    const e = explainEvaluateNaclWithRuleSteps(rules, packet);
    expect(e.result).toEqual({ action: 'deny', ruleNumber: 100 });
    expect({ result: e.result, steps: e.steps }).toEqual(explainEvaluateNacl(rules, packet));
    expect(e.ruleStep(0)).toEqual(explainNaclRule(rules[0] as NaclRule, packet));
    expect(e.ruleStep(0).values?.matches).toBe(true);
    expect(e.ruleStep(2)).toEqual(explainNaclRule(rules[2] as NaclRule, packet));
    expect(e.ruleStep(1)).toEqual(explainNaclRule(rules[1] as NaclRule, packet));
  });
});

const SG_IDS = ['sg-aaa1', 'sg-bbb2', 'sg-ccc3'];
const goodSgRule: fc.Arbitrary<SgRule> = fc
  .tuple(protoPorts, fc.oneof(fc.constantFrom(...NACL_CIDRS).map((cidr) => ({ cidr })), fc.constantFrom(...SG_IDS).map((groupId) => ({ groupId }))))
  .map(([pp, peer]) => ({ ...pp, ...peer }));
const badSgRule = fc.constantFrom<SgRule>(
  { protocol: 'tcp', fromPort: 80, toPort: 80, cidr: '0.0.0.0/0', action: 'deny' },
  { protocol: 'tcp', fromPort: 80, toPort: 80 },
  { protocol: 'all', cidr: '10.0.0.1/8' },
  { protocol: 'all', groupId: 'default' },
);
const sgRules = fc.array(fc.oneof({ arbitrary: goodSgRule, weight: 29 }, { arbitrary: badSgRule, weight: 1 }), { maxLength: 4 });
const sgGroup: fc.Arbitrary<SecurityGroup> = fc.record({ id: fc.constantFrom(...SG_IDS), inbound: sgRules, outbound: sgRules });
const sgGroups = fc.array(sgGroup, { minLength: 1, maxLength: 3 });
const sgTraffic: fc.Arbitrary<SgTraffic> = fc
  .tuple(
    fc.constantFrom('inbound' as const, 'outbound' as const),
    fc.oneof(
      fc.tuple(fc.constantFrom('tcp' as const, 'udp' as const), port).map(([protocol, p]) => ({ protocol, port: p })),
      fc.constant({ protocol: 'icmp' as const }),
      fc.constantFrom({ protocol: 'tcp' as const }, { protocol: 'icmp' as const, port: 1 }),
    ),
    fc.constantFrom(...NACL_ADDRESSES),
    fc.option(fc.subarray(SG_IDS), { nil: undefined }),
  )
  .map(([direction, pp, address, remote]) => ({ direction, ...pp, address, ...(remote === undefined ? {} : { remoteGroupIds: remote }) }));

describe('evaluateSecurityGroupsAt: the evaluation with the address already parsed', () => {
  it('without a memo gives what evaluateSecurityGroups gives', () => {
    fc.assert(
      fc.property(sgGroups, sgTraffic, (groups, traffic) => {
        const host = checkAddress(traffic.address, 'The address');
        expect(outcome(() => evaluateSecurityGroupsAt(groups, traffic, host))).toEqual(outcome(() => evaluateSecurityGroups(groups, traffic)));
      }),
      { numRuns: 300 },
    );
  });
  it('with one memo over a batch of evaluations of a few group lists gives, call for call, what evaluateSecurityGroups gives', () => {
    fc.assert(
      fc.property(fc.array(sgGroups, { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(fc.nat(), sgTraffic), { minLength: 1, maxLength: 8 }), (lists, calls) => {
        const memo: SecurityGroupsMemo = new Map();
        for (const [k, traffic] of calls) {
          const groups = lists[k % lists.length] as SecurityGroup[];
          const host = checkAddress(traffic.address, 'The address');
          expect(outcome(() => evaluateSecurityGroupsAt(groups, traffic, host, memo))).toEqual(outcome(() => evaluateSecurityGroups(groups, traffic)));
        }
      }),
      { numRuns: 200 },
    );
  });
  it('fixed example: one list met inbound then outbound through the same memo', () => {
    const groups: SecurityGroup[] = [
      { id: 'sg-web1', inbound: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' }], outbound: [{ protocol: 'tcp', fromPort: 5432, toPort: 5432, groupId: 'sg-db01' }] },
    ];
    const memo: SecurityGroupsMemo = new Map();
    const calls: SgTraffic[] = [
      { direction: 'inbound', protocol: 'tcp', port: 443, address: '198.51.100.4' },
      { direction: 'outbound', protocol: 'tcp', port: 5432, address: '10.0.3.4', remoteGroupIds: ['sg-db01'] },
      { direction: 'outbound', protocol: 'tcp', port: 443, address: '10.0.3.4' },
    ];
    const got = calls.map((t) => evaluateSecurityGroupsAt(groups, t, checkAddress(t.address, 'x'), memo));
    expect(got).toEqual(calls.map((t) => evaluateSecurityGroups(groups, t)));
    expect(got.map((d) => d.allowed)).toEqual([true, true, false]);
    expect(memo.size).toBe(1);
  });
});

describe('explainEvaluateFlows: a batch of flows sharing security group lists', () => {
  const nacl: fc.Arbitrary<Nacl> = fc.record({ inbound: fc.array(goodNaclRule, { maxLength: 3 }), outbound: fc.array(goodNaclRule, { maxLength: 3 }) });
  const flowShape = fc.oneof(
    { arbitrary: fc.tuple(fc.constantFrom('tcp' as const, 'udp' as const), port, fc.option(port, { nil: undefined })).map(([protocol, p, cp]) => ({ protocol, port: p, ...(cp === undefined ? {} : { clientPort: cp }) })), weight: 8 },
    { arbitrary: fc.constant({ protocol: 'icmp' as const }), weight: 1 },
    { arbitrary: fc.constantFrom({ protocol: 'icmp' as const, clientPort: 5 }, { protocol: 'tcp' as const }, { protocol: 'tcp' as const, port: 80, ephemeralPorts: { from: 9, to: 1 } }), weight: 1 },
  );
  it('gives, flow for flow, what explainEvaluateFlow gives (and the same error)', () => {
    fc.assert(
      fc.property(
        fc.tuple(sgGroups, sgGroups, fc.option(nacl, { nil: undefined }), fc.option(nacl, { nil: undefined })),
        fc.array(
          fc.tuple(fc.constantFrom(...NACL_ADDRESSES), fc.constantFrom('none', 'shared', 'server', 'own'), fc.option(fc.constantFrom('subnet-a', 'subnet-b'), { nil: undefined }), fc.boolean(), flowShape, sgGroups),
          { minLength: 1, maxLength: 5 },
        ),
        ([serverGroups, clientGroups, serverNacl, clientNacl], clients) => {
          const server: FlowEndpoint = { address: '10.0.2.10', subnet: 'subnet-b', securityGroups: serverGroups, ...(serverNacl === undefined ? {} : { nacl: serverNacl }) };
          const flows: Flow[] = clients.map(([address, groups, subnet, withNacl, shape, own]) => {
            const securityGroups = groups === 'shared' ? clientGroups : groups === 'server' ? serverGroups : groups === 'own' ? own : undefined;
            const client: FlowEndpoint = {
              address,
              ...(securityGroups === undefined ? {} : { securityGroups }),
              ...(subnet === undefined ? {} : { subnet }),
              ...(withNacl && clientNacl !== undefined ? { nacl: clientNacl } : {}),
            };
            return { client, server, ...shape };
          });
          expect(outcome(() => explainEvaluateFlows(flows))).toEqual(outcome(() => flows.map((f) => explainEvaluateFlow(f))));
        },
      ),
      { numRuns: 200 },
    );
  });
  it('fixed example: three clients of one server, one let in by group membership', () => {
    const serverGroups: SecurityGroup[] = [{ id: 'sg-srv1', inbound: [{ protocol: 'tcp', fromPort: 443, toPort: 443, groupId: 'sg-app1' }], outbound: [] }];
    const appGroups: SecurityGroup[] = [{ id: 'sg-app1', inbound: [], outbound: [{ protocol: 'all', cidr: '0.0.0.0/0' }] }];
    const server: FlowEndpoint = { address: '10.0.2.10', securityGroups: serverGroups };
    const flows: Flow[] = [
      { client: { address: '10.0.1.5', securityGroups: appGroups }, server, protocol: 'tcp', port: 443 },
      { client: { address: '10.0.1.6' }, server, protocol: 'tcp', port: 443 },
      { client: { address: '10.0.1.7', securityGroups: appGroups }, server, protocol: 'tcp', port: 80 },
    ];
    const got = explainEvaluateFlows(flows);
    expect(got).toEqual(flows.map((f) => explainEvaluateFlow(f)));
    expect(got.map((e) => e.result.delivered)).toEqual([true, false, false]);
    expect(explainEvaluateFlows([])).toEqual([]);
  });
});

describe('secondaryCidrContextOfRanges: the context from parsed blocks', () => {
  const candidate = fc.oneof({ arbitrary: v4Block, weight: 9 }, { arbitrary: fc.constantFrom('10.0.0.0/8', '10.0.0.0/30', '198.19.0.0/16', '2001:db8::/56', '10.0.0.1/16'), weight: 1 });
  it('checks and explains every candidate as the context from the texts does', () => {
    fc.assert(
      fc.property(
        fc.array(v4Block, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.array(fc.oneof(v4Block, fc.constantFrom('0.0.0.0/0', '::/0', '2001:db8::/64')), { maxLength: 4 }),
        fc.option(fc.constantFrom(1, 2, 3, 5, 50, 0, 51, 2.5), { nil: undefined }),
        fc.array(candidate, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (blocks, withV6, routeDestinations, quota, candidates, asIpv4Range) => {
          const vpcCidrs = withV6 ? [...blocks, '2001:db8::/56'] : blocks;
          // the ranges as the generators make them: parsed, or (IPv4) made from numbers
          const ranges = (texts: string[]) => texts.map((c) => parseCidrRange(c)).map((r) => (asIpv4Range && r.version === 4 ? ipv4Range(Number(r.first), r.prefix) : r));
          const fromRanges = outcome(() => secondaryCidrContextOfRanges(ranges(vpcCidrs), ranges(routeDestinations), quota));
          const fromTexts = outcome(() => secondaryCidrContext({ vpcCidrs, routeDestinations, ...(quota === undefined ? {} : { quota }) }));
          expect(fromRanges).toEqual(fromTexts);
          if (!('value' in fromTexts) || !('value' in fromRanges)) return;
          const a = fromRanges.value as ReturnType<typeof secondaryCidrContext>;
          const b = fromTexts.value as ReturnType<typeof secondaryCidrContext>;
          for (const c of candidates) {
            expect(outcome(() => checkSecondaryCidrIn(a, c))).toEqual(outcome(() => checkSecondaryCidrIn(b, c)));
            expect(outcome(() => explainCheckSecondaryCidrIn(a, c))).toEqual(outcome(() => explainCheckSecondaryCidrIn(b, c)));
            expect(outcome(() => checkSecondaryCidrIn(a, c))).toEqual(outcome(() => checkSecondaryCidr({ vpcCidrs, candidate: c, routeDestinations, ...(quota === undefined ? {} : { quota }) })));
          }
        },
      ),
      RUNS,
    );
  });
  it('fixed example: an IPv6 block in the list, a route inside the candidate, the default quota', () => {
    const vpcCidrs = ['10.0.0.0/16', '2001:db8::/56', '10.1.0.0/16'];
    const routeDestinations = ['10.5.0.0/24', '0.0.0.0/0'];
    const ctx = secondaryCidrContextOfRanges(vpcCidrs.map((c) => parseCidrRange(c)), routeDestinations.map((c) => parseCidrRange(c)));
    expect(ctx).toEqual(secondaryCidrContext({ vpcCidrs, routeDestinations }));
    for (const c of ['10.5.0.0/16', '10.5.0.0/25', '192.168.0.0/16', '10.0.128.0/17']) {
      expect(explainCheckSecondaryCidrIn(ctx, c)).toEqual(explainCheckSecondaryCidr({ vpcCidrs, candidate: c, routeDestinations }));
    }
    expect(() => secondaryCidrContextOfRanges([], [], 51)).toThrow(CalcError);
  });
});

describe('peeringSteps: the steps of explainCheckPeering from a verdict already found', () => {
  const vpc: fc.Arbitrary<PeeringVpc> = fc.record({
    id: fc.constantFrom('vpc-a', 'vpc-b', 'vpc-c'),
    cidrs: fc.array(fc.oneof({ arbitrary: v4Block, weight: 8 }, { arbitrary: fc.constantFrom('2001:db8::/56', '2001:db8:0:80::/57'), weight: 2 }), { maxLength: 3 }),
  });
  const ids = fc.constantFrom('vpc-a', 'vpc-b', 'vpc-c');
  it('are explainCheckPeering\'s steps: one per reason, or the one confirmation', () => {
    fc.assert(
      fc.property(vpc, vpc, fc.array(fc.tuple(ids, ids), { maxLength: 2 }), (a, b, existing) => {
        const fast = outcome(() => peeringSteps(a, b, checkPeering(a, b, existing)));
        expect(fast).toEqual(outcome(() => explainCheckPeering(a, b, existing).steps));
        // and the steps as the doc words them, from the verdict (explainCheckPeering itself uses peeringSteps)
        if ('value' in fast) {
          const v = checkPeering(a, b, existing);
          expect(fast.value).toEqual(v.ok ? [{ text: `No block of ${a.id} overlaps a block of ${b.id}, so they can be peered` }] : v.reasons.map((text) => ({ text })));
        }
      }),
      RUNS,
    );
  });
  it('fixed examples', () => {
    const hub = { id: 'vpc-hub', cidrs: ['10.0.0.0/16', '100.64.0.0/20'] };
    const spoke = { id: 'vpc-s1', cidrs: ['10.1.0.0/16', '100.64.8.0/22'] };
    const v = checkPeering(hub, spoke);
    expect(v.ok).toBe(false);
    expect(peeringSteps(hub, spoke, v)).toEqual(explainCheckPeering(hub, spoke).steps);
    expect(peeringSteps(hub, { id: 'vpc-s2', cidrs: ['10.2.0.0/16'] }, { ok: true, reasons: [] })).toEqual([{ text: 'No block of vpc-hub overlaps a block of vpc-s2, so they can be peered' }]);
  });
});

describe('explainPathMatches: several paths against one pattern', () => {
  const text = (maxLength: number) => fc.string({ unit: fc.constantFrom('/', 'a', 'b', 'A', '.', '*', '?', '-', ' ', 'é'), maxLength });
  it('gives, path for path, explainMatchPathPattern\'s verdict and last step (and its error)', () => {
    fc.assert(
      fc.property(fc.oneof(text(8).map((s) => `/${s}`), text(8)), fc.array(text(10), { minLength: 1, maxLength: 5 }), (pattern, paths) => {
        const fast = outcome(() => explainPathMatches(pattern, paths));
        const general = outcome(() => {
          const each = paths.map((p) => explainMatchPathPattern(pattern, p));
          return { result: each.map((e) => e.result), steps: each.map((e) => e.steps[e.steps.length - 1]) };
        });
        expect(fast).toEqual(general);
      }),
      { numRuns: 300 },
    );
  });
});

/** Dotted quad of an IPv4 value, with bigint arithmetic (the reference for the number paths). */
function refIpv4(v: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => ((v >> s) & 255n).toString()).join('.');
}

describe('IPv4 text written with numbers', () => {
  const value = fc.oneof(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constantFrom(0, 2 ** 32 - 1, 2 ** 31, 2 ** 31 - 1, 2 ** 24));
  it('formatRange writes an IPv4 block as the bigint reference does, however the range was made', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 32 }), (v, p) => {
        const first = v - (v % 2 ** (32 - p));
        const want = `${refIpv4(BigInt(first))}/${p}`;
        expect(formatRange(ipv4Range(first, p))).toBe(want);
        expect(formatRange(parseCidrRange(want))).toBe(want);
      }),
      { numRuns: 300 },
    );
    // out of the IPv4 range: the general formatter's error, as before
    for (const first of [-1n, 2n ** 32n]) {
      const r: CidrRange = { version: 4, bits: 32, prefix: 32, first, last: first };
      expect(outcome(() => formatRange(r))).toEqual(outcome(() => `${formatIpv4(first)}/32`));
    }
  });
  it('reservedIps and explainReservedIps name the first four and the last address as the reference does', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 16, max: 28 }), (v, p) => {
        const first = BigInt(v - (v % 2 ** (32 - p)));
        const last = first + 2n ** BigInt(32 - p) - 1n;
        const cidr = `${refIpv4(first)}/${p}`;
        const want = [first, first + 1n, first + 2n, first + 3n, last].map(refIpv4);
        expect(reservedIps(cidr).map((r) => r.address)).toEqual(want);
        const e = explainReservedIps(cidr);
        expect(e.result).toEqual(reservedIps(cidr));
        expect(e.steps[0]?.values).toEqual({ base: want[0] });
      }),
      RUNS,
    );
  });
});

describe('next free IPv4 subnet, searched with numbers', () => {
  /** The search in bigints: the general (IPv6) path of nextFreeCore, written out. */
  function reference(parent: string, prefix: number, used: string[]): { found: string | null; skipped: string[] } {
    const p = parseCidrRange(parent);
    const size = 1n << BigInt(32 - prefix);
    const ranges = used.map((c) => parseCidrRange(c)).filter((r) => r.version === 4 && r.first <= p.last && p.first <= r.last);
    ranges.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
    const text = (first: bigint, pr: number) => `${refIpv4(first)}/${pr}`;
    const skipped: string[] = [];
    let candidate = p.first;
    for (const u of ranges) {
      if (u.last < candidate) continue;
      if (u.first > candidate + size - 1n) break;
      skipped.push(text(u.first, u.prefix));
      candidate = ((u.last + 1n + size - 1n) / size) * size;
      if (candidate + size - 1n > p.last) return { found: null, skipped };
    }
    return { found: candidate + size - 1n > p.last ? null : text(candidate, prefix), skipped };
  }
  it('finds the block and skips the used blocks the bigint search does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0x0a000000, 0xffff0000, 0),
        fc.integer({ min: 0, max: 2 ** 16 - 1 }),
        fc.integer({ min: 8, max: 30 }),
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 18 - 1 }), fc.integer({ min: 8, max: 32 })), { maxLength: 6 }),
        fc.constantFrom('', '2001:db8::/64'),
        (base, off, pp, extra, usedAt, v6) => {
          const parent = v4Text(base + off * 256, pp);
          const prefix = Math.min(32, pp + extra);
          const used = usedAt.map(([u, up]) => v4Text(Number(parseCidrRange(parent).first) + u, up));
          if (v6 !== '') used.push(v6);
          const want = reference(parent, prefix, used);
          expect(nextFreeSubnet(parent, prefix, used)).toBe(want.found);
          const e = explainNextFreeSubnet(parent, prefix, used);
          expect(e.result).toBe(want.found);
          expect(e.steps.slice(1, -1).map((s) => s.text)).toEqual(want.skipped.map((u) => `${u} is in use, so the next candidate starts after it`));
          expect(e.steps[e.steps.length - 1]?.values).toEqual({ result: want.found ?? 'none' });
        },
      ),
      { numRuns: 300 },
    );
  });
  it('fixed examples: the last block of the address space, a full parent', () => {
    expect(nextFreeSubnet('255.255.255.0/24', 25, ['255.255.255.0/25'])).toBe('255.255.255.128/25');
    expect(nextFreeSubnet('255.255.255.0/24', 25, ['255.255.255.0/25', '255.255.255.200/32'])).toBeNull();
    expect(nextFreeSubnet('0.0.0.0/0', 1, ['0.0.0.0/1'])).toBe('128.0.0.0/1');
    expect(nextFreeSubnet('10.0.0.0/16', 24, ['10.0.0.0/24', '10.0.1.0/25', '10.0.3.0/24'])).toBe('10.0.2.0/24');
  });
});
