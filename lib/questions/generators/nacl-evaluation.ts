/**
 * nacl-evaluation — is a packet allowed by a network ACL, and which rule decides (facts rows 54,
 * 56): lowest number first, first match wins, final implicit deny. Also: which rule number
 * decides, and the order the rules are evaluated in. Rules are shown in a shuffled table.
 */
import {
  evaluateNacl,
  explainEvaluateNaclWithRuleSteps,
  explainNaclEvaluationOrder,
  naclEvaluationOrder,
  naclRuleMatches,
  type NaclDecision,
  type NaclPacket,
  type NaclRule,
} from '../../calc/nacl';
import type { Step } from '../../calc/steps';
import { defineGenerator, type QuestionBody } from '../define';
import { ordering, singleChoice, type Distractor } from '../choices';
import type { Rng } from '../rng';
import type { NamedMistake } from '../types';
import { naclRuleSentence, naclTable, protocolText } from './traffic-text';

type Variant = 'verdict' | 'rule-number' | 'order';
type Direction = 'inbound' | 'outbound';
/** rules are in the order the prompt's table shows them. */
type Params = { variant: Variant; direction: Direction; rules: NaclRule[]; packet: NaclPacket };

/** Drawn params, with which rules match the packet (by the core), index for index. */
interface Drawn extends Params {
  matches: boolean[];
}

const LESSON = '/lessons/nacls';
const IMPLICIT = 'Denied by the implicit deny (*)';
const STAR_ITEM = '*: DENY all traffic (the final rule)';
const VARIANTS: readonly Variant[] = ['verdict', 'verdict', 'verdict', 'rule-number', 'rule-number', 'order'];
const DOC_NETS = ['203.0.113', '198.51.100', '192.0.2'] as const;
const DOC_FIRST = [203, 198, 192];
const DOC_SECOND = [0, 51, 0];
const DOC_THIRD = [113, 100, 2];
const TCP_PORTS = [22, 80, 443, 3389, 3306, 5432, 8080, 25, 1433];
const UDP_PORTS = [53, 123, 514, 1194, 500, 161];
const MISS_PORTS = [22, 80, 443, 3389, 3306, 5432, 8080, 25, 1433, 53, 123];
const MATCH_PREFIXES = [32, 24, 24, 16, 16, 8, 0, 0];
const STEPS = [10, 10, 100, 100, 5, 1];
const MATCHING_COUNTS = [0, 1, 2, 2, 3];
const MISS_WITH_PORT = ['protocol', 'port', 'cidr', 'cidr'] as const;
const MISS_WITHOUT_PORT = ['protocol', 'cidr'] as const;
const ICMP_OR_ALL = ['icmp', 'all'] as const;
const NOT_TCP = ['udp', 'icmp'] as const;
const NOT_UDP = ['tcp', 'icmp'] as const;
const NOT_ICMP = ['tcp', 'udp'] as const;

export function decisionText(d: NaclDecision): string {
  if (d.ruleNumber === '*') return IMPLICIT;
  return `${d.action === 'allow' ? 'Allowed' : 'Denied'} by rule ${d.ruleNumber}`;
}

function prefixOf(cidr: string): number {
  return Number(cidr.slice(cidr.indexOf('/') + 1));
}

/** The packet's address as text and as its four numbers. */
interface Address {
  text: string;
  octets: [number, number, number, number];
}

function randomAddress(rng: Rng): Address {
  const kind = rng.int(1, 4);
  if (kind === 1) {
    const b = rng.int(0, 255);
    const c = rng.int(0, 255);
    const d = rng.int(1, 254);
    return { text: `10.${b}.${c}.${d}`, octets: [10, b, c, d] };
  }
  if (kind === 2) {
    const b = rng.int(16, 31);
    const c = rng.int(0, 255);
    const d = rng.int(1, 254);
    return { text: `172.${b}.${c}.${d}`, octets: [172, b, c, d] };
  }
  if (kind === 3) {
    const c = rng.int(0, 255);
    const d = rng.int(1, 254);
    return { text: `192.168.${c}.${d}`, octets: [192, 168, c, d] };
  }
  const net = rng.int(0, DOC_NETS.length - 1);
  const d = rng.int(1, 254);
  return { text: `${DOC_NETS[net] as string}.${d}`, octets: [DOC_FIRST[net] as number, DOC_SECOND[net] as number, DOC_THIRD[net] as number, d] };
}

function drawPacket(rng: Rng, a: Address): NaclPacket {
  const address = a.text;
  const roll = rng.int(1, 20);
  if (roll <= 14) return { protocol: 'tcp', port: rng.chance(0.15) ? rng.int(32768, 65535) : rng.pick(TCP_PORTS), address };
  if (roll <= 18) return { protocol: 'udp', port: rng.pick(UDP_PORTS), address };
  return { protocol: 'icmp', address };
}

/** A block that holds the address: the host itself, its /24, /16, /8, or everything. */
function matchingCidr(rng: Rng, a: Address): string {
  const prefix = rng.pick(MATCH_PREFIXES);
  const [w, x, y, z] = a.octets;
  if (prefix === 32) return `${w}.${x}.${y}.${z}/32`;
  if (prefix === 24) return `${w}.${x}.${y}.0/24`;
  if (prefix === 16) return `${w}.${x}.0.0/16`;
  if (prefix === 8) return `${w}.0.0.0/8`;
  return '0.0.0.0/0';
}

/** A block that does not hold the address: a neighbouring /24 or /16, or another host. */
function otherCidr(rng: Rng, addr: Address): string {
  const [a, b, c, d] = addr.octets;
  const roll = rng.int(1, 3);
  if (roll === 1) return `${a}.${b}.${(c + rng.int(1, 200)) % 256}.0/24`;
  if (roll === 2) return `${a}.${(b + rng.int(1, 100)) % 256}.0.0/16`;
  return `${a}.${b}.${c}.${((d + rng.int(1, 100)) % 254) + 1}/32`;
}

/** A rule with the given ports. */
function withPorts(ruleNumber: number, action: NaclRule['action'], protocol: 'tcp' | 'udp', fromPort: number, toPort: number, cidr: string): NaclRule {
  return { ruleNumber, action, protocol, fromPort, toPort, cidr };
}

/** A rule whose ports the packet's port falls in, or misses. */
function ruleWithPorts(rng: Rng, ruleNumber: number, action: NaclRule['action'], protocol: 'tcp' | 'udp', port: number, match: boolean, cidr: string): NaclRule {
  if (match) {
    const roll = rng.int(1, 4);
    if (roll === 1) return withPorts(ruleNumber, action, protocol, port, port, cidr);
    if (roll === 2) return port < 1024 ? withPorts(ruleNumber, action, protocol, 0, 1023, cidr) : withPorts(ruleNumber, action, protocol, 1024, 65535, cidr);
    if (roll === 3) return withPorts(ruleNumber, action, protocol, 0, 65535, cidr);
    const from = Math.max(0, port - rng.int(0, 20));
    return withPorts(ruleNumber, action, protocol, from, Math.min(65535, port + rng.int(0, 20)), cidr);
  }
  // one of the usual ports other than the packet's
  const at = MISS_PORTS.indexOf(port);
  let k = rng.int(0, MISS_PORTS.length - (at >= 0 ? 2 : 1));
  if (at >= 0 && k >= at) k++;
  const other = MISS_PORTS[k] as number;
  if (rng.chance(0.7)) return withPorts(ruleNumber, action, protocol, other, other, cidr);
  return port < 1024 ? withPorts(ruleNumber, action, protocol, 1024, 65535, cidr) : withPorts(ruleNumber, action, protocol, 0, 1023, cidr);
}

/** One rule that matches the packet, or misses it in one way (protocol, port or address). */
function drawRule(rng: Rng, packet: NaclPacket, a: Address, ruleNumber: number, match: boolean): NaclRule {
  const action = rng.chance(0.55) ? 'allow' : 'deny';
  const hasPort = packet.protocol !== 'icmp';
  const miss = match ? 'none' : rng.pick(hasPort ? MISS_WITH_PORT : MISS_WITHOUT_PORT);
  const cidr = miss === 'cidr' ? otherCidr(rng, a) : matchingCidr(rng, a);
  if (miss === 'protocol') {
    const proto = rng.pick(packet.protocol === 'tcp' ? NOT_TCP : packet.protocol === 'udp' ? NOT_UDP : NOT_ICMP);
    return proto === 'icmp' ? { ruleNumber, action, protocol: 'icmp', cidr } : { ruleNumber, action, protocol: proto, fromPort: 0, toPort: 65535, cidr };
  }
  if (!hasPort) return { ruleNumber, action, protocol: rng.pick(ICMP_OR_ALL), cidr };
  if (miss !== 'port' && rng.chance(0.2)) return { ruleNumber, action, protocol: 'all', cidr };
  return ruleWithPorts(rng, ruleNumber, action, packet.protocol as 'tcp' | 'udp', packet.port ?? 0, miss !== 'port', cidr);
}

function drawRules(rng: Rng, packet: NaclPacket, a: Address, needNumbered: boolean): { rules: NaclRule[]; matches: boolean[] } {
  const count = rng.int(3, 6);
  const step = rng.pick(STEPS);
  const all = new Array<number>(30);
  for (let i = 0; i < 30; i++) all[i] = (i + 1) * step;
  const numbers = rng.sample(all, count);
  const matching = needNumbered ? rng.int(1, 3) : rng.pick(MATCHING_COUNTS);
  const drawnFlags = new Array<boolean>(count);
  for (let i = 0; i < count; i++) drawnFlags[i] = i < Math.min(matching, count);
  const flags = rng.shuffle(drawnFlags);
  let rules = new Array<NaclRule>(count);
  for (let i = 0; i < count; i++) rules[i] = drawRule(rng, packet, a, numbers[i] as number, flags[i] ?? false);
  // The core says which rules match (numbers and actions play no part, so renumbering keeps it).
  const matches = naclRuleMatches(rules, packet);
  let matchCount = 0;
  for (const m of matches) if (m) matchCount++;
  // Often the trap: the broadest matching block gets the lowest number and a different action.
  if (matchCount >= 2 && rng.chance(0.6)) {
    const matched: NaclRule[] = [];
    for (let i = 0; i < count; i++) if (matches[i]) matched.push(rules[i] as NaclRule);
    const byBreadth = matched.slice().sort((x, y) => prefixOf(x.cidr) - prefixOf(y.cidr));
    const nums = matched.map((r) => r.ruleNumber).sort((x, y) => x - y);
    const first = byBreadth[0] as NaclRule;
    const last = byBreadth[byBreadth.length - 1] as NaclRule;
    const renumbered = new Array<NaclRule>(count);
    for (let i = 0; i < count; i++) {
      const r = rules[i] as NaclRule;
      const at = matches[i] ? byBreadth.indexOf(r) : -1;
      if (at < 0) {
        renumbered[i] = r;
        continue;
      }
      const action = r === last && first.action === r.action ? (r.action === 'allow' ? 'deny' : 'allow') : r.action;
      renumbered[i] = { ...r, ruleNumber: nums[at] as number, action };
    }
    rules = renumbered;
  }
  return { rules, matches };
}

function drawParams(rng: Rng): Drawn {
  const variant: Variant = rng.pick(VARIANTS);
  const direction: Direction = rng.chance(0.65) ? 'inbound' : 'outbound';
  for (;;) {
    const a = randomAddress(rng);
    const packet = drawPacket(rng, a);
    const { rules, matches } = drawRules(rng, packet, a, variant === 'rule-number');
    if (variant !== 'rule-number' || matches.includes(true)) return { variant, direction, rules, packet, matches };
  }
}

function packetText(p: Params): string {
  const { packet, direction } = p;
  const what = packet.protocol === 'icmp' ? 'An ICMP echo request (ping)' : `A ${protocolText(packet.protocol)} packet`;
  const port = packet.protocol === 'icmp' ? '' : ` for port **${packet.port}**`;
  return direction === 'inbound'
    ? `${what} from \`${packet.address}\` arrives${port} at an instance in the subnet.`
    : `An instance in the subnet sends ${what.charAt(0).toLowerCase()}${what.slice(1)} to \`${packet.address}\`${port}.`;
}

interface Candidate {
  rule: NaclRule | null;
  text: string;
  name: string;
  feedback: string;
}

/** Add a wrong answer naming `rule`, unless that rule is the one that decides. */
function addRule(out: Candidate[], decider: number | '*', rule: NaclRule, name: string, feedback: string): void {
  if (rule.ruleNumber !== decider) out.push({ rule, text: decisionText({ action: rule.action, ruleNumber: rule.ruleNumber }), name, feedback });
}

/**
 * Wrong answers, most telling first, each naming the mistake with this question's rules. `steps`
 * are the worked steps of the evaluation, `ruleStep(i)` the core's step for `p.rules[i]` alone.
 */
function candidates(p: Drawn, d: NaclDecision, steps: readonly Step[], ruleStep: (i: number) => Step): Candidate[] {
  const matches: NaclRule[] = [];
  for (let i = 0; i < p.rules.length; i++) if (p.matches[i]) matches.push(p.rules[i] as NaclRule);
  const decider = d.ruleNumber;
  const out: Candidate[] = [];
  const deciderText = decider === '*' ? 'no rule matches' : `rule ${decider} is the lowest-numbered rule that matches`;
  // the narrowest block (then the lowest number), the first row, the lowest-numbered allow, the highest number
  let specific: NaclRule | undefined;
  let allow: NaclRule | undefined;
  let highest: NaclRule | undefined;
  for (const r of matches) {
    if (specific === undefined) specific = r;
    else {
      const diff = prefixOf(r.cidr) - prefixOf(specific.cidr);
      if (diff > 0 || (diff === 0 && r.ruleNumber < specific.ruleNumber)) specific = r;
    }
    if (r.action === 'allow' && (allow === undefined || r.ruleNumber < allow.ruleNumber)) allow = r;
    if (highest === undefined || r.ruleNumber > highest.ruleNumber) highest = r;
  }
  if (specific) {
    addRule(out, decider, specific, 'picked the most specific CIDR rule instead of the lowest number', `Rule ${specific.ruleNumber} has the narrowest block (${specific.cidr}), but NACLs do not look for the best match: ${deciderText}, and the first match decides.`);
  }
  const topMatch = matches[0];
  if (topMatch) addRule(out, decider, topMatch, 'read the table top to bottom', `Rule ${topMatch.ruleNumber} is the first matching row of the table, but NACLs evaluate by rule number, lowest first, whatever the order of the list: ${deciderText}.`);
  if (d.action === 'deny' && allow) addRule(out, decider, allow, 'thought allow beats deny', `An allow rule does not override a deny: the first matching rule by number decides, and ${deciderText} (DENY).`);
  if (highest) addRule(out, decider, highest, 'evaluated the highest rule number first', `Rules run from the LOWEST number up, so ${deciderText}; rule ${highest.ruleNumber} is never reached.`);
  if (decider === '*') {
    out.push({
      rule: null,
      text: 'Allowed: no rule denies it',
      name: 'forgot the implicit deny',
      feedback: `None of the rules matches this packet, so the final '*' rule denies it: a NACL drops whatever no numbered rule allows.`,
    });
  } else {
    const step = steps.find((s) => s.values?.matches === true);
    out.push({
      rule: null,
      text: IMPLICIT,
      name: 'missed the rule that matches',
      feedback: step ? step.text : `Rule ${decider} matches the packet, so the implicit deny is never reached.`,
    });
  }
  for (let i = 0; i < p.rules.length; i++) {
    if (p.matches[i]) continue;
    const r = p.rules[i] as NaclRule;
    addRule(out, decider, r, 'picked a rule that does not match the packet', ruleStep(i).text);
  }
  if (decider !== '*') {
    out.push({
      rule: null,
      text: decisionText({ action: d.action === 'allow' ? 'deny' : 'allow', ruleNumber: decider }),
      name: "misread the rule's action",
      feedback: `Rule ${decider} is ${d.action.toUpperCase()}, and it is the rule that decides.`,
    });
  }
  return out;
}

function orderItems(p: Params): Map<number | '*', string> {
  const items = new Map<number | '*', string>(p.rules.map((r) => [r.ruleNumber, naclRuleSentence(r, p.direction)]));
  items.set('*', STAR_ITEM);
  return items;
}

export const naclEvaluationGenerator = defineGenerator<Params>({
  id: 'nacl-evaluation',
  version: 1,
  topic: 'nacls',
  title: 'Network ACL rule evaluation',
  kinds: ['single', 'number', 'order'],
  solve(p) {
    if (p.variant === 'order') {
      const items = orderItems(p);
      return naclEvaluationOrder(p.rules).map((n) => items.get(n) ?? '');
    }
    const d = evaluateNacl(p.rules, p.packet);
    if (p.variant === 'rule-number') return d.ruleNumber === '*' ? -1 : d.ruleNumber;
    return decisionText(d);
  },
  build(rng): QuestionBody {
    const p = drawParams(rng);
    const params = { variant: p.variant, direction: p.direction, rules: p.rules, packet: p.packet };
    const table = naclTable(p.rules, p.direction);
    if (p.variant === 'order') {
      const explained = explainNaclEvaluationOrder(p.rules);
      const items = orderItems(p);
      const inOrder = explained.result.map((n) => items.get(n) ?? '');
      const built = ordering(rng, inOrder);
      return {
        difficulty: 1, kind: 'order',
        prompt: `A subnet uses a custom network ACL with these **${p.direction}** rules:\n\n${table}\n\nPut the rules in the order the NACL evaluates them for each packet, first to last.`,
        params, ...built, mistakes: [],
        explanation: { summary: `By rule number, lowest first, whatever order the rules were listed or added in, and the final \`*\` deny last: ${explained.result.join(', ')}.`, steps: explained.steps, lesson: LESSON },
        expectedSeconds: 40,
      };
    }
    const intro = `A subnet uses a custom network ACL. ${packetText(p)} The NACL's **${p.direction}** rules are:\n\n${table}\n\n`;
    // the worked evaluation and each rule's own step, from one check of the rules and the packet
    const explained = explainEvaluateNaclWithRuleSteps(p.rules, p.packet);
    const d = explained.result;
    const summary =
      d.ruleNumber === '*'
        ? `**${IMPLICIT}.** No numbered rule matches the packet, so the final \`*\` rule drops it.`
        : `**${decisionText(d)}.** NACL rules run from the lowest number up and the first match decides; rule ${d.ruleNumber} is the lowest-numbered rule that matches.`;
    const explanation = { summary, steps: explained.steps, lesson: LESSON };
    const wrong = candidates(p, d, explained.steps, explained.ruleStep);
    const difficulty = p.rules.length >= 5 ? 3 : 2;
    if (p.variant === 'rule-number') {
      const answer = d.ruleNumber as number;
      const seen: number[] = [answer];
      const mistakes: NamedMistake[] = [];
      for (const c of wrong) {
        if (c.rule === null || seen.includes(c.rule.ruleNumber)) continue;
        seen.push(c.rule.ruleNumber);
        mistakes.push({ match: c.rule.ruleNumber, name: c.name, feedback: c.feedback });
      }
      return {
        difficulty, kind: 'number',
        prompt: `${intro}Which rule number decides what happens to this packet?`,
        params, answer, mistakes, explanation, expectedSeconds: 60,
      };
    }
    const distractors: Distractor[] = wrong.map((c) => ({ text: c.text, mistake: c.name, feedback: c.feedback }));
    const built = singleChoice(rng, decisionText(d), distractors);
    return {
      difficulty, kind: 'single',
      prompt: `${intro}Is the packet allowed, and which rule decides?`,
      params, ...built, explanation, expectedSeconds: 60,
    };
  },
});
