/**
 * Random drawing of addresses and blocks for the addressing generators. Pure arithmetic on the
 * calculation core's parsers (no AWS rule lives here): the i-th /n block of a parent, a random
 * aligned block, the address after a block, random IPv6 prefixes.
 */
import { addToAddress, formatIpv6, parseIpv6 } from '../../calc/ip';
import { cidrOfAddress, cidrsOverlap, parseCidr, totalIps } from '../../calc/cidr';
import { subnetCount } from '../../calc/subnetting';
import type { Rng } from '../rng';

/** The `index`-th (0-based) aligned /prefix block inside `parent`, in address order. */
export function blockAt(parent: string, prefix: number, index: number | bigint): string {
  const p = parseCidr(parent);
  const size = 1n << BigInt((p.version === 4 ? 32 : 128) - prefix);
  return `${addToAddress(p.network, BigInt(index) * size)}/${prefix}`;
}

/** A random aligned /prefix block inside `parent`. */
export function randomBlockIn(rng: Rng, parent: string, prefix: number): string {
  const count = subnetCount(parent, prefix);
  const max = count > 1n << 30n ? 2 ** 30 : Number(count);
  return blockAt(parent, prefix, rng.int(0, max - 1));
}

/** A random aligned /prefix block inside `parent` that overlaps none of `avoid`; null after 50 tries. */
export function freeRandomBlockIn(rng: Rng, parent: string, prefix: number, avoid: readonly string[]): string | null {
  for (let i = 0; i < 50; i++) {
    const b = randomBlockIn(rng, parent, prefix);
    if (!avoid.some((a) => cidrsOverlap(a, b))) return b;
  }
  return null;
}

/** First address of a block. */
export function networkOf(cidr: string): string {
  return parseCidr(cidr).network;
}

/** Address `offset` from the start of a block (negative counts back from the end: −1 is the last). */
export function addressIn(cidr: string, offset: number): string {
  const network = parseCidr(cidr).network;
  return offset >= 0 ? addToAddress(network, offset) : addToAddress(network, totalIps(cidr) + BigInt(offset));
}

/** The first address after a block, or null at the end of the address space. */
export function addressAfter(cidr: string): string | null {
  try {
    return addToAddress(parseCidr(cidr).network, totalIps(cidr));
  } catch {
    return null;
  }
}

/** The /prefix block right after `cidr` ends (aligned up), or null past the end of the space. */
export function blockAfter(cidr: string, prefix: number): string | null {
  const next = addressAfter(cidr);
  if (next === null) return null;
  const around = cidrOfAddress(next, prefix);
  if (networkOf(around) === next) return around;
  return addressAfter(around) === null ? null : cidrOfAddress(addressAfter(around) as string, prefix);
}

/** Prefixes of the documentation and AWS-looking IPv6 ranges used in scenarios. */
const IPV6_BASES = ['2600:1f14::/32', '2600:1f18::/32', '2a05:d018::/32', '2406:da1c::/32', '2001:db8::/32'];

/** A random /prefix IPv6 block (prefix ≥ 32) inside one of the ranges above. */
export function randomIpv6Block(rng: Rng, prefix: number): string {
  const base = parseIpv6(parseCidr(rng.pick(IPV6_BASES)).network);
  const high = BigInt(rng.int(0, 0xffff)) << 80n;
  const mid = BigInt(rng.int(0, 0xffff)) << 64n;
  return cidrOfAddress(formatIpv6(base | high | mid), prefix);
}

/** Thousands separators for display (65,536). */
export function fmt(n: number | bigint): string {
  return n.toLocaleString('en-US');
}

/** English ordinal: 1st, 2nd, 3rd, 4th, 11th, 21st. */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
