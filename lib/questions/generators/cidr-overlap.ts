/**
 * cidr-overlap — do two blocks overlap, and can two VPCs be peered? Overlapping IPv4 or IPv6
 * blocks block peering even if only other blocks would be routed, and only one peering
 * connection may join the same two VPCs (facts row 138). The core's cidrsOverlap and
 * checkPeering decide.
 */
import { cidrsOverlap, explainCidrsOverlap, parseCidr } from '../../calc/cidr';
import { checkPeering, explainCheckPeering, peeringSteps, type PeeringVerdict } from '../../calc/peering';
import type { Step } from '../../calc/steps';
import { formatIpv4Number } from '../../calc/ip';
import { defineGenerator, type QuestionBody } from '../define';
import { multipleChoice, singleChoice, type Distractor } from '../choices';
import { freeRandomBlockIn, ipv4Block, type Ipv4Block, randomBlockIn, randomIpv4BlockFirst, randomIpv6Block } from './address-draws';
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


function blockText(b: Ipv4Block): string {
  return `${formatIpv4Number(b.first)}/${b.prefix}`;
}

/** 2^k for k = 0 … 32. */
const POW2: readonly number[] = Array.from({ length: 33 }, (_, k) => 2 ** k);

/** Whether two IPv4 blocks share an address (each starts before the other ends). */
function blocksOverlap(a: Ipv4Block, b: Ipv4Block): boolean {
  return a.first < b.first + (POW2[32 - b.prefix] as number) && b.first < a.first + (POW2[32 - a.prefix] as number);
}

/** PARENTS and 100.64.0.0/10 as numbers. */
const PARENT_BLOCKS: readonly Ipv4Block[] = PARENTS.map(ipv4Block);
const CGNAT_BLOCK = ipv4Block('100.64.0.0/10');

/** Two blocks that look alike (same first two octets) but do not overlap. */
function lookalikeDisjoint(rng: Rng): [string, string] {
  // randomBlockIn's draws, in numbers (the loop may draw several b's)
  const top = rng.pick(PARENT_BLOCKS);
  const parent = randomIpv4BlockFirst(rng, top.first, top.prefix, 16);
  const aPrefix = rng.int(17, 22);
  const a: Ipv4Block = { first: randomIpv4BlockFirst(rng, parent, 16, aPrefix), prefix: aPrefix };
  for (;;) {
    const bPrefix = rng.int(17, 22);
    const b: Ipv4Block = { first: randomIpv4BlockFirst(rng, parent, 16, bPrefix), prefix: bPrefix };
    if (!blocksOverlap(a, b)) return [blockText(a), blockText(b)];
  }
}

/** Two blocks that overlap although their third octets differ (one inside the other). */
function hiddenOverlap(rng: Rng): [string, string] {
  const top = rng.pick(PARENT_BLOCKS);
  const p = rng.int(16, 20);
  const outerFirst = randomIpv4BlockFirst(rng, top.first, top.prefix, p);
  const outer = blockText({ first: outerFirst, prefix: p });
  for (;;) {
    const innerPrefix = rng.int(p + 1, Math.min(28, p + 6));
    const innerFirst = randomIpv4BlockFirst(rng, outerFirst, p, innerPrefix);
    // the third octets differ (the first two are the same: the inner block is inside the outer)
    if (innerFirst >>> 8 !== outerFirst >>> 8) {
      const inner = blockText({ first: innerFirst, prefix: innerPrefix });
      return rng.chance(0.5) ? [outer, inner] : [inner, outer];
    }
  }
}

/** The mistake behind missing an overlap between two primary blocks. */
function missedOverlap(x: string, y: string): string {
  return missedOverlapMistake(parseCidr(x).network === parseCidr(y).network);
}

/** missedOverlap, given whether the two blocks have the same network address. */
function missedOverlapMistake(sameNetwork: boolean): string {
  return sameNetwork ? 'thought different prefix lengths make different networks' : 'compared the octets, not the address ranges';
}

function outcomeOf(v: PeeringVerdict): Outcome {
  const r = v.reasons[0];
  if (r === undefined) return 'ok';
  if (r.includes('already peered')) return 'existing';
  if (r.includes('overlaps')) return hasIpv6Block(r) ? 'ipv6' : 'ipv4';
  throw new Error(`cidr-overlap: unexpected reason "${r}"`);
}

/** Whether some space-separated word of `text` has both a ':' and a '/' (an IPv6 block). */
function hasIpv6Block(text: string): boolean {
  let colon = false;
  let slash = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      colon = false;
      slash = false;
    } else if (c === 58) colon = true;
    else if (c === 47) slash = true;
    if (colon && slash) return true;
  }
  return false;
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

/** The "No" outcomes, in the order their distractors are offered. */
const NO_OUTCOMES: readonly Exclude<Outcome, 'ok'>[] = ['ipv4', 'ipv6', 'existing'];

/** The distractor "No: <outcome>" for a pair of VPCs that `outcome` does not stop. */
function wrongNo(outcome: Exclude<Outcome, 'ok'>, a: Vpc, b: Vpc): Distractor {
  switch (outcome) {
    case 'ipv4':
      return { text: OUTCOME_TEXT.ipv4, mistake: a.cidrs.some((x) => b.cidrs.some((y) => !x.includes(':') && leading(x, 2) === leading(y, 2))) ? 'compared only the first octets' : 'saw an overlap that is not there', feedback: `No IPv4 block of ${a.name} shares an address with an IPv4 block of ${b.name}; compare each block's first and last address.` };
    case 'ipv6':
      return { text: OUTCOME_TEXT.ipv6, mistake: 'saw an IPv6 overlap that is not there', feedback: a.cidrs.some((c) => c.includes(':')) && b.cidrs.some((c) => c.includes(':')) ? 'The two IPv6 blocks are different ranges.' : 'Not both VPCs have an IPv6 block, so IPv6 cannot overlap.' };
    case 'existing':
      return { text: OUTCOME_TEXT.existing, mistake: 'assumed an existing connection', feedback: 'Nothing in the scenario says the two VPCs are already peered.' };
  }
}

function buildPair(rng: Rng): QuestionBody {
  for (;;) {
    const target = rng.pick<Outcome>(['ok', 'ok', 'ipv4', 'ipv4', 'ipv6', 'existing']);
    const { a, b, peered } = drawPair(rng, target);
    const existing: [string, string][] = peered ? [[a.id, b.id]] : [];
    const explained = explainCheckPeering(a, b, existing);
    if (explained.result.reasons.length !== (target === 'ok' ? 0 : 1) || outcomeOf(explained.result) !== target) continue;
    const distractors: Distractor[] = target === 'ok' ? [] : [yesMistake(target, a, b, explained.result)];
    for (const o of NO_OUTCOMES) if (o !== target) distractors.push(wrongNo(o, a, b));
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

/** A VPC of buildWhich while it is drawn: its blocks as numbers. */
interface DrawnVpc {
  id: string;
  name: string;
  blocks: Ipv4Block[];
}

/** `checkPeering(a, b).ok` for drawn VPCs (all IPv4, no existing peering): different ids and no overlapping blocks. */
function drawnCanPeer(a: DrawnVpc, b: DrawnVpc): boolean {
  if (a.id === b.id) return false;
  for (const x of a.blocks) for (const y of b.blocks) if (blocksOverlap(x, y)) return false;
  return true;
}

function drawnVpc(d: DrawnVpc): Vpc {
  return { id: d.id, name: d.name, cidrs: d.blocks.map(blockText) };
}

function buildWhich(rng: Rng): QuestionBody {
  for (;;) {
    // Most draws are thrown away (every VPC or none can be peered), so the blocks are drawn as
    // numbers, with the same draws as randomBlockIn / blockAt / freeRandomBlockIn on their texts,
    // and written as text only for a draw that is kept.
    const parent = rng.pick(PARENT_BLOCKS);
    const hubBase = randomIpv4BlockFirst(rng, parent.first, parent.prefix, 16);
    const hubPrefix = rng.int(17, 19);
    const hubSize = POW2[32 - hubPrefix] as number;
    const hubPrimary: Ipv4Block = { first: hubBase, prefix: hubPrefix }; // the first /hubPrefix of hubBase
    // With nothing to avoid, freeRandomBlockIn keeps its first draw.
    const secondaryPrefix = rng.int(18, 22);
    const hubSecondary: Ipv4Block = { first: randomIpv4BlockFirst(rng, CGNAT_BLOCK.first, CGNAT_BLOCK.prefix, secondaryPrefix), prefix: secondaryPrefix };
    const drawnHub: DrawnVpc = { id: vpcId(rng), name: 'hub', blocks: [hubPrimary, hubSecondary] };
    const names = rng.sample(NAMES, 5);
    const drawn: DrawnVpc[] = [];
    for (let i = 0; i < names.length; i++) {
      const kind = rng.int(0, 3);
      let blocks: Ipv4Block[];
      if (kind === 0) {
        // lookalike, disjoint: another /hubPrefix of hubBase
        blocks = [{ first: hubBase + rng.int(1, 2 ** (hubPrefix - 16) - 1) * hubSize, prefix: hubPrefix }];
      } else if (kind === 1) {
        // inside the hub's primary
        const prefix = rng.int(hubPrefix + 1, hubPrefix + 6);
        blocks = [{ first: randomIpv4BlockFirst(rng, hubBase, hubPrefix, prefix), prefix }];
      } else if (kind === 2) {
        // overlaps the secondary
        const lookalike: Ipv4Block = { first: hubBase + Math.max(1, 2 ** (hubPrefix - 16) - 1 - (i % 2)) * hubSize, prefix: hubPrefix };
        blocks = [lookalike, { first: randomIpv4BlockFirst(rng, hubSecondary.first, secondaryPrefix, secondaryPrefix + 2), prefix: secondaryPrefix + 2 }];
      } else {
        const other = rng.pick(PARENT_BLOCKS);
        const prefix = rng.int(16, 22);
        blocks = [{ first: randomIpv4BlockFirst(rng, other.first, other.prefix, prefix), prefix }];
      }
      drawn.push({ id: vpcId(rng), name: names[i] as string, blocks });
    }
    if (drawn.some((v, i) => drawn.some((w, j) => i !== j && w.blocks[0]?.first === v.blocks[0]?.first && w.blocks[0]?.prefix === v.blocks[0]?.prefix))) continue;
    // Which VPCs can be peered decides whether the draw is kept; the worded verdicts are only
    // needed then (the ones that can be peered have no reasons).
    const oks = drawn.map((v) => drawnCanPeer(drawnHub, v));
    let peerable = 0;
    for (const ok of oks) if (ok) peerable++;
    if (peerable === 0 || peerable === drawn.length) continue;
    const hub = drawnVpc(drawnHub);
    const offered = drawn.map(drawnVpc);
    const keys = offered.filter((_, i) => oks[i] === true);
    const verdicts = offered.map((v, i): PeeringVerdict => (oks[i] === true ? { ok: true, reasons: [] } : checkPeering(hub, v)));
    const texts = offered.map(vpcText);
    const distractors: Distractor[] = [];
    for (let i = 0; i < offered.length; i++) {
      const verdict = verdicts[i] as PeeringVerdict;
      if (verdict.ok) continue;
      const reason = verdict.reasons[0] ?? '';
      const hubPrimary = drawnHub.blocks[0] as Ipv4Block;
      const primary = (drawn[i] as DrawnVpc).blocks[0] as Ipv4Block;
      distractors.push(
        blocksOverlap(hubPrimary, primary)
          ? { text: texts[i] as string, mistake: missedOverlapMistake(hubPrimary.first === primary.first), feedback: reason }
          : { text: texts[i] as string, mistake: 'ignored secondary blocks', feedback: `${reason} Every block counts, not just the primary.` },
      );
    }
    const built = multipleChoice(rng, keys.map(vpcText), distractors, offered.length);
    const order = built.choices.map((c) => offered[texts.indexOf(c.text)] as Vpc);
    const steps: Step[] = [];
    for (const v of order) for (const st of peeringSteps(hub, v, verdicts[offered.indexOf(v)] as PeeringVerdict)) steps.push(st);
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
