/**
 * Internal input guards shared by the traffic-rules modules (load balancing, NACLs, security
 * groups, flows, DPD, ALB, draining). Not part of the public API: the barrel does not export it.
 * Each guard returns the checked value or throws a CalcError a student can act on; none builds a
 * string unless the input is wrong, so the plain calculation path stays fast.
 */
import { CalcError } from './errors';
import { ipv4Range, parseCidrRange, type CidrRange } from './cidr';
import { addressBits, describeInput, ipv4Number, parseAddress } from './ip';

/** Largest list (zones, rules, groups, requests) the core accepts: a guard against runaway input. */
export const MAX_LIST_LENGTH = 10_000;

/** Lowest and highest TCP/UDP port numbers (a port is a 16-bit number). */
export const PORT_MIN = 0;
export const PORT_MAX = 65_535;

/**
 * What a guard calls the value in its error message: text, or a function that builds the text,
 * so that callers on the fast path build no string unless the input is wrong.
 */
export type Label = string | (() => string);

/** The text of a label. */
export function labelText(what: Label): string {
  return typeof what === 'string' ? what : what();
}

/** Throw a CalcError with a message for the student. */
export function fail(message: string): never {
  throw new CalcError(message);
}

/** A list of at most MAX_LIST_LENGTH items (an empty list is allowed unless `min` says otherwise). */
export function checkList<T>(value: unknown, what: Label, min = 0): T[] {
  if (!Array.isArray(value)) fail(`${labelText(what)} must be a list, but got ${describeInput(value)}.`);
  if (value.length > MAX_LIST_LENGTH) {
    fail(`${labelText(what)} has ${value.length} entries; netprep handles at most ${MAX_LIST_LENGTH.toLocaleString('en-US')}.`);
  }
  if (value.length < min) fail(`${labelText(what)} needs at least ${min} ${min === 1 ? 'entry' : 'entries'}, but it is empty.`);
  return value as T[];
}

/** A whole number within [min, max]; `what` names it and `why` may add the rule behind the bounds. */
export function checkInteger(value: unknown, what: Label, min: number, max: number, why = ''): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const kind = typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value) ? ' whole' : '';
    fail(
      `${labelText(what)} must be a${kind} whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}` +
        `${why === '' ? '' : ` (${why})`}, but got ${describeInput(value)}.`,
    );
  }
  return value;
}

/** A finite number ≥ 0 (fractions allowed), e.g. a duration in seconds. */
export function checkNonNegative(value: unknown, what: Label, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
    fail(`${labelText(what)} must be a number from 0 to ${max.toLocaleString('en-US')}, but got ${describeInput(value)}.`);
  }
  return value;
}

/** A plain object (not null, not a list). */
export function checkObject<T extends object>(value: unknown, what: Label): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(`${labelText(what)} must be an object with named fields, but got ${describeInput(value)}.`);
  }
  return value as T;
}

/** One of a fixed set of strings. */
export function checkOneOf<T extends string>(value: unknown, what: Label, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(`${labelText(what)} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, but got ${describeInput(value)}.`);
  }
  return value as T;
}

/** A boolean. */
export function checkBoolean(value: unknown, what: Label): boolean {
  if (typeof value !== 'boolean') fail(`${labelText(what)} must be true or false, but got ${describeInput(value)}.`);
  return value;
}

/** A TCP/UDP port, 0–65535. */
export function checkPort(value: unknown, what: Label): number {
  return checkInteger(value, what, PORT_MIN, PORT_MAX, 'a port is a 16-bit number');
}

/** Zone label for worked steps: A, B, … Z, then "27", "28" … */
export function zoneLabel(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : String(index + 1);
}

/** Format a percentage for a worked step: at most 4 decimals, trailing zeros dropped. */
export function pct(value: number): string {
  return `${round4(value)} %`;
}

/**
 * `Number(value.toFixed(4))`: the value rounded to 4 decimals. When value × 10,000 is already a
 * whole number (shares such as 25, 6.25 or 12.5 %), that is value × 10,000 / 10,000, computed
 * without the slower decimal conversion of toFixed.
 */
export function round4(value: number): number {
  const scaled = value * 10_000;
  // `+ 0` turns -0 into 0, as Number('0.0000') does.
  if (Number.isInteger(scaled) && Math.abs(scaled) < 2 ** 53) return scaled / 10_000 + 0;
  return Number(value.toFixed(4));
}

/**
 * The block of a rule's CIDR, parsed by ./cidr, or the reason it is not a valid block (text).
 * Returning the reason (instead of throwing) lets the caller name the rule only when something
 * is wrong.
 */
export function tryRuleRange(cidr: unknown): CidrRange | string {
  if (typeof cidr !== 'string') return `it must be a CIDR block written as text, like 10.0.0.0/16, but got ${describeInput(cidr)}`;
  try {
    return parseCidrRange(cidr);
  } catch (e) {
    if (e instanceof CalcError) return e.message;
    throw e;
  }
}

/**
 * An IPv4 or IPv6 address, parsed by ./ip (CalcError when it is not one), as the one-address block
 * (/32 or /128) so rule blocks can be tested with ./cidr's `rangeContainsRange`.
 */
export function checkAddress(address: unknown, what: Label): CidrRange {
  if (typeof address !== 'string') fail(`${labelText(what)} must be an IP address written as text, but got ${describeInput(address)}.`);
  // The two addresses read last come back without parsing: a flow's two ends, or one server
  // checked against one client after another.
  if (address === recentText[0]) return recentRange[0] as CidrRange;
  if (address === recentText[1]) return recentRange[1] as CidrRange;
  const v4 = ipv4Number(address); // the common case, without a bigint per call
  let range: CidrRange;
  if (v4 !== null) range = ipv4Range(v4, 32);
  else {
    const a = parseAddress(address);
    range = { version: a.version, bits: addressBits(a.version), prefix: addressBits(a.version), first: a.value, last: a.value };
  }
  // Remember it in place of the older of the two. Ranges are never mutated by their users, so
  // sharing one is safe; only valid addresses are remembered (a bad one throws above).
  const slot = recentNext;
  recentNext = 1 - slot;
  recentText[slot] = address;
  recentRange[slot] = range;
  return range;
}
const recentText: (string | undefined)[] = [undefined, undefined];
const recentRange: (CidrRange | undefined)[] = [undefined, undefined];
let recentNext = 0;

/** Whether a value is a TCP/UDP port number (a whole number 0–65535). */
function isPort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= PORT_MIN && value <= PORT_MAX;
}

/**
 * The fast yes/no form of `checkRulePorts` (same rule, no messages): tcp/udp need a forward range
 * of ports, icmp/all take none; any other protocol fails.
 */
export function rulePortsOk(protocol: unknown, fromPort: unknown, toPort: unknown): boolean {
  if (protocol === 'tcp' || protocol === 'udp') return isPort(fromPort) && isPort(toPort) && fromPort <= toPort;
  if (protocol === 'icmp' || protocol === 'all') return fromPort === undefined && toPort === undefined;
  return false;
}

/**
 * A firewall rule's port range (NACL and security group rules): tcp and udp rules need both
 * `fromPort` and `toPort` (0–65535, from ≤ to; 0–65535 means all ports); icmp and all-traffic
 * rules have none, and cover every packet of their protocol. Returns [from, to]. Throws a
 * CalcError naming `label` and the problem; `rulePortsOk` is its fast yes/no form.
 */
export function checkRulePorts(protocol: string, fromPort: unknown, toPort: unknown, label: Label): [number, number] {
  if (protocol === 'tcp' || protocol === 'udp') {
    if (fromPort === undefined || toPort === undefined) {
      fail(`${labelText(label)} is a ${protocol.toUpperCase()} rule, so it needs a port range (fromPort and toPort; 0–65535 means all ports).`);
    }
    const from = checkPort(fromPort, `${labelText(label)}'s fromPort`);
    const to = checkPort(toPort, `${labelText(label)}'s toPort`);
    if (from > to) fail(`${labelText(label)}'s port range ${from}–${to} runs backwards; fromPort must not be above toPort.`);
    return [from, to];
  }
  if (fromPort !== undefined || toPort !== undefined) {
    fail(
      protocol === 'icmp'
        ? `${labelText(label)} is an ICMP rule, and ICMP has no ports (it uses types and codes); leave fromPort and toPort out.`
        : `${labelText(label)} covers all protocols, so it applies to all ports; leave fromPort and toPort out.`,
    );
  }
  return [PORT_MIN, PORT_MAX];
}

/** A packet's destination port: required (0–65535) for tcp/udp, absent for icmp; −1 when none. */
export function checkPacketPort(protocol: 'tcp' | 'udp' | 'icmp', port: unknown, what: Label): number {
  if (protocol === 'icmp') {
    if (port !== undefined) fail(`${labelText(what)}: ICMP has no ports (it uses types and codes); leave the port out.`);
    return -1;
  }
  if (isPort(port)) return port;
  if (port === undefined) fail(`${labelText(what)}: a ${protocol.toUpperCase()} packet needs a destination port (0–65535).`);
  return checkPort(port, `${labelText(what)}'s port`);
}

/**
 * A protocol or rule action in capitals for a worked step ('tcp' → 'TCP', 'deny' → 'DENY'): the
 * names the rules use come from a table, anything else from toUpperCase (which makes a new
 * string on every call).
 */
export function upperName(name: string): string {
  switch (name) {
    case 'tcp':
      return 'TCP';
    case 'udp':
      return 'UDP';
    case 'icmp':
      return 'ICMP';
    case 'all':
      return 'ALL';
    case 'allow':
      return 'ALLOW';
    case 'deny':
      return 'DENY';
    default:
      return name.toUpperCase();
  }
}

/** Protocol match of a firewall rule: 'all' matches every protocol. */
export function protocolMatches(ruleProtocol: string, packetProtocol: string): boolean {
  return ruleProtocol === 'all' || ruleProtocol === packetProtocol;
}
