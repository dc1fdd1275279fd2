import { CalcError } from '../errors';
import {
  AMAZON_IPV6_VPC_PREFIX,
  AWS_IPV6_SUBNET_PREFIXES,
  checkIpv6SubnetBlock,
  checkIpv6VpcBlock,
  eui64LinkLocal,
  explainEui64LinkLocal,
  explainIpv6SubnetCount,
  explainIpv6UsableIps,
  ipv6SubnetCount,
  ipv6UsableIps,
} from '../ipv6';
import { reservedIps } from '../cidr';

describe('Amazon-provided IPv6 VPC blocks are /56 (facts row 16)', () => {
  it('a /56 holds 256 /64 subnets', () => {
    expect(AMAZON_IPV6_VPC_PREFIX).toBe(56);
    expect(ipv6SubnetCount('2600:1f18:abcd:ef00::/56')).toBe(256n);
    expect(explainIpv6SubnetCount('2600:1f18:abcd:ef00::/56').steps[1]?.text).toBe('2^8 = 256 subnets of /64');
  });
  it('a /56 holds 16 /60 subnets', () => expect(ipv6SubnetCount('2001:db8::/56', 60)).toBe(16n));
  it('an Amazon-provided block other than /56 is refused', () => {
    expect(checkIpv6VpcBlock('2001:db8::/56', 'amazon').ok).toBe(true);
    expect(checkIpv6VpcBlock('2001:db8::/48', 'amazon').reasons[0]).toMatch(/always a \/56/);
  });
});

describe('IPAM IPv6 VPC blocks are /44 to /60 in steps of 4 (facts row 16)', () => {
  it.each([44, 48, 52, 56, 60])('/%i is accepted', (p) => expect(checkIpv6VpcBlock(`2001:db8::/${p}`, 'ipam').ok).toBe(true));
  it.each([40, 46, 64])('/%i is refused', (p) => expect(checkIpv6VpcBlock(`2001:db8::/${p}`, 'ipam').ok).toBe(false));
  it('the source must be amazon or ipam', () => expect(() => checkIpv6VpcBlock('2001:db8::/56', 'byo' as never)).toThrow(CalcError));
  it('an IPv4 block is a CalcError', () => expect(() => checkIpv6VpcBlock('10.0.0.0/16', 'ipam')).toThrow(CalcError));
});

describe('IPv6 subnets are /44 to /64 in steps of 4 and inside the VPC block (facts row 17)', () => {
  it('lists the sizes', () => expect(AWS_IPV6_SUBNET_PREFIXES).toEqual([44, 48, 52, 56, 60, 64]));
  it('/64 inside the /56 is fine', () => expect(checkIpv6SubnetBlock('2001:db8::/56', '2001:db8:0:ff::/64')).toEqual({ ok: true, reasons: [] }));
  it('/60 is fine; /62 and /68 are not', () => {
    expect(checkIpv6SubnetBlock('2001:db8::/56', '2001:db8::/60').ok).toBe(true);
    expect(checkIpv6SubnetBlock('2001:db8::/56', '2001:db8::/62').ok).toBe(false);
    expect(checkIpv6SubnetBlock('2001:db8::/56', '2001:db8::/68').ok).toBe(false);
  });
  it('a subnet outside the VPC block is refused', () => {
    expect(checkIpv6SubnetBlock('2001:db8::/56', '2001:db8:0:100::/64').reasons[0]).toMatch(/not inside/);
  });
  it('a /64 subnet count for sizes that are not AWS subnet sizes is a CalcError', () => {
    expect(() => ipv6SubnetCount('2001:db8::/56', 65)).toThrow(CalcError);
    expect(() => ipv6SubnetCount('2001:db8::/64', 60)).toThrow(/does not fit/);
  });
});

describe('IPv6 subnets reserve 5 addresses too (facts row 10)', () => {
  it('a /64 has 2^64 − 5 usable addresses', () => {
    expect(ipv6UsableIps('2001:db8::/64')).toBe((1n << 64n) - 5n);
    expect(explainIpv6UsableIps('2001:db8::/64').steps).toHaveLength(4);
  });
  it('the first four and the last are reserved', () => {
    expect(reservedIps('2001:db8::/64').map((r) => r.address)).toEqual([
      '2001:db8::',
      '2001:db8::1',
      '2001:db8::2',
      '2001:db8::3',
      '2001:db8::ffff:ffff:ffff:ffff',
    ]);
  });
});

describe('link-local addresses by modified EUI-64 (facts rows 19, 21)', () => {
  it('inserts ff:fe and flips the U/L bit', () => {
    expect(eui64LinkLocal('02:42:ac:11:00:02')).toBe('fe80::42:acff:fe11:2');
    expect(eui64LinkLocal('00-1A-2B-3C-4D-5E')).toBe('fe80::21a:2bff:fe3c:4d5e');
    expect(explainEui64LinkLocal('00:1a:2b:3c:4d:5e').result).toBe('fe80::21a:2bff:fe3c:4d5e');
  });
  it('a malformed MAC is a CalcError', () => {
    expect(() => eui64LinkLocal('00:1a:2b:3c:4d')).toThrow(CalcError);
    expect(() => eui64LinkLocal(undefined as never)).toThrow(CalcError);
  });
});
