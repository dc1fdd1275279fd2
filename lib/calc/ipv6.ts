/**
 * IPv6 in a VPC: block sizes (Amazon-provided /56; IPAM /44–/60 for a VPC and /44–/64 for a
 * subnet, in steps of 4), how many subnets fit, usable and reserved addresses, and link-local
 * addresses (modified EUI-64).
 */
import { CalcError } from './errors';
import type { Explained, Step } from './steps';
import { describeInput, formatIpv6, requireText } from './ip';
import {
  type CidrRange,
  AWS_IPV6_PREFIX_STEP,
  AWS_IPV6_SUBNET_MAX_PREFIX,
  AWS_IPV6_SUBNET_MIN_PREFIX,
  AWS_RESERVED_PER_SUBNET,
  formatRange,
  ipv6SubnetSizeProblem,
  parseCidrRange,
  rangeContainsRange,
  requirePrefix,
} from './cidr';

/** An Amazon-provided IPv6 VPC block is always a /56 (you cannot choose its range). Facts row 16. */
export const AMAZON_IPV6_VPC_PREFIX = 56;
/** The usual IPv6 subnet size, /64. Facts row 17. */
export const IPV6_DEFAULT_SUBNET_PREFIX = 64;
/** IPAM (including BYOIPv6) VPC blocks: /44 to /60 in steps of 4. Facts row 16. */
export const IPAM_IPV6_VPC_MIN_PREFIX = 44;
export const IPAM_IPV6_VPC_MAX_PREFIX = 60;
/** IPv6 link-local range. Facts row 21. */
export const IPV6_LINK_LOCAL_RANGE = 'fe80::/10';
/** Extra link-local address the VPC router answers on. Facts row 21. */
export const VPC_ROUTER_IPV6_LINK_LOCAL = 'fe80:ec2::1';

/** How an IPv6 VPC block was obtained: Amazon's pool (/56 only) or an IPAM pool (/44–/60). */
export type Ipv6BlockSource = 'amazon' | 'ipam';

function v6(cidr: string, what: string): CidrRange {
  const r = parseCidrRange(cidr);
  if (r.version !== 6) throw new CalcError(`${describeInput(cidr)} is an IPv4 block, but ${what} must be IPv6.`);
  return r;
}

function vpcBlockProblem(r: CidrRange, source: Ipv6BlockSource): string | null {
  return vpcPrefixProblem(r.prefix, source);
}

function vpcPrefixProblem(prefix: number, source: Ipv6BlockSource): string | null {
  if (source === 'amazon') {
    return prefix === AMAZON_IPV6_VPC_PREFIX
      ? null
      : `An Amazon-provided IPv6 VPC block is always a /${AMAZON_IPV6_VPC_PREFIX}; /${prefix} is only possible with a block from an IPAM pool (/44 to /60).`;
  }
  if (prefix < IPAM_IPV6_VPC_MIN_PREFIX || prefix > IPAM_IPV6_VPC_MAX_PREFIX || prefix % AWS_IPV6_PREFIX_STEP !== 0) {
    return `An IPv6 VPC block from IPAM must be /44, /48, /52, /56 or /60 (from /44 to /60 in steps of 4); /${prefix} is not one of them.`;
  }
  return null;
}

/**
 * Whether an IPv6 VPC block of this prefix length is possible from the source: Amazon-provided
 * /56 only, IPAM /44–/60 in steps of 4 (facts row 16). `checkIpv6VpcBlock` without a block.
 */
export function ipv6VpcPrefixOk(prefix: number, source: Ipv6BlockSource): boolean {
  if (source !== 'amazon' && source !== 'ipam') throw new CalcError(`The block source must be 'amazon' or 'ipam', but got ${describeInput(source)}.`);
  requirePrefix(prefix, 128);
  return vpcPrefixProblem(prefix, source) === null;
}

/**
 * Whether AWS accepts an IPv6 subnet block of this prefix length in the VPC block: /44–/64 in
 * steps of 4 (facts row 17), and no larger than the VPC block, so that it fits inside it (its
 * first such block starts at the VPC's own base). `checkIpv6SubnetBlock` without the block.
 */
export function ipv6SubnetPrefixOk(vpcCidr: string, prefix: number): boolean {
  const vpc = v6(vpcCidr, 'the VPC block');
  requirePrefix(prefix, 128);
  return ipv6SubnetSizeProblem(prefix) === null && prefix >= vpc.prefix;
}

/** Verdict on an IPv6 VPC block: Amazon-provided must be /56; IPAM /44–/60 in steps of 4. Facts row 16. */
export function checkIpv6VpcBlock(cidr: string, source: Ipv6BlockSource): { ok: boolean; reasons: string[] } {
  if (source !== 'amazon' && source !== 'ipam') throw new CalcError(`The block source must be 'amazon' or 'ipam', but got ${describeInput(source)}.`);
  const problem = vpcBlockProblem(v6(cidr, 'an IPv6 VPC block'), source);
  return problem === null ? { ok: true, reasons: [] } : { ok: false, reasons: [problem] };
}

/**
 * Verdict on an IPv6 subnet block: /44–/64 in steps of 4 (facts row 17) and inside the VPC's
 * IPv6 block.
 */
export function checkIpv6SubnetBlock(vpcCidr: string, subnetCidr: string): { ok: boolean; reasons: string[] } {
  const vpc = v6(vpcCidr, 'the VPC block');
  const sub = v6(subnetCidr, 'an IPv6 subnet block');
  const reasons: string[] = [];
  const size = ipv6SubnetSizeProblem(sub.prefix);
  if (size !== null) reasons.push(size);
  if (!rangeContainsRange(vpc, sub)) reasons.push(`${formatRange(sub)} is not inside the VPC's IPv6 block ${formatRange(vpc)}.`);
  return { ok: reasons.length === 0, reasons };
}

function subnetCountCore(vpcCidr: string, subnetPrefix: number): { vpc: CidrRange; count: bigint } {
  const vpc = v6(vpcCidr, 'the VPC block');
  requirePrefix(subnetPrefix, 128);
  const problem = ipv6SubnetSizeProblem(subnetPrefix);
  if (problem !== null) throw new CalcError(problem);
  if (subnetPrefix < vpc.prefix) throw new CalcError(`A /${subnetPrefix} subnet does not fit inside the /${vpc.prefix} block ${formatRange(vpc)}.`);
  return { vpc, count: 1n << BigInt(subnetPrefix - vpc.prefix) };
}

/**
 * Number of IPv6 subnets of a size in a VPC block: 2^(subnetPrefix − vpcPrefix); an
 * Amazon-provided /56 holds 2^8 = 256 /64 subnets (facts rows 16, 17).
 */
export function ipv6SubnetCount(vpcCidr: string, subnetPrefix: number = IPV6_DEFAULT_SUBNET_PREFIX): bigint {
  return subnetCountCore(vpcCidr, subnetPrefix).count;
}

/** Explained form of ipv6SubnetCount. */
export function explainIpv6SubnetCount(vpcCidr: string, subnetPrefix: number = IPV6_DEFAULT_SUBNET_PREFIX): Explained<bigint> {
  const { vpc, count } = subnetCountCore(vpcCidr, subnetPrefix);
  const bits = subnetPrefix - vpc.prefix;
  return {
    result: count,
    steps: [
      { text: `From /${vpc.prefix} to /${subnetPrefix} leaves ${subnetPrefix} − ${vpc.prefix} = ${bits} bits for the subnet number`, values: { bits } },
      { text: `2^${bits} = ${count} subnets of /${subnetPrefix}`, math: `2^{${bits}} = ${count}`, values: { count: count.toString() } },
    ],
  };
}

function usableCore(cidr: string): { r: CidrRange; total: bigint; usable: bigint } {
  const r = v6(cidr, 'the subnet');
  const problem = ipv6SubnetSizeProblem(r.prefix);
  if (problem !== null) throw new CalcError(problem);
  const total = r.last - r.first + 1n;
  return { r, total, usable: total - BigInt(AWS_RESERVED_PER_SUBNET) };
}

/** Usable addresses in an AWS IPv6 subnet: 2^(128 − prefix) − 5 (first four and last reserved, facts row 10). */
export function ipv6UsableIps(cidr: string): bigint {
  return usableCore(cidr).usable;
}

/** Explained form of ipv6UsableIps. */
export function explainIpv6UsableIps(cidr: string): Explained<bigint> {
  const { r, total, usable } = usableCore(cidr);
  const hostBits = 128 - r.prefix;
  return {
    result: usable,
    steps: [
      { text: `A /${r.prefix} leaves 128 − ${r.prefix} = ${hostBits} host bits`, values: { hostBits } },
      { text: `2^${hostBits} = ${total} addresses`, values: { total: total.toString() } },
      { text: `AWS reserves ${AWS_RESERVED_PER_SUBNET} addresses in every IPv6 subnet too: the first four and the last` },
      { text: `${total} − ${AWS_RESERVED_PER_SUBNET} = ${usable} usable addresses`, values: { usable: usable.toString() } },
    ],
  };
}

/** The IPv6 subnet sizes AWS accepts: /44, /48, /52, /56, /60, /64 (facts row 17). */
export const AWS_IPV6_SUBNET_PREFIXES: readonly number[] = Object.freeze(
  Array.from({ length: (AWS_IPV6_SUBNET_MAX_PREFIX - AWS_IPV6_SUBNET_MIN_PREFIX) / AWS_IPV6_PREFIX_STEP + 1 }, (_, i) => AWS_IPV6_SUBNET_MIN_PREFIX + i * AWS_IPV6_PREFIX_STEP),
);

// ---------------------------------------------------------------------------------------------

function parseMac(mac: string): bigint {
  const s = requireText(mac, 'a MAC address such as 02:42:ac:11:00:02');
  // six pairs of hex digits, each pair but the last followed by ':' or '-'
  let hi = 0;
  let lo = 0;
  let ok = s.length === 17;
  for (let i = 0; ok && i < 6; i++) {
    const a = hexValue(s.charCodeAt(3 * i));
    const b = hexValue(s.charCodeAt(3 * i + 1));
    const sep = i < 5 ? s.charCodeAt(3 * i + 2) : 58;
    if (a < 0 || b < 0 || (sep !== 58 && sep !== 45)) ok = false;
    else if (i < 3) hi = hi * 256 + a * 16 + b;
    else lo = lo * 256 + a * 16 + b;
  }
  if (!ok) throw new CalcError(`${describeInput(s)} is not a MAC address: it needs six pairs of hex digits separated by ':' or '-'.`);
  return BigInt(hi * 16777216 + lo);
}

/** Value of a hex digit's character code, or −1. */
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function eui64Core(mac: string): { mac48: bigint; iid: bigint; address: string } {
  const mac48 = parseMac(mac);
  const upper = mac48 >> 24n;
  const lower = mac48 & 0xffffffn;
  // modified EUI-64: insert ff:fe in the middle and flip the universal/local bit (bit 1 of byte 0)
  const iid = ((upper << 40n) | (0xfffen << 24n) | lower) ^ (0x02n << 56n);
  const address = formatIpv6((0xfe80n << 112n) | iid);
  return { mac48, iid, address };
}

/**
 * Link-local IPv6 address of an interface from its 48-bit MAC by modified EUI-64 (RFC 4291
 * appendix A): fe80::/64 + (MAC with ff:fe inserted in the middle and the U/L bit flipped).
 * Link-local is fe80::/10, hosts use a /64 from it (facts rows 19, 21).
 */
export function eui64LinkLocal(mac: string): string {
  return eui64Core(mac).address;
}

/** Explained form of eui64LinkLocal. */
export function explainEui64LinkLocal(mac: string): Explained<string> {
  const { iid, address } = eui64Core(mac);
  const hex = iid.toString(16).padStart(16, '0'); // 16 digits: the iid has 64 bits
  const grouped = `${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 12)}:${hex.slice(12)}`;
  const steps: Step[] = [
    { text: `Split the MAC ${mac} in half and insert ff:fe between the halves` },
    { text: `Flip the universal/local bit (0x02) of the first byte, giving the interface id ${grouped}` },
    { text: `Put it after the link-local prefix fe80::/64: ${address}`, values: { address } },
  ];
  return { result: address, steps };
}

/** Explained form of checkIpv6VpcBlock. */
export function explainCheckIpv6VpcBlock(cidr: string, source: Ipv6BlockSource): Explained<{ ok: boolean; reasons: string[] }> {
  const result = checkIpv6VpcBlock(cidr, source);
  const rule = source === 'amazon' ? 'An Amazon-provided IPv6 VPC block is always a /56' : 'An IPv6 VPC block from IPAM is /44 to /60 in steps of 4';
  return { result, steps: [{ text: rule }, { text: result.ok ? `${cidr} meets that rule` : (result.reasons[0] ?? '') }] };
}

/** Explained form of checkIpv6SubnetBlock. */
export function explainCheckIpv6SubnetBlock(vpcCidr: string, subnetCidr: string): Explained<{ ok: boolean; reasons: string[] }> {
  const result = checkIpv6SubnetBlock(vpcCidr, subnetCidr);
  const steps: Step[] = [{ text: 'An IPv6 subnet block is /44 to /64 in steps of 4 and lies inside the VPC block' }];
  if (result.ok) steps.push({ text: `${subnetCidr} meets both rules` });
  for (const r of result.reasons) steps.push({ text: r });
  return { result, steps };
}
