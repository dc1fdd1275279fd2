import fc from 'fast-check';
import { CalcError } from '../errors';
import { cidrContainsCidr, cidrsOverlap, totalIps, usableIps } from '../cidr';
import { formatIpv4 } from '../ip';
import {
  explainNextFreeSubnet,
  explainSplitCidr,
  explainSplitUsableIps,
  explainSubnetCount,
  explainSubnetForAddress,
  explainSumUsableIps,
  nextFreeSubnet,
  splitCidr,
  splitUsableIps,
  subnetCount,
  subnetForAddress,
  sumUsableIps,
} from '../subnetting';

describe('splitting a block into /n subnets', () => {
  it('a /16 splits into 256 /24s, listed in address order', () => {
    const s = splitCidr('10.0.0.0/16', 24);
    expect(s.count).toBe(256n);
    expect(s.subnets).toHaveLength(256);
    expect(s.subnets[0]).toBe('10.0.0.0/24');
    expect(s.subnets[255]).toBe('10.0.255.0/24');
    expect(s.truncated).toBe(false);
  });
  it('the list is limited, the count is exact', () => {
    const s = splitCidr('10.0.0.0/8', 28, 4);
    expect(s.count).toBe(1n << 20n);
    expect(s.subnets).toEqual(['10.0.0.0/28', '10.0.0.16/28', '10.0.0.32/28', '10.0.0.48/28']);
    expect(s.truncated).toBe(true);
  });
  it('huge IPv6 counts stay bigint', () => {
    expect(subnetCount('2001:db8::/32', 64)).toBe(1n << 32n);
    expect(splitCidr('::/0', 128, 2).subnets).toEqual(['::/128', '::1/128']);
  });
  it('splitting into the same size gives the block itself', () => expect(splitCidr('10.0.0.0/24', 24).subnets).toEqual(['10.0.0.0/24']));
  it('a shorter prefix than the parent is a CalcError', () => expect(() => splitCidr('10.0.0.0/24', 23)).toThrow(/\/24 or longer/));
  it.each([NaN, -1, 33, 1.5, undefined])('prefix %p is a CalcError', (p) => expect(() => splitCidr('10.0.0.0/24', p as number)).toThrow(CalcError));
  it.each([-1, 1e9, NaN, 65537])('limit %p is a CalcError', (l) => expect(() => splitCidr('10.0.0.0/8', 24, l)).toThrow(CalcError));
  it('explains', () => {
    expect(explainSubnetCount('10.0.0.0/16', 24).steps[1]?.text).toBe('2^8 = 256 subnets');
    expect(explainSplitCidr('10.0.0.0/24', 26).steps.at(-1)?.text).toBe('The subnets run 10.0.0.0/26 … 10.0.0.192/26');
  });
});

describe('usable addresses when split into AWS subnets', () => {
  it('a /24 split into /26 gives 4 × (64 − 5) = 236', () => {
    expect(splitUsableIps('10.0.0.0/24', 26)).toBe(236);
    expect(explainSplitUsableIps('10.0.0.0/24', 26).steps.at(-1)?.text).toBe('4 × 59 = 236 usable addresses in total');
  });
  it('/28 is the smallest AWS subnet; /29 is refused', () => {
    expect(splitUsableIps('10.0.0.0/24', 28)).toBe(16 * 11);
    expect(() => splitUsableIps('10.0.0.0/24', 29)).toThrow(CalcError);
  });
  it('sums a list of subnets', () => {
    expect(sumUsableIps(['10.0.0.0/27', '10.0.0.32/28'])).toBe(27 + 11);
    expect(explainSumUsableIps(['10.0.0.0/27', '10.0.0.32/28']).steps.at(-1)?.text).toBe('27 + 11 = 38');
    expect(sumUsableIps([])).toBe(0);
  });
  it('a 1e9-sized list is refused, not iterated', () => {
    const huge = { length: 1e9 } as unknown as string[];
    expect(() => sumUsableIps(huge)).toThrow(CalcError);
    const big = new Array<string>(20_000).fill('10.0.0.0/24');
    expect(() => sumUsableIps(big)).toThrow(/at most 10,000/);
  });
});

describe('next free subnet', () => {
  it('is the first aligned block after the used ones', () => {
    expect(nextFreeSubnet('10.0.0.0/16', 24, ['10.0.0.0/24', '10.0.1.0/24'])).toBe('10.0.2.0/24');
  });
  it('fills a gap between used subnets', () => {
    expect(nextFreeSubnet('10.0.0.0/16', 24, ['10.0.0.0/24', '10.0.2.0/24'])).toBe('10.0.1.0/24');
  });
  it('skips to the next boundary of its own size', () => {
    expect(nextFreeSubnet('10.0.0.0/24', 26, ['10.0.0.0/28'])).toBe('10.0.0.64/26');
    expect(nextFreeSubnet('10.0.0.0/24', 28, ['10.0.0.16/28', '10.0.0.0/28', '10.0.0.64/26'])).toBe('10.0.0.32/28');
  });
  it('returns null when the parent is full', () => {
    expect(nextFreeSubnet('10.0.0.0/24', 25, ['10.0.0.0/25', '10.0.0.128/25'])).toBeNull();
    expect(nextFreeSubnet('10.0.0.0/24', 24, ['10.0.0.128/28'])).toBeNull();
    expect(explainNextFreeSubnet('10.0.0.0/24', 24, ['10.0.0.0/24']).steps.at(-1)?.text).toMatch(/No free/);
  });
  it('ignores used blocks outside the parent and of the other version', () => {
    expect(nextFreeSubnet('10.0.0.0/24', 26, ['10.1.0.0/16', '::/0'])).toBe('10.0.0.0/26');
  });
  it('works for IPv6 /64s in a /56', () => {
    expect(nextFreeSubnet('2001:db8::/56', 64, ['2001:db8::/64'])).toBe('2001:db8:0:1::/64');
  });
  it('a free subnet never overlaps a used one (law)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 24, max: 28 })), { maxLength: 12 }), fc.integer({ min: 24, max: 28 }), (used, p) => {
        const cidrs = used.map(([i, q]) => {
          const v = (BigInt(0x0a000000) + BigInt(i) * 16n) & ~((1n << BigInt(32 - q)) - 1n);
          return `${formatIpv4(v)}/${q}`;
        });
        const free = nextFreeSubnet('10.0.0.0/20', p, cidrs);
        if (free !== null) {
          expect(cidrContainsCidr('10.0.0.0/20', free)).toBe(true);
          for (const u of cidrs) expect(cidrsOverlap(free, u)).toBe(false);
        }
      }),
    );
  });
});

describe('subnet for an address', () => {
  const subnets = ['10.0.0.0/16', '10.0.1.0/24', '10.0.1.0/28', '2001:db8::/64'];
  it('picks the most specific subnet that contains it', () => {
    expect(subnetForAddress(subnets, '10.0.1.5')).toBe('10.0.1.0/28');
    expect(subnetForAddress(subnets, '10.0.1.200')).toBe('10.0.1.0/24');
    expect(subnetForAddress(subnets, '10.0.9.9')).toBe('10.0.0.0/16');
    expect(subnetForAddress(subnets, '2001:db8::9')).toBe('2001:db8::/64');
    expect(subnetForAddress(subnets, '192.168.0.1')).toBeNull();
    expect(explainSubnetForAddress(subnets, '10.0.1.5').steps[0]?.text).toMatch(/10\.0\.1\.0\/28/);
  });
  it('junk is a CalcError', () => {
    expect(() => subnetForAddress(subnets, 'x')).toThrow(CalcError);
    expect(() => subnetForAddress(null as never, '10.0.0.1')).toThrow(CalcError);
  });
});

describe('laws of splitting', () => {
  it('a /n split into /m has 2^(m−n) subnets whose totals add up to the parent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 16, max: 28 }), fc.integer({ min: 0, max: 8 }), (n, extra) => {
        const m = Math.min(32, n + extra);
        const parent = `10.0.0.0/${n}`;
        const s = splitCidr(parent, m, 65536);
        expect(s.count).toBe(1n << BigInt(m - n));
        expect(s.subnets.reduce((sum, c) => sum + totalIps(c), 0n)).toBe(totalIps(parent));
      }),
    );
  });
  it('usable IPs of the split add up to subnets × (size − 5)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 16, max: 28 }), fc.integer({ min: 0, max: 12 }), (n, extra) => {
        const m = Math.min(28, n + extra);
        const parent = `10.0.0.0/${n}`;
        const s = splitCidr(parent, m, 65536);
        const size = 2 ** (32 - m);
        expect(splitUsableIps(parent, m)).toBe(Number(s.count) * (size - 5));
        expect(sumUsableIps(s.subnets.slice(0, 10_000))).toBe(Math.min(s.subnets.length, 10_000) * usableIps(`10.0.0.0/${m}`));
      }),
    );
  });
});
