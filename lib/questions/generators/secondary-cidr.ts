/**
 * secondary-cidr — can this IPv4 block be associated with the VPC? The core's
 * checkSecondaryCidr decides: size /16–/28 (facts row 3), no overlap (row 4), at most 5 IPv4
 * blocks by default (row 6; the notes' 6 is wrong), not equal to or larger than an existing
 * route's destination (row 8), no mixing RFC 1918 ranges and not 198.19.0.0/16 (row 4).
 */
import { type CidrRange, cidrsOverlap, ipv4Range, parseCidrRange, rangeContainsRange } from '../../calc/cidr';
import {
  RFC1918_RANGES,
  VPC_IPV4_BLOCKS_DEFAULT_QUOTA,
  checkSecondaryCidr,
  checkSecondaryCidrIn,
  explainCheckSecondaryCidrIn,
  secondaryCidrContextOfRanges,
  type SecondaryCidrContext,
  type Verdict,
} from '../../calc/vpc';
import { defineGenerator, type QuestionBody } from '../define';
import { multipleChoice, singleChoice, type Distractor } from '../choices';
import { enclosingBlock, freeRandomIpv4BlockFirst, ipv4Block, type Ipv4Block, randomBlockIn, randomIpv4BlockFirst } from './address-draws';
import type { Rng } from '../rng';
import type { Step } from '../../calc/steps';
import { formatIpv4Number } from '../../calc/ip';
import { hexDigits } from './network-scenario';

type Rule = 'ok' | 'size' | 'quota' | 'overlap' | 'route' | 'rfc1918' | 'restricted';

type Route = { destination: string; target: string };

type Params =
  | { variant: 'single'; vpcCidrs: string[]; routes: Route[]; quota: number; candidate: string }
  | { variant: 'multiple'; vpcCidrs: string[]; routes: Route[]; quota: number; offered: string[] };

const LESSON = '/lessons/vpc-cidr';
const CGNAT = '100.64.0.0/10';
/** Choices in a single-choice question: the key and the first three distractors (all distinct). */
const SINGLE_CHOICES = 4;

/** The answer text for each outcome of checkSecondaryCidr. */
const OUTCOME: Record<Rule, string> = {
  ok: 'Yes, the association succeeds',
  size: 'No: the block size is outside /16–/28',
  quota: 'No: the VPC is at its quota of IPv4 CIDR blocks',
  overlap: 'No: it overlaps a CIDR block already on the VPC',
  route: "No: it is equal to or larger than an existing route's destination",
  rfc1918: 'No: it is from a different RFC 1918 range than the primary block',
  restricted: 'No: it is in a range AWS restricts for VPCs',
};

/** Which rule a reason from checkSecondaryCidr states. */
function ruleOf(reason: string): Rule {
  if (reason.startsWith('A route to')) return 'route';
  if (reason.includes('quota')) return 'quota';
  if (reason.includes('RFC 1918')) return 'rfc1918';
  if (reason.includes('restricts')) return 'restricted';
  if (reason.includes('overlaps') || reason.includes('already associated')) return 'overlap';
  if (reason.includes('must be between')) return 'size';
  throw new Error(`secondary-cidr: unknown reason "${reason}"`);
}

function outcome(v: Verdict): Rule {
  return v.ok ? 'ok' : ruleOf(v.reasons[0] ?? '');
}

/** The VPC of a scenario, for the core to check candidates against (its blocks drawn as ranges: nothing to parse). */
function contextOf(s: Scenario): SecondaryCidrContext {
  return secondaryCidrContextOfRanges(s.blockRanges, s.routeRanges, s.quota);
}

function check(p: { vpcCidrs: string[]; routes: Route[]; quota: number }, candidate: string): Verdict {
  return checkSecondaryCidr({ vpcCidrs: p.vpcCidrs, candidate, routeDestinations: p.routes.map((r) => r.destination), quota: p.quota });
}

function hexId(rng: Rng, prefix: string): string {
  return `${prefix}-${hexDigits(rng, 8)}`;
}

interface Scenario {
  vpcCidrs: string[];
  routes: Route[];
  quota: number;
  range: string;
  /** `range` as numbers. */
  parent: Ipv4Block;
  /** Whether a VPC block was drawn from 100.64.0.0/10 (the only way a block can overlap it). */
  hasCgnat: boolean;
  /** The routes to a peer or on premises (not local, not the default route), in route-table order. */
  foreignDests: Route[];
  /** The VPC blocks and the foreign route destinations, as [first, last] pairs: what a fresh candidate must avoid. */
  taken: number[];
  /** `vpcCidrs` as ranges. */
  blockRanges: CidrRange[];
  /** The destinations of `routes` as ranges, in route-table order. */
  routeRanges: CidrRange[];
}


const CGNAT_PARENT = ipv4Block(CGNAT);

/**
 * First address of `freeRandomBlockIn(rng, parent, prefix, avoid)`, with the blocks to avoid
 * already as numbers (flattened [first, last] pairs): the same draws and the same block.
 */
function freeFirstIn(rng: Rng, parent: Ipv4Block, prefix: number, avoid: readonly number[]): number | null {
  if (!(Number.isInteger(prefix) && prefix >= parent.prefix && prefix <= 32)) {
    throw new Error(`secondary-cidr: cannot draw a /${prefix} inside a /${parent.prefix}`);
  }
  return freeRandomIpv4BlockFirst(rng, parent.first, parent.prefix, prefix, avoid);
}

/** `freeRandomBlockIn(rng, parent, prefix, avoid)` with the blocks to avoid as numbers (see freeFirstIn). */
function freeBlockIn(rng: Rng, parent: Ipv4Block, prefix: number, avoid: readonly number[]): string | null {
  const first = freeFirstIn(rng, parent, prefix, avoid);
  return first === null ? null : `${formatIpv4Number(first)}/${prefix}`;
}

/** The blocks of a scenario as they are drawn: texts, ranges, and [first, last] pairs to avoid. */
class Drawn {
  readonly texts: string[] = [];
  readonly ranges: CidrRange[] = [];
  readonly taken: number[] = [];

  /** Keep the /prefix block at `first`; returns its text. */
  add(first: number, prefix: number): string {
    const range = ipv4Range(first, prefix);
    const text = `${formatIpv4Number(first)}/${prefix}`;
    this.texts.push(text);
    this.ranges.push(range);
    this.taken.push(first, first + 2 ** (32 - prefix) - 1);
    return text;
  }
}

const DEFAULT_ROUTE = '0.0.0.0/0';
const DEFAULT_ROUTE_RANGE = parseCidrRange(DEFAULT_ROUTE);

function drawScenario(rng: Rng, blocks: number, quota: number): Scenario {
  const range = rng.pick(RFC1918_RANGES);
  const parent = ipv4Block(range);
  const rangePrefix = parent.prefix;
  // The VPC's blocks, then the peer and on-premises destinations; each one drawn avoids the ones before.
  const vpc = new Drawn();
  const primaryPrefix = rng.int(Math.max(16, rangePrefix + 2), Math.max(18, rangePrefix + 6));
  vpc.add(randomIpv4BlockFirst(rng, parent.first, rangePrefix, primaryPrefix), primaryPrefix);
  // The primary comes from an RFC 1918 range, so only a block drawn from CGNAT overlaps CGNAT.
  let hasCgnat = false;
  for (let i = 1; i < blocks; i++) {
    const fromCgnat = rng.chance(0.25) && !hasCgnat;
    const from = fromCgnat ? CGNAT_PARENT : parent;
    const prefix = rng.int(Math.max(16, from.prefix + 2), 24);
    const first = freeFirstIn(rng, from, prefix, vpc.taken);
    if (first === null) continue;
    if (fromCgnat) hasCgnat = true;
    vpc.add(first, prefix);
  }
  const vpcCidrs = vpc.texts.slice();
  const blockRanges = vpc.ranges.slice();
  const routes: Route[] = vpcCidrs.map((c) => ({ destination: c, target: 'local' }));
  routes.push({ destination: DEFAULT_ROUTE, target: hexId(rng, 'igw') });
  const routeRanges = [...blockRanges, DEFAULT_ROUTE_RANGE];
  const foreignDests: Route[] = [];
  const peerPrefix = rng.int(Math.max(16, rangePrefix + 4), 24);
  const peer = freeFirstIn(rng, parent, peerPrefix, vpc.taken);
  if (peer !== null) foreignDests.push({ destination: vpc.add(peer, peerPrefix), target: hexId(rng, 'pcx') });
  if (rng.chance(0.5)) {
    const onPremPrefix = rng.int(Math.max(16, rangePrefix + 2), 22);
    const onPrem = freeFirstIn(rng, parent, onPremPrefix, vpc.taken);
    if (onPrem !== null) foreignDests.push({ destination: vpc.add(onPrem, onPremPrefix), target: hexId(rng, 'vgw') });
  }
  for (const r of foreignDests) routes.push(r);
  for (let i = blockRanges.length; i < vpc.ranges.length; i++) routeRanges.push(vpc.ranges[i] as CidrRange);
  return { vpcCidrs, routes, quota, range, parent, hasCgnat, foreignDests, taken: vpc.taken, blockRanges, routeRanges };
}

/** A candidate meant to break `rule` (or none, for 'ok'); the core has the last word. */
function drawCandidate(rng: Rng, s: Scenario, rule: Rule): string | null {
  const { taken, parent, foreignDests } = s;
  const rangePrefix = parent.prefix;
  switch (rule) {
    case 'ok': {
      const roll = rng.int(1, 3);
      const dest = rng.pick(foreignDests.length > 0 ? foreignDests : [{ destination: s.vpcCidrs[0] ?? '', target: '' }]).destination;
      const destPrefix = parseCidrRange(dest).prefix;
      if (roll === 1 && foreignDests.length > 0 && destPrefix < 28) return randomBlockIn(rng, dest, rng.int(destPrefix + 1, Math.min(28, destPrefix + 3)));
      if (roll === 2 && !s.hasCgnat) return freeBlockIn(rng, CGNAT_PARENT, rng.int(16, 24), taken);
      return freeBlockIn(rng, parent, rng.int(Math.max(16, rangePrefix + 2), 24), taken);
    }
    case 'quota':
      return freeBlockIn(rng, parent, rng.int(Math.max(16, rangePrefix + 2), 24), taken);
    case 'size':
      return freeBlockIn(rng, parent, rng.pick([29, 30, 15, 14].filter((p) => p >= rangePrefix)), taken);
    case 'overlap': {
      const block = rng.pick(s.vpcCidrs);
      const p = parseCidrRange(block).prefix;
      return rng.chance(0.5) && p < 28 ? randomBlockIn(rng, block, rng.int(p + 1, Math.min(28, p + 4))) : enclosingBlock(block, Math.max(16, p - rng.int(1, 3)));
    }
    case 'route': {
      if (foreignDests.length === 0) return null;
      const dest = rng.pick(foreignDests).destination;
      const p = parseCidrRange(dest).prefix;
      return rng.chance(0.5) ? dest : enclosingBlock(dest, Math.max(16, p - rng.int(1, 2)));
    }
    case 'rfc1918': {
      const other = rng.pick(RFC1918_RANGES.filter((r) => r !== s.range));
      return randomBlockIn(rng, other, rng.int(Math.max(16, parseCidrRange(other).prefix + 4), 24));
    }
    case 'restricted':
      return randomBlockIn(rng, '198.19.0.0/16', rng.int(16, 24));
  }
}

function prompt(s: Scenario): string {
  const blocks = s.vpcCidrs.map((c, i) => `| \`${c}\` | ${i === 0 ? 'primary' : 'secondary'} |`).join('\n');
  const routes = s.routes.map((r) => `| \`${r.destination}\` | ${r.target} |`).join('\n');
  const quota = s.quota === VPC_IPV4_BLOCKS_DEFAULT_QUOTA ? 'The account uses the default Amazon VPC quotas.' : `The account's quota of IPv4 CIDR blocks per VPC has been raised to ${s.quota}.`;
  return `A VPC has these IPv4 CIDR blocks:\n\n| CIDR block | Role |\n|---|---|\n${blocks}\n\nIts route table:\n\n| Destination | Target |\n|---|---|\n${routes}\n\n${quota}`;
}

/** For each rule, the other rules in OUTCOME order (the distractors of a single-choice question). */
const OTHER_RULES = {} as Record<Rule, readonly Rule[]>;
for (const rule of Object.keys(OUTCOME) as Rule[]) OTHER_RULES[rule] = (Object.keys(OUTCOME) as Rule[]).filter((r) => r !== rule);

/**
 * The distractor "No: <rule>" for a candidate that does not break `rule` (not 'ok': that one is
 * acceptedFeedback). `raised` says whether the scenario's quota was raised.
 */
function wrongFeedback(rule: Exclude<Rule, 'ok'>, candidate: string, s: Scenario, raised: boolean): Distractor {
  const text = OUTCOME[rule];
  switch (rule) {
    case 'size':
      return { text, mistake: 'misread the size limits', feedback: `${candidate} is a /${parseCidrRange(candidate).prefix}, inside the allowed /16–/28 range.` };
    case 'quota':
      return raised
        ? { text, mistake: 'forgot the raised quota', feedback: `The VPC has ${s.vpcCidrs.length} IPv4 blocks, but the quota was raised to ${s.quota}, so one more fits.` }
        : { text, mistake: 'miscounted the quota', feedback: `The VPC has ${s.vpcCidrs.length} IPv4 block${s.vpcCidrs.length === 1 ? '' : 's'}; the quota is ${s.quota} per VPC, primary included, so there is room.` };
    case 'overlap':
      return { text, mistake: 'saw an overlap that is not there', feedback: `${candidate} shares no address with ${s.vpcCidrs.join(', ')}.` };
    case 'route':
      return { text, mistake: 'misapplied the route-destination rule', feedback: `Only a block equal to or larger than an existing route's destination is refused; ${candidate} contains none of the route destinations (a block more specific than a route is fine).` };
    case 'rfc1918':
      return {
        text,
        mistake: 'misapplied the RFC 1918 rule',
        feedback: cidrsOverlap(candidate, CGNAT)
          ? `${candidate} is not an RFC 1918 range at all (it is in 100.64.0.0/10), so it mixes nothing.`
          : `${candidate} is in the same RFC 1918 range as the primary block ${s.vpcCidrs[0] ?? ''}.`,
      };
    case 'restricted':
      return { text, mistake: 'invented a restriction', feedback: `Only 198.19.0.0/16 is restricted; ${candidate} is not in it.` };
  }
}

/** The mistake behind saying "it can be added" when `rule` forbids it. */
const ACCEPTED_MISTAKE: Record<Exclude<Rule, 'ok'>, string> = {
  size: 'forgot the /16–/28 size limits',
  quota: 'used the old quota of 6 blocks',
  overlap: 'ignored the overlap',
  route: 'ignored the route-destination rule',
  rfc1918: 'mixed RFC 1918 ranges',
  restricted: 'forgot the restricted range',
};

/** Feedback for a student who said "it can be added" when `rule` forbids it. */
function acceptedFeedback(rule: Rule, candidate: string, s: Scenario, v: Verdict): Distractor {
  const reason = v.reasons[0] ?? '';
  const feedback =
    rule === 'quota'
      ? `The default quota is ${VPC_IPV4_BLOCKS_DEFAULT_QUOTA} IPv4 CIDR blocks per VPC, primary included (not 6). This VPC already has ${s.vpcCidrs.length}, so ${candidate} cannot be added until the quota is raised.`
      : reason;
  return { text: candidate, mistake: ACCEPTED_MISTAKE[rule as Exclude<Rule, 'ok'>], feedback };
}

function buildSingle(rng: Rng): QuestionBody {
  for (let attempt = 0; attempt < 500; attempt++) {
    const rule = rng.pick<Rule>(['ok', 'ok', 'size', 'quota', 'quota', 'overlap', 'route', 'route', 'rfc1918', 'restricted']);
    const raised = rule === 'ok' && rng.chance(0.25);
    const blocks = rule === 'quota' || raised ? VPC_IPV4_BLOCKS_DEFAULT_QUOTA : rng.int(1, 3);
    const s = drawScenario(rng, blocks, raised ? rng.pick([6, 8, 10, 20]) : VPC_IPV4_BLOCKS_DEFAULT_QUOTA);
    if (s.vpcCidrs.length !== blocks) continue;
    const candidate = drawCandidate(rng, s, rule);
    if (candidate === null) continue;
    const explained = explainCheckSecondaryCidrIn(contextOf(s), candidate);
    const v = explained.result;
    if (v.reasons.length > 1 || outcome(v) !== rule) continue;
    // The other outcomes in random order, 'ok' first. Their texts are distinct, so singleChoice
    // keeps exactly the first SINGLE_CHOICES − 1: only those need their feedback written.
    const others = rng.shuffle(OTHER_RULES[rule]).sort((a, b) => (a === 'ok' ? -1 : b === 'ok' ? 1 : 0));
    const distractors: Distractor[] = [];
    for (let i = 0; i < SINGLE_CHOICES - 1 && i < others.length; i++) {
      const r = others[i] as Rule;
      if (r !== 'ok') distractors.push(wrongFeedback(r, candidate, s, raised));
      else {
        const accepted = acceptedFeedback(rule, candidate, s, v);
        distractors.push({ text: OUTCOME.ok, mistake: accepted.mistake, feedback: accepted.feedback });
      }
    }
    const built = singleChoice(rng, OUTCOME[rule], distractors, SINGLE_CHOICES);
    return {
      difficulty: rule === 'route' || rule === 'quota' ? 3 : 2,
      kind: 'single',
      prompt: `${prompt(s)}\n\nAn engineer tries to associate \`${candidate}\` with the VPC as a secondary CIDR block. What happens?`,
      params: { variant: 'single', vpcCidrs: s.vpcCidrs, routes: s.routes, quota: s.quota, candidate },
      ...built,
      explanation: { summary: v.ok ? `**Yes**: ${candidate} passes every rule for a secondary IPv4 block.` : `**No**: ${v.reasons[0] ?? ''}`, steps: explained.steps, lesson: LESSON },
      expectedSeconds: 90,
    };
  }
  throw new Error('secondary-cidr: no single-choice scenario found');
}

/** Whether one of the (distinct, IPv4) blocks contains another. */
function someContainsAnother(blocks: readonly string[]): boolean {
  const ranges: CidrRange[] = blocks.map((c) => parseCidrRange(c));
  for (let i = 0; i < ranges.length; i++) {
    const outer = ranges[i] as CidrRange;
    for (let j = 0; j < ranges.length; j++) {
      if (i !== j && rangeContainsRange(outer, ranges[j] as CidrRange)) return true;
    }
  }
  return false;
}

function buildMultiple(rng: Rng): QuestionBody {
  for (let attempt = 0; attempt < 500; attempt++) {
    const s = drawScenario(rng, rng.int(1, 3), VPC_IPV4_BLOCKS_DEFAULT_QUOTA);
    const rules = rng.shuffle<Rule>(['ok', rng.pick<Rule>(['ok', 'ok', 'size']), 'overlap', 'route', 'rfc1918', 'restricted']).slice(0, 5);
    if (!rules.includes('ok')) rules[0] = 'ok';
    const ctx = contextOf(s);
    const offered: string[] = [];
    const verdicts: Verdict[] = [];
    const keys: string[] = [];
    const distractors: Distractor[] = [];
    for (const rule of rules) {
      const c = drawCandidate(rng, s, rule);
      if (c === null || offered.includes(c)) continue;
      const v = checkSecondaryCidrIn(ctx, c);
      if (outcome(v) !== rule) continue;
      offered.push(c);
      verdicts.push(v);
      if (v.ok) keys.push(c);
      if (rule !== 'ok') distractors.push(acceptedFeedback(rule, c, s, v));
    }
    if (keys.length === 0 || distractors.length < 2 || someContainsAnother(offered)) continue;
    const built = multipleChoice(rng, keys, distractors, offered.length);
    const offeredInOrder = built.choices.map((c) => c.text);
    // Per block, the core's explained check keeps only its failed rules: their sentences are the
    // verdict's reasons, in the same order, so the verdicts found above give the same steps.
    const steps: Step[] = [];
    for (const c of offeredInOrder) {
      const v = verdicts[offered.indexOf(c)] as Verdict;
      steps.push({ text: `Checking ${c}:`, values: { candidate: c, ok: v.ok } });
      for (const text of v.reasons) steps.push({ text, values: { passed: false } });
    }
    return {
      difficulty: 3,
      kind: 'multiple',
      prompt: `${prompt(s)}\n\nWhich of these blocks could be associated with the VPC as a secondary CIDR block? Choose all that apply.`,
      params: { variant: 'multiple', vpcCidrs: s.vpcCidrs, routes: s.routes, quota: s.quota, offered: offeredInOrder },
      ...built,
      explanation: {
        summary: `Only ${keys.map((k) => `\`${k}\``).join(' and ')} pass${keys.length === 1 ? 'es' : ''} every rule: no overlap, not equal to or larger than a route destination, same RFC 1918 range as the primary (or outside RFC 1918), not 198.19.0.0/16, /16–/28.`,
        steps,
        lesson: LESSON,
      },
      expectedSeconds: 120,
    };
  }
  throw new Error('secondary-cidr: no multiple-choice scenario found');
}

export const secondaryCidr = defineGenerator<Params>({
  id: 'secondary-cidr',
  version: 1,
  topic: 'vpc-cidr',
  title: 'Adding a secondary IPv4 CIDR block to a VPC',
  kinds: ['single', 'multiple'],
  solve(params) {
    if (params.variant === 'single') return OUTCOME[outcome(check(params, params.candidate))];
    return params.offered.filter((c) => check(params, c).ok);
  },
  build(rng): QuestionBody {
    return rng.chance(0.6) ? buildSingle(rng) : buildMultiple(rng);
  },
});
