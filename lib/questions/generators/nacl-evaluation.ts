/**
 * nacl-evaluation — is a packet allowed by a network ACL, and which rule decides (facts rows 54,
 * 56): lowest number first, first match wins, final implicit deny. Also: which rule number
 * decides, and the order the rules are evaluated in. Rules are shown in a shuffled table.
 */
import { cidrOfAddress } from '../../calc/cidr';
import {
  evaluateNacl,
  explainEvaluateNacl,
  explainNaclEvaluationOrder,
  naclEvaluationOrder,
  type NaclDecision,
  type NaclPacket,
  type NaclRule,
} from '../../calc/nacl';
import { defineGenerator, type QuestionBody } from '../define';
import { ordering, singleChoice, type Distractor } from '../choices';
import type { Rng } from '../rng';
import type { NamedMistake } from '../types';
import { naclRuleSentence, naclTable, protocolText } from './traffic-text';

type Variant = 'verdict' | 'rule-number' | 'order';
type Direction = 'inbound' | 'outbound';
/** rules are in the order the prompt's table shows them. */
type Params = { variant: Variant; direction: Direction; rules: NaclRule[]; packet: NaclPacket };

const LESSON = '/lessons/nacls';
const IMPLICIT = 'Denied by the implicit deny (*)';
const STAR_ITEM = '*: DENY all traffic (the final rule)';

export function decisionText(d: NaclDecision): string {
  if (d.ruleNumber === '*') return IMPLICIT;
  return `${d.action === 'allow' ? 'Allowed' : 'Denied'} by rule ${d.ruleNumber}`;
}

function prefixOf(cidr: string): number {
  return Number(cidr.split('/')[1]);
}

function randomAddress(rng: Rng): string {
  const kind = rng.int(1, 4);
  if (kind === 1) return `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
  if (kind === 2) return `172.${rng.int(16, 31)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
  if (kind === 3) return `192.168.${rng.int(0, 255)}.${rng.int(1, 254)}`;
  return `${rng.pick(['203.0.113', '198.51.100', '192.0.2'])}.${rng.int(1, 254)}`;
}

function drawPacket(rng: Rng): NaclPacket {
  const address = randomAddress(rng);
  const roll = rng.int(1, 20);
  if (roll <= 14) return { protocol: 'tcp', port: rng.chance(0.15) ? rng.int(32768, 65535) : rng.pick([22, 80, 443, 3389, 3306, 5432, 8080, 25, 1433]), address };
  if (roll <= 18) return { protocol: 'udp', port: rng.pick([53, 123, 514, 1194, 500, 161]), address };
  return { protocol: 'icmp', address };
}

/** A block that holds the address: the host itself, its /24, /16, /8, or everything. */
function matchingCidr(rng: Rng, address: string): string {
  return cidrOfAddress(address, rng.pick([32, 24, 24, 16, 16, 8, 0, 0]));
}

/** A block that does not hold the address: a neighbouring /24 or /16, or another host. */
function otherCidr(rng: Rng, address: string): string {
  const [a, b, c, d] = address.split('.').map(Number) as [number, number, number, number];
  const roll = rng.int(1, 3);
  if (roll === 1) return `${a}.${b}.${(c + rng.int(1, 200)) % 256}.0/24`;
  if (roll === 2) return `${a}.${(b + rng.int(1, 100)) % 256}.0.0/16`;
  return `${a}.${b}.${c}.${((d + rng.int(1, 100)) % 254) + 1}/32`;
}

/** Ports of a rule that the packet's port falls in, or misses. */
function portsFor(rng: Rng, port: number, match: boolean): { fromPort: number; toPort: number } {
  if (match) {
    const roll = rng.int(1, 4);
    if (roll === 1) return { fromPort: port, toPort: port };
    if (roll === 2) return port < 1024 ? { fromPort: 0, toPort: 1023 } : { fromPort: 1024, toPort: 65535 };
    if (roll === 3) return { fromPort: 0, toPort: 65535 };
    return { fromPort: Math.max(0, port - rng.int(0, 20)), toPort: Math.min(65535, port + rng.int(0, 20)) };
  }
  const other = rng.pick([22, 80, 443, 3389, 3306, 5432, 8080, 25, 1433, 53, 123].filter((p) => p !== port));
  if (rng.chance(0.7)) return { fromPort: other, toPort: other };
  return port < 1024 ? { fromPort: 1024, toPort: 65535 } : { fromPort: 0, toPort: 1023 };
}

/** One rule that matches the packet, or misses it in one way (protocol, port or address). */
function drawRule(rng: Rng, packet: NaclPacket, ruleNumber: number, match: boolean): NaclRule {
  const action = rng.chance(0.55) ? 'allow' : 'deny';
  const hasPort = packet.protocol !== 'icmp';
  const miss = match ? 'none' : rng.pick(hasPort ? (['protocol', 'port', 'cidr', 'cidr'] as const) : (['protocol', 'cidr'] as const));
  const cidr = miss === 'cidr' ? otherCidr(rng, packet.address) : matchingCidr(rng, packet.address);
  if (miss === 'protocol') {
    const proto = rng.pick((['tcp', 'udp', 'icmp'] as const).filter((p) => p !== packet.protocol));
    return proto === 'icmp' ? { ruleNumber, action, protocol: 'icmp', cidr } : { ruleNumber, action, protocol: proto, fromPort: 0, toPort: 65535, cidr };
  }
  if (!hasPort) return { ruleNumber, action, protocol: rng.pick(['icmp', 'all'] as const), cidr };
  if (miss !== 'port' && rng.chance(0.2)) return { ruleNumber, action, protocol: 'all', cidr };
  return { ruleNumber, action, protocol: packet.protocol, ...portsFor(rng, packet.port ?? 0, miss !== 'port'), cidr };
}

function drawRules(rng: Rng, packet: NaclPacket, needNumbered: boolean): NaclRule[] {
  const count = rng.int(3, 6);
  const step = rng.pick([10, 10, 100, 100, 5, 1]);
  const numbers = rng.sample(Array.from({ length: 30 }, (_, i) => (i + 1) * step), count);
  const matching = needNumbered ? rng.int(1, 3) : rng.pick([0, 1, 2, 2, 3]);
  const flags = rng.shuffle(Array.from({ length: count }, (_, i) => i < Math.min(matching, count)));
  let rules = numbers.map((n, i) => drawRule(rng, packet, n, flags[i] ?? false));
  // Often the trap: the broadest matching block gets the lowest number and a different action.
  const matches = rules.filter((r) => evaluateNacl([r], packet).ruleNumber !== '*');
  if (matches.length >= 2 && rng.chance(0.6)) {
    const byBreadth = [...matches].sort((x, y) => prefixOf(x.cidr) - prefixOf(y.cidr));
    const nums = matches.map((r) => r.ruleNumber).sort((x, y) => x - y);
    const renumbered = new Map(byBreadth.map((r, i) => [r, nums[i] as number]));
    const first = byBreadth[0] as NaclRule;
    const last = byBreadth[byBreadth.length - 1] as NaclRule;
    rules = rules.map((r) => {
      const n = renumbered.get(r);
      if (n === undefined) return r;
      const action = r === last && first.action === r.action ? (r.action === 'allow' ? 'deny' : 'allow') : r.action;
      return { ...r, ruleNumber: n, action };
    });
  }
  return rules;
}

function drawParams(rng: Rng): Params {
  const variant: Variant = rng.pick(['verdict', 'verdict', 'verdict', 'rule-number', 'rule-number', 'order']);
  const direction: Direction = rng.chance(0.65) ? 'inbound' : 'outbound';
  for (;;) {
    const packet = drawPacket(rng);
    const rules = drawRules(rng, packet, variant === 'rule-number');
    if (variant !== 'rule-number' || evaluateNacl(rules, packet).ruleNumber !== '*') return { variant, direction, rules, packet };
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

/** The rules the packet matches, each on its own, through the core. */
function matchingRules(p: Params): NaclRule[] {
  return p.rules.filter((r) => evaluateNacl([r], p.packet).ruleNumber !== '*');
}

interface Candidate {
  rule: NaclRule | null;
  text: string;
  name: string;
  feedback: string;
}

/** Wrong answers, most telling first, each naming the mistake with this question's rules. */
function candidates(p: Params, d: NaclDecision): Candidate[] {
  const matches = matchingRules(p);
  const decider = d.ruleNumber;
  const out: Candidate[] = [];
  const deciderText = decider === '*' ? 'no rule matches' : `rule ${decider} is the lowest-numbered rule that matches`;
  const add = (rule: NaclRule, name: string, feedback: string) => {
    if (rule.ruleNumber !== decider) out.push({ rule, text: decisionText({ action: rule.action, ruleNumber: rule.ruleNumber }), name, feedback });
  };
  const specific = [...matches].sort((x, y) => prefixOf(y.cidr) - prefixOf(x.cidr) || x.ruleNumber - y.ruleNumber)[0];
  if (specific) {
    add(specific, 'picked the most specific CIDR rule instead of the lowest number', `Rule ${specific.ruleNumber} has the narrowest block (${specific.cidr}), but NACLs do not look for the best match: ${deciderText}, and the first match decides.`);
  }
  const topMatch = matches[0];
  if (topMatch) add(topMatch, 'read the table top to bottom', `Rule ${topMatch.ruleNumber} is the first matching row of the table, but NACLs evaluate by rule number, lowest first, whatever the order of the list: ${deciderText}.`);
  if (d.action === 'deny') {
    const allow = matches.filter((r) => r.action === 'allow').sort((x, y) => x.ruleNumber - y.ruleNumber)[0];
    if (allow) add(allow, 'thought allow beats deny', `An allow rule does not override a deny: the first matching rule by number decides, and ${deciderText} (DENY).`);
  }
  const highest = [...matches].sort((x, y) => y.ruleNumber - x.ruleNumber)[0];
  if (highest) add(highest, 'evaluated the highest rule number first', `Rules run from the LOWEST number up, so ${deciderText}; rule ${highest.ruleNumber} is never reached.`);
  if (decider === '*') {
    out.push({
      rule: null,
      text: 'Allowed: no rule denies it',
      name: 'forgot the implicit deny',
      feedback: `None of the rules matches this packet, so the final '*' rule denies it: a NACL drops whatever no numbered rule allows.`,
    });
  } else {
    const step = explainEvaluateNacl(p.rules, p.packet).steps.find((s) => s.values?.matches === true);
    out.push({
      rule: null,
      text: IMPLICIT,
      name: 'missed the rule that matches',
      feedback: step ? step.text : `Rule ${decider} matches the packet, so the implicit deny is never reached.`,
    });
  }
  for (const r of p.rules) {
    if (matches.includes(r)) continue;
    const why = explainEvaluateNacl([r], p.packet).steps[1]?.text ?? `Rule ${r.ruleNumber} does not match the packet.`;
    add(r, 'picked a rule that does not match the packet', why);
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
    const intro = `A subnet uses a custom network ACL. ${packetText(p)} The NACL's **${p.direction}** rules are:\n\n${table}\n\n`;
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
    const explained = explainEvaluateNacl(p.rules, p.packet);
    const d = explained.result;
    const summary =
      d.ruleNumber === '*'
        ? `**${IMPLICIT}.** No numbered rule matches the packet, so the final \`*\` rule drops it.`
        : `**${decisionText(d)}.** NACL rules run from the lowest number up and the first match decides; rule ${d.ruleNumber} is the lowest-numbered rule that matches.`;
    const explanation = { summary, steps: explained.steps, lesson: LESSON };
    const wrong = candidates(p, d);
    const difficulty = p.rules.length >= 5 ? 3 : 2;
    if (p.variant === 'rule-number') {
      const answer = d.ruleNumber as number;
      const seen = new Set<number>([answer]);
      const mistakes: NamedMistake[] = [];
      for (const c of wrong) {
        if (c.rule === null || seen.has(c.rule.ruleNumber)) continue;
        seen.add(c.rule.ruleNumber);
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
