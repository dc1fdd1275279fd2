/**
 * Random drawing of addresses and blocks for the addressing generators. Pure arithmetic on the
 * calculation core's parsers (no AWS rule lives here): the i-th /n block of a parent, a random
 * aligned block, the address after a block, random IPv6 prefixes.
 */
import { MAX_IPV4, MAX_IPV6, addToAddress, formatAddressValue, formatIpv4Number, formatIpv6 } from '../../calc/ip';
import { type CidrRange, cidrOfAddress, cidrsOverlap, hostMask, isCidr, parseCidr, parseCidrRange, totalIps } from '../../calc/cidr';
import { subnetCount } from '../../calc/subnetting';
import { thousands } from '../../calc/numbers';
import type { Rng } from '../rng';

/** 2^k for k = 0 … 32, as numbers. */
const POW2: readonly number[] = Array.from({ length: 33 }, (_, k) => 2 ** k);

/** 2^k as a number (0 ≤ k ≤ 32). */
function pow2(k: number): number {
  return POW2[k] as number;
}

/** An IPv4 block within `p` of a whole prefix from p's own up to /32 (the common case the number paths handle). */
function isV4Split(p: CidrRange, prefix: number): boolean {
  return p.version === 4 && Number.isInteger(prefix) && prefix >= p.prefix && prefix <= 32;
}

/** The `index`-th (0-based) aligned /prefix block inside `parent`, in address order. */
export function blockAt(parent: string, prefix: number, index: number | bigint): string {
  const p = parseCidrRange(parent);
  if (p.version === 4 && typeof index === 'number' && Number.isSafeInteger(index) && Number.isInteger(prefix) && prefix >= 0 && prefix <= 32) {
    const v = Number(p.first) + index * pow2(32 - prefix);
    if (v >= 0 && v <= 0xffffffff) return `${formatIpv4Number(v)}/${prefix}`;
  }
  const size = 1n << BigInt((p.version === 4 ? 32 : 128) - prefix);
  const delta = BigInt(index) * size;
  const v = p.first + delta;
  // Outside the address space: let addToAddress say so, as it always has.
  if (v < 0n || v > (p.version === 4 ? MAX_IPV4 : MAX_IPV6)) return `${addToAddress(formatAddressValue(p.version, p.first), delta)}/${prefix}`;
  return `${formatAddressValue(p.version, v)}/${prefix}`;
}

/** An IPv4 block as numbers: its first address and prefix length (what the number-level draws take). */
export interface Ipv4Block {
  first: number;
  prefix: number;
}

/** `cidr` (IPv4) as an Ipv4Block. */
export function ipv4Block(cidr: string): Ipv4Block {
  const r = parseCidrRange(cidr);
  return { first: Number(r.first), prefix: r.prefix };
}

/**
 * First address of a random aligned /prefix block inside the IPv4 block `parentFirst`/`parentPrefix`
 * (parentPrefix ≤ prefix ≤ 32): `randomBlockIn` in numbers, with the same draw. Also what
 * `freeRandomBlockIn` draws when there is nothing to avoid (its first try is then always free).
 */
export function randomIpv4BlockFirst(rng: Rng, parentFirst: number, parentPrefix: number, prefix: number): number {
  const count = pow2(prefix - parentPrefix);
  const index = rng.int(0, (count > 2 ** 30 ? 2 ** 30 : count) - 1);
  return parentFirst + index * pow2(32 - prefix);
}

/** A random aligned /prefix block inside `parent`. */
export function randomBlockIn(rng: Rng, parent: string, prefix: number): string {
  const p = parseCidrRange(parent);
  if (isV4Split(p, prefix)) return `${formatIpv4Number(randomIpv4BlockFirst(rng, Number(p.first), p.prefix, prefix))}/${prefix}`;
  const count = subnetCount(parent, prefix);
  const max = count > 1n << 30n ? 2 ** 30 : Number(count);
  return blockAt(parent, prefix, rng.int(0, max - 1));
}

/** A random aligned /prefix block inside `parent` that overlaps none of `avoid`; null after 50 tries. */
export function freeRandomBlockIn(rng: Rng, parent: string, prefix: number, avoid: readonly string[]): string | null {
  const p = parseCidrRange(parent);
  if (isV4Split(p, prefix)) {
    // The IPv4 blocks to avoid as [first, last] numbers (blocks of the other version never overlap).
    const bounds: number[] = [];
    for (const a of avoid) {
      const r = parseCidrRange(a);
      if (r.version === 4) bounds.push(Number(r.first), Number(r.last));
    }
    const first = freeRandomIpv4BlockFirst(rng, Number(p.first), p.prefix, prefix, bounds);
    return first === null ? null : `${formatIpv4Number(first)}/${prefix}`;
  }
  for (let i = 0; i < 50; i++) {
    const b = randomBlockIn(rng, parent, prefix);
    if (!avoid.some((a) => cidrsOverlap(a, b))) return b;
  }
  return null;
}

/**
 * First address of a random aligned /prefix block inside the IPv4 block `parentFirst`/`parentPrefix`
 * (parentPrefix ≤ prefix ≤ 32) that overlaps none of the blocks in `avoid`, given as flattened
 * [first, last] pairs; null after 50 tries. `freeRandomBlockIn` in numbers, with the same draws.
 */
export function freeRandomIpv4BlockFirst(rng: Rng, parentFirst: number, parentPrefix: number, prefix: number, avoid: readonly number[]): number | null {
  const count = pow2(prefix - parentPrefix);
  const max = count > 2 ** 30 ? 2 ** 30 : count;
  const size = pow2(32 - prefix);
  for (let i = 0; i < 50; i++) {
    const first = parentFirst + rng.int(0, max - 1) * size;
    const last = first + size - 1;
    let free = true;
    for (let j = 0; j < avoid.length; j += 2) {
      if ((avoid[j] as number) <= last && first <= (avoid[j + 1] as number)) {
        free = false;
        break;
      }
    }
    if (free) return first;
  }
  return null;
}

/** The /prefix block that holds a block's network address: `cidrOfAddress(networkOf(cidr), prefix)`. */
export function enclosingBlock(cidr: string, prefix: number): string {
  const r = parseCidrRange(cidr);
  if (r.version === 4 && Number.isInteger(prefix) && prefix >= 0 && prefix <= 32) {
    const first = Number(r.first);
    return `${formatIpv4Number(first - (first % pow2(32 - prefix)))}/${prefix}`;
  }
  return cidrOfAddress(formatAddressValue(r.version, r.first), prefix);
}

/** First address of a block. */
export function networkOf(cidr: string): string {
  return parseCidr(cidr).network;
}

/** Address `offset` from the start of a block (negative counts back from the end: −1 is the last). */
export function addressIn(cidr: string, offset: number): string {
  const r = parseCidrRange(cidr);
  if (r.version === 4 && Number.isSafeInteger(offset)) {
    const first = Number(r.first);
    const last = Number(r.last);
    const v = offset >= 0 ? first + offset : last + 1 + offset;
    if (v >= first && v <= last) return formatIpv4Number(v);
  }
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
  if (r.version === 4) {
    const next = Number(r.last) + 1;
    return next > 0xffffffff ? null : formatIpv4Number(next);
  }
  const v = r.last + 1n;
  return v > MAX_IPV6 ? null : formatAddressValue(r.version, v);
}

/** The /prefix block right after `cidr` ends (aligned up), or null past the end of the space. */
export function blockAfter(cidr: string, prefix: number): string | null {
  if (isCidr(cidr) && Number.isInteger(prefix) && prefix >= 0 && prefix <= 32) {
    const r = parseCidrRange(cidr);
    if (r.version === 4) {
      const first = ipv4BlockAfter(Number(r.last), prefix);
      return first === null ? null : `${formatIpv4Number(first)}/${prefix}`;
    }
  }
  const next = addressAfter(cidr);
  if (next === null) return null;
  const around = cidrOfAddress(next, prefix);
  if (networkOf(around) === next) return around;
  return addressAfter(around) === null ? null : cidrOfAddress(addressAfter(around) as string, prefix);
}

/**
 * First address of the /prefix block right after the IPv4 address `last` (aligned up), or null
 * past the end of the space: `blockAfter` in numbers.
 */
export function ipv4BlockAfter(last: number, prefix: number): number | null {
  const next = last + 1;
  if (next > 0xffffffff) return null;
  const size = pow2(32 - prefix);
  const around = next - (next % size);
  if (around === next) return next;
  const after = around + size;
  return after > 0xffffffff ? null : after;
}

/** Prefixes of the documentation and AWS-looking IPv6 ranges used in scenarios. */
const IPV6_BASES = ['2600:1f14::/32', '2600:1f18::/32', '2a05:d018::/32', '2406:da1c::/32', '2001:db8::/32'];

/** The ranges above, parsed once. */
const IPV6_BASE_VALUES: readonly bigint[] = IPV6_BASES.map((c) => parseCidrRange(c).first);

/** The first two groups of each range above, as RFC 5952 text ('2600:1f14'): both are non-zero. */
const IPV6_BASE_HEADS: readonly string[] = IPV6_BASE_VALUES.map((v) => formatIpv6(v).slice(0, -2));

/** The top `keep` bits of a 16-bit group (all of it from 16 bits on, none below 1). */
function groupPrefix(group: number, keep: number): number {
  if (keep >= 16) return group;
  if (keep <= 0) return 0;
  return group & (0xffff << (16 - keep)) & 0xffff;
}

/** A random /prefix IPv6 block (prefix ≥ 32) inside one of the ranges above. */
export function randomIpv6Block(rng: Rng, prefix: number): string {
  const at = rng.int(0, IPV6_BASES.length - 1); // rng.pick's draw
  const high = rng.int(0, 0xffff);
  const mid = rng.int(0, 0xffff);
  if (Number.isInteger(prefix) && prefix >= 32 && prefix <= 128) {
    // Written directly: groups 1–2 are the base (non-zero), 3–4 the draws cut to /prefix, 5–8
    // zero, so the RFC 5952 text is base:g3:g4:: with the zero run reaching back as far as it goes.
    const head = IPV6_BASE_HEADS[at] as string;
    const g3 = groupPrefix(high, prefix - 32);
    const g4 = groupPrefix(mid, prefix - 48);
    if (g4 !== 0) return `${head}:${g3.toString(16)}:${g4.toString(16)}::/${prefix}`;
    if (g3 !== 0) return `${head}:${g3.toString(16)}::/${prefix}`;
    return `${head}::/${prefix}`;
  }
  // the /prefix block around base | high | mid (hostMask refuses a prefix outside 0–128)
  const value = (IPV6_BASE_VALUES[at] as bigint) | (BigInt(high) << 80n) | (BigInt(mid) << 64n);
  return `${formatIpv6(value & ~hostMask(6, prefix))}/${prefix}`;
}

/** Thousands separators for display (65,536): the core's grouping, for bigints too. */
export function fmt(n: number | bigint): string {
  if (typeof n === 'number') return thousands(n);
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
