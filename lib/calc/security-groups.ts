/**
 * Security groups: stateful, allow-only firewalls on a network interface. Traffic is allowed when
 * any rule of any group on the interface allows it; return traffic of an allowed connection is
 * allowed automatically. Facts sheet section 5, rows 41–48.
 *
 * A rule's peer is either a CIDR block or another security group: a group reference matches
 * traffic from (inbound) or to (outbound) any interface that is a member of that group, so the
 * remote end's group membership is part of the traffic description.
 */
import { formatRange, rangeContainsRange, type CidrRange } from './cidr';
import { CalcError } from './errors';
import { describeInput } from './ip';
import type { Explained, Step } from './steps';
import { thousands } from './numbers';
import {
  checkAddress,
  checkInteger,
  checkList,
  checkObject,
  checkOneOf,
  checkPacketPort,
  checkRulePorts,
  fail,
  PORT_MAX,
  PORT_MIN,
  protocolMatches,
  rulePortsOk,
  tryRuleRange,
  upperName,
} from './traffic-guards';

/** Default quota of inbound rules per group, counted separately for IPv4 and IPv6 (facts row 44). */
export const SG_INBOUND_RULES_DEFAULT = 60;
/** Default quota of outbound rules per group, counted separately for IPv4 and IPv6 (facts row 44). */
export const SG_OUTBOUND_RULES_DEFAULT = 60;
/** Default number of security groups per network interface (facts row 45). */
export const SG_GROUPS_PER_ENI_DEFAULT = 5;
/** Highest the groups-per-interface quota can be raised to (facts row 45). */
export const SG_GROUPS_PER_ENI_MAX = 16;
/** Rules per group × groups per interface may not exceed this (facts rows 44–45). */
export const SG_RULES_TIMES_GROUPS_MAX = 1_000;

export type SgProtocol = 'tcp' | 'udp' | 'icmp' | 'all';
export type SgDirection = 'inbound' | 'outbound';

/**
 * One security group rule. Give exactly one peer: `cidr` (a block) or `groupId` (another security
 * group). `action` exists only so that a 'deny' can be refused with the reason: security groups
 * have allow rules only (facts row 48).
 */
export interface SgRule {
  protocol: SgProtocol;
  fromPort?: number;
  toPort?: number;
  cidr?: string;
  groupId?: string;
  action?: 'allow' | 'deny';
}

export interface SecurityGroup {
  id: string;
  inbound: SgRule[];
  outbound: SgRule[];
}

/**
 * A new connection as the interface's security groups see it. `address` is the remote end (the
 * source of inbound traffic, the destination of outbound traffic), `port` the destination port,
 * and `remoteGroupIds` the security groups of the remote interface, if it is in the VPC.
 */
export interface SgTraffic {
  direction: SgDirection;
  protocol: 'tcp' | 'udp' | 'icmp';
  port?: number;
  address: string;
  remoteGroupIds?: string[];
}

export interface SgDecision {
  allowed: boolean;
  /** The group and the index (in its rule list for the direction) of a rule that allows it, or null. */
  groupId: string | null;
  ruleIndex: number | null;
}

export const SG_PROTOCOLS: readonly SgProtocol[] = ['tcp', 'udp', 'icmp', 'all'];
const TRAFFIC_PROTOCOLS: readonly SgTraffic['protocol'][] = ['tcp', 'udp', 'icmp'];
const DIRECTIONS: readonly SgDirection[] = ['inbound', 'outbound'];

const DENY_MESSAGE =
  'Security groups have only allow rules, no deny rules: traffic that no rule allows is dropped. ' +
  'To block something, leave it out of the allow rules, or use a deny rule in a network ACL.';

interface CheckedSgRule {
  rule: SgRule;
  groupId: string;
  index: number;
  from: number;
  to: number;
  /** The peer block, or null when the peer is a security group. */
  range: CidrRange | null;
}

interface CheckedTraffic {
  direction: SgDirection;
  protocol: SgTraffic['protocol'];
  port: number;
  host: CidrRange;
  remote: readonly string[];
}

function isGroupId(id: unknown): id is string {
  return typeof id === 'string' && id.length >= 4 && id.startsWith('sg-');
}

function checkGroupId(id: unknown, what: string): string {
  if (!isGroupId(id)) fail(`${what} must be a security group id such as 'sg-0a1b2c', but got ${describeInput(id)}.`);
  return id;
}

/**
 * Check one rule: allow only, protocol, ports as for NACLs, exactly one peer (CIDR via ./cidr or
 * a group id). The well-formed case is tested first without building any text; `sgRuleFault`
 * words the problem.
 */
function checkSgRule(rule: unknown, groupId: string, direction: SgDirection, index: number): CheckedSgRule {
  const r = rule as SgRule;
  if (
    typeof rule !== 'object' ||
    rule === null ||
    (r.action !== undefined && r.action !== 'allow') ||
    !rulePortsOk(r.protocol, r.fromPort, r.toPort) ||
    (r.cidr === undefined) === (r.groupId === undefined) ||
    (r.groupId !== undefined && !isGroupId(r.groupId))
  ) {
    sgRuleFault(rule, groupId, direction, index);
  }
  let range: CidrRange | null = null;
  if (r.cidr !== undefined) {
    const parsed = tryRuleRange(r.cidr);
    if (typeof parsed === 'string') fail(`${sgRuleLabel(groupId, direction, index)}'s CIDR: ${parsed}`);
    range = parsed;
  }
  const ports = r.protocol === 'tcp' || r.protocol === 'udp';
  return { rule: r, groupId, index, from: ports ? (r.fromPort as number) : PORT_MIN, to: ports ? (r.toPort as number) : PORT_MAX, range };
}

function sgRuleLabel(groupId: string, direction: SgDirection, index: number): string {
  return `${direction === 'inbound' ? 'Inbound' : 'Outbound'} rule ${index + 1} of ${groupId}`;
}

/** Throw the CalcError that says what is wrong with a rule `checkSgRule` refused. */
function sgRuleFault(rule: unknown, groupId: string, direction: SgDirection, index: number): never {
  const label = sgRuleLabel(groupId, direction, index);
  const r = checkObject<SgRule>(rule, label);
  if (r.action !== undefined && r.action !== 'allow') {
    if (r.action === 'deny') fail(`${label} is a deny rule. ${DENY_MESSAGE}`);
    checkOneOf(r.action, `${label}'s action`, ['allow'] as const);
  }
  const protocol = checkOneOf(r.protocol, `${label}'s protocol`, SG_PROTOCOLS);
  checkRulePorts(protocol, r.fromPort, r.toPort, label);
  if ((r.cidr === undefined) === (r.groupId === undefined)) {
    fail(`${label} needs exactly one ${direction === 'inbound' ? 'source' : 'destination'}: a CIDR block (cidr) or a security group (groupId).`);
  }
  if (r.groupId !== undefined) checkGroupId(r.groupId, `${label}'s groupId`);
  return fail(`${label} is not a valid security group rule.`);
}

function checkGroup(group: unknown, i: number): SecurityGroup {
  const g = group as SecurityGroup;
  if (typeof group !== 'object' || group === null || !isGroupId(g.id)) {
    checkObject<SecurityGroup>(group, `Security group ${i + 1}`);
    checkGroupId(g.id, `Security group ${i + 1}'s id`);
  }
  return g;
}

function checkRuleList(rules: unknown, direction: SgDirection, groupId: string): SgRule[] {
  if (Array.isArray(rules)) return rules as SgRule[];
  return checkList<SgRule>(rules, `The ${direction} rules of ${groupId}`);
}

/** Every rule of the groups in one direction, checked; both directions are checked so bad input never hides. */
function checkGroups(groups: unknown, direction: SgDirection): CheckedSgRule[] {
  return checkGroupsBoth(groups)[direction];
}

/** A list of security groups with every rule checked, by direction (opaque outside this module). */
export interface CheckedSecurityGroups {
  readonly inbound: readonly CheckedSgRule[];
  readonly outbound: readonly CheckedSgRule[];
}

/**
 * Checked group lists remembered by list (the same array object) for a batch of evaluations of
 * unchanged groups; see `evaluateSecurityGroupsAt`. Make a new one per batch.
 */
export type SecurityGroupsMemo = Map<SecurityGroup[], CheckedSecurityGroups>;

function checkGroupsBoth(groups: unknown): { inbound: CheckedSgRule[]; outbound: CheckedSgRule[] } {
  const list = checkList<SecurityGroup>(groups, 'The list of security groups', 1);
  const out = { inbound: [] as CheckedSgRule[], outbound: [] as CheckedSgRule[] };
  let total = 0;
  for (let i = 0; i < list.length; i++) {
    const g = checkGroup(list[i], i);
    const inbound = checkRuleList(g.inbound, 'inbound', g.id);
    const outbound = checkRuleList(g.outbound, 'outbound', g.id);
    total += inbound.length + outbound.length;
    if (total > 10_000) fail('The security groups hold more than 10,000 rules in all; netprep handles at most 10,000.');
    for (let k = 0; k < inbound.length; k++) out.inbound.push(checkSgRule(inbound[k], g.id, 'inbound', k));
    for (let k = 0; k < outbound.length; k++) out.outbound.push(checkSgRule(outbound[k], g.id, 'outbound', k));
  }
  return out;
}

const NO_GROUPS: readonly string[] = Object.freeze([]);

/** Check the traffic; `parsedHost`, when given, is its address already parsed (see `evaluateSecurityGroupsAt`). */
function checkTraffic(traffic: unknown, parsedHost?: CidrRange): CheckedTraffic {
  const t = checkObject<SgTraffic>(traffic, 'The traffic');
  const direction = t.direction === 'inbound' || t.direction === 'outbound' ? t.direction : checkOneOf(t.direction, "The traffic's direction", DIRECTIONS);
  const protocol =
    t.protocol === 'tcp' || t.protocol === 'udp' || t.protocol === 'icmp' ? t.protocol : checkOneOf(t.protocol, "The traffic's protocol", TRAFFIC_PROTOCOLS);
  const port = checkPacketPort(protocol, t.port, 'The traffic');
  const host = parsedHost ?? checkAddress(t.address, "The traffic's address");
  let remote: readonly string[] = NO_GROUPS;
  if (t.remoteGroupIds !== undefined) {
    remote = checkList<string>(t.remoteGroupIds, "The remote end's security groups");
    for (let i = 0; i < remote.length; i++) if (!isGroupId(remote[i])) checkGroupId(remote[i], 'A remote security group id');
  }
  return { direction, protocol, port, host, remote };
}

/** Why a rule does not allow the traffic: 0 = it does, 1 = protocol, 2 = port, 3 = peer. */
function mismatch(c: CheckedSgRule, t: CheckedTraffic): 0 | 1 | 2 | 3 {
  if (!protocolMatches(c.rule.protocol, t.protocol)) return 1;
  if (t.port >= 0 && (t.port < c.from || t.port > c.to)) return 2;
  if (c.range !== null) return rangeContainsRange(c.range, t.host) ? 0 : 3;
  return t.remote.includes(c.rule.groupId as string) ? 0 : 3;
}

/**
 * Whether an interface's security groups allow a new connection (facts rows 41–48): the rules of
 * all its groups for that direction are pooled, and the connection is allowed if ANY rule allows
 * it (protocol, destination port, and the remote end inside the rule's CIDR or a member of the
 * rule's group); otherwise it is dropped. Rule order never matters. Return traffic of an allowed
 * connection is allowed automatically (stateful). A 'deny' rule is a CalcError.
 */
export function evaluateSecurityGroups(groups: SecurityGroup[], traffic: SgTraffic): SgDecision {
  const t = checkTraffic(traffic);
  return decide(checkGroups(groups, t.direction), t);
}

/**
 * The prepared form of `evaluateSecurityGroups` for a caller that has already parsed the traffic's
 * address: `host` must be `traffic.address` as its one-address block (what ./traffic-guards'
 * `checkAddress` returns). With `memo`, a group list checked before in the same batch is not
 * checked again (the groups must not change during the batch). ./flows uses it so each address,
 * and each group list of a batch of flows, is read once.
 */
export function evaluateSecurityGroupsAt(groups: SecurityGroup[], traffic: SgTraffic, host: CidrRange, memo?: SecurityGroupsMemo): SgDecision {
  const t = checkTraffic(traffic, host);
  if (memo === undefined) return decide(checkGroups(groups, t.direction), t);
  let checked = memo.get(groups);
  if (checked === undefined) {
    checked = checkGroupsBoth(groups);
    memo.set(groups, checked);
  }
  return decide(checked[t.direction], t);
}

function decide(rules: readonly CheckedSgRule[], t: CheckedTraffic): SgDecision {
  for (const c of rules) if (mismatch(c, t) === 0) return { allowed: true, groupId: c.groupId, ruleIndex: c.index };
  return { allowed: false, groupId: null, ruleIndex: null };
}

function describeSgRule(c: CheckedSgRule): string {
  const r = c.rule;
  const what = r.protocol === 'all' ? 'all traffic' : r.protocol === 'icmp' ? 'ICMP' : `${upperName(r.protocol)} ${c.from === c.to ? `port ${c.from}` : `ports ${c.from}–${c.to}`}`;
  return `${what} ${c.range !== null ? formatRange(c.range) : `members of ${r.groupId}`}`;
}

/** `evaluateSecurityGroups` with each rule checked as a step and the stateful return noted. */
export function explainEvaluateSecurityGroups(groups: SecurityGroup[], traffic: SgTraffic): Explained<SgDecision> {
  const t = checkTraffic(traffic);
  const rules = checkGroups(groups, t.direction);
  const remote = (traffic as SgTraffic).address;
  const steps: Step[] = [
    {
      text: `Security groups are allow-only: the ${t.direction} rules of all ${(groups as SecurityGroup[]).length} group(s) on the interface are pooled, and the connection is allowed if any one of them allows it.`,
      values: { direction: t.direction, rules: rules.length },
    },
  ];
  let result: SgDecision = { allowed: false, groupId: null, ruleIndex: null };
  for (const c of rules) {
    const why = mismatch(c, t);
    const head = `${c.groupId} ${t.direction} rule ${c.index + 1} (${describeSgRule(c)}): `;
    if (why === 0) {
      steps.push({ text: `${head}allows it.`, values: { groupId: c.groupId, ruleIndex: c.index, allows: true } });
      result = { allowed: true, groupId: c.groupId, ruleIndex: c.index };
      break;
    }
    const reason =
      why === 1
        ? `the traffic is ${upperName(t.protocol)}`
        : why === 2
          ? `port ${t.port} is outside ${c.from}–${c.to}`
          : c.range !== null
            ? `${remote} is not in ${formatRange(c.range)}`
            : `the remote end is not a member of ${c.rule.groupId}`;
    steps.push({ text: `${head}does not apply — ${reason}.`, values: { groupId: c.groupId, ruleIndex: c.index, allows: false } });
  }
  steps.push(
    result.allowed
      ? { text: 'Allowed. Security groups are stateful, so the return traffic of this connection is allowed automatically, whatever the rules in the other direction say.' }
      : { text: 'No rule allows it, so the security groups drop it (there are no deny rules; anything not allowed is dropped).' },
  );
  return { result, steps };
}

export interface SgValidationOptions {
  /** Rules-per-direction quota, per IP version; default 60 (facts row 44). */
  rulesQuota?: number;
}

/**
 * Problems with one security group (empty = valid): every rule checked as `evaluateSecurityGroups`
 * checks it (a 'deny' rule is reported with the allow-only reason, row 48), and at most 60 inbound
 * and 60 outbound rules, counted separately for IPv4 and IPv6 (row 44). A rule that references a
 * group counts toward both IP versions.
 */
export function validateSecurityGroup(group: SecurityGroup, opts?: SgValidationOptions): string[] {
  const o = opts === undefined ? {} : checkObject<SgValidationOptions>(opts, 'The validation options');
  const quota =
    o.rulesQuota === undefined
      ? SG_INBOUND_RULES_DEFAULT
      : checkInteger(o.rulesQuota, 'The rules quota', 1, SG_RULES_TIMES_GROUPS_MAX, 'rules per group × groups per interface may not exceed 1,000');
  const problems: string[] = [];
  let g: SecurityGroup;
  try {
    g = checkGroup(group, 0);
  } catch (e) {
    if (!(e instanceof CalcError)) throw e;
    return [e.message];
  }
  for (const direction of DIRECTIONS) {
    let rules: SgRule[];
    try {
      rules = checkList<SgRule>(g[direction], `The ${direction} rules of ${g.id}`);
    } catch (e) {
      if (!(e instanceof CalcError)) throw e;
      problems.push(e.message);
      continue;
    }
    let v4 = 0;
    let v6 = 0;
    for (let k = 0; k < rules.length; k++) {
      try {
        const c = checkSgRule(rules[k], g.id, direction, k);
        if (c.range === null || c.range.version === 4) v4++;
        if (c.range === null || c.range.version === 6) v6++;
      } catch (e) {
        if (!(e instanceof CalcError)) throw e;
        problems.push(e.message);
      }
    }
    for (const [version, count] of [[4, v4], [6, v6]] as const) {
      if (count > quota) problems.push(`${g.id} has ${count} ${direction} IPv${version} rules; the quota is ${quota} per direction per IP version.`);
    }
  }
  return problems;
}

export interface EniQuotas {
  /** Groups per interface quota: default 5, at most 16 (facts row 45). */
  groupsPerEni?: number;
  /** Rules per group quota: default 60 (facts row 44). */
  rulesPerGroup?: number;
}

/**
 * Problems with the security groups on one network interface (empty = valid): at least 1 group
 * (an instance gets the default group if none is given, row 47), at most the groups-per-interface
 * quota (default 5, raisable to 16, row 45), and rules per group × groups per interface ≤ 1,000.
 */
export function validateEniSecurityGroups(groupCount: number, quotas?: EniQuotas): string[] {
  const count = checkInteger(groupCount, 'The number of security groups on the interface', 0, 10_000);
  const q = quotas === undefined ? {} : checkObject<EniQuotas>(quotas, 'The quotas');
  const perEni = q.groupsPerEni === undefined ? SG_GROUPS_PER_ENI_DEFAULT : checkInteger(q.groupsPerEni, 'The groups-per-interface quota', 1, 10_000);
  const perGroup = q.rulesPerGroup === undefined ? SG_INBOUND_RULES_DEFAULT : checkInteger(q.rulesPerGroup, 'The rules-per-group quota', 1, 10_000);
  const problems: string[] = [];
  if (count === 0) problems.push('An interface always has at least one security group; with none given, the VPC default group is used.');
  if (perEni > SG_GROUPS_PER_ENI_MAX) problems.push(`The groups-per-interface quota can be raised to ${SG_GROUPS_PER_ENI_MAX} at most, not ${perEni}.`);
  if (count > perEni) problems.push(`${count} security groups exceed the quota of ${perEni} per interface (default ${SG_GROUPS_PER_ENI_DEFAULT}, at most ${SG_GROUPS_PER_ENI_MAX}).`);
  if (perGroup * perEni > SG_RULES_TIMES_GROUPS_MAX) {
    problems.push(`${perGroup} rules per group × ${perEni} groups per interface = ${perGroup * perEni}, above the cap of ${thousands(SG_RULES_TIMES_GROUPS_MAX)}.`);
  }
  return problems;
}
