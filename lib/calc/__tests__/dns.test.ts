import fc from 'fast-check';
import { CalcError } from '../errors';
import { describeInput } from '../ip';
import { AMAZON_DNS_PPS_PER_ENI, amazonDnsAddresses, explainAmazonDnsAddresses, validateDhcpOptions } from '../dns';

describe('the Amazon resolver is at the primary VPC block base + 2 (facts rows 11, 36, 37)', () => {
  it('10.0.0.0/16 → 10.0.0.2, plus 169.254.169.253 and fd00:ec2::253', () => {
    expect(amazonDnsAddresses('10.0.0.0/16')).toEqual({ vpcResolver: '10.0.0.2', linkLocal: '169.254.169.253', ipv6: 'fd00:ec2::253' });
  });
  it('uses the primary block, not the subnet', () => {
    expect(amazonDnsAddresses('172.31.0.0/16').vpcResolver).toBe('172.31.0.2');
    expect(explainAmazonDnsAddresses('172.31.0.0/16').steps[1]?.text).toMatch(/each subnet's own \+2 address is only reserved/);
  });
  it('the resolver accepts 1,024 packets per second per ENI', () => expect(AMAZON_DNS_PPS_PER_ENI).toBe(1024));
  it('refuses IPv6, bad sizes and junk', () => {
    expect(() => amazonDnsAddresses('2001:db8::/56')).toThrow(CalcError);
    expect(() => amazonDnsAddresses('10.0.0.0/29')).toThrow(CalcError);
    expect(() => amazonDnsAddresses('10.0.0.2/16')).toThrow(/10\.0\.0\.0\/16/);
  });
});

describe('DHCP option sets (facts rows 34, 35)', () => {
  it('an empty set and AmazonProvidedDNS alone are fine', () => {
    expect(validateDhcpOptions({})).toEqual([]);
    expect(validateDhcpOptions({ domainNameServers: ['AmazonProvidedDNS'], domainName: 'ec2.internal' })).toEqual([]);
  });
  it('4 IPv4 DNS servers are allowed; 5 are not', () => {
    const four = ['10.0.0.10', '10.0.0.11', '10.0.0.12', '10.0.0.13'];
    expect(validateDhcpOptions({ domainNameServers: four })).toEqual([]);
    const p = validateDhcpOptions({ domainNameServers: [...four, '10.0.0.14'] });
    expect(p).toHaveLength(1);
    expect(p[0]?.message).toMatch(/at most 4 IPv4 DNS servers/);
  });
  it('AmazonProvidedDNS takes one of the 4 IPv4 slots (3 plus AmazonProvidedDNS)', () => {
    const p = validateDhcpOptions({ domainNameServers: ['AmazonProvidedDNS', '10.0.0.10', '10.0.0.11', '10.0.0.12', '10.0.0.13'] });
    expect(p.filter((x) => x.severity === 'error')).toHaveLength(1);
  });
  it('4 IPv4 and 4 IPv6 DNS servers together (8) are allowed; a 5th IPv6 is not', () => {
    const v4 = ['10.0.0.10', '10.0.0.11', '10.0.0.12', '10.0.0.13'];
    const v6 = ['fd00::1', 'fd00::2', 'fd00::3', 'fd00::4'];
    expect(validateDhcpOptions({ domainNameServers: [...v4, ...v6] })).toEqual([]);
    expect(validateDhcpOptions({ domainNameServers: [...v4, ...v6, 'fd00::5'] })[0]?.message).toMatch(/at most 4 IPv6 DNS servers/);
  });
  it('mixing AmazonProvidedDNS with custom servers is a warning, not an error', () => {
    const p = validateDhcpOptions({ domainNameServers: ['AmazonProvidedDNS', '10.0.0.10'] });
    expect(p).toHaveLength(1);
    expect(p[0]?.severity).toBe('warning');
  });
  it('NTP: 4 IPv4 + 4 IPv6 allowed; a 5th of either is not', () => {
    const v4 = ['169.254.169.123', '10.0.0.1', '10.0.0.2', '10.0.0.3'];
    const v6 = ['fd00:ec2::123', 'fd00::2', 'fd00::3', 'fd00::4'];
    expect(validateDhcpOptions({ ntpServers: [...v4, ...v6] })).toEqual([]);
    expect(validateDhcpOptions({ ntpServers: [...v4, '10.0.0.4'] })[0]?.message).toMatch(/at most 4 IPv4 NTP/);
    expect(validateDhcpOptions({ ntpServers: [...v6, 'fd00::5'] })[0]?.message).toMatch(/at most 4 IPv6 NTP/);
  });
  it('entries that are not addresses are problems', () => {
    expect(validateDhcpOptions({ domainNameServers: ['dns.example.com'] })[0]?.message).toMatch(/not an IP address or AmazonProvidedDNS/);
    expect(validateDhcpOptions({ ntpServers: ['AmazonProvidedDNS'] })[0]?.field).toBe('ntpServers');
  });
  it('domain names must be valid DNS names', () => {
    expect(validateDhcpOptions({ domainName: 'corp.example.com' })).toEqual([]);
    expect(validateDhcpOptions({ domainName: 'bad_name.com' })).toHaveLength(1);
    expect(validateDhcpOptions({ domainName: '-x.com' })).toHaveLength(1);
    expect(validateDhcpOptions({ domainName: ' ' })).toHaveLength(1);
  });
  it('domain names: labels of 1–63 characters, one trailing dot, several names separated by whitespace', () => {
    expect(validateDhcpOptions({ domainName: 'example.com.' })).toEqual([]);
    expect(validateDhcpOptions({ domainName: `${'a'.repeat(63)}.com` })).toEqual([]);
    expect(validateDhcpOptions({ domainName: `${'a'.repeat(64)}.com` })).toHaveLength(1);
    expect(validateDhcpOptions({ domainName: 'a..com' })).toHaveLength(1);
    expect(validateDhcpOptions({ domainName: 'x-.com' })).toHaveLength(1);
    expect(validateDhcpOptions({ domainName: '' })).toHaveLength(1);
    expect(validateDhcpOptions({ domainName: ' corp.example.com\tad.example.com ' })).toEqual([]);
    expect(validateDhcpOptions({ domainName: 'corp.example.com bad_name' })).toHaveLength(1);
    expect(validateDhcpOptions({ domainName: `${'ab.'.repeat(84)}ab` })).toHaveLength(1); // 254 characters
  });
  it('junk is a CalcError', () => {
    expect(() => validateDhcpOptions(null as never)).toThrow(CalcError);
    expect(() => validateDhcpOptions({ domainNameServers: 'x' as never })).toThrow(CalcError);
    expect(() => validateDhcpOptions({ domainNameServers: [5 as never] })).toThrow(CalcError);
    expect(() => validateDhcpOptions({ domainName: 5 as never })).toThrow(CalcError);
  });
});

describe('domain-name check (a character scan) agrees with the label regular expression it replaced', () => {
  const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
  /** The names the old check refused, in order, as the problems name them. */
  const refusedByRegex = (text: string): string[] | 'empty' => {
    const names = text.trim().split(/\s+/).filter((x) => x !== '');
    if (names.length === 0) return 'empty';
    return names
      .filter((name) => {
        const bare = name.endsWith('.') ? name.slice(0, -1) : name;
        return bare.length > 253 || bare === '' || bare.split('.').some((label) => !LABEL.test(label));
      })
      .map(describeInput);
  };
  const refused = (text: string): string[] | 'empty' => {
    const problems = validateDhcpOptions({ domainName: text }).filter((p) => p.field === 'domainName');
    if (problems.some((p) => p.message.startsWith('The domain name is empty'))) return 'empty';
    return problems.map((p) => p.message.slice(0, p.message.indexOf(' is not a valid domain name')));
  };
  it('refuses exactly the same names, for text made of name characters, spaces and a few others', () => {
    const char = fc.constantFrom('a', 'z', 'A', '0', '9', '-', '.', ' ', '\t', '_', 'é', '\n');
    const label = fc.stringMatching(/^[a-z0-9-]{0,64}$/);
    const text = fc.oneof(
      fc.array(char, { maxLength: 30 }).map((cs) => cs.join('')),
      fc.array(label, { minLength: 1, maxLength: 6 }).map((ls) => ls.join('.')),
      fc.tuple(fc.array(label, { minLength: 1, maxLength: 5 }), fc.boolean(), fc.constantFrom('', ' ', '  ', '\t')).map(([ls, dot, pad]) => `${pad}${ls.join('.')}${dot ? '.' : ''}${pad}`),
      fc.array(fc.constantFrom('a'.repeat(63), 'b'.repeat(64), 'c'), { minLength: 1, maxLength: 5 }).map((ls) => ls.join('.')),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(refused(t)).toEqual(refusedByRegex(t));
      }),
      { numRuns: 3000 },
    );
  });
});
