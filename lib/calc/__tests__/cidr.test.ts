import fc from 'fast-check';
import { CalcError } from '../errors';
import {
  cidrContains,
  cidrContainsCidr,
  cidrOfAddress,
  cidrsOverlap,
  explainCidrContains,
  explainCidrsOverlap,
  explainParseCidr,
  explainReservedIps,
  explainTotalIps,
  explainUsableIps,
  isCidr,
  normalizeCidr,
  parseCidr,
  reservedIps,
  totalIps,
  usableIps,
} from '../cidr';
import { formatIpv4, formatIpv6 } from '../ip';

describe('parseCidr', () => {
  it('parses IPv4 and IPv6 blocks', () => {
    expect(parseCidr('10.0.0.0/16')).toEqual({ version: 4, network: '10.0.0.0', prefix: 16 });
    expect(parseCidr('2001:DB8:0:0::/56')).toEqual({ version: 6, network: '2001:db8::', prefix: 56 });
    expect(parseCidr('0.0.0.0/0')).toEqual({ version: 4, network: '0.0.0.0', prefix: 0 });
    expect(parseCidr('::/0')).toEqual({ version: 6, network: '::', prefix: 0 });
  });

  it('refuses host bits set, as AWS does, and names the network address', () => {
    expect(() => parseCidr('10.0.0.5/24')).toThrow(CalcError);
    expect(() => parseCidr('10.0.0.5/24')).toThrow('The /24 block that contains it is 10.0.0.0/24.');
    expect(() => parseCidr('2001:db8::1/64')).toThrow('2001:db8::/64');
  });

  it('explains a bad octet the way a student reads it', () => {
    expect(() => parseCidr('10.0.0.256/24')).toThrow("'10.0.0.256/24' is not an IPv4 address: 256 is larger than 255.");
  });

  it.each([
    ['10.0.0.0', "needs a prefix length"],
    ['10.0.0.0/', 'missing'],
    ['10.0.0.0/33', 'at most /32'],
    ['::/129', 'at most /128'],
    ['10.0.0.0/-1', 'whole number'],
    ['10.0.0.0/1.5', 'whole number'],
    ['10.0.0.0/024', 'leading zero'],
    ['10.0.0.0/16/16', 'whole number'],
    ['10.0.0.0/99999999999999', 'at most /32'],
    ['hello', 'prefix length'],
  ])('refuses %s (%s)', (text, reason) => {
    expect(() => parseCidr(text)).toThrow(CalcError);
    expect(() => parseCidr(text)).toThrow(reason);
  });

  it.each([undefined, null, 5, NaN, {}, [], ''])('refuses non-text input %p with a CalcError', (junk) => {
    expect(() => parseCidr(junk as unknown as string)).toThrow(CalcError);
    expect(() => totalIps(junk as unknown as string)).toThrow(CalcError);
    expect(() => usableIps(junk as unknown as string)).toThrow(CalcError);
    expect(() => reservedIps(junk as unknown as string)).toThrow(CalcError);
    expect(() => cidrsOverlap(junk as unknown as string, '10.0.0.0/8')).toThrow(CalcError);
    expect(() => cidrContains('10.0.0.0/8', junk as unknown as string)).toThrow(CalcError);
  });

  it('normalizeCidr and isCidr', () => {
    expect(normalizeCidr('2001:0DB8:0000::/48')).toBe('2001:db8::/48');
    expect(isCidr('10.0.0.0/8')).toBe(true);
    expect(isCidr('10.0.0.1/8')).toBe(false);
    expect(isCidr(undefined)).toBe(false);
  });

  it('cidrOfAddress finds the block around an address (the lenient way)', () => {
    expect(cidrOfAddress('10.0.0.5', 24)).toBe('10.0.0.0/24');
    expect(cidrOfAddress('2001:db8::1:2', 64)).toBe('2001:db8::/64');
    expect(() => cidrOfAddress('10.0.0.5', 33)).toThrow(CalcError);
    expect(() => cidrOfAddress('10.0.0.5', NaN)).toThrow(CalcError);
  });

  it('explainParseCidr gives host bits and the range', () => {
    const e = explainParseCidr('10.0.0.0/24');
    expect(e.result.prefix).toBe(24);
    expect(e.steps.map((s) => s.text).join('\n')).toContain('10.0.0.0 to 10.0.0.255');
  });
});

describe('totalIps = 2^(bits − prefix)', () => {
  it.each([
    ['10.0.0.0/16', 65536n],
    ['10.0.0.0/27', 32n],
    ['10.0.0.0/28', 16n],
    ['10.0.0.1/32', 1n],
    ['0.0.0.0/0', 4294967296n],
    ['2001:db8::/56', 1n << 72n],
    ['2001:db8::/64', 1n << 64n],
    ['::/0', 1n << 128n],
  ])('%s has %s addresses', (cidr, n) => {
    expect(totalIps(cidr)).toBe(n);
    expect(explainTotalIps(cidr).result).toBe(n);
  });
});

describe('usableIps: an AWS IPv4 subnet loses 5 addresses (facts rows 10, 12)', () => {
  it('/27 → 32 − 5 = 27 usable (facts row 12)', () => expect(usableIps('10.0.0.0/27')).toBe(27));
  it('/28 → 16 − 5 = 11 usable (facts row 12)', () => expect(usableIps('10.0.0.0/28')).toBe(11));
  it('/24 → 251 usable', () => expect(usableIps('10.0.0.0/24')).toBe(251));
  it('/16 → 65,531 usable', () => expect(usableIps('10.0.0.0/16')).toBe(65531));
  it('/15 is too large for a subnet (facts row 3)', () => expect(() => usableIps('10.0.0.0/15')).toThrow('/15 is too large'));
  it('/29 is too small for a subnet (facts row 3)', () => expect(() => usableIps('10.0.0.0/29')).toThrow('/29 is too small'));
  it('is for IPv4 only', () => expect(() => usableIps('2001:db8::/64')).toThrow(CalcError));

  it('explains /27 step by step', () => {
    const e = explainUsableIps('10.0.0.0/27');
    expect(e.result).toBe(27);
    expect(e.steps.map((s) => s.text)).toEqual([
      'A /27 leaves 32 − 27 = 5 host bits',
      '2^5 = 32 addresses',
      'AWS reserves 5 addresses in every subnet: the first four and the last',
      '32 − 5 = 27 usable addresses',
    ]);
    expect(e.steps[3]?.values).toEqual({ total: 32, reserved: 5, usable: 27 });
  });
});

describe('reservedIps: the first four and the last address (facts row 10)', () => {
  it('10.0.0.0/24 reserves .0 .1 .2 .3 .255, in that order', () => {
    const r = reservedIps('10.0.0.0/24');
    expect(r.map((x) => x.address)).toEqual(['10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.255']);
    expect(r[1]?.purpose).toMatch(/VPC router/);
    expect(r[2]?.purpose).toMatch(/DNS/);
    expect(r[3]?.purpose).toMatch(/future use/);
    expect(r[4]?.purpose).toMatch(/broadcast/);
  });
  it('works for a /28 at the edge of a /16', () => {
    expect(reservedIps('172.31.255.240/28').map((x) => x.address)).toEqual([
      '172.31.255.240',
      '172.31.255.241',
      '172.31.255.242',
      '172.31.255.243',
      '172.31.255.255',
    ]);
  });
  it('IPv6 subnets reserve the first four and the last too', () => {
    expect(reservedIps('2001:db8:0:1::/64').map((x) => x.address)).toEqual([
      '2001:db8:0:1::',
      '2001:db8:0:1::1',
      '2001:db8:0:1::2',
      '2001:db8:0:1::3',
      '2001:db8:0:1:ffff:ffff:ffff:ffff',
    ]);
  });
  it('refuses blocks that cannot be AWS subnets', () => {
    expect(() => reservedIps('10.0.0.0/29')).toThrow(CalcError);
    expect(() => reservedIps('2001:db8::/66')).toThrow('/44 to /64');
  });
  it('explains with offsets from the base', () => {
    const e = explainReservedIps('10.0.0.0/24');
    expect(e.result).toHaveLength(5);
    expect(e.steps.some((s) => s.text.startsWith('10.0.0.2 (base + 2)'))).toBe(true);
  });
});

describe('cidrsOverlap and cidrContains', () => {
  it('nested and equal blocks overlap; adjacent blocks do not', () => {
    expect(cidrsOverlap('10.0.0.0/16', '10.0.1.0/24')).toBe(true);
    expect(cidrsOverlap('10.0.0.0/24', '10.0.0.0/24')).toBe(true);
    expect(cidrsOverlap('10.0.0.0/24', '10.0.1.0/24')).toBe(false);
    expect(cidrsOverlap('2001:db8::/56', '2001:db8:0:ff::/64')).toBe(true);
  });
  it('blocks of different IP versions never overlap', () => {
    expect(cidrsOverlap('0.0.0.0/0', '::/0')).toBe(false);
    expect(explainCidrsOverlap('0.0.0.0/0', '::/0').steps[0]?.text).toMatch(/different versions/);
  });
  it('contains an address of its own version only', () => {
    expect(cidrContains('10.0.0.0/16', '10.0.255.255')).toBe(true);
    expect(cidrContains('10.0.0.0/16', '10.1.0.0')).toBe(false);
    expect(cidrContains('0.0.0.0/0', '::1')).toBe(false);
    expect(cidrContains('::/0', '10.0.0.1')).toBe(false);
    expect(cidrContains('2001:db8::/32', '2001:db8:ffff::1')).toBe(true);
    expect(explainCidrContains('10.0.0.0/16', '10.0.3.4').result).toBe(true);
  });
  it('an address that is not an address is a CalcError even if the versions differ', () => {
    expect(() => cidrContains('10.0.0.0/8', '10.0.0.256')).toThrow('256 is larger than 255');
  });
  it('cidrContainsCidr', () => {
    expect(cidrContainsCidr('10.0.0.0/16', '10.0.4.0/22')).toBe(true);
    expect(cidrContainsCidr('10.0.4.0/22', '10.0.0.0/16')).toBe(false);
    expect(cidrContainsCidr('10.0.0.0/16', '10.0.0.0/16')).toBe(true);
  });
});

// -------------------------------------------------------------------------------------------

const v4Cidr = fc
  .tuple(fc.bigInt({ min: 0n, max: 0xffffffffn }), fc.integer({ min: 0, max: 32 }))
  .map(([v, p]) => `${formatIpv4(v & ~((1n << BigInt(32 - p)) - 1n) & 0xffffffffn)}/${p}`);
const v6Cidr = fc
  .tuple(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), fc.integer({ min: 0, max: 128 }))
  .map(([v, p]) => `${formatIpv6(v & ~((1n << BigInt(128 - p)) - 1n) & ((1n << 128n) - 1n))}/${p}`);
const anyCidr = fc.oneof(v4Cidr, v6Cidr);

describe('laws', () => {
  it('overlap is symmetric', () => {
    fc.assert(fc.property(anyCidr, anyCidr, (a, b) => expect(cidrsOverlap(a, b)).toBe(cidrsOverlap(b, a))));
  });
  it('a block overlaps itself', () => {
    fc.assert(fc.property(anyCidr, (a) => expect(cidrsOverlap(a, a)).toBe(true)));
  });
  it('two blocks overlap exactly when one contains the other', () => {
    fc.assert(
      fc.property(anyCidr, anyCidr, (a, b) => {
        expect(cidrsOverlap(a, b)).toBe(cidrContainsCidr(a, b) || cidrContainsCidr(b, a));
      }),
    );
  });
  it('containment agrees with overlap: a block containing an address overlaps its /32 or /128', () => {
    fc.assert(
      fc.property(v4Cidr, fc.bigInt({ min: 0n, max: 0xffffffffn }), (c, v) => {
        const a = formatIpv4(v);
        expect(cidrContains(c, a)).toBe(cidrsOverlap(c, `${a}/32`));
      }),
    );
    fc.assert(
      fc.property(v6Cidr, fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (c, v) => {
        const a = formatIpv6(v);
        expect(cidrContains(c, a)).toBe(cidrsOverlap(c, `${a}/128`));
      }),
    );
  });
  it('a block contains its own network address and its last address', () => {
    fc.assert(
      fc.property(anyCidr, (c) => {
        const p = parseCidr(c);
        expect(cidrContains(c, p.network)).toBe(true);
      }),
    );
  });
  it('parse → format round trip is the identity on canonical blocks', () => {
    fc.assert(fc.property(anyCidr, (c) => expect(normalizeCidr(c)).toBe(c)));
  });
  it('usable = total − 5 for every AWS subnet size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 16, max: 28 }), (p) => {
        expect(usableIps(`10.0.0.0/${p}`)).toBe(Number(totalIps(`10.0.0.0/${p}`)) - 5);
      }),
    );
  });
  it('random junk is a CalcError, never a TypeError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), (s) => {
        for (const f of [parseCidr, totalIps, usableIps, reservedIps]) {
          try {
            f(s);
          } catch (e) {
            expect(e).toBeInstanceOf(CalcError);
          }
        }
      }),
    );
  });
});
