import fc from 'fast-check';
import { CalcError } from '../errors';
import {
  addToAddress,
  formatAddress,
  formatIpv4,
  formatIpv6,
  isIpAddress,
  normalizeAddress,
  parseAddress,
  parseIpv4,
  parseIpv6,
} from '../ip';

describe('IPv4 addresses are four decimal parts from 0 to 255', () => {
  it('parses a dotted quad to its 32-bit value', () => {
    expect(parseAddress('10.0.0.1')).toEqual({ version: 4, value: 0x0a000001n });
    expect(parseAddress('0.0.0.0').value).toBe(0n);
    expect(parseAddress('255.255.255.255').value).toBe(0xffffffffn);
  });

  it('names the part that is larger than 255', () => {
    expect(() => parseAddress('10.0.0.256')).toThrow("'10.0.0.256' is not an IPv4 address: 256 is larger than 255.");
  });

  it.each([
    ['10.0.0', 'four'],
    ['10.0.0.0.0', 'more than four parts'],
    ['10..0.1', 'empty part'],
    ['10.0.0.', 'last part is missing'],
    ['10.0.0.a', "contains 'a'"],
    ['010.0.0.1', 'leading zero'],
    [' 10.0.0.1', "contains ' '"],
    ['10.0.0.99999999999', 'larger than 255'],
  ])('refuses %s with a reason (%s)', (text, reason) => {
    expect(() => parseAddress(text)).toThrow(CalcError);
    expect(() => parseAddress(text)).toThrow(reason);
  });
});

describe('IPv6 addresses follow RFC 4291 and print in RFC 5952 canonical form', () => {
  it.each([
    ['2001:db8::1', '2001:db8::1'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0001:0000:0000:0001', '2001:db8::1:0:0:1'], // first of two equal runs is compressed
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'], // the longest run is compressed
    ['1:0:2:3:4:5:6:7', '1:0:2:3:4:5:6:7'], // a single zero group is not compressed
    ['::', '::'],
    ['::1', '::1'],
    ['fe80::', 'fe80::'],
    ['::ffff:10.0.0.1', '::ffff:10.0.0.1'], // IPv4-mapped keeps the dotted quad
    ['::ffff:a00:1', '::ffff:10.0.0.1'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
    ['fd00:ec2::253', 'fd00:ec2::253'],
  ])('%s → %s', (input, canonical) => {
    expect(normalizeAddress(input)).toBe(canonical);
  });

  it.each([
    [':1::2', 'single colon'],
    ['1::2::3', "'::' more than once"],
    ['1:2:3:4:5:6:7', 'eight'],
    ['1:2:3:4:5:6:7:8:9', 'more than eight groups'],
    ['1:2:3:4::5:6:7:8', "at least one zero group"],
    ['12345::', 'more than four hex digits'],
    ['fe80::1%eth0', 'zone ids'],
    ['g::1', "contains 'g'"],
    ['1:2:3:4:5:6:7:', 'single colon'],
    ['::ffff:10.0.0.300', 'larger than 255'],
  ])('refuses %s (%s)', (text, reason) => {
    expect(() => parseAddress(text)).toThrow(CalcError);
    expect(() => parseAddress(text)).toThrow(reason);
  });

  it('parseIpv4 and parseIpv6 insist on their version', () => {
    expect(parseIpv4('10.0.0.1')).toBe(0x0a000001n);
    expect(parseIpv6('::1')).toBe(1n);
    expect(() => parseIpv4('::1')).toThrow('IPv6 address');
    expect(() => parseIpv6('10.0.0.1')).toThrow('IPv4 address');
  });
});

describe('bad input is a CalcError a student can read, never a TypeError', () => {
  it.each([undefined, null, 42, NaN, -1, {}, [], true, ''])('parseAddress(%p)', (junk) => {
    expect(() => parseAddress(junk as unknown as string)).toThrow(CalcError);
  });
  it('formatters refuse out-of-range values', () => {
    expect(() => formatIpv4(-1n)).toThrow(CalcError);
    expect(() => formatIpv4(1n << 32n)).toThrow(CalcError);
    expect(() => formatIpv6(1n << 128n)).toThrow(CalcError);
    expect(() => formatIpv4(5 as unknown as bigint)).toThrow(CalcError);
  });
  it('isIpAddress never throws', () => {
    expect(isIpAddress('10.0.0.1')).toBe(true);
    expect(isIpAddress('2001:db8::')).toBe(true);
    expect(isIpAddress('nonsense')).toBe(false);
    expect(isIpAddress(undefined)).toBe(false);
  });
});

describe('address arithmetic', () => {
  it('adds an offset (base + 2 is the Amazon DNS address of 10.0.0.0/16)', () => {
    expect(addToAddress('10.0.0.0', 2)).toBe('10.0.0.2');
    expect(addToAddress('2001:db8::', 255)).toBe('2001:db8::ff');
  });
  it('refuses to leave the address space', () => {
    expect(() => addToAddress('255.255.255.255', 1)).toThrow(CalcError);
    expect(() => addToAddress('0.0.0.0', -1)).toThrow(CalcError);
    expect(() => addToAddress('0.0.0.0', NaN)).toThrow(CalcError);
  });
});

describe('laws', () => {
  it('IPv4: format then parse returns the same value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 0xffffffffn }), (v) => {
        expect(parseAddress(formatIpv4(v))).toEqual({ version: 4, value: v });
      }),
    );
  });
  it('IPv6: format then parse returns the same value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (v) => {
        expect(parseAddress(formatIpv6(v))).toEqual({ version: 6, value: v });
      }),
    );
  });
  it('IPv6: addresses with many zero groups round-trip too', () => {
    const group = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff }));
    fc.assert(
      fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), (groups) => {
        const full = groups.map((g) => g.toString(16)).join(':');
        const canonical = normalizeAddress(full);
        expect(normalizeAddress(canonical)).toBe(canonical);
        expect(parseAddress(canonical).value).toBe(parseAddress(full).value);
        expect(canonical).not.toMatch(/:::|[A-F]/);
      }),
    );
  });
  it('fast-check ipV6 strings parse and normalise idempotently', () => {
    fc.assert(
      fc.property(fc.ipV6(), (text) => {
        const once = formatAddress(parseAddress(text));
        expect(normalizeAddress(once)).toBe(once);
      }),
    );
  });
  it('fast-check ipV4 strings parse', () => {
    fc.assert(fc.property(fc.ipV4(), (text) => expect(normalizeAddress(text)).toBe(text)));
  });
  it('random junk never escapes as anything but a CalcError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 45 }), (text) => {
        try {
          parseAddress(text);
        } catch (e) {
          expect(e).toBeInstanceOf(CalcError);
        }
      }),
    );
  });
});
