/**
 * Subnetting: split a block into equal subnets, add up usable addresses, find the next free
 * subnet of a size, and find the subnet that holds an address. Works for IPv4 and IPv6; the
 * usable-address functions apply the AWS IPv4 rule from cidr.ts (size − 5, /16–/28).
 */
import { CalcError } from './errors';
import type { Explained, Step } from './steps';
import { describeInput, formatAddressValue, formatIpv4Number, parseAddressRange, requireList, requireText, requireWholeNumber } from './ip';
import { type CidrRange, AWS_RESERVED_PER_SUBNET, blockSize, formatRange, ipv4Range, makeRange, parseCidrRange, rangesOverlap, requirePrefix, usableIps } from './cidr';

/** Default number of subnets splitCidr lists (the count is always exact). */
export const SPLIT_LIST_DEFAULT_LIMIT = 256;
/** Most subnets splitCidr will list in one call. */
export const SPLIT_LIST_MAX_LIMIT = 65_536;

function splitCore(cidr: string, newPrefix: number): { parent: CidrRange; count: bigint; size: bigint } {
  const parent = parseCidrRange(cidr);
  requirePrefix(newPrefix, parent.bits);
  if (newPrefix < parent.prefix) {
    throw new CalcError(`A /${parent.prefix} cannot be split into /${newPrefix} subnets: a subnet's prefix must be /${parent.prefix} or longer (a larger number).`);
  }
  return { parent, count: 1n << BigInt(newPrefix - parent.prefix), size: blockSize(parent.version, newPrefix) };
}

/** Number of /newPrefix subnets in a block: 2^(newPrefix − prefix). */
export function subnetCount(cidr: string, newPrefix: number): bigint {
  return splitCore(cidr, newPrefix).count;
}

/** Explained form of subnetCount. */
export function explainSubnetCount(cidr: string, newPrefix: number): Explained<bigint> {
  const { parent, count } = splitCore(cidr, newPrefix);
  const extra = newPrefix - parent.prefix;
  return {
    result: count,
    steps: [
      {
        text: `Going from /${parent.prefix} to /${newPrefix} borrows ${newPrefix} − ${parent.prefix} = ${extra} bits for the subnet number`,
        math: `${newPrefix} - ${parent.prefix} = ${extra}`,
        values: { from: parent.prefix, to: newPrefix, bits: extra },
      },
      { text: `2^${extra} = ${count} subnets`, math: `2^{${extra}} = ${count}`, values: { count: count.toString() } },
    ],
  };
}

export interface SplitResult {
  /** Exact number of subnets, 2^(newPrefix − prefix). */
  count: bigint;
  /** The first `limit` subnets, in address order. */
  subnets: string[];
  /** True when `count` is more than were listed. */
  truncated: boolean;
}

/**
 * Split a block into /newPrefix subnets: 2^(newPrefix − prefix) of them, each 2^(bits − newPrefix)
 * addresses, listed in address order up to `limit` (default 256, at most 65,536).
 */
export function splitCidr(cidr: string, newPrefix: number, limit: number = SPLIT_LIST_DEFAULT_LIMIT): SplitResult {
  const { parent, count, size } = splitCore(cidr, newPrefix);
  requireWholeNumber(limit, 'The number of subnets to list', 0, SPLIT_LIST_MAX_LIMIT);
  const n = count < BigInt(limit) ? Number(count) : limit;
  const subnets: string[] = new Array<string>(n);
  if (parent.version === 4) {
    // IPv4 values fit in numbers: no bigint per subnet
    const start = Number(parent.first);
    const step = Number(size);
    for (let i = 0; i < n; i++) subnets[i] = `${formatIpv4Number(start + i * step)}/${newPrefix}`;
  } else {
    let first = parent.first;
    for (let i = 0; i < n; i++) {
      subnets[i] = `${formatAddressValue(parent.version, first)}/${newPrefix}`;
      first += size;
    }
  }
  return { count, subnets, truncated: BigInt(n) < count };
}

/** Explained form of splitCidr. */
export function explainSplitCidr(cidr: string, newPrefix: number, limit: number = SPLIT_LIST_DEFAULT_LIMIT): Explained<SplitResult> {
  const result = splitCidr(cidr, newPrefix, limit);
  const { size } = splitCore(cidr, newPrefix);
  const steps = explainSubnetCount(cidr, newPrefix).steps;
  steps.push({ text: `Each /${newPrefix} holds ${size} addresses, so the subnets start every ${size} addresses`, values: { size: size.toString() } });
  if (result.subnets.length > 0) {
    const last = result.subnets[result.subnets.length - 1] ?? '';
    steps.push({ text: `The subnets run ${result.subnets[0] ?? ''}${result.subnets.length > 1 ? ` … ${last}` : ''}${result.truncated ? ' (list truncated)' : ''}` });
  }
  return { result, steps };
}

// ---------------------------------------------------------------------------------------------

/**
 * Total usable addresses when an IPv4 block is split into AWS subnets of /newPrefix:
 * subnets × (2^(32 − newPrefix) − 5), because AWS reserves 5 addresses in each (facts rows 10, 12).
 */
export function splitUsableIps(cidr: string, newPrefix: number): number {
  const { parent, count } = splitCore(cidr, newPrefix);
  return Number(count) * usableIps(formatRange(makeRange(parent.version, parent.first, newPrefix)));
}

/** Explained form of splitUsableIps. */
export function explainSplitUsableIps(cidr: string, newPrefix: number): Explained<number> {
  const result = splitUsableIps(cidr, newPrefix);
  const { parent, count } = splitCore(cidr, newPrefix);
  const each = usableIps(formatRange(makeRange(parent.version, parent.first, newPrefix)));
  const steps = explainSubnetCount(cidr, newPrefix).steps;
  steps.push(
    { text: `Each /${newPrefix} has ${each + AWS_RESERVED_PER_SUBNET} − ${AWS_RESERVED_PER_SUBNET} = ${each} usable addresses`, values: { each } },
    { text: `${count} × ${each} = ${result} usable addresses in total`, math: `${count} \\times ${each} = ${result}`, values: { total: result } },
  );
  return { result, steps };
}

/** Sum of usable addresses over a list of AWS IPv4 subnets (each 2^(32 − prefix) − 5; facts rows 10, 12). */
export function sumUsableIps(cidrs: string[]): number {
  let sum = 0;
  for (const c of requireList<string>(cidrs, 'The subnet list')) sum += usableIps(c);
  return sum;
}

/** Explained form of sumUsableIps. */
export function explainSumUsableIps(cidrs: string[]): Explained<number> {
  const list = requireList<string>(cidrs, 'The subnet list');
  const each = list.map((c) => usableIps(c));
  const result = each.reduce((a, b) => a + b, 0);
  const steps: Step[] = list.map((c, i) => ({ text: `${c}: ${each[i] ?? 0} usable addresses`, values: { cidr: c, usable: each[i] ?? 0 } }));
  steps.push({ text: `${each.join(' + ') || '0'} = ${result}`, values: { total: result } });
  return { result, steps };
}

// ---------------------------------------------------------------------------------------------

function nextFreeCore(parentCidr: string, prefix: number, used: string[]): { parent: CidrRange; found: CidrRange | null; skipped: CidrRange[] } {
  const parent = parseCidrRange(parentCidr);
  requirePrefix(prefix, parent.bits);
  if (prefix < parent.prefix) throw new CalcError(`A /${prefix} subnet does not fit inside ${formatRange(parent)}.`);
  const ranges = requireList<string>(used, 'The used subnets')
    .map((c) => parseCidrRange(c))
    .filter((r) => rangesOverlap(r, parent))
    .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  if (parent.version === 4) return nextFreeIpv4(parent, prefix, ranges);
  const size = blockSize(parent.version, prefix);
  const skipped: CidrRange[] = [];
  let candidate = parent.first;
  for (const u of ranges) {
    const candLast = candidate + size - 1n;
    if (u.last < candidate) continue;
    if (u.first > candLast) break;
    skipped.push(u);
    const after = u.last + 1n;
    candidate = ((after + size - 1n) / size) * size; // align up to the subnet size
    if (candidate + size - 1n > parent.last) return { parent, found: null, skipped };
  }
  if (candidate + size - 1n > parent.last) return { parent, found: null, skipped };
  return { parent, found: makeRange(parent.version, candidate, prefix), skipped };
}

/** The search of nextFreeCore for an IPv4 parent, in numbers (IPv4 addresses fit exactly); `ranges` sorted by first address. */
function nextFreeIpv4(parent: CidrRange, prefix: number, ranges: readonly CidrRange[]): { parent: CidrRange; found: CidrRange | null; skipped: CidrRange[] } {
  const size = 2 ** (32 - prefix);
  const parentLast = Number(parent.last);
  const skipped: CidrRange[] = [];
  let candidate = Number(parent.first);
  for (const u of ranges) {
    if (Number(u.last) < candidate) continue;
    if (Number(u.first) > candidate + size - 1) break;
    skipped.push(u);
    const after = Number(u.last) + 1;
    const rest = after % size;
    candidate = rest === 0 ? after : after - rest + size; // align up to the subnet size
    if (candidate + size - 1 > parentLast) return { parent, found: null, skipped };
  }
  if (candidate + size - 1 > parentLast) return { parent, found: null, skipped };
  return { parent, found: ipv4Range(candidate, prefix), skipped };
}

/**
 * The lowest /prefix block inside `parent` that overlaps none of `used` (aligned on its own
 * size, as every CIDR block is), or null when the parent is full.
 */
export function nextFreeSubnet(parent: string, prefix: number, used: string[]): string | null {
  const { found } = nextFreeCore(parent, prefix, used);
  return found === null ? null : formatRange(found);
}

/** Explained form of nextFreeSubnet. */
export function explainNextFreeSubnet(parent: string, prefix: number, used: string[]): Explained<string | null> {
  const { parent: p, found, skipped } = nextFreeCore(parent, prefix, used);
  const size = blockSize(p.version, prefix);
  const parentText = formatRange(p);
  const foundText = found === null ? null : formatRange(found);
  const steps: Step[] = [
    { text: `A /${prefix} holds ${size} addresses, so candidates start at multiples of ${size} inside ${parentText}`, values: { size: size.toString() } },
  ];
  for (const u of skipped) steps.push({ text: `${formatRange(u)} is in use, so the next candidate starts after it` });
  steps.push({
    text: foundText === null ? `No free /${prefix} is left inside ${parentText}` : `${foundText} overlaps no used subnet`,
    values: { result: foundText === null ? 'none' : foundText },
  });
  return { result: foundText, steps };
}

/**
 * The most specific block in `subnets` that contains `address` (longest prefix wins), or null.
 * Blocks of the other IP version are ignored.
 */
export function subnetForAddress(subnets: string[], address: string): string | null {
  const best = subnetForAddressCore(subnets, address);
  return best === null ? null : formatRange(best);
}

function subnetForAddressCore(subnets: string[], address: string): CidrRange | null {
  const list = requireList<string>(subnets, 'The subnet list');
  const s = requireText(address, 'an IP address');
  const a = parseAddressRange(s, 0, s.length);
  if ('error' in a) throw new CalcError(`${describeInput(s)} is not an IPv${a.version} address: ${a.error}.`);
  let best: CidrRange | null = null;
  for (const c of list) {
    const r = parseCidrRange(c);
    if (r.version === a.version && a.value >= r.first && a.value <= r.last && (best === null || r.prefix > best.prefix)) best = r;
  }
  return best;
}

/** Explained form of subnetForAddress. */
export function explainSubnetForAddress(subnets: string[], address: string): Explained<string | null> {
  const best = subnetForAddressCore(subnets, address);
  const result = best === null ? null : formatRange(best);
  return {
    result,
    steps: [
      {
        text: result === null ? `None of the ${subnets.length} subnets contains ${address}` : `${address} falls inside ${result}, the most specific subnet that contains it`,
        values: { address, subnet: result ?? 'none' },
      },
    ],
  };
}
