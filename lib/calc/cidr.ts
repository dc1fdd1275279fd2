/**
 * CIDR blocks: parsing, size, AWS reserved addresses, overlap and containment.
 *
 * Host bits: AWS refuses a block whose address is not the network address (e.g. 10.0.0.5/24),
 * so `parseCidr` does too, with a CalcError that names the correct network (10.0.0.0/24).
 * `cidrOfAddress` is the lenient way to get the block around an address.
 */
import { CalcError } from './errors';
import type { Explained, Step } from './steps';
import {
  type IpVersion,
  addressBits,
  describeInput,
  formatAddressValue,
  formatIpv4Number,
  parseAddressRange,
  requireText,
} from './ip';

/** Smallest prefix (largest block) AWS accepts for a VPC or subnet IPv4 block: /16 = 65,536 addresses. Facts row 3. */
export const AWS_IPV4_MIN_PREFIX = 16;
/** Largest prefix (smallest block) AWS accepts for a VPC or subnet IPv4 block: /28 = 16 addresses. Facts row 3. */
export const AWS_IPV4_MAX_PREFIX = 28;
/** Addresses AWS reserves in every subnet, IPv4 and IPv6: the first four and the last. Facts row 10. */
export const AWS_RESERVED_PER_SUBNET = 5;
/** IPv6 subnet block sizes AWS accepts: /44 to /64 in steps of 4. Facts row 17. */
export const AWS_IPV6_SUBNET_MIN_PREFIX = 44;
export const AWS_IPV6_SUBNET_MAX_PREFIX = 64;
export const AWS_IPV6_PREFIX_STEP = 4;

/** A parsed CIDR block in text form, as the issue specifies. */
export interface ParsedCidr {
  version: IpVersion;
  /** The network address, canonical text (RFC 5952 for IPv6). */
  network: string;
  prefix: number;
}

/** Internal numeric form of a CIDR block: first and last address as bigints. */
export interface CidrRange {
  version: IpVersion;
  bits: 32 | 128;
  prefix: number;
  first: bigint;
  last: bigint;
}

const HOST_MASKS_4: bigint[] = [];
const HOST_MASKS_6: bigint[] = [];
for (let p = 0; p <= 32; p++) HOST_MASKS_4.push((1n << BigInt(32 - p)) - 1n);
for (let p = 0; p <= 128; p++) HOST_MASKS_6.push((1n << BigInt(128 - p)) - 1n);

/** Mask of the host bits of a /prefix block: 2^(bits − prefix) − 1. */
export function hostMask(version: IpVersion, prefix: number): bigint {
  const m = version === 4 ? HOST_MASKS_4[prefix] : HOST_MASKS_6[prefix];
  if (m === undefined) throw new CalcError(`/${prefix} is not a valid IPv${version} prefix length.`);
  return m;
}

/** Number of addresses in a /prefix block: 2^(bits − prefix). */
export function blockSize(version: IpVersion, prefix: number): bigint {
  return hostMask(version, prefix) + 1n;
}

/** Build a range from a network value and prefix (the value must already be aligned). */
export function makeRange(version: IpVersion, first: bigint, prefix: number): CidrRange {
  return { version, bits: addressBits(version), prefix, first, last: first | hostMask(version, prefix) };
}

/** Text of a range, e.g. '10.0.0.0/24'. */
export function formatRange(r: CidrRange): string {
  if (r.version === 4 && typeof r.first === 'bigint') {
    // The common case in numbers (formatIpv4 would make the same text; anything out of range
    // still goes through it, for its error).
    const n = Number(r.first);
    if (n >= 0 && n <= 0xffffffff) return `${formatIpv4Number(n)}/${r.prefix}`;
  }
  return `${formatAddressValue(r.version, r.first)}/${r.prefix}`;
}

/**
 * The parse of a non-empty text `s`: the range, or the CalcError message saying why it is not a
 * block. A well-formed IPv4 block (the common case) is read in one pass with number arithmetic;
 * anything else goes through the general parser, which also words every error.
 *
 * (An earlier version remembered parses in large Maps keyed by text. Most texts a question
 * generator parses are new, and hashing and storing each one cost several times the parse. The
 * one-pass IPv4 read is cheaper than even a small memo's lookup, so only the other texts — IPv6
 * blocks, errors — go through the small memo below.)
 */
function parseCidrText(s: string, strict: boolean): CidrRange | string {
  const fast = parseIpv4CidrFast(s, strict);
  if (fast !== null) return fast;
  const memo = strict ? strictMemo : lenientMemo;
  const hit = memo.get(s);
  if (hit !== undefined) return hit;
  const r = parseCidrUncached(s, strict);
  if (memo.size >= 64) memo.clear();
  memo.set(s, r);
  return r;
}
const strictMemo = new Map<string, CidrRange | string>();
const lenientMemo = new Map<string, CidrRange | string>();

/** 2^k for k = 0 … 32, as numbers. */
const POW2: number[] = [];
for (let k = 0; k <= 32; k++) POW2.push(2 ** k);

/**
 * Recently made IPv4 ranges, in a direct-mapped table keyed by (first address, prefix): the same
 * block asked for again (a generator parses its blocks several times) is the same object, with no
 * new bigints. Ranges are never mutated by their users, so sharing one is safe; the table only
 * skips work, it never changes a result.
 */
const V4_SLOTS = 1024;
const v4SlotFirst = new Float64Array(V4_SLOTS).fill(-1);
const v4SlotPrefix = new Uint8Array(V4_SLOTS);
const v4SlotRange: (CidrRange | undefined)[] = new Array<CidrRange | undefined>(V4_SLOTS).fill(undefined);

/** The IPv4 range with first address `first` (a number, aligned) and `prefix`, of `size` addresses. */
export function ipv4Range(first: number, prefix: number): CidrRange {
  const slot = (Math.imul((first | 0) ^ Math.imul(prefix + 1, 0x2545f491), 0x9e3779b1) >>> 22) & (V4_SLOTS - 1);
  if (v4SlotFirst[slot] === first && v4SlotPrefix[slot] === prefix) return v4SlotRange[slot] as CidrRange;
  const range: CidrRange = { version: 4, bits: 32, prefix, first: BigInt(first), last: BigInt(first + (POW2[32 - prefix] as number) - 1) };
  v4SlotFirst[slot] = first;
  v4SlotPrefix[slot] = prefix;
  v4SlotRange[slot] = range;
  return range;
}

/**
 * A canonical IPv4 block `a.b.c.d/p` (decimal parts 0–255 without leading zeros, prefix 0–32
 * without a leading zero) parsed with numbers only, or null when the text is anything else (the
 * general parser then decides, and words the error). Host bits set: null when strict (so the
 * general parser words the refusal), cleared otherwise.
 */
function parseIpv4CidrFast(s: string, strict: boolean): CidrRange | null {
  const n = s.length;
  if (n < 9 || n > 18) return null;
  let value = 0;
  let part = 0;
  let digits = 0;
  let parts = 0;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits === 1 && part === 0) return null; // leading zero
      part = part * 10 + (c - 48);
      digits++;
      if (part > 255) return null;
    } else if (c === 46 || c === 47) {
      if (digits === 0) return null;
      value = value * 256 + part;
      parts++;
      part = 0;
      digits = 0;
      if (c === 47) break;
      if (parts === 4) return null;
    } else return null;
  }
  if (parts !== 4 || i >= n - 1 || n - i - 1 > 2) return null;
  let prefix = 0;
  for (let j = i + 1; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) return null;
    prefix = prefix * 10 + (c - 48);
  }
  if (prefix > 32 || (n - i - 1 === 2 && s.charCodeAt(i + 1) === 48)) return null;
  const size = POW2[32 - prefix] as number;
  const host = value % size;
  if (host !== 0 && strict) return null;
  return ipv4Range(value - host, prefix);
}

function parseCidrUncached(s: string, strict: boolean): CidrRange | string {
  const slash = s.indexOf('/');
  if (slash < 0) {
    return `${describeInput(s)} is not a CIDR block: it needs a prefix length after a '/', like 10.0.0.0/16.`;
  }
  const addr = parseAddressRange(s, 0, slash);
  if ('error' in addr) return `${describeInput(s)} is not an IPv${addr.version} address: ${addr.error}.`;
  const bits = addressBits(addr.version);
  let prefix = 0;
  const digits = s.length - slash - 1;
  if (digits === 0) return `${describeInput(s)} is not a CIDR block: the prefix length after '/' is missing.`;
  for (let i = slash + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) {
      return `${describeInput(s)} is not a CIDR block: the prefix length must be a whole number from 0 to ${bits}.`;
    }
    prefix = prefix * 10 + (c - 48);
    if (prefix > 999) break;
  }
  if (digits > 1 && s.charCodeAt(slash + 1) === 48) {
    return `${describeInput(s)} is not a CIDR block: the prefix length has a leading zero.`;
  }
  if (prefix > bits) {
    return `${describeInput(s)} is not a CIDR block: an IPv${addr.version} prefix length is at most /${bits}, not /${prefix}.`;
  }
  const mask = hostMask(addr.version, prefix);
  const host = addr.value & mask;
  if (host !== 0n) {
    const network = addr.value & ~mask;
    if (strict) {
      return (
        `${describeInput(s)} is not a network address: its host bits are set. ` +
        `The /${prefix} block that contains it is ${formatAddressValue(addr.version, network)}/${prefix}.`
      );
    }
    return { version: addr.version, bits, prefix, first: network, last: network | mask };
  }
  return { version: addr.version, bits, prefix, first: addr.value, last: addr.value | mask };
}

/**
 * Internal parser shared by every CIDR function. `strict` refuses host bits set; otherwise they
 * are cleared. Throws CalcError with a student-readable reason.
 */
export function parseCidrRange(text: string, strict = true): CidrRange {
  if (typeof text === 'string' && text !== '') {
    const r = parseCidrText(text, strict);
    if (typeof r !== 'string') return r;
  }
  const s = requireText(text, 'a CIDR block such as 10.0.0.0/16');
  const r = parseCidrText(s, strict);
  if (typeof r === 'string') throw new CalcError(r);
  return r;
}

/**
 * Parse a CIDR block. AWS accepts only network addresses, so a block with host bits set
 * (10.0.0.5/24) is a CalcError whose message names the network (10.0.0.0/24).
 */
export function parseCidr(text: string): ParsedCidr {
  const r = parseCidrRange(text);
  return { version: r.version, network: formatAddressValue(r.version, r.first), prefix: r.prefix };
}

/** Canonical text of a CIDR block (e.g. '2001:DB8:0::/56' → '2001:db8::/56'); strict like parseCidr. */
export function normalizeCidr(text: string): string {
  return formatRange(parseCidrRange(text));
}

/** True when `text` is a valid CIDR block with no host bits set (never throws). */
export function isCidr(text: unknown): boolean {
  if (typeof text !== 'string' || text.trim() === '') return false;
  return typeof parseCidrText(text, true) !== 'string';
}

/** The /prefix block that contains an address, e.g. cidrOfAddress('10.0.0.5', 24) → '10.0.0.0/24'. */
export function cidrOfAddress(address: string, prefix: number): string {
  const s = requireText(address, 'an IP address');
  const bits = s.includes(':') ? 128 : 32;
  requirePrefix(prefix, bits);
  return formatRange(parseCidrRange(`${s}/${prefix}`, false));
}

/** CalcError unless `prefix` is a whole number from 0 to `bits`. */
export function requirePrefix(prefix: unknown, bits: number): number {
  if (typeof prefix !== 'number' || !Number.isInteger(prefix) || prefix < 0 || prefix > bits) {
    throw new CalcError(`A prefix length must be a whole number from 0 to ${bits}, but got ${describeInput(prefix)}.`);
  }
  return prefix;
}

/** Explained parse: mask, first and last address of the block. */
export function explainParseCidr(text: string): Explained<ParsedCidr> {
  const r = parseCidrRange(text);
  const hostBits = r.bits - r.prefix;
  const steps: Step[] = [
    {
      text: `An IPv${r.version} address has ${r.bits} bits; /${r.prefix} fixes the first ${r.prefix} and leaves ${r.bits} − ${r.prefix} = ${hostBits} host bits`,
      math: `${r.bits} - ${r.prefix} = ${hostBits}`,
      values: { bits: r.bits, prefix: r.prefix, hostBits },
    },
    {
      text: `The block runs from ${formatAddressValue(r.version, r.first)} to ${formatAddressValue(r.version, r.last)}`,
      values: { first: formatAddressValue(r.version, r.first), last: formatAddressValue(r.version, r.last) },
    },
  ];
  return { result: { version: r.version, network: formatAddressValue(r.version, r.first), prefix: r.prefix }, steps };
}

// ---------------------------------------------------------------------------------------------
// Size: total and usable addresses

/** Total addresses in a block: 2^(bits − prefix). */
export function totalIps(cidr: string): bigint {
  const r = parseCidrRange(cidr);
  return r.last - r.first + 1n;
}

/** Explained form of totalIps: host bits, then the power of two. */
export function explainTotalIps(cidr: string): Explained<bigint> {
  const r = parseCidrRange(cidr);
  const total = r.last - r.first + 1n;
  return { result: total, steps: sizeSteps(r, total) };
}

function sizeSteps(r: CidrRange, total: bigint): Step[] {
  const hostBits = r.bits - r.prefix;
  return [
    {
      text: `A /${r.prefix} leaves ${r.bits} − ${r.prefix} = ${hostBits} host bits`,
      math: `${r.bits} - ${r.prefix} = ${hostBits}`,
      values: { bits: r.bits, prefix: r.prefix, hostBits },
    },
    { text: `2^${hostBits} = ${total} addresses`, math: `2^{${hostBits}} = ${total}`, values: { hostBits, total: total.toString() } },
  ];
}

/**
 * Why an IPv4 block is not an AWS VPC/subnet size (/16 to /28, facts row 3), or null when it is.
 * The sentence is written for a student.
 */
export function ipv4BlockSizeProblem(prefix: number): string | null {
  if (prefix < AWS_IPV4_MIN_PREFIX) {
    return `An AWS VPC or subnet IPv4 block must be between /${AWS_IPV4_MIN_PREFIX} and /${AWS_IPV4_MAX_PREFIX}; /${prefix} is too large (more than 65,536 addresses).`;
  }
  if (prefix > AWS_IPV4_MAX_PREFIX) {
    return `An AWS VPC or subnet IPv4 block must be between /${AWS_IPV4_MIN_PREFIX} and /${AWS_IPV4_MAX_PREFIX}; /${prefix} is too small (fewer than 16 addresses).`;
  }
  return null;
}

/** Why an IPv6 block is not an AWS subnet size (/44 to /64 in steps of 4, facts row 17), or null. */
export function ipv6SubnetSizeProblem(prefix: number): string | null {
  if (prefix < AWS_IPV6_SUBNET_MIN_PREFIX || prefix > AWS_IPV6_SUBNET_MAX_PREFIX || prefix % AWS_IPV6_PREFIX_STEP !== 0) {
    return `An AWS IPv6 subnet block must be /44, /48, /52, /56, /60 or /64 (from /44 to /64 in steps of 4); /${prefix} is not one of them.`;
  }
  return null;
}

interface UsableCore {
  range: CidrRange;
  total: number;
  usable: number;
}

function usableCore(cidr: string): UsableCore {
  const r = parseCidrRange(cidr);
  if (r.version !== 4) {
    throw new CalcError(
      `usable-address counts are for IPv4 subnets; ${describeInput(cidr)} is IPv6 (its subnet also loses ${AWS_RESERVED_PER_SUBNET} reserved addresses — see ipv6UsableIps).`,
    );
  }
  const problem = ipv4BlockSizeProblem(r.prefix);
  if (problem !== null) throw new CalcError(problem);
  const total = 2 ** (32 - r.prefix);
  return { range: r, total, usable: total - AWS_RESERVED_PER_SUBNET };
}

/**
 * Usable addresses in an AWS IPv4 subnet: 2^(32 − prefix) − 5, because AWS reserves the first
 * four and the last address (facts rows 10, 12: /27 → 27, /28 → 11). CalcError outside /16–/28
 * (facts row 3) or for IPv6.
 */
export function usableIps(cidr: string): number {
  return usableCore(cidr).usable;
}

/** Explained form of usableIps, e.g. /27: 5 host bits, 2^5 = 32, AWS reserves 5, 32 − 5 = 27. */
export function explainUsableIps(cidr: string): Explained<number> {
  const c = usableCore(cidr);
  const steps = sizeSteps(c.range, BigInt(c.total));
  steps.push(
    {
      text: `AWS reserves ${AWS_RESERVED_PER_SUBNET} addresses in every subnet: the first four and the last`,
      values: { reserved: AWS_RESERVED_PER_SUBNET },
    },
    {
      text: `${c.total} − ${AWS_RESERVED_PER_SUBNET} = ${c.usable} usable addresses`,
      math: `${c.total} - ${AWS_RESERVED_PER_SUBNET} = ${c.usable}`,
      values: { total: c.total, reserved: AWS_RESERVED_PER_SUBNET, usable: c.usable },
    },
  );
  return { result: c.usable, steps };
}

// ---------------------------------------------------------------------------------------------
// Reserved addresses

export interface ReservedIp {
  address: string;
  purpose: string;
}

const IPV4_PURPOSES = [
  'Network address',
  'Reserved by AWS for the VPC router',
  'Reserved by AWS for the Amazon DNS server (the resolver itself answers at the primary VPC block base + 2)',
  'Reserved by AWS for future use',
  'Network broadcast address (AWS does not support broadcast in a VPC, so it reserves it)',
];
// The facts sheet (row 10) says IPv6 subnets reserve the first four and the last address but
// names no purpose for each, so none is invented here.
const IPV6_PURPOSES = [
  'Reserved by AWS: first address of the subnet (the subnet network address)',
  'Reserved by AWS: second address of the subnet',
  'Reserved by AWS: third address of the subnet',
  'Reserved by AWS: fourth address of the subnet',
  'Reserved by AWS: last address of the subnet',
];

function reservedCore(cidr: string): { range: CidrRange; values: bigint[] } {
  const r = parseCidrRange(cidr);
  const problem = r.version === 4 ? ipv4BlockSizeProblem(r.prefix) : ipv6SubnetSizeProblem(r.prefix);
  if (problem !== null) throw new CalcError(problem);
  return { range: r, values: [r.first, r.first + 1n, r.first + 2n, r.first + 3n, r.last] };
}

/**
 * The 5 addresses AWS reserves in a subnet, in address order: the first four and the last
 * (facts row 10; 10.0.0.0/24 → .0 .1 .2 .3 .255). Works for IPv6 subnets (/44–/64, row 17) too.
 */
export function reservedIps(cidr: string): ReservedIp[] {
  return reservedList(reservedCore(cidr));
}

function reservedList({ range, values }: { range: CidrRange; values: bigint[] }): ReservedIp[] {
  const purposes = range.version === 4 ? IPV4_PURPOSES : IPV6_PURPOSES;
  // IPv4 addresses in numbers (a valid range's addresses are all 0 … 2^32 − 1)
  if (range.version === 4) return values.map((v, i) => ({ address: formatIpv4Number(Number(v)), purpose: purposes[i] ?? '' }));
  return values.map((v, i) => ({ address: formatAddressValue(range.version, v), purpose: purposes[i] ?? '' }));
}

/** Explained form of reservedIps: one step per reserved address with its offset from the base. */
export function explainReservedIps(cidr: string): Explained<ReservedIp[]> {
  const core = reservedCore(cidr);
  const { range } = core;
  const result = reservedList(core);
  // The first reserved address is the base (the block's first address).
  const base = (result[0] as ReservedIp).address;
  const offsets = ['base + 0', 'base + 1', 'base + 2', 'base + 3', 'the last address'];
  const steps: Step[] = [
    { text: `The subnet ${formatRange(range)} starts at ${base}; AWS reserves the first four addresses and the last`, values: { base } },
    ...result.map((r, i) => ({
      text: `${r.address} (${offsets[i] ?? ''}): ${r.purpose}`,
      values: { address: r.address },
    })),
  ];
  return { result, steps };
}

// ---------------------------------------------------------------------------------------------
// Overlap and containment

/** Two ranges overlap when each starts before the other ends (same version only). */
export function rangesOverlap(a: CidrRange, b: CidrRange): boolean {
  return a.version === b.version && a.first <= b.last && b.first <= a.last;
}

/** `outer` contains all of `inner` (same version only). */
export function rangeContainsRange(outer: CidrRange, inner: CidrRange): boolean {
  return outer.version === inner.version && outer.first <= inner.first && inner.last <= outer.last;
}

/** Whether two blocks share any address. Blocks of different IP versions never overlap. */
export function cidrsOverlap(a: string, b: string): boolean {
  return rangesOverlap(parseCidrRange(a), parseCidrRange(b));
}

/** Explained form of cidrsOverlap: the two address ranges and the comparison. */
export function explainCidrsOverlap(a: string, b: string): Explained<boolean> {
  const ra = parseCidrRange(a);
  const rb = parseCidrRange(b);
  const result = rangesOverlap(ra, rb);
  const steps: Step[] = [];
  if (ra.version !== rb.version) {
    steps.push({ text: `${formatRange(ra)} is IPv${ra.version} and ${formatRange(rb)} is IPv${rb.version}; blocks of different versions never overlap` });
    return { result, steps };
  }
  steps.push(
    { text: `${formatRange(ra)} runs from ${formatAddressValue(ra.version, ra.first)} to ${formatAddressValue(ra.version, ra.last)}` },
    { text: `${formatRange(rb)} runs from ${formatAddressValue(rb.version, rb.first)} to ${formatAddressValue(rb.version, rb.last)}` },
    {
      text: result
        ? `Each starts before the other ends, so they overlap`
        : `One ends before the other starts, so they do not overlap`,
      values: { overlap: result },
    },
  );
  return { result, steps };
}

/**
 * Whether `address` (IPv4 or IPv6) lies in `cidr`. An address of the other IP version is never
 * inside (false); junk in either argument is a CalcError.
 */
export function cidrContains(cidr: string, address: string): boolean {
  const r = parseCidrRange(cidr);
  const s = requireText(address, 'an IP address');
  const a = parseAddressRange(s, 0, s.length);
  if ('error' in a) throw new CalcError(`${describeInput(s)} is not an IPv${a.version} address: ${a.error}.`);
  return a.version === r.version && a.value >= r.first && a.value <= r.last;
}

/** Explained form of cidrContains. */
export function explainCidrContains(cidr: string, address: string): Explained<boolean> {
  const result = cidrContains(cidr, address);
  const r = parseCidrRange(cidr);
  const first = formatAddressValue(r.version, r.first);
  const last = formatAddressValue(r.version, r.last);
  const steps: Step[] = [
    { text: `${formatRange(r)} runs from ${first} to ${last}`, values: { first, last } },
    { text: result ? `${address} is within that range` : `${address} is not within that range`, values: { contains: result } },
  ];
  return { result, steps };
}

/** Whether block `outer` contains every address of block `inner` (equal blocks count). */
export function cidrContainsCidr(outer: string, inner: string): boolean {
  return rangeContainsRange(parseCidrRange(outer), parseCidrRange(inner));
}
