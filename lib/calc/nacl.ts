/**
 * Network ACLs: stateless subnet firewalls with numbered allow/deny rules, evaluated lowest
 * number first, first match wins, and a final implicit deny ('*'). Facts sheet section 6,
 * rows 49–59. Flows through two NACLs and the return traffic live in ./flows.
 *
 * A packet's `port` is its destination port, as in AWS: an inbound rule's port range is checked
 * against the port the traffic arrives on, an outbound rule's against the port it is sent to.
 * `address` is the remote end: the source of inbound traffic, the destination of outbound traffic.
 */
import { formatRange, rangeContainsRange, type CidrRange } from './cidr';
import { CalcError } from './errors';
import type { Explained, Step } from './steps';
import { describeInput } from './ip';
import {
  checkAddress,
  checkInteger,
  checkList,
  checkObject,
  checkOneOf,
  checkPacketPort,
  checkRulePorts,
  fail,
  protocolMatches,
  PORT_MAX,
  PORT_MIN,
  rulePortsOk,
  tryRuleRange,
  upperName,
} from './traffic-guards';

/** Lowest and highest rule numbers you can use (facts row 56). */
export const NACL_RULE_NUMBER_MIN = 1;
export const NACL_RULE_NUMBER_MAX = 32_766;
/** The built-in '*' deny rule counts as 32767 for IPv4 and 32768 for IPv6 (facts row 56). */
export const NACL_IMPLICIT_DENY_IPV4 = 32_767;
export const NACL_IMPLICIT_DENY_IPV6 = 32_768;
/** Default quota of rules per direction, per IP version (facts row 56). */
export const NACL_RULES_PER_DIRECTION_DEFAULT = 20;
/** Highest the rules-per-direction quota can be raised to (facts row 56). */
export const NACL_RULES_PER_DIRECTION_MAX = 40;

export type NaclAction = 'allow' | 'deny';
export type NaclProtocol = 'tcp' | 'udp' | 'icmp' | 'all';
export type NaclDirection = 'inbound' | 'outbound';

/** One NACL rule. `fromPort`/`toPort` are required for tcp and udp, and absent for icmp and all. */
export type NaclRule = {
  ruleNumber: number;
  action: NaclAction;
  protocol: NaclProtocol;
  fromPort?: number;
  toPort?: number;
  cidr: string;
};

/** A packet as a NACL sees it: `address` is the remote end, `port` the destination port (tcp/udp only). */
export type NaclPacket = { protocol: 'tcp' | 'udp' | 'icmp'; port?: number; address: string };

export interface NaclDecision {
  action: NaclAction;
  /** The rule that decided, or '*' for the final implicit deny. */
  ruleNumber: number | '*';
}

/** A network ACL: its inbound and outbound rule lists (facts row 57). */
export interface Nacl {
  inbound: NaclRule[];
  outbound: NaclRule[];
}

export const NACL_ACTIONS: readonly NaclAction[] = ['allow', 'deny'];
export const NACL_PROTOCOLS: readonly NaclProtocol[] = ['tcp', 'udp', 'icmp', 'all'];
const PACKET_PROTOCOLS: readonly NaclPacket['protocol'][] = ['tcp', 'udp', 'icmp'];

/** A rule after its checks: the parsed block and the port range (0–65535 when ports do not apply). */
interface CheckedRule {
  rule: NaclRule;
  /** Its position in the list given. */
  index: number;
  range: CidrRange;
  from: number;
  to: number;
}

interface CheckedPacket {
  protocol: NaclPacket['protocol'];
  port: number;
  host: CidrRange;
}

/** Whether a protocol carries port numbers. */
function hasPorts(protocol: string): boolean {
  return protocol === 'tcp' || protocol === 'udp';
}

function isRuleNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= NACL_RULE_NUMBER_MIN && n <= NACL_RULE_NUMBER_MAX;
}

/**
 * Check one rule: number 1–32766, action, protocol, ports 0–65535 with from ≤ to for tcp/udp and
 * none for icmp/all, and a valid CIDR (via ./cidr). Throws a CalcError naming the rule. The
 * well-formed case is tested first without building any text; `ruleFault` words the problem.
 */
function checkRule(rule: unknown, index: number): CheckedRule {
  const r = rule as NaclRule;
  if (
    typeof rule !== 'object' ||
    rule === null ||
    !isRuleNumber(r.ruleNumber) ||
    (r.action !== 'allow' && r.action !== 'deny') ||
    !rulePortsOk(r.protocol, r.fromPort, r.toPort)
  ) {
    ruleFault(rule, index);
  }
  const range = tryRuleRange(r.cidr);
  if (typeof range === 'string') fail(`NACL rule ${r.ruleNumber}'s CIDR: ${range}`);
  const ports = hasPorts(r.protocol);
  return { rule: r, index, range, from: ports ? (r.fromPort as number) : PORT_MIN, to: ports ? (r.toPort as number) : PORT_MAX };
}

/** Throw the CalcError that says what is wrong with a rule `checkRule` refused. */
function ruleFault(rule: unknown, index: number): never {
  const r = checkObject<NaclRule>(rule, `NACL rule ${index + 1}`);
  const n = r.ruleNumber;
  if (n === NACL_IMPLICIT_DENY_IPV4 || n === NACL_IMPLICIT_DENY_IPV6) {
    fail(`Rule number ${n} is taken by the built-in '*' deny rule; your rules can use 1 to ${NACL_RULE_NUMBER_MAX}.`);
  }
  checkInteger(n, `NACL rule ${index + 1}'s number`, NACL_RULE_NUMBER_MIN, NACL_RULE_NUMBER_MAX, 'rules run lowest number first');
  const label = `NACL rule ${n}`;
  checkOneOf(r.action, `${label}'s action`, NACL_ACTIONS);
  const protocol = checkOneOf(r.protocol, `${label}'s protocol`, NACL_PROTOCOLS);
  checkRulePorts(protocol, r.fromPort, r.toPort, label);
  return fail(`${label} is not a valid NACL rule.`);
}

/** Check a packet: protocol tcp/udp/icmp, a port 0–65535 for tcp/udp and none for icmp, an IP address. */
function checkPacket(packet: unknown): CheckedPacket {
  const p = checkObject<NaclPacket>(packet, 'The packet');
  const protocol =
    p.protocol === 'tcp' || p.protocol === 'udp' || p.protocol === 'icmp' ? p.protocol : checkOneOf(p.protocol, "The packet's protocol", PACKET_PROTOCOLS);
  const port = checkPacketPort(protocol, p.port, 'The packet');
  return { protocol, port, host: checkAddress(p.address, "The packet's address") };
}

/** Why a rule does not match: 0 = it matches, 1 = protocol, 2 = port, 3 = address (incl. IP version). */
function mismatch(c: CheckedRule, p: CheckedPacket): 0 | 1 | 2 | 3 {
  if (!protocolMatches(c.rule.protocol, p.protocol)) return 1;
  if (p.port >= 0 && (p.port < c.from || p.port > c.to)) return 2;
  if (!rangeContainsRange(c.range, p.host)) return 3;
  return 0;
}

/** Check every rule and refuse duplicate rule numbers. */
function checkRules(rules: unknown): CheckedRule[] {
  const list = checkList<NaclRule>(rules, 'The NACL rule list');
  const out = new Array<CheckedRule>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = checkRule(list[i], i);
  if (out.length <= 16) {
    for (let i = 1; i < out.length; i++) {
      const n = (out[i] as CheckedRule).rule.ruleNumber;
      for (let j = 0; j < i; j++) if ((out[j] as CheckedRule).rule.ruleNumber === n) duplicate(n);
    }
  } else {
    const seen = new Set<number>();
    for (const c of out) {
      if (seen.has(c.rule.ruleNumber)) duplicate(c.rule.ruleNumber);
      seen.add(c.rule.ruleNumber);
    }
  }
  return out;
}

function duplicate(n: number): never {
  return fail(`Two NACL rules have number ${n}; each rule number in a direction must be unique.`);
}

function byNumber(a: CheckedRule, b: CheckedRule): number {
  return a.rule.ruleNumber - b.rule.ruleNumber;
}

/**
 * Evaluate a NACL rule list (one direction) for a packet: rules run from the lowest number up
 * whatever their order in the list, the first match decides, and a packet no rule matches meets
 * the final implicit deny ('*'). Facts rows 54 and 56. Rule numbers 1–32766; ports 0–65535;
 * duplicate rule numbers, bad CIDRs and ports on icmp/all rules are CalcErrors.
 */
export function evaluateNacl(rules: NaclRule[], packet: NaclPacket): NaclDecision {
  const checked = checkRules(rules);
  const p = checkPacket(packet);
  // The lowest-numbered matching rule is the first match in rule-number order.
  let best: CheckedRule | undefined;
  for (const c of checked) {
    if (best !== undefined && c.rule.ruleNumber > best.rule.ruleNumber) continue;
    if (mismatch(c, p) === 0) best = c;
  }
  return best === undefined ? { action: 'deny', ruleNumber: '*' } : { action: best.rule.action, ruleNumber: best.rule.ruleNumber };
}

function describeRule(c: CheckedRule): string {
  const r = c.rule;
  const what = r.protocol === 'all' ? 'all traffic' : hasPorts(r.protocol) ? `${upperName(r.protocol)} ${c.from === c.to ? `port ${c.from}` : `ports ${c.from}–${c.to}`}` : 'ICMP';
  return `${upperName(r.action)} ${what} for ${formatRange(c.range)}`;
}

/** The worked step for one rule checked against a packet: it matches (and decides), or why not. */
function ruleStep(c: CheckedRule, p: CheckedPacket, pkt: string): Step {
  const why = mismatch(c, p);
  const head = `Rule ${c.rule.ruleNumber} (${describeRule(c)}): `;
  if (why === 0) {
    return {
      text: `${head}matches — ${upperName(p.protocol)}${p.port >= 0 ? ` port ${p.port}` : ''} from/to ${pkt}. Verdict: ${upperName(c.rule.action)}.`,
      values: { ruleNumber: c.rule.ruleNumber, matches: true, action: c.rule.action },
    };
  }
  const reason =
    why === 1
      ? `the packet is ${upperName(p.protocol)}, the rule is for ${upperName(c.rule.protocol)}`
      : why === 2
        ? `port ${p.port} is outside ${c.from}–${c.to}`
        : c.range.version !== p.host.version
          ? `the rule is for IPv${c.range.version} and ${pkt} is IPv${p.host.version}`
          : `${pkt} is not in ${formatRange(c.range)}`;
  return { text: `${head}no match: ${reason}.`, values: { ruleNumber: c.rule.ruleNumber, matches: false } };
}

/** `evaluateNacl` with the worked steps: the rules in order, why each matches or not, the verdict. */
export function explainEvaluateNacl(rules: NaclRule[], packet: NaclPacket): Explained<NaclDecision> {
  const sorted = checkRules(rules).sort(byNumber);
  const p = checkPacket(packet);
  const pkt = (packet as NaclPacket).address;
  return explainSorted(sorted, p, pkt, (c) => ruleStep(c, p, pkt));
}

/**
 * `explainEvaluateNacl`, and `ruleStep(i)`: the step `explainNaclRule` writes for `rules[i]`, with
 * the rules and the packet checked once (each step is worded once, when first needed). The
 * prepared form for a caller that explains the verdict and, separately, why rules do not match.
 */
export function explainEvaluateNaclWithRuleSteps(rules: NaclRule[], packet: NaclPacket): Explained<NaclDecision> & { ruleStep(i: number): Step } {
  const checked = checkRules(rules);
  const p = checkPacket(packet);
  const pkt = (packet as NaclPacket).address;
  const made = new Array<Step | undefined>(checked.length);
  const stepAt = (i: number): Step => (made[i] ??= ruleStep(checked[i] as CheckedRule, p, pkt));
  const explained = explainSorted(checked.slice().sort(byNumber), p, pkt, (c) => stepAt(c.index));
  return { result: explained.result, steps: explained.steps, ruleStep: stepAt };
}

/** The worked steps over the rules sorted by number; `stepFor(c)` gives a rule's step (see `ruleStep`). */
function explainSorted(sorted: readonly CheckedRule[], p: CheckedPacket, pkt: string, stepFor: (c: CheckedRule) => Step): Explained<NaclDecision> {
  const order = sorted.map((c) => c.rule.ruleNumber).join(', ');
  const steps: Step[] = [
    {
      text: `Rules are evaluated lowest number first: ${order === '' ? '*' : `${order}, *`}. The first rule that matches decides; later rules are ignored.`,
      values: { rules: sorted.length },
    },
  ];
  for (const c of sorted) {
    const step = stepFor(c);
    steps.push(step);
    if (step.values?.matches === true) return { result: { action: c.rule.action, ruleNumber: c.rule.ruleNumber }, steps };
  }
  steps.push({
    text: `No numbered rule matched, so the final '*' rule (${p.host.version === 4 ? NACL_IMPLICIT_DENY_IPV4 : NACL_IMPLICIT_DENY_IPV6}) denies the packet.`,
    values: { ruleNumber: '*', action: 'deny' },
  });
  return { result: { action: 'deny', ruleNumber: '*' }, steps };
}

/**
 * Whether each rule, on its own, matches the packet: protocol ('all' matches any), port within
 * the rule's range (tcp/udp) and the remote address inside the rule's block (facts row 54). Rule
 * numbers and actions play no part; the rules are checked as for `evaluateNacl`.
 */
export function naclRuleMatches(rules: NaclRule[], packet: NaclPacket): boolean[] {
  const checked = checkRules(rules);
  const p = checkPacket(packet);
  const out = new Array<boolean>(checked.length);
  for (let i = 0; i < checked.length; i++) out[i] = mismatch(checked[i] as CheckedRule, p) === 0;
  return out;
}

/** The worked step `explainEvaluateNacl` writes for one rule: it matches the packet, or why not. */
export function explainNaclRule(rule: NaclRule, packet: NaclPacket): Step {
  return ruleStep(checkRule(rule, 0), checkPacket(packet), (packet as NaclPacket).address);
}

/**
 * The order in which a rule list is evaluated: rule numbers ascending, then '*' (facts row 54).
 * The rules are checked as for `evaluateNacl`.
 */
export function naclEvaluationOrder(rules: NaclRule[]): (number | '*')[] {
  const sorted = checkRules(rules).sort(byNumber);
  const out: (number | '*')[] = sorted.map((c) => c.rule.ruleNumber);
  out.push('*');
  return out;
}

/** `naclEvaluationOrder` with the rule it applies as a step. */
export function explainNaclEvaluationOrder(rules: NaclRule[]): Explained<(number | '*')[]> {
  const result = naclEvaluationOrder(rules);
  return {
    result,
    steps: [
      {
        text: `A NACL checks rules by number, lowest first, whatever order they were added in: ${result.join(', ')}. '*' is the final deny-all rule.`,
      },
    ],
  };
}

export interface NaclValidationOptions {
  /** Rules-per-direction quota per IP version: default 20, at most 40 (facts row 56). */
  quota?: number;
}

function checkQuota(opts: NaclValidationOptions | undefined): number {
  if (opts === undefined) return NACL_RULES_PER_DIRECTION_DEFAULT;
  const o = checkObject<NaclValidationOptions>(opts, 'The validation options');
  return o.quota === undefined
    ? NACL_RULES_PER_DIRECTION_DEFAULT
    : checkInteger(o.quota, 'The NACL rule quota', 1, NACL_RULES_PER_DIRECTION_MAX, 'the default is 20 and it can be raised to 40');
}

/**
 * Problems with one direction's rule list (empty = valid): each rule's number (1–32766), action,
 * protocol, ports and CIDR as `evaluateNacl` checks them, duplicate numbers, and the quota of 20
 * rules per direction per IP version (facts row 56; raise with `quota`, up to 40).
 */
export function validateNaclRules(rules: NaclRule[], opts?: NaclValidationOptions): string[] {
  const quota = checkQuota(opts);
  if (!Array.isArray(rules)) return [`The NACL rule list must be a list, but got ${describeInput(rules)}.`];
  const list = checkList<NaclRule>(rules, 'The NACL rule list');
  const problems: string[] = [];
  const seen = new Map<number, number>();
  let v4 = 0;
  let v6 = 0;
  for (let i = 0; i < list.length; i++) {
    try {
      const c = checkRule(list[i], i);
      if (c.range.version === 4) v4++;
      else v6++;
      const n = c.rule.ruleNumber;
      seen.set(n, (seen.get(n) ?? 0) + 1);
    } catch (e) {
      if (!(e instanceof CalcError)) throw e;
      problems.push(e.message);
    }
  }
  for (const [n, count] of seen) if (count > 1) problems.push(`Rule number ${n} is used ${count} times; each rule number in a direction must be unique.`);
  if (v4 > quota) problems.push(`There are ${v4} IPv4 rules; the quota is ${quota} per direction (default 20, can be raised to 40).`);
  if (v6 > quota) problems.push(`There are ${v6} IPv6 rules; the quota is ${quota} per direction (default 20, can be raised to 40).`);
  return problems;
}

/** Problems with both directions of a NACL, each prefixed 'Inbound:' or 'Outbound:' (facts rows 56–57). */
export function validateNacl(nacl: Nacl, opts?: NaclValidationOptions): string[] {
  const n = checkObject<Nacl>(nacl, 'The NACL');
  return [
    ...validateNaclRules(n.inbound, opts).map((p) => `Inbound: ${p}`),
    ...validateNaclRules(n.outbound, opts).map((p) => `Outbound: ${p}`),
  ];
}

/** Evaluate one direction of a NACL (facts row 57): `evaluateNacl` on its inbound or outbound list. */
export function evaluateNaclDirection(nacl: Nacl, direction: NaclDirection, packet: NaclPacket): NaclDecision {
  const n = checkObject<Nacl>(nacl, 'The NACL');
  return evaluateNacl(checkOneOf(direction, 'The direction', ['inbound', 'outbound'] as const) === 'inbound' ? n.inbound : n.outbound, packet);
}

/** `evaluateNaclDirection` with the worked steps of `explainEvaluateNacl`. */
export function explainEvaluateNaclDirection(nacl: Nacl, direction: NaclDirection, packet: NaclPacket): Explained<NaclDecision> {
  const n = checkObject<Nacl>(nacl, 'The NACL');
  const d = checkOneOf(direction, 'The direction', ['inbound', 'outbound'] as const);
  const inner = explainEvaluateNacl(d === 'inbound' ? n.inbound : n.outbound, packet);
  return { result: inner.result, steps: [{ text: `The ${d} rules of the NACL apply.` }, ...inner.steps] };
}
