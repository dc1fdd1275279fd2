/**
 * The prepared and number-level forms the question generators use: each gives exactly what the
 * general, text-level function it stands in for gives, so a rule still lives in one place.
 */
import fc from 'fast-check';
import { ipv4Range, parseCidrRange } from '../cidr';
import { formatIpv4, formatIpv4Number, formatIpv6, ipv4Number, isIpAddress, parseAddress } from '../ip';
import { checkIpv6SubnetBlock, checkIpv6VpcBlock, ipv6SubnetPrefixOk, ipv6VpcPrefixOk } from '../ipv6';
import { evaluateNacl, explainEvaluateNacl, explainNaclRule, naclRuleMatches, type NaclPacket, type NaclRule } from '../nacl';
import { routeLookup, routesContaining, type RouteTable } from '../routing';
import { checkSecondaryCidr, checkSecondaryCidrIn, explainCheckSecondaryCidr, explainCheckSecondaryCidrIn, secondaryCidrContext } from '../vpc';
import { thousands } from '../numbers';
import { round4 } from '../traffic-guards';
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
