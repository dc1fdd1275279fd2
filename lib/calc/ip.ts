/**
 * IP addresses as numbers: parsing and formatting of IPv4 (dotted quad) and IPv6 (RFC 4291
 * text forms, RFC 5952 canonical output). Every address is held as a bigint so IPv4 and IPv6
 * share one arithmetic; `version` says how many bits (32 or 128) it has.
 */
import { CalcError } from './errors';

export type IpVersion = 4 | 6;

/** An address as a number: `value` is the 32-bit (IPv4) or 128-bit (IPv6) unsigned integer. */
export interface IpAddress {
  version: IpVersion;
  value: bigint;
}

/** Number of bits in an address of each version (32 for IPv4, 128 for IPv6). */
export function addressBits(version: IpVersion): 32 | 128 {
  return version === 4 ? 32 : 128;
}

/** Largest address value of a version: 2^bits − 1. */
export const MAX_IPV4 = 0xffffffffn;
export const MAX_IPV6 = (1n << 128n) - 1n;

/** Quote a value of any type for an error message, without ever throwing. */
export function describeInput(input: unknown): string {
  if (typeof input === 'string') return `'${input.length > 80 ? input.slice(0, 77) + '...' : input}'`;
  if (input === null) return 'null';
  if (input === undefined) return 'undefined';
  if (typeof input === 'number' || typeof input === 'bigint' || typeof input === 'boolean') return String(input);
  if (Array.isArray(input)) return 'a list';
  return `a value of type ${typeof input}`;
}

/** Throw a CalcError unless `input` is a non-empty string; `what` names the expected thing. */
export function requireText(input: unknown, what: string): string {
  if (typeof input !== 'string') {
    throw new CalcError(`Expected ${what} written as text, but got ${describeInput(input)}.`);
  }
  if (input.trim() === '') throw new CalcError(`Expected ${what}, but the text is empty.`);
  return input;
}

/**
 * Parse the IPv4 dotted quad `text[start..end)` to a 32-bit number, or return an explanation of
 * why it is not one. Four decimal parts 0–255; no leading zeros (010 would be read as octal by
 * some tools, so it is ambiguous).
 */
function parseIpv4Range(text: string, start: number, end: number): number | string {
  let value = 0;
  let part = 0;
  let digits = 0;
  let parts = 0;
  let firstDigit = 0;
  for (let i = start; i <= end; i++) {
    const code = i < end ? text.charCodeAt(i) : 46; // treat the end as a final '.'
    if (code === 46) {
      if (digits === 0) return parts === 3 && i === end ? 'the last part is missing' : 'it has an empty part between dots';
      if (parts === 4) return 'it has more than four parts';
      if (digits > 1 && firstDigit === 48) return `part ${text.slice(i - digits, i)} has a leading zero`;
      if (part > 255) return `${part} is larger than 255`;
      value = value * 256 + part;
      parts++;
      part = 0;
      digits = 0;
    } else if (code >= 48 && code <= 57) {
      if (digits === 0) firstDigit = code;
      if (digits < 4) part = part * 10 + (code - 48);
      else part = 9999; // already too large; keep counting digits without overflow
      digits++;
    } else {
      return `it contains '${text[i] ?? ''}', but only digits and dots are allowed`;
    }
  }
  if (parts !== 4) return `it has ${parts} part${parts === 1 ? '' : 's'}, but an IPv4 address has four (like 10.0.0.1)`;
  return value;
}

/**
 * Parse an IPv6 address `text[start..end)` to a 128-bit bigint, or return why it is not one.
 * Accepts the RFC 4291 forms: eight groups of 1–4 hex digits, one `::` for a run of zero groups,
 * and an IPv4 dotted quad in the last 32 bits (e.g. ::ffff:10.0.0.1). Zone ids (%eth0) are refused.
 */
function parseIpv6Range(text: string, start: number, end: number, wantValue = true): bigint | string {
  const head: number[] = [];
  const tail: number[] = [];
  let groups = head;
  let sawDoubleColon = false;
  let i = start;
  if (i < end && text.charCodeAt(i) === 58) {
    if (text.charCodeAt(i + 1) !== 58) return 'it starts with a single colon';
    sawDoubleColon = true;
    groups = tail;
    i += 2;
    if (i === end) return 0n;
  }
  let ipv4Tail: number | undefined;
  while (i < end) {
    // read one group
    let group = 0;
    let digits = 0;
    let j = i;
    for (; j < end; j++) {
      const c = text.charCodeAt(j);
      let d: number;
      if (c >= 48 && c <= 57) d = c - 48;
      else if (c >= 97 && c <= 102) d = c - 87;
      else if (c >= 65 && c <= 70) d = c - 55;
      else break;
      group = group * 16 + d;
      digits++;
    }
    const stop = j < end ? text.charCodeAt(j) : -1;
    if (stop === 46) {
      // an embedded IPv4 address must be the last thing
      const v4 = parseIpv4Range(text, i, end);
      if (typeof v4 === 'string') return `its IPv4 part is not valid: ${v4}`;
      ipv4Tail = v4;
      i = end;
      break;
    }
    if (stop === 37) return 'zone ids such as %eth0 are not part of an address';
    if (digits === 0) {
      return stop === -1 ? 'it ends with a single colon' : `it contains '${text[j] ?? ''}', but only hex digits and colons are allowed`;
    }
    if (digits > 4) return `group ${text.slice(i, j)} has more than four hex digits`;
    groups.push(group);
    if (head.length + tail.length > 8) return 'it has more than eight groups';
    if (j === end) {
      i = end;
      break;
    }
    // stop is ':'
    if (stop !== 58) return `it contains '${text[j] ?? ''}', but only hex digits and colons are allowed`;
    if (text.charCodeAt(j + 1) === 58) {
      if (sawDoubleColon) return "it uses '::' more than once";
      sawDoubleColon = true;
      groups = tail;
      i = j + 2;
      if (i === end) break;
    } else {
      i = j + 1;
      if (i === end) return 'it ends with a single colon';
    }
  }
  const groupCount = head.length + tail.length + (ipv4Tail === undefined ? 0 : 2);
  if (groupCount > 8) return 'it has more than eight groups';
  if (!sawDoubleColon && groupCount < 8) return `it has ${groupCount} groups, but a full IPv6 address has eight (or uses '::')`;
  if (sawDoubleColon && groupCount === 8) return "'::' must stand for at least one zero group";
  if (!wantValue) return 0n; // only the check was asked for
  // The eight groups as four 32-bit words, joined by three shifts: cheaper than one bigint per
  // group, and than writing out 32 hex digits for BigInt() to read back.
  const g = [0, 0, 0, 0, 0, 0, 0, 0];
  for (let k = 0; k < head.length; k++) g[k] = head[k] as number;
  const tailStart = 8 - tail.length - (ipv4Tail === undefined ? 0 : 2);
  for (let k = 0; k < tail.length; k++) g[tailStart + k] = tail[k] as number;
  if (ipv4Tail !== undefined) {
    g[6] = Math.floor(ipv4Tail / 65536);
    g[7] = ipv4Tail % 65536;
  }
  const w0 = (g[0] as number) * 65536 + (g[1] as number);
  const w1 = (g[2] as number) * 65536 + (g[3] as number);
  const w2 = (g[4] as number) * 65536 + (g[5] as number);
  const w3 = (g[6] as number) * 65536 + (g[7] as number);
  return (BigInt(w0) << 96n) | (BigInt(w1) << 64n) | (BigInt(w2) << 32n) | BigInt(w3);
}

/** Internal: parse `text[start..end)` as either version; returns the address or a reason. */
export function parseAddressRange(text: string, start: number, end: number): IpAddress | { error: string; version: IpVersion } {
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === 58) {
      const v6 = parseIpv6Range(text, start, end);
      return typeof v6 === 'string' ? { error: v6, version: 6 } : { version: 6, value: v6 };
    }
  }
  const v4 = parseIpv4Range(text, start, end);
  return typeof v4 === 'string' ? { error: v4, version: 4 } : { version: 4, value: BigInt(v4) };
}

/** A valid IPv4 dotted quad as a 32-bit number, or null for anything else (never throws). */
export function ipv4Number(text: string): number | null {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 58) return null;
  const v4 = parseIpv4Range(text, 0, text.length);
  return typeof v4 === 'string' ? null : v4;
}

/**
 * The IP version of the address `text[start..end)`, or why it is not one (the checks of
 * `parseAddressRange` without building the value).
 */
export function addressVersionRange(text: string, start: number, end: number): IpVersion | { error: string; version: IpVersion } {
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === 58) {
      const v6 = parseIpv6Range(text, start, end, false);
      return typeof v6 === 'string' ? { error: v6, version: 6 } : 6;
    }
  }
  const v4 = parseIpv4Range(text, start, end);
  return typeof v4 === 'string' ? { error: v4, version: 4 } : 4;
}

/**
 * Parse an IPv4 or IPv6 address (text with a ':' is IPv6). Throws CalcError with the reason,
 * e.g. "'10.0.0.256' is not an IPv4 address: 256 is larger than 255".
 */
export function parseAddress(text: string): IpAddress {
  const s = requireText(text, 'an IP address');
  const r = parseAddressRange(s, 0, s.length);
  if ('error' in r) throw new CalcError(`${describeInput(s)} is not an IPv${r.version} address: ${r.error}.`);
  return r;
}

/** Parse an IPv4 address only; an IPv6 address is a CalcError. */
export function parseIpv4(text: string): bigint {
  const a = parseAddress(text);
  if (a.version !== 4) throw new CalcError(`${describeInput(text)} is an IPv6 address, but an IPv4 address is needed here.`);
  return a.value;
}

/** Parse an IPv6 address only; an IPv4 address is a CalcError. */
export function parseIpv6(text: string): bigint {
  const a = parseAddress(text);
  if (a.version !== 6) throw new CalcError(`${describeInput(text)} is an IPv4 address, but an IPv6 address is needed here.`);
  return a.value;
}

/** True when `text` is a valid IPv4 or IPv6 address (never throws). */
export function isIpAddress(text: unknown): boolean {
  if (typeof text !== 'string' || text === '') return false;
  return typeof addressVersionRange(text, 0, text.length) === 'number';
}

/** Dotted-quad form of a 32-bit value held as a number (0 … 2^32 − 1; not checked). */
export function formatIpv4Number(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** Dotted-quad form of a 32-bit value. */
export function formatIpv4(value: bigint): string {
  if (typeof value !== 'bigint' || value < 0n || value > MAX_IPV4) {
    throw new CalcError(`${describeInput(value)} is not a 32-bit IPv4 address value (0 to 4294967295).`);
  }
  const n = Number(value);
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** Hex text of each byte value: without leading zero ('a') and with it ('0a'). */
const HEX_BYTE: string[] = [];
const HEX_BYTE_2: string[] = [];
for (let b = 0; b < 256; b++) {
  HEX_BYTE.push(b.toString(16));
  HEX_BYTE_2.push(b.toString(16).padStart(2, '0'));
}

/** `g.toString(16)` for a 16-bit group, from two table lookups (number-to-text in base 16 is slow). */
function hexGroup(g: number): string {
  const high = g >>> 8;
  return high === 0 ? (HEX_BYTE[g] as string) : (HEX_BYTE[high] as string) + (HEX_BYTE_2[g & 255] as string);
}

/**
 * RFC 5952 canonical text of a 128-bit value: lowercase hex, no leading zeros in a group, the
 * longest run of two or more zero groups (the first, on a tie) written as '::', and IPv4-mapped
 * addresses (::ffff:0:0/96) written with a dotted quad, as RFC 5952 section 5 recommends.
 */
export function formatIpv6(value: bigint): string {
  if (typeof value !== 'bigint' || value < 0n || value > MAX_IPV6) {
    throw new CalcError(`${describeInput(value)} is not a 128-bit IPv6 address value.`);
  }
  // Four 32-bit words, then number arithmetic only (fewer bigint steps than a group at a time,
  // and cheaper than reading the groups back out of value.toString(16)).
  const w0 = Number(BigInt.asUintN(32, value >> 96n));
  const w1 = Number(BigInt.asUintN(32, value >> 64n));
  const w2 = Number(BigInt.asUintN(32, value >> 32n));
  const w3 = Number(BigInt.asUintN(32, value));
  if (w0 === 0 && w1 === 0 && w2 === 0xffff) {
    return `::ffff:${w3 >>> 24}.${(w3 >>> 16) & 255}.${(w3 >>> 8) & 255}.${w3 & 255}`;
  }
  const groups: number[] = [w0 >>> 16, w0 & 0xffff, w1 >>> 16, w1 & 0xffff, w2 >>> 16, w2 & 0xffff, w3 >>> 16, w3 & 0xffff];
  let bestStart = -1;
  let bestLen = 0;
  let runStart = -1;
  for (let k = 0; k <= 8; k++) {
    if (k < 8 && groups[k] === 0) {
      if (runStart < 0) runStart = k;
    } else if (runStart >= 0) {
      if (k - runStart > bestLen) {
        bestLen = k - runStart;
        bestStart = runStart;
      }
      runStart = -1;
    }
  }
  if (bestLen < 2) bestStart = -1;
  let out = '';
  let afterColon = true; // at the start, or just after '::' (no ':' to add before the next group)
  for (let k = 0; k < 8; k++) {
    if (k === bestStart) {
      out += '::';
      afterColon = true;
      k += bestLen - 1;
      continue;
    }
    if (!afterColon) out += ':';
    afterColon = false;
    out += hexGroup(groups[k] as number);
  }
  return out;
}

/** Text form of an address: dotted quad for IPv4, RFC 5952 canonical form for IPv6. */
export function formatAddress(address: IpAddress): string {
  return address.version === 4 ? formatIpv4(address.value) : formatIpv6(address.value);
}

/** Canonical text of an address given as text (e.g. '2001:DB8:0:0::1' → '2001:db8::1'). */
export function normalizeAddress(text: string): string {
  return formatAddress(parseAddress(text));
}

/** Format a value of the given version. */
export function formatAddressValue(version: IpVersion, value: bigint): string {
  return version === 4 ? formatIpv4(value) : formatIpv6(value);
}

/** Offset an address by `delta` (e.g. base + 2 for the Amazon DNS address); CalcError if it leaves the address space. */
export function addToAddress(text: string, delta: number | bigint): string {
  const a = parseAddress(text);
  if (typeof delta === 'number' && !Number.isSafeInteger(delta)) {
    throw new CalcError(`The offset must be a whole number, but got ${describeInput(delta)}.`);
  }
  if (typeof delta !== 'number' && typeof delta !== 'bigint') {
    throw new CalcError(`The offset must be a whole number, but got ${describeInput(delta)}.`);
  }
  const v = a.value + BigInt(delta);
  const max = a.version === 4 ? MAX_IPV4 : MAX_IPV6;
  if (v < 0n || v > max) throw new CalcError(`${describeInput(text)} plus ${String(delta)} is outside the IPv${a.version} address space.`);
  return formatAddressValue(a.version, v);
}

/** Largest list the addressing functions accept (blocks, routes, subnets): a guard against runaway input. */
export const MAX_INPUT_LIST = 10_000;

/** CalcError unless `value` is an array of at most `max` entries; `what` names it for the message. */
export function requireList<T>(value: unknown, what: string, max = MAX_INPUT_LIST): readonly T[] {
  if (!Array.isArray(value)) throw new CalcError(`${what} must be a list, but got ${describeInput(value)}.`);
  if (value.length > max) {
    throw new CalcError(`${what} has ${value.length.toLocaleString('en-US')} entries; netprep handles at most ${max.toLocaleString('en-US')}.`);
  }
  return value as readonly T[];
}

/** CalcError unless `value` is a whole number within [min, max]; `what` names it for the message. */
export function requireWholeNumber(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new CalcError(`${what} must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, but got ${describeInput(value)}.`);
  }
  return value;
}
