/**
 * Random drawing of addresses and blocks for the addressing generators. Pure arithmetic on the
 * calculation core's parsers (no AWS rule lives here): the i-th /n block of a parent, a random
 * aligned block, the address after a block, random IPv6 prefixes.
 */
import { MAX_IPV4, MAX_IPV6, addToAddress, formatAddressValue, formatIpv6, parseIpv6 } from '../../calc/ip';
import { cidrOfAddress, cidrsOverlap, isCidr, parseCidr, parseCidrRange, totalIps } from '../../calc/cidr';
import { subnetCount } from '../../calc/subnetting';
import type { Rng } from '../rng';

/** The `index`-th (0-based) aligned /prefix block inside `parent`, in address order. */
export function blockAt(parent: string, prefix: number, index: number | bigint): string {
  const p = parseCidrRange(parent);
  const size = 1n << BigInt((p.version === 4 ? 32 : 128) - prefix);
  const delta = BigInt(index) * size;
  const v = p.first + delta;
  // Outside the address space: let addToAddress say so, as it always has.
  if (v < 0n || v > (p.version === 4 ? MAX_IPV4 : MAX_IPV6)) return `${addToAddress(formatAddressValue(p.version, p.first), delta)}/${prefix}`;
  return `${formatAddressValue(p.version, v)}/${prefix}`;
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
  const r = parseCidrRange(cidr);
  if (Number.isSafeInteger(offset)) {
    const v = offset >= 0 ? r.first + BigInt(offset) : r.last + 1n + BigInt(offset);
    if (v >= r.first && v <= r.last) return formatAddressValue(r.version, v);
  }
  // Outside the block: the general path (and its errors).
  const network = formatAddressValue(r.version, r.first);
  return offset >= 0 ? addToAddress(network, offset) : addToAddress(network, totalIps(cidr) + BigInt(offset));
}

/** The first address after a block, or null at the end of the address space. */
export function addressAfter(cidr: string): string | null {
  if (!isCidr(cidr)) return null;
  const r = parseCidrRange(cidr);
  const v = r.last + 1n;
  return v > (r.version === 4 ? MAX_IPV4 : MAX_IPV6) ? null : formatAddressValue(r.version, v);
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
  // Whole numbers are grouped here (the same text as en-US, without a call into Intl); anything
  // else (fractions, -0, huge or non-finite numbers) still goes through toLocaleString.
  if (typeof n === 'number' && !(Number.isSafeInteger(n) && !Object.is(n, -0))) return n.toLocaleString('en-US');
  const digits = String(n);
  const sign = digits.startsWith('-') ? '-' : '';
  const abs = sign === '' ? digits : digits.slice(1);
  if (abs.length <= 3) return digits;
  let out = abs.slice(0, ((abs.length - 1) % 3) + 1);
  for (let i = out.length; i < abs.length; i += 3) out += `,${abs.slice(i, i + 3)}`;
  return sign + out;
}

/** English ordinal: 1st, 2nd, 3rd, 4th, 11th, 21st. */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
