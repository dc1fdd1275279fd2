/**
 * Amazon DNS and DHCP option sets: where the Amazon resolver answers for a VPC, and whether a
 * DHCP option set stays within AWS's limits.
 */
import { CalcError } from './errors';
import type { Explained, Step } from './steps';
import { addressVersionRange, describeInput, formatIpv4, requireList } from './ip';
import { ipv4BlockSizeProblem, parseCidrRange } from './cidr';

/** Link-local address of the Amazon resolver, from any VPC. Facts row 37. */
export const AMAZON_DNS_LINK_LOCAL_IPV4 = '169.254.169.253';
/** IPv6 address of the Amazon resolver. Facts row 37. */
export const AMAZON_DNS_IPV6 = 'fd00:ec2::253';
/** Amazon Time Sync Service: 169.254.169.123, or fd00:ec2::123 on Nitro instances. Facts row 35. */
export const AMAZON_TIME_SYNC_IPV4 = '169.254.169.123';
export const AMAZON_TIME_SYNC_IPV6_NITRO = 'fd00:ec2::123';
/** Offset of the resolver from the primary VPC block's base (base + 2). Facts rows 11, 36. */
export const AMAZON_DNS_OFFSET = 2;
/** Packets per second each ENI may send to the Amazon resolver; cannot be raised. Facts row 37. */
export const AMAZON_DNS_PPS_PER_ENI = 1024;
/** The DHCP option value that means "use the Amazon resolver". */
export const AMAZON_PROVIDED_DNS = 'AmazonProvidedDNS';
/** DHCP option set limits: 4 IPv4 + 4 IPv6 DNS servers, 4 IPv4 + 4 IPv6 NTP servers. Facts rows 34, 35. */
export const DHCP_MAX_IPV4_DNS_SERVERS = 4;
export const DHCP_MAX_IPV6_DNS_SERVERS = 4;
export const DHCP_MAX_IPV4_NTP_SERVERS = 4;
export const DHCP_MAX_IPV6_NTP_SERVERS = 4;

export interface AmazonDnsAddresses {
  /** Base of the VPC's primary IPv4 block + 2, e.g. 10.0.0.2 for 10.0.0.0/16. */
  vpcResolver: string;
  /** 169.254.169.253, reachable from every VPC. */
  linkLocal: string;
  /** fd00:ec2::253. */
  ipv6: string;
}

function resolverCore(primaryCidr: string): { base: bigint; resolver: string } {
  const r = parseCidrRange(primaryCidr);
  if (r.version !== 4) throw new CalcError(`The Amazon resolver is found from the VPC's primary IPv4 block, but ${describeInput(primaryCidr)} is IPv6.`);
  const problem = ipv4BlockSizeProblem(r.prefix);
  if (problem !== null) throw new CalcError(problem);
  return { base: r.first, resolver: formatIpv4(r.first + BigInt(AMAZON_DNS_OFFSET)) };
}

/**
 * Addresses of the Amazon resolver for a VPC: base + 2 of the **primary** IPv4 block (not of the
 * instance's subnet — facts rows 11, 36), plus 169.254.169.253 and fd00:ec2::253 (row 37).
 */
export function amazonDnsAddresses(primaryCidr: string): AmazonDnsAddresses {
  return { vpcResolver: resolverCore(primaryCidr).resolver, linkLocal: AMAZON_DNS_LINK_LOCAL_IPV4, ipv6: AMAZON_DNS_IPV6 };
}

/** Explained form of amazonDnsAddresses. */
export function explainAmazonDnsAddresses(primaryCidr: string): Explained<AmazonDnsAddresses> {
  const { base, resolver } = resolverCore(primaryCidr);
  return {
    result: amazonDnsAddresses(primaryCidr),
    steps: [
      { text: `The primary VPC block ${primaryCidr} starts at ${formatIpv4(base)}`, values: { base: formatIpv4(base) } },
      { text: `The Amazon resolver is at the primary block's base + 2 = ${resolver} (each subnet's own +2 address is only reserved)`, values: { resolver } },
      { text: `It also answers at ${AMAZON_DNS_LINK_LOCAL_IPV4} and, over IPv6, at ${AMAZON_DNS_IPV6}` },
    ],
  };
}

// ---------------------------------------------------------------------------------------------

/** A DHCP option set as a student writes it. */
export interface DhcpOptions {
  /** One or more domain names separated by spaces (e.g. 'example.internal'). */
  domainName?: string;
  /** IPv4/IPv6 addresses or 'AmazonProvidedDNS'. */
  domainNameServers?: string[];
  /** IPv4/IPv6 addresses of NTP servers. */
  ntpServers?: string[];
}

export interface DhcpProblem {
  field: 'domainName' | 'domainNameServers' | 'ntpServers';
  /** 'error': AWS refuses the option set; 'warning': allowed but discouraged. */
  severity: 'error' | 'warning';
  message: string;
}

function stringList(value: unknown, what: string): readonly string[] {
  const list = requireList<unknown>(value ?? [], what, 1000);
  for (const item of list) {
    if (typeof item !== 'string') throw new CalcError(`Each entry of ${what} must be text, but one is ${describeInput(item)}.`);
  }
  return list as readonly string[];
}

/** Count addresses by version; entries that are not addresses (and not `allow`) become problems. */
function countServers(list: readonly string[], field: DhcpProblem['field'], what: string, problems: DhcpProblem[], allow?: string): { v4: number; v6: number; special: number } {
  let v4 = 0;
  let v6 = 0;
  let special = 0;
  for (const entry of list) {
    if (allow !== undefined && entry === allow) {
      special++;
      continue;
    }
    const version = addressVersionRange(entry, 0, entry.length);
    if (entry === '' || typeof version !== 'number') {
      problems.push({ field, severity: 'error', message: `${describeInput(entry)} is not an IP address${allow !== undefined ? ` or ${allow}` : ''}, so it cannot be ${what}.` });
    } else if (version === 4) v4++;
    else v6++;
  }
  return { v4, v6, special };
}

/** ASCII letter or digit. */
function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Whether `name[start, end)` is a DNS label: 1–63 letters, digits or hyphens, not starting or
 * ending with a hyphen (what /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/ accepts).
 */
function isLabel(name: string, start: number, end: number): boolean {
  const n = end - start;
  if (n < 1 || n > 63 || !isAlnum(name.charCodeAt(start)) || !isAlnum(name.charCodeAt(end - 1))) return false;
  for (let i = start + 1; i < end - 1; i++) {
    const c = name.charCodeAt(i);
    if (c !== 45 && !isAlnum(c)) return false;
  }
  return true;
}

/** Whether a domain name (its trailing dot removed) is at most 253 characters of valid dot-separated labels. */
function isDomainName(bare: string): boolean {
  if (bare.length === 0 || bare.length > 253) return false;
  let start = 0;
  for (let i = 0; i <= bare.length; i++) {
    if (i === bare.length || bare.charCodeAt(i) === 46) {
      if (!isLabel(bare, start, i)) return false;
      start = i + 1;
    }
  }
  return true;
}

/** Whether `text` holds only letters, digits, dots and hyphens (so no whitespace to split on). */
function isPlainDomainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 45 && c !== 46 && !isAlnum(c)) return false;
  }
  return true;
}

/**
 * Problems with a DHCP option set, from the facts sheet: at most 4 IPv4 DNS servers
 * (AmazonProvidedDNS takes one of the 4 slots) and 4 IPv6 (row 34); mixing AmazonProvidedDNS
 * with custom servers is discouraged (row 34, a warning); at most 4 IPv4 and 4 IPv6 NTP
 * servers (row 35). Domain names are checked against DNS syntax (RFC 1035: labels of 1–63
 * letters, digits or hyphens, at most 253 characters). An empty list means the set is fine.
 */
export function validateDhcpOptions(options: DhcpOptions): DhcpProblem[] {
  if (options === null || typeof options !== 'object') throw new CalcError(`Expected a DHCP option set, but got ${describeInput(options)}.`);
  const problems: DhcpProblem[] = [];

  const dns = stringList(options.domainNameServers, 'the DNS servers');
  const d = countServers(dns, 'domainNameServers', 'a DNS server', problems, AMAZON_PROVIDED_DNS);
  if (d.special > 1) problems.push({ field: 'domainNameServers', severity: 'error', message: `${AMAZON_PROVIDED_DNS} is listed ${d.special} times; list it once.` });
  const dnsV4 = d.v4 + Math.min(d.special, 1);
  if (dnsV4 > DHCP_MAX_IPV4_DNS_SERVERS) {
    problems.push({
      field: 'domainNameServers',
      severity: 'error',
      message: `A DHCP option set takes at most ${DHCP_MAX_IPV4_DNS_SERVERS} IPv4 DNS servers (${AMAZON_PROVIDED_DNS} counts as one of them), but this one has ${dnsV4}.`,
    });
  }
  if (d.v6 > DHCP_MAX_IPV6_DNS_SERVERS) {
    problems.push({ field: 'domainNameServers', severity: 'error', message: `A DHCP option set takes at most ${DHCP_MAX_IPV6_DNS_SERVERS} IPv6 DNS servers, but this one has ${d.v6}.` });
  }
  if (d.special > 0 && d.v4 + d.v6 > 0) {
    problems.push({
      field: 'domainNameServers',
      severity: 'warning',
      message: `Mixing ${AMAZON_PROVIDED_DNS} with your own DNS servers is discouraged: instances may get different answers depending on which server they ask.`,
    });
  }

  const ntp = stringList(options.ntpServers, 'the NTP servers');
  const n = countServers(ntp, 'ntpServers', 'an NTP server', problems);
  if (n.v4 > DHCP_MAX_IPV4_NTP_SERVERS) {
    problems.push({ field: 'ntpServers', severity: 'error', message: `A DHCP option set takes at most ${DHCP_MAX_IPV4_NTP_SERVERS} IPv4 NTP servers, but this one has ${n.v4}.` });
  }
  if (n.v6 > DHCP_MAX_IPV6_NTP_SERVERS) {
    problems.push({ field: 'ntpServers', severity: 'error', message: `A DHCP option set takes at most ${DHCP_MAX_IPV6_NTP_SERVERS} IPv6 NTP servers, but this one has ${n.v6}.` });
  }

  if (options.domainName !== undefined) {
    if (typeof options.domainName !== 'string') throw new CalcError(`The domain name must be text, but got ${describeInput(options.domainName)}.`);
    const text = options.domainName;
    // One name without whitespace (the usual case) needs no trimming or splitting.
    const names = isPlainDomainText(text) ? (text === '' ? [] : [text]) : text.trim().split(/\s+/).filter((x) => x !== '');
    if (names.length === 0) problems.push({ field: 'domainName', severity: 'error', message: 'The domain name is empty; leave the option out instead.' });
    for (const name of names) {
      const bare = name.endsWith('.') ? name.slice(0, -1) : name;
      if (!isDomainName(bare)) {
        problems.push({
          field: 'domainName',
          severity: 'error',
          message: `${describeInput(name)} is not a valid domain name: each dot-separated label must be 1–63 letters, digits or hyphens (not starting or ending with a hyphen), and the whole name at most 253 characters.`,
        });
      }
    }
  }
  return problems;
}

const DHCP_LIMITS_STEP = `Limits: ${DHCP_MAX_IPV4_DNS_SERVERS} IPv4 + ${DHCP_MAX_IPV6_DNS_SERVERS} IPv6 DNS servers (${AMAZON_PROVIDED_DNS} takes an IPv4 slot), ${DHCP_MAX_IPV4_NTP_SERVERS} IPv4 + ${DHCP_MAX_IPV6_NTP_SERVERS} IPv6 NTP servers`;

/** Explained form of validateDhcpOptions: the limits, then each problem. */
export function explainValidateDhcpOptions(options: DhcpOptions): Explained<DhcpProblem[]> {
  const result = validateDhcpOptions(options);
  const steps: Step[] = [{ text: DHCP_LIMITS_STEP }];
  for (const p of result) steps.push({ text: `${p.severity === 'error' ? 'Error' : 'Warning'}: ${p.message}`, values: { field: p.field, severity: p.severity } });
  if (result.length === 0) steps.push({ text: 'The option set is within every limit' });
  return { result, steps };
}
