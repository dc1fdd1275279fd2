/**
 * The NACL playground's form state and its bridge to lib/calc/nacl: text fields in, `NaclRule` and
 * `NaclPacket` out, and the core's problems and verdict back, placed next to the row or field
 * they are about. Whether a rule or packet is allowed, and why, is always the core's answer.
 */
import { parseAddress } from '@/lib/calc/ip';
import {
  evaluateNacl,
  explainEvaluateNacl,
  NACL_ACTIONS,
  NACL_PROTOCOLS,
  validateNaclRules,
  type NaclAction,
  type NaclDecision,
  type NaclPacket,
  type NaclProtocol,
  type NaclRule,
} from '@/lib/calc/nacl';
import type { Explained } from '@/lib/calc/steps';
import { attempt, readNumber, type Attempt } from './widget-parts';

export interface RuleRow {
  key: string;
  ruleNumber: string;
  action: NaclAction;
  protocol: NaclProtocol;
  fromPort: string;
  toPort: string;
  cidr: string;
}

export type PacketProtocol = NaclPacket['protocol'];
export const PACKET_PROTOCOLS: readonly PacketProtocol[] = ['tcp', 'udp', 'icmp'];

export interface PacketForm {
  protocol: PacketProtocol;
  port: string;
  address: string;
}

/**
 * Whether the form shows port fields for a protocol: `NaclRule` and `NaclPacket` carry ports for
 * tcp and udp only (lib/calc/nacl's field docs), so icmp and all-traffic rows leave them out.
 */
export function takesPorts(protocol: string): boolean {
  return protocol === 'tcp' || protocol === 'udp';
}

export const DEFAULT_RULES: NaclRule[] = [
  { ruleNumber: 100, action: 'allow', protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' },
  { ruleNumber: 110, action: 'allow', protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '10.0.0.0/16' },
  { ruleNumber: 90, action: 'deny', protocol: 'all', cidr: '203.0.113.0/24' },
];
export const DEFAULT_PACKET: NaclPacket = { protocol: 'tcp', port: 443, address: '198.51.100.7' };

const text = (v: unknown) => (typeof v === 'number' || typeof v === 'string' ? String(v) : '');
const field = (o: unknown, name: string): unknown => (typeof o === 'object' && o !== null ? Reflect.get(o, name) : undefined);
/** `v` when it is one of `allowed`, else `fallback` (for select values and lesson specs). */
export function oneOf<T extends string>(v: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.find((a) => a === v) ?? fallback;
}

/** Form rows from a lesson's rules (checked by the content tests; anything odd is left for the core to report). */
export function rowsFromRules(rules: readonly unknown[], key: (i: number) => string): RuleRow[] {
  return rules.map((r, i) => ({
    key: key(i),
    ruleNumber: text(field(r, 'ruleNumber')),
    action: oneOf(field(r, 'action'), NACL_ACTIONS, 'deny'),
    protocol: oneOf(field(r, 'protocol'), NACL_PROTOCOLS, 'all'),
    fromPort: text(field(r, 'fromPort')),
    toPort: text(field(r, 'toPort')),
    cidr: text(field(r, 'cidr')),
  }));
}

export function packetFormFrom(packet: unknown): PacketForm {
  return {
    protocol: oneOf(field(packet, 'protocol'), PACKET_PROTOCOLS, 'tcp'),
    port: text(field(packet, 'port')),
    address: text(field(packet, 'address')),
  };
}

type Read = { ok: true; value: number | undefined } | { ok: false; error: string };

function readOptional(value: string, what: string): Read {
  const n = readNumber(value);
  if (n.kind === 'junk') return { ok: false, error: `${what}: '${n.text}' is not a number.` };
  return { ok: true, value: n.kind === 'number' ? n.value : undefined };
}

/** A row as the core's rule, or the form's own complaint when a field is empty or not a number. */
export function ruleFromRow(row: RuleRow, index: number): { rule: NaclRule } | { error: string } {
  const number = readNumber(row.ruleNumber);
  if (number.kind === 'empty') return { error: `Row ${index + 1}: enter a rule number.` };
  if (number.kind === 'junk') return { error: `Row ${index + 1}: '${number.text}' is not a rule number.` };
  const rule: NaclRule = { ruleNumber: number.value, action: row.action, protocol: row.protocol, cidr: row.cidr.trim() };
  if (takesPorts(row.protocol)) {
    const from = readOptional(row.fromPort, `Rule ${number.value}, first port`);
    if (!from.ok) return { error: from.error };
    const to = readOptional(row.toPort, `Rule ${number.value}, last port`);
    if (!to.ok) return { error: to.error };
    rule.fromPort = from.value;
    rule.toPort = to.value;
  }
  return { rule };
}

/**
 * The core's problems with each rule, in the row they belong to. `validateNaclRules` reports a
 * whole list; validating each prefix of the list and keeping what the new rule added puts every
 * message next to its row (a repeated rule number lands on the later row).
 */
export function problemsByRow(rules: NaclRule[]): string[][] {
  const out: string[][] = [];
  let before: string[] = [];
  for (let i = 0; i < rules.length; i++) {
    const now = validateNaclRules(rules.slice(0, i + 1));
    const left = [...before];
    out.push(
      now.filter((message) => {
        const at = left.indexOf(message);
        if (at < 0) return true;
        left.splice(at, 1);
        return false;
      }),
    );
    before = now;
  }
  return out;
}

export interface PacketCheck {
  /** The packet, when the core finds nothing wrong with it. */
  packet: NaclPacket | null;
  portError: string | null;
  addressError: string | null;
}

/**
 * The packet form as the core's packet, with the core's problems split by field. The address is
 * checked by itself (`parseAddress`, which the NACL check uses too); the whole packet against no
 * rules then catches the port, and any message that is not the address's own is the port's.
 */
export function checkPacketForm(form: PacketForm): PacketCheck {
  const address = form.address.trim();
  const parsed = attempt(() => parseAddress(address));
  const addressError = parsed.ok ? null : parsed.error;
  const port = takesPorts(form.protocol) ? readOptional(form.port, 'Port') : ({ ok: true, value: undefined } as const);
  if (!port.ok) return { packet: null, portError: port.error, addressError };
  const packet: NaclPacket = { protocol: form.protocol, port: port.value, address };
  const whole = attempt(() => evaluateNacl([], packet));
  const portError = whole.ok || whole.error === addressError ? null : whole.error;
  return { packet: portError === null && addressError === null ? packet : null, portError, addressError };
}

export function evaluate(rules: NaclRule[], packet: NaclPacket): Attempt<Explained<NaclDecision>> {
  return attempt(() => explainEvaluateNacl(rules, packet));
}

/** The verdict in words, e.g. "Allowed by rule 100" or "Denied by the implicit deny rule (*)". */
export function verdictText(decision: NaclDecision): string {
  if (decision.ruleNumber === '*') return 'Denied by the implicit deny rule (*)';
  return `${decision.action === 'allow' ? 'Allowed' : 'Denied'} by rule ${decision.ruleNumber}`;
}

/** A new row's number: the next multiple of 10 above the highest number typed so far (100 in an empty table). */
export function suggestRuleNumber(rows: readonly RuleRow[]): number {
  let highest = 90;
  for (const row of rows) {
    const n = readNumber(row.ruleNumber);
    if (n.kind === 'number' && n.value > highest) highest = n.value;
  }
  return (Math.floor(highest / 10) + 1) * 10;
}

/** A new row: TCP on port 80 from anywhere, ready to edit. */
export function newRow(key: string, rows: readonly RuleRow[]): RuleRow {
  return { key, ruleNumber: String(suggestRuleNumber(rows)), action: 'allow', protocol: 'tcp', fromPort: '80', toPort: '80', cidr: '0.0.0.0/0' };
}

export interface PlaygroundView {
  /** Per row, the form's or the core's problems (empty when the row is fine). */
  rowErrors: string[][];
  packet: PacketCheck;
  /** The core's verdict and steps; null while a rule or the packet has a problem. */
  outcome: Attempt<Explained<NaclDecision>> | null;
  /** Index of the row whose rule decided, if a numbered rule did. */
  matchedRow: number | undefined;
}

/** Everything the playground shows for its rows and packet, from the core. */
export function evaluatePlayground(rows: readonly RuleRow[], form: PacketForm): PlaygroundView {
  const built = rows.map((row, i) => ruleFromRow(row, i));
  // Rows the form can read go to the core, which says what is wrong with each.
  const complete: { index: number; rule: NaclRule }[] = [];
  built.forEach((b, index) => {
    if ('rule' in b) complete.push({ index, rule: b.rule });
  });
  const coreProblems = problemsByRow(complete.map((c) => c.rule));
  const rowErrors = built.map((b, index) => ('error' in b ? [b.error] : (coreProblems[complete.findIndex((c) => c.index === index)] ?? [])));
  const packet = checkPacketForm(form);
  const rulesOk = rowErrors.every((e) => e.length === 0);
  const outcome = rulesOk && packet.packet ? evaluate(complete.map((c) => c.rule), packet.packet) : null;
  const decided = outcome?.ok ? outcome.value.result.ruleNumber : '*';
  const matchedRow = decided === '*' ? undefined : complete.find((c) => c.rule.ruleNumber === decided)?.index;
  return { rowErrors, packet, outcome, matchedRow };
}
