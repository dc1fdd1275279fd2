/**
 * cidr-overlap — do two blocks overlap, and can two VPCs be peered? Overlapping IPv4 or IPv6
 * blocks block peering even if only other blocks would be routed, and only one peering
 * connection may join the same two VPCs (facts row 138). The core's cidrsOverlap and
 * checkPeering decide.
 */
import { cidrsOverlap, explainCidrsOverlap, parseCidr } from '../../calc/cidr';
import { checkPeering, explainCheckPeering, type PeeringVerdict } from '../../calc/peering';
import { defineGenerator, type QuestionBody } from '../define';
import { multipleChoice, singleChoice, type Distractor } from '../choices';
import { blockAt, freeRandomBlockIn, randomBlockIn, randomIpv6Block } from './address-draws';
import type { Rng } from '../rng';
import { hexDigits } from './network-scenario';

type Vpc = { id: string; name: string; cidrs: string[] };
type Outcome = 'ok' | 'ipv4' | 'ipv6' | 'existing';

type Params =
  | { variant: 'blocks'; a: string; b: string }
  | { variant: 'pair'; a: Vpc; b: Vpc; peered: boolean }
  | { variant: 'which'; hub: Vpc; offered: Vpc[] };

const LESSON = '/lessons/peering';
const NAMES = ['shared-services', 'payments', 'analytics', 'identity', 'logging', 'search', 'billing', 'partner-api', 'data-lake', 'ci-runners', 'crm', 'edge'];
const PARENTS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

function vpcId(rng: Rng): string {
  return `vpc-${hexDigits(rng, 8)}`;
}

/** The first `octets` numbers of a block's network address (an IPv6 network, having no dots, whole). */
function leading(cidr: string, octets: number): string {
  const network = parseCidr(cidr).network;
  let at = -1;
  for (let i = 0; i < octets; i++) {
    at = network.indexOf('.', at + 1);
    if (at < 0) return network;
  }
  return network.slice(0, at);
}

/** Two blocks that look alike (same first two octets) but do not overlap. */
function lookalikeDisjoint(rng: Rng): [string, string] {
  const parent = randomBlockIn(rng, rng.pick(PARENTS), 16);
  const a = randomBlockIn(rng, parent, rng.int(17, 22));
  for (;;) {
    const b = randomBlockIn(rng, parent, rng.int(17, 22));
    if (!cidrsOverlap(a, b)) return [a, b];
  }
}

/** Two blocks that overlap although their third octets differ (one inside the other). */
function hiddenOverlap(rng: Rng): [string, string] {
  const outer = randomBlockIn(rng, rng.pick(PARENTS), rng.int(16, 20));
  const p = parseCidr(outer).prefix;
  for (;;) {
    const inner = randomBlockIn(rng, outer, rng.int(p + 1, Math.min(28, p + 6)));
    if (leading(inner, 3) !== leading(outer, 3)) return rng.chance(0.5) ? [outer, inner] : [inner, outer];
  }
}

/** The mistake behind missing an overlap between two primary blocks. */
function missedOverlap(x: string, y: string): string {
  return parseCidr(x).network === parseCidr(y).network ? 'thought different prefix lengths make different networks' : 'compared the octets, not the address ranges';
}

function outcomeOf(v: PeeringVerdict): Outcome {
  const r = v.reasons[0];
  if (r === undefined) return 'ok';
  if (r.includes('already peered')) return 'existing';
  if (r.includes('overlaps')) return r.split(' ').some((w) => w.includes(':') && w.includes('/')) ? 'ipv6' : 'ipv4';
  throw new Error(`cidr-overlap: unexpected reason "${r}"`);
}

const OUTCOME_TEXT: Record<Outcome, string> = {
  ok: 'Yes, the peering connection can be created',
  ipv4: 'No: an IPv4 block of one VPC overlaps an IPv4 block of the other',
  ipv6: 'No: their IPv6 blocks overlap',
  existing: 'No: a peering connection between them already exists',
};

function buildBlocks(rng: Rng): QuestionBody {
  const [a, b] = rng.chance(0.5) ? lookalikeDisjoint(rng) : hiddenOverlap(rng);
  const explained = explainCidrsOverlap(a, b);
  const overlap = explained.result;
  const key = overlap ? 'Yes, they overlap' : 'No, they do not overlap';
  const wrong: Distractor = overlap
    ? { text: 'No, they do not overlap', mistake: 'compared the octets, not the address ranges', feedback: `The third octets differ, but ${a} and ${b} are one inside the other: compare the first and last address of each block.` }
    : { text: 'Yes, they overlap', mistake: 'compared only the first octets', feedback: `Both start with ${leading(a, 2)}, but ${a} and ${b} cover different address ranges: one ends before the other starts.` };
  const ask = rng.pick([
    `Two teams want to connect their VPCs. One VPC uses \`${a}\`, the other \`${b}\`. Do the two CIDR blocks overlap?`,
    `A network engineer is checking an address plan before creating a VPC peering connection between a VPC with \`${a}\` and a VPC with \`${b}\`. Do these blocks overlap?`,
    `An on-premises team asks whether \`${a}\` and \`${b}\` share any addresses. Do they overlap?`,
  ]);
  return {
    difficulty: 1,
    kind: 'single',
    prompt: ask,
    params: { variant: 'blocks', a, b },
    ...singleChoice(rng, key, [wrong], 2, 2),
    explanation: { summary: `${overlap ? '**Yes**' : '**No**'}: compare the address ranges, not the octets.`, steps: explained.steps, lesson: LESSON },
    expectedSeconds: 30,
  };
}

/** Two VPCs (and whether they are already peered) meant to give `target`; the core has the last word. */
function drawPair(rng: Rng, target: Outcome): { a: Vpc; b: Vpc; peered: boolean } {
  const [n1, n2] = rng.sample(NAMES, 2);
  const [p1, p2] = lookalikeDisjoint(rng);
  const a: Vpc = { id: vpcId(rng), name: n1 ?? 'a', cidrs: [p1] };
  const b: Vpc = { id: vpcId(rng), name: n2 ?? 'b', cidrs: [p2] };
  if (target === 'ipv4') {
    if (rng.chance(0.5)) {
      const [x, y] = hiddenOverlap(rng);
      a.cidrs = [x];
      b.cidrs = [y];
    } else {
      const extra = freeRandomBlockIn(rng, '100.64.0.0/10', rng.int(18, 24), []);
      if (extra !== null) {
        a.cidrs.push(extra);
        b.cidrs.push(randomBlockIn(rng, extra, Math.min(28, parseCidr(extra).prefix + rng.int(0, 2))));
      }
    }
  } else if (rng.chance(0.4)) {
    const extra = freeRandomBlockIn(rng, '100.64.0.0/10', rng.int(18, 24), []);
    if (extra !== null) a.cidrs.push(extra);
  }
  if (target === 'ipv6') {
    const shared = randomIpv6Block(rng, 52);
    const inner = randomBlockIn(rng, shared, 56);
    a.cidrs.push(inner);
    b.cidrs.push(rng.chance(0.5) ? shared : inner);
  } else if (rng.chance(0.4)) {
    a.cidrs.push(randomIpv6Block(rng, 56));
    b.cidrs.push(randomIpv6Block(rng, 56));
  }
  return { a, b, peered: target === 'existing' };
}

/** A VPC as a choice: its name and blocks. */
function vpcText(v: Vpc): string {
  return `${v.name}: ${v.cidrs.join(', ')}`;
}

function describe(v: Vpc): string {
  return `${v.name} (${v.id}): ${v.cidrs.map((c) => `\`${c}\``).join(', ')}`;
}

function yesMistake(target: Outcome, a: Vpc, b: Vpc, verdict: PeeringVerdict): Distractor {
  const text = OUTCOME_TEXT.ok;
  if (target === 'existing') return { text, mistake: 'forgot only one connection per VPC pair', feedback: `${a.id} and ${b.id} are already peered; AWS allows only one peering connection between the same two VPCs.` };
  // (the verdict was asked without the existing peering, which only the 'existing' target has)
  const reason = verdict.reasons[0] ?? '';
  if (target === 'ipv6') return { text, mistake: 'ignored the IPv6 blocks', feedback: `${reason} IPv6 blocks count too.` };
  const viaSecondary = !cidrsOverlap(a.cidrs[0] ?? '', b.cidrs[0] ?? '');
  return viaSecondary
    ? { text, mistake: 'ignored secondary blocks', feedback: `The primary blocks are disjoint, but ${reason.charAt(0).toLowerCase()}${reason.slice(1)}` }
    : { text, mistake: missedOverlap(a.cidrs[0] ?? '', b.cidrs[0] ?? ''), feedback: reason };
}

function buildPair(rng: Rng): QuestionBody {
  for (;;) {
    const target = rng.pick<Outcome>(['ok', 'ok', 'ipv4', 'ipv4', 'ipv6', 'existing']);
    const { a, b, peered } = drawPair(rng, target);
    const existing: [string, string][] = peered ? [[a.id, b.id]] : [];
    const explained = explainCheckPeering(a, b, existing);
    if (explained.result.reasons.length !== (target === 'ok' ? 0 : 1) || outcomeOf(explained.result) !== target) continue;
    const wrongNo: Record<Exclude<Outcome, 'ok'>, Distractor> = {
      ipv4: { text: OUTCOME_TEXT.ipv4, mistake: a.cidrs.some((x) => b.cidrs.some((y) => !x.includes(':') && leading(x, 2) === leading(y, 2))) ? 'compared only the first octets' : 'saw an overlap that is not there', feedback: `No IPv4 block of ${a.name} shares an address with an IPv4 block of ${b.name}; compare each block's first and last address.` },
      ipv6: { text: OUTCOME_TEXT.ipv6, mistake: 'saw an IPv6 overlap that is not there', feedback: a.cidrs.some((c) => c.includes(':')) && b.cidrs.some((c) => c.includes(':')) ? 'The two IPv6 blocks are different ranges.' : 'Not both VPCs have an IPv6 block, so IPv6 cannot overlap.' },
      existing: { text: OUTCOME_TEXT.existing, mistake: 'assumed an existing connection', feedback: 'Nothing in the scenario says the two VPCs are already peered.' },
    };
    const distractors: Distractor[] = [
      ...(target === 'ok' ? [] : [yesMistake(target, a, b, explained.result)]),
      ...(Object.keys(wrongNo) as Exclude<Outcome, 'ok'>[]).filter((o) => o !== target).map((o) => wrongNo[o]),
    ];
    const routeHint = a.cidrs.length > 1 || b.cidrs.length > 1 ? ` The teams only plan to route between the primary blocks \`${a.cidrs[0] ?? ''}\` and \`${b.cidrs[0] ?? ''}\`.` : '';
    const prompt =
      `Two VPCs in the same account and Region:\n\n- ${describe(a)}\n- ${describe(b)}\n\n` +
      `${peered ? `A peering connection between ${a.id} and ${b.id} was created and accepted last month. ` : ''}A team wants to create a new VPC peering connection between them.${routeHint} Can it be created?`;
    return {
      difficulty: 2,
      kind: 'single',
      prompt,
      params: { variant: 'pair', a, b, peered },
      ...singleChoice(rng, OUTCOME_TEXT[target], distractors),
      explanation: { summary: target === 'ok' ? '**Yes**: no block of one VPC overlaps a block of the other, and they are not already peered.' : `**No**: ${explained.result.reasons[0] ?? ''}`, steps: explained.steps, lesson: LESSON },
      expectedSeconds: 70,
    };
  }
}

function buildWhich(rng: Rng): QuestionBody {
  for (;;) {
    const hubBase = randomBlockIn(rng, rng.pick(PARENTS), 16);
    const hubPrefix = rng.int(17, 19);
    const hubPrimary = blockAt(hubBase, hubPrefix, 0);
    const hubSecondary = freeRandomBlockIn(rng, '100.64.0.0/10', rng.int(18, 22), []);
    const hub: Vpc = { id: vpcId(rng), name: 'hub', cidrs: hubSecondary === null ? [hubPrimary] : [hubPrimary, hubSecondary] };
    const names = rng.sample(NAMES, 5);
    const offered: Vpc[] = names.map((name, i) => {
      const kind = rng.int(0, 3);
      let cidrs: string[];
      if (kind === 0) cidrs = [blockAt(hubBase, hubPrefix, rng.int(1, 2 ** (hubPrefix - 16) - 1))]; // lookalike, disjoint
      else if (kind === 1) cidrs = [randomBlockIn(rng, hubPrimary, rng.int(hubPrefix + 1, hubPrefix + 6))]; // inside the hub's primary
      else if (kind === 2 && hubSecondary !== null) cidrs = [blockAt(hubBase, hubPrefix, Math.max(1, 2 ** (hubPrefix - 16) - 1 - (i % 2))), randomBlockIn(rng, hubSecondary, parseCidr(hubSecondary).prefix + 2)]; // overlaps the secondary
      else cidrs = [randomBlockIn(rng, rng.pick(PARENTS), rng.int(16, 22))];
      return { id: vpcId(rng), name, cidrs };
    });
    if (offered.some((v, i) => offered.some((w, j) => i !== j && w.cidrs[0] === v.cidrs[0]))) continue;
    const verdicts = offered.map((v) => checkPeering(hub, v));
    const texts = offered.map(vpcText);
    const keys = offered.filter((_, i) => (verdicts[i] as PeeringVerdict).ok);
    if (keys.length === 0 || keys.length === offered.length) continue;
    const distractors: Distractor[] = [];
    for (let i = 0; i < offered.length; i++) {
      const verdict = verdicts[i] as PeeringVerdict;
      if (verdict.ok) continue;
      const v = offered[i] as Vpc;
      const reason = verdict.reasons[0] ?? '';
      const viaSecondary = !cidrsOverlap(hub.cidrs[0] ?? '', v.cidrs[0] ?? '');
      distractors.push(
        viaSecondary
          ? { text: texts[i] as string, mistake: 'ignored secondary blocks', feedback: `${reason} Every block counts, not just the primary.` }
          : { text: texts[i] as string, mistake: missedOverlap(hub.cidrs[0] ?? '', v.cidrs[0] ?? ''), feedback: reason },
      );
    }
    const built = multipleChoice(rng, keys.map(vpcText), distractors, offered.length);
    const order = built.choices.map((c) => offered[texts.indexOf(c.text)] as Vpc);
    const steps = order.flatMap((v) => explainCheckPeering(hub, v).steps);
    return {
      difficulty: 3,
      kind: 'multiple',
      prompt: `The hub VPC (${hub.id}) has the IPv4 blocks ${hub.cidrs.map((c) => `\`${c}\``).join(' and ')}. Which of these VPCs can it be peered with? Choose all that apply.`,
      params: { variant: 'which', hub, offered: order },
      ...built,
      explanation: { summary: `Only VPCs none of whose blocks overlap any hub block can be peered: ${keys.map((v) => v.name).join(', ')}.`, steps, lesson: LESSON },
      expectedSeconds: 100,
    };
  }
}

export const cidrOverlap = defineGenerator<Params>({
  id: 'cidr-overlap',
  version: 1,
  topic: 'peering',
  title: 'Overlapping blocks and VPC peering',
  kinds: ['single', 'multiple'],
  solve(params) {
    if (params.variant === 'blocks') return cidrsOverlap(params.a, params.b) ? 'Yes, they overlap' : 'No, they do not overlap';
    if (params.variant === 'pair') {
      const existing: [string, string][] = params.peered ? [[params.a.id, params.b.id]] : [];
      return OUTCOME_TEXT[outcomeOf(checkPeering(params.a, params.b, existing))];
    }
    return params.offered.filter((v) => checkPeering(params.hub, v).ok).map((v) => `${v.name}: ${v.cidrs.join(', ')}`);
  },
  build(rng): QuestionBody {
    const roll = rng.int(1, 10);
    if (roll <= 3) return buildBlocks(rng);
    if (roll <= 7) return buildPair(rng);
    return buildWhich(rng);
  },
});
