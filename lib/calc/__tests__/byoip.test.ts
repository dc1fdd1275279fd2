import { CalcError } from '../errors';
import {
  BYOIP_RANGES_PER_REGION,
  BYOIP_ROA_ASNS,
  BYOIP_ROA_ASN_GOVCLOUD,
  byoipNeedsRoa,
  byoipRangesLeft,
  checkByoipRange,
  explainByoipRangesLeft,
  explainCheckByoipRange,
} from '../byoip';

describe('BYOIP prefix sizes (facts row 25)', () => {
  it('accepts an IPv4 /24 and anything less specific, refuses a /25', () => {
    expect(checkByoipRange({ cidr: '203.0.113.0/24', advertised: true }).ok).toBe(true);
    expect(checkByoipRange({ cidr: '198.51.0.0/16', advertised: true }).ok).toBe(true);
    const v = checkByoipRange({ cidr: '203.0.113.128/25', advertised: true });
    expect(v.ok).toBe(false);
    expect(v.reasons[0]).toMatch(/most specific IPv4 prefix .* \/24/);
  });
  it('accepts an advertised IPv6 /48 but not a /52', () => {
    expect(checkByoipRange({ cidr: '2001:db8:1200::/48', advertised: true }).ok).toBe(true);
    expect(checkByoipRange({ cidr: '2001:db8:1200::/52', advertised: true }).ok).toBe(false);
  });
  it('accepts a non-advertised IPv6 /56 but not a /60', () => {
    expect(checkByoipRange({ cidr: '2001:db8:1200::/56', advertised: false }).ok).toBe(true);
    expect(checkByoipRange({ cidr: '2001:db8:1200::/60', advertised: false }).ok).toBe(false);
  });
  it('refuses private RFC 1918 ranges (facts rows 22, 24)', () => {
    expect(checkByoipRange({ cidr: '10.20.0.0/16', advertised: true }).reasons[0]).toMatch(/private range 10\.0\.0\.0\/8/);
  });
});

describe('BYOIP ranges per Region (facts row 27)', () => {
  const four = ['203.0.113.0/24', '198.51.100.0/24', '192.0.2.0/24', '2001:db8:1::/48'];
  it('allows 5 ranges, IPv4 and IPv6 together', () => {
    expect(BYOIP_RANGES_PER_REGION).toBe(5);
    expect(checkByoipRange({ cidr: '2001:db8:2::/48', advertised: true, existingRanges: four }).ok).toBe(true);
    const v = checkByoipRange({ cidr: '2001:db8:2::/48', advertised: true, existingRanges: [...four, '2001:db8:3::/48'] });
    expect(v.reasons[0]).toMatch(/already has 5 BYOIP ranges and the limit is 5/);
  });
  it('a raised limit lets more in', () => {
    expect(checkByoipRange({ cidr: '2001:db8:2::/48', advertised: true, existingRanges: [...four, '2001:db8:3::/48'], quota: 6 }).ok).toBe(true);
  });
  it('refuses a range overlapping one already provisioned', () => {
    expect(checkByoipRange({ cidr: '203.0.112.0/23', advertised: true, existingRanges: four }).reasons[0]).toMatch(/overlaps 203\.0\.113\.0\/24/);
  });
  it('counts the ranges left, never below zero', () => {
    expect(byoipRangesLeft(four)).toBe(1);
    expect(byoipRangesLeft([...four, '2001:db8:3::/48', '2001:db8:4::/48'])).toBe(0);
    expect(byoipRangesLeft(four, 10)).toBe(6);
    expect(explainByoipRangesLeft(four).steps[1]?.text).toMatch(/3 IPv4 \+ 1 IPv6 = 4/);
  });
});

describe('ROA (facts row 30)', () => {
  it('names Amazon ASNs 16509 and 14618, 8987 in GovCloud', () => {
    expect([...BYOIP_ROA_ASNS]).toEqual([16509, 14618]);
    expect(BYOIP_ROA_ASN_GOVCLOUD).toBe(8987);
  });
  it('is needed for IPv4 and advertised IPv6, not for non-advertised IPv6', () => {
    expect(byoipNeedsRoa('203.0.113.0/24', true)).toBe(true);
    expect(byoipNeedsRoa('2001:db8:1::/48', true)).toBe(true);
    expect(byoipNeedsRoa('2001:db8:1::/56', false)).toBe(false);
  });
});

describe('explained form and junk input', () => {
  it('one step per rule, passed or not', () => {
    const e = explainCheckByoipRange({ cidr: '203.0.113.128/25', advertised: true });
    expect(e.result.ok).toBe(false);
    expect(e.steps.map((s) => s.values?.passed)).toEqual([false, true, true, true]);
  });
  it('junk is a CalcError', () => {
    expect(() => checkByoipRange(null as never)).toThrow(CalcError);
    expect(() => checkByoipRange({ cidr: '203.0.113.5/24', advertised: true })).toThrow(CalcError);
    expect(() => checkByoipRange({ cidr: '203.0.113.0/24', advertised: 'yes' as never })).toThrow(CalcError);
    expect(() => byoipRangesLeft(['nope'])).toThrow(CalcError);
  });
});
