/**
 * secondary-cidr — can this IPv4 block be associated with the VPC? The core's
 * checkSecondaryCidr decides: size /16–/28 (facts row 3), no overlap (row 4), at most 5 IPv4
 * blocks by default (row 6; the notes' 6 is wrong), not equal to or larger than an existing
 * route's destination (row 8), no mixing RFC 1918 ranges and not 198.19.0.0/16 (row 4).
 */
import { cidrContainsCidr, cidrsOverlap, parseCidrRange } from '../../calc/cidr';
import {
  RFC1918_RANGES,
  VPC_IPV4_BLOCKS_DEFAULT_QUOTA,
  checkSecondaryCidr,
  checkSecondaryCidrIn,
  explainCheckSecondaryCidrIn,
  secondaryCidrContext,
  type SecondaryCidrContext,
  type Verdict,
} from '../../calc/vpc';
import { defineGenerator, type QuestionBody } from '../define';
import { multipleChoice, singleChoice, type Distractor } from '../choices';
import { enclosingBlock, freeRandomBlockIn, randomBlockIn } from './address-draws';
import type { Rng } from '../rng';
import { hexDigits } from './network-scenario';

type Rule = 'ok' | 'size' | 'quota' | 'overlap' | 'route' | 'rfc1918' | 'restricted';

type Route = { destination: string; target: string };

type Params =
  | { variant: 'single'; vpcCidrs: string[]; routes: Route[]; quota: number; candidate: string }
  | { variant: 'multiple'; vpcCidrs: string[]; routes: Route[]; quota: number; offered: string[] };

const LESSON = '/lessons/vpc-cidr';
const CGNAT = '100.64.0.0/10';

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

/** The VPC of a scenario, parsed once by the core for checking candidates against it. */
function contextOf(p: { vpcCidrs: string[]; routes: Route[]; quota: number }): SecondaryCidrContext {
  return secondaryCidrContext({ vpcCidrs: p.vpcCidrs, routeDestinations: p.routes.map((r) => r.destination), quota: p.quota });
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
}

function drawScenario(rng: Rng, blocks: number, quota: number): Scenario {
  const range = rng.pick(RFC1918_RANGES);
  const rangePrefix = parseCidrRange(range).prefix;
  const taken: string[] = [];
  const primary = randomBlockIn(rng, range, rng.int(Math.max(16, rangePrefix + 2), Math.max(18, rangePrefix + 6)));
  taken.push(primary);
  const vpcCidrs = [primary];
  for (let i = 1; i < blocks; i++) {
    const from = rng.chance(0.25) && !vpcCidrs.some((c) => cidrsOverlap(c, CGNAT)) ? CGNAT : range;
    const b = freeRandomBlockIn(rng, from, rng.int(Math.max(16, parseCidrRange(from).prefix + 2), 24), taken);
    if (b === null) continue;
    taken.push(b);
    vpcCidrs.push(b);
  }
  const routes: Route[] = vpcCidrs.map((c) => ({ destination: c, target: 'local' }));
  routes.push({ destination: '0.0.0.0/0', target: hexId(rng, 'igw') });
  const peer = freeRandomBlockIn(rng, range, rng.int(Math.max(16, rangePrefix + 4), 24), taken);
  if (peer !== null) {
    taken.push(peer);
    routes.push({ destination: peer, target: hexId(rng, 'pcx') });
  }
  if (rng.chance(0.5)) {
    const onPrem = freeRandomBlockIn(rng, range, rng.int(Math.max(16, rangePrefix + 2), 22), taken);
    if (onPrem !== null) routes.push({ destination: onPrem, target: hexId(rng, 'vgw') });
  }
  return { vpcCidrs, routes, quota, range };
}

/** A candidate meant to break `rule` (or none, for 'ok'); the core has the last word. */
function drawCandidate(rng: Rng, s: Scenario, rule: Rule): string | null {
  const all = [...s.vpcCidrs, ...s.routes.filter((r) => r.target !== 'local' && r.destination !== '0.0.0.0/0').map((r) => r.destination)];
  const rangePrefix = parseCidrRange(s.range).prefix;
  const foreignDests = s.routes.filter((r) => r.target !== 'local' && r.destination !== '0.0.0.0/0');
  switch (rule) {
    case 'ok': {
      const roll = rng.int(1, 3);
      const dest = rng.pick(foreignDests.length > 0 ? foreignDests : [{ destination: s.vpcCidrs[0] ?? '', target: '' }]).destination;
      const destPrefix = parseCidrRange(dest).prefix;
      if (roll === 1 && foreignDests.length > 0 && destPrefix < 28) return randomBlockIn(rng, dest, rng.int(destPrefix + 1, Math.min(28, destPrefix + 3)));
      if (roll === 2 && !s.vpcCidrs.some((c) => cidrsOverlap(c, CGNAT))) return freeRandomBlockIn(rng, CGNAT, rng.int(16, 24), all);
      return freeRandomBlockIn(rng, s.range, rng.int(Math.max(16, rangePrefix + 2), 24), all);
    }
    case 'quota':
      return freeRandomBlockIn(rng, s.range, rng.int(Math.max(16, rangePrefix + 2), 24), all);
    case 'size':
      return freeRandomBlockIn(rng, s.range, rng.pick([29, 30, 15, 14].filter((p) => p >= rangePrefix)), all);
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

/** Feedback for a student who said "it can be added" when `rule` forbids it. */
function acceptedFeedback(rule: Rule, candidate: string, s: Scenario, v: Verdict): Distractor {
  const reason = v.reasons[0] ?? '';
  const names: Record<Exclude<Rule, 'ok'>, string> = {
    size: 'forgot the /16–/28 size limits',
    quota: 'used the old quota of 6 blocks',
    overlap: 'ignored the overlap',
    route: 'ignored the route-destination rule',
    rfc1918: 'mixed RFC 1918 ranges',
    restricted: 'forgot the restricted range',
  };
  const feedback =
    rule === 'quota'
      ? `The default quota is ${VPC_IPV4_BLOCKS_DEFAULT_QUOTA} IPv4 CIDR blocks per VPC, primary included (not 6). This VPC already has ${s.vpcCidrs.length}, so ${candidate} cannot be added until the quota is raised.`
      : reason;
  return { text: candidate, mistake: names[rule as Exclude<Rule, 'ok'>], feedback };
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
    const accepted = rule === 'ok' ? { mistake: '', feedback: '' } : acceptedFeedback(rule, candidate, s, v);
    const wrongFeedback: Record<Rule, { name: string; feedback: string }> = {
      ok: { name: accepted.mistake, feedback: accepted.feedback },
      size: { name: 'misread the size limits', feedback: `${candidate} is a /${parseCidrRange(candidate).prefix}, inside the allowed /16–/28 range.` },
      quota: raised
        ? { name: 'forgot the raised quota', feedback: `The VPC has ${s.vpcCidrs.length} IPv4 blocks, but the quota was raised to ${s.quota}, so one more fits.` }
        : { name: 'miscounted the quota', feedback: `The VPC has ${s.vpcCidrs.length} IPv4 block${s.vpcCidrs.length === 1 ? '' : 's'}; the quota is ${s.quota} per VPC, primary included, so there is room.` },
      overlap: { name: 'saw an overlap that is not there', feedback: `${candidate} shares no address with ${s.vpcCidrs.join(', ')}.` },
      route: { name: 'misapplied the route-destination rule', feedback: `Only a block equal to or larger than an existing route's destination is refused; ${candidate} contains none of the route destinations (a block more specific than a route is fine).` },
      rfc1918: {
        name: 'misapplied the RFC 1918 rule',
        feedback: cidrsOverlap(candidate, CGNAT)
          ? `${candidate} is not an RFC 1918 range at all (it is in 100.64.0.0/10), so it mixes nothing.`
          : `${candidate} is in the same RFC 1918 range as the primary block ${s.vpcCidrs[0] ?? ''}.`,
      },
      restricted: { name: 'invented a restriction', feedback: `Only 198.19.0.0/16 is restricted; ${candidate} is not in it.` },
    };
    const distractors: Distractor[] = rng
      .shuffle((Object.keys(OUTCOME) as Rule[]).filter((r) => r !== rule))
      .sort((a, b) => (a === 'ok' ? -1 : b === 'ok' ? 1 : 0))
      .map((r) => ({ text: OUTCOME[r], mistake: wrongFeedback[r].name, feedback: wrongFeedback[r].feedback }));
    const built = singleChoice(rng, OUTCOME[rule], distractors);
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

function buildMultiple(rng: Rng): QuestionBody {
  for (let attempt = 0; attempt < 500; attempt++) {
    const s = drawScenario(rng, rng.int(1, 3), VPC_IPV4_BLOCKS_DEFAULT_QUOTA);
    const rules = rng.shuffle<Rule>(['ok', rng.pick<Rule>(['ok', 'ok', 'size']), 'overlap', 'route', 'rfc1918', 'restricted']).slice(0, 5);
    if (!rules.includes('ok')) rules[0] = 'ok';
    const ctx = contextOf(s);
    const offered: string[] = [];
    const keys: string[] = [];
    const distractors: Distractor[] = [];
    for (const rule of rules) {
      const c = drawCandidate(rng, s, rule);
      if (c === null || offered.includes(c)) continue;
      const v = checkSecondaryCidrIn(ctx, c);
      if (outcome(v) !== rule) continue;
      offered.push(c);
      if (v.ok) keys.push(c);
      if (rule !== 'ok') distractors.push(acceptedFeedback(rule, c, s, v));
    }
    if (keys.length === 0 || distractors.length < 2 || offered.some((c) => offered.some((d) => c !== d && cidrContainsCidr(c, d)))) continue;
    const built = multipleChoice(rng, keys, distractors, offered.length);
    const offeredInOrder = built.choices.map((c) => c.text);
    const explained = offeredInOrder.map((c) => ({ c, e: explainCheckSecondaryCidrIn(ctx, c) }));
    const steps = explained.flatMap(({ c, e }) => [{ text: `Checking ${c}:`, values: { candidate: c, ok: e.result.ok } }, ...e.steps.filter((st) => st.values?.passed === false)]);
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
