/**
 * subnet-split — carve a VPC block into equal /n subnets: how many subnets, how many usable
 * addresses across all of them (5 reserved in each, facts rows 10, 12), or which block is the
 * k-th subnet.
 */
import { addToAddress } from '../../calc/ip';
import { explainSplitCidr, explainSplitUsableIps, explainSubnetCount, splitCidr, splitUsableIps, subnetCount } from '../../calc/subnetting';
import { defineGenerator, type QuestionBody } from '../define';
import { singleChoice, type Distractor } from '../choices';
import { blockAt, fmt, networkOf, ordinal } from './address-draws';
import { randomPrivateCidr } from './cidr-usable-ips';
import type { NamedMistake } from '../types';
import type { Rng } from '../rng';

type Params =
  | { variant: 'count'; vpc: string; prefix: number }
  | { variant: 'usable'; vpc: string; prefix: number }
  | { variant: 'kth'; vpc: string; prefix: number; k: number };

const LESSON = '/lessons/vpc-cidr';
const OCTET_MISTAKE = 'added to the octet instead of stepping by the block size';

const SCENARIOS = [
  'The platform team has been given the VPC block `{vpc}` and wants equal `/{n}` subnets, one per workload.',
  'A new VPC uses `{vpc}`. The network plan splits the whole block into equally sized `/{n}` subnets.',
  'Your company allocates `{vpc}` to a new production VPC and carves it into `/{n}` subnets for application tiers across Availability Zones.',
  'An IPAM pool hands a landing-zone VPC the block `{vpc}`. The design standard says every subnet is a `/{n}`.',
  'A migration project reserves `{vpc}` for its VPC and will split it evenly into `/{n}` subnets.',
];

function scenario(rng: Rng, vpc: string, n: number): string {
  return rng.pick(SCENARIOS).replace('{vpc}', vpc).replace('{n}', String(n));
}

function kthSubnet(vpc: string, prefix: number, k: number): string {
  return splitCidr(vpc, prefix, k).subnets[k - 1] ?? '';
}

function toMistakes(distractors: Distractor[], key: number): NamedMistake[] {
  const seen: number[] = [key];
  const out: NamedMistake[] = [];
  for (const d of distractors) {
    const v = Number(d.text);
    if (!Number.isFinite(v) || seen.includes(v)) continue;
    seen.push(v);
    out.push({ match: v, name: d.mistake, feedback: d.feedback });
  }
  return out;
}

function buildCount(rng: Rng): QuestionBody {
  const m = rng.int(16, 24);
  const n = rng.int(m + 1, Math.min(28, m + 10));
  const vpc = randomPrivateCidr(rng, m);
  const explained = explainSubnetCount(vpc, n);
  const count = Number(explained.result);
  const bits = n - m;
  const distractors: Distractor[] = [
    { text: String(2 ** n), mistake: 'used 2^(n) instead of 2^(n−m)', feedback: `Only the bits between /${m} and /${n} number the subnets: 2^(${n} − ${m}) = 2^${bits} = ${fmt(count)}, not 2^${n}.` },
    { text: String(2 ** (32 - n)), mistake: 'counted the addresses in one subnet', feedback: `2^(32 − ${n}) = ${fmt(2 ** (32 - n))} is how many addresses each /${n} holds; the number of subnets is 2^(${n} − ${m}) = ${fmt(count)}.` },
    { text: String(bits), mistake: 'counted the borrowed bits, not the subnets', feedback: `${n} − ${m} = ${bits} is the number of subnet bits; those bits give 2^${bits} = ${fmt(count)} subnets.` },
    { text: String(count - 2), mistake: 'dropped the first and last subnet', feedback: `The old classful "subnet zero" rule does not apply: every one of the 2^${bits} blocks is usable, so ${fmt(count)}.` },
    { text: String(count * 2), mistake: 'counted one subnet bit too many', feedback: `From /${m} to /${n} is ${bits} bits, not ${bits + 1}: 2^${bits} = ${fmt(count)}.` },
  ].filter((d) => Number(d.text) > 0);
  const prompt = `${scenario(rng, vpc, n)}\n\nHow many \`/${n}\` subnets fit in \`${vpc}\`?`;
  const params = { variant: 'count', vpc, prefix: n };
  const explanation = { summary: `${vpc} split into /${n} blocks gives 2^(${n} − ${m}) = **${fmt(count)}** subnets.`, steps: explained.steps, lesson: LESSON };
  if (rng.chance(0.5)) {
    return { difficulty: 1, kind: 'number', prompt, params, answer: count, explanation, mistakes: toMistakes(distractors, count), expectedSeconds: 40 };
  }
  return { difficulty: 1, kind: 'single', prompt, params, ...singleChoice(rng, String(count), distractors), explanation, expectedSeconds: 35 };
}

function buildUsable(rng: Rng): QuestionBody {
  const m = rng.int(16, 26);
  const n = rng.int(m + 1, Math.min(28, m + 8));
  const vpc = randomPrivateCidr(rng, m);
  const explained = explainSplitUsableIps(vpc, n);
  const total = explained.result;
  const count = Number(subnetCount(vpc, n));
  const size = 2 ** (32 - n);
  const distractors: Distractor[] = [
    { text: String(count * (size - 2)), mistake: 'subtracted 2 instead of 5 per subnet', feedback: `AWS reserves 5 addresses in every subnet, not 2: ${fmt(count)} × (${fmt(size)} − 5) = ${fmt(total)}.` },
    { text: String(count * size), mistake: 'forgot the 5 reserved in each subnet', feedback: `${fmt(count * size)} is every address in ${vpc}; each of the ${fmt(count)} subnets loses 5 to AWS, so ${fmt(total)}.` },
    { text: String(count * size - 5), mistake: 'subtracted the 5 reserved only once', feedback: `The 5 reserved addresses are per subnet: ${fmt(count)} subnets × 5 = ${fmt(count * 5)} addresses lost, leaving ${fmt(total)}.` },
    { text: String(count * (size - 4)), mistake: 'reserved only the first four in each subnet', feedback: `AWS reserves the first four and the last address of every subnet: ${fmt(size)} − 5 = ${fmt(size - 5)} per /${n}.` },
    { text: String(2 ** n * (size - 5)), mistake: 'used 2^(n) instead of 2^(n−m) subnets', feedback: `The subnet count is 2^(${n} − ${m}) = ${fmt(count)}, not 2^${n}.` },
  ];
  const prompt = `${scenario(rng, vpc, n)}\n\nAcross all of those subnets together, how many IP addresses can be assigned to network interfaces?`;
  return {
    difficulty: 2, kind: 'number', prompt, params: { variant: 'usable', vpc, prefix: n }, answer: total,
    explanation: { summary: `${fmt(count)} subnets × (${fmt(size)} − 5) = **${fmt(total)}** usable addresses: AWS reserves 5 in each subnet.`, steps: explained.steps, lesson: LESSON },
    mistakes: toMistakes(distractors, total), expectedSeconds: 75,
  };
}

function buildKth(rng: Rng): QuestionBody {
  const m = rng.int(16, 24);
  const n = rng.int(m + 2, Math.min(28, m + 8));
  const vpc = randomPrivateCidr(rng, m);
  const count = Number(subnetCount(vpc, n));
  const k = rng.int(2, Math.min(count - 1, 40));
  const explained = explainSplitCidr(vpc, n, k);
  const key = explained.result.subnets[k - 1] ?? '';
  const size = 2 ** (32 - n);
  const base = networkOf(vpc);
  const candidates: Distractor[] = [
    { text: blockAt(vpc, n, k), mistake: 'counted from zero', feedback: `The 1st subnet starts at ${base} itself, so the ${ordinal(k)} starts (${k} − 1) × ${fmt(size)} addresses later, at ${networkOf(key)}.` },
    { text: blockAt(vpc, n, k - 2), mistake: 'counted one subnet short', feedback: `Counting ${base}/${n} as the 1st, the ${ordinal(k)} is ${key}.` },
    { text: `${addToAddress(base, (k - 1) * (n <= 24 ? 256 : 1))}/${n}`, mistake: OCTET_MISTAKE, feedback: `A /${n} spans ${fmt(size)} addresses, so subnets start every ${fmt(size)} addresses, not every ${n <= 24 ? '256' : 'one'}; the ${ordinal(k)} is ${key}.` },
    ...(2 * (k - 1) < count ? [{ text: blockAt(vpc, n, 2 * (k - 1)), mistake: `stepped by the size of a /${n - 1}`, feedback: `A /${n} holds ${fmt(size)} addresses, not ${fmt(size * 2)}; step by ${fmt(size)} to reach ${key}.` }] : []),
  ];
  const distractors = candidates.filter((d) => d.text !== key);
  // Every candidate is an aligned block except, sometimes, the octet-stepping one.
  const octetAligned = ((k - 1) * (n <= 24 ? 256 : 1)) % size === 0;
  const prompt = `${scenario(rng, vpc, n)}\n\nThe subnets are numbered in address order, starting with \`${base}/${n}\` as the 1st. Which block is the **${ordinal(k)}** subnet?`;
  const params = { variant: 'kth', vpc, prefix: n, k };
  const explanation = {
    summary: `Each /${n} holds ${fmt(size)} addresses, so the ${ordinal(k)} subnet starts ${k - 1} × ${fmt(size)} addresses after ${base}: **${key}**.`,
    steps: explained.steps,
    lesson: LESSON,
  };
  if (rng.chance(0.5)) {
    const mistakes = distractors
      .filter((d) => d.mistake !== OCTET_MISTAKE || octetAligned)
      .map((d) => ({ match: d.text, name: d.mistake, feedback: d.feedback }));
    return { difficulty: 2, kind: 'text', textMatch: 'cidr', prompt, params, answer: key, explanation, mistakes, expectedSeconds: 90 };
  }
  return { difficulty: 2, kind: 'single', prompt, params, ...singleChoice(rng, key, distractors), explanation, expectedSeconds: 70 };
}

export const subnetSplit = defineGenerator<Params>({
  id: 'subnet-split',
  version: 1,
  topic: 'vpc-cidr',
  title: 'Splitting a VPC block into equal subnets',
  kinds: ['number', 'single', 'text'],
  solve(params) {
    if (params.variant === 'count') return Number(subnetCount(params.vpc, params.prefix));
    if (params.variant === 'usable') return splitUsableIps(params.vpc, params.prefix);
    return kthSubnet(params.vpc, params.prefix, params.k);
  },
  build(rng): QuestionBody {
    const roll = rng.int(1, 10);
    if (roll <= 4) return buildCount(rng);
    if (roll <= 7) return buildUsable(rng);
    return buildKth(rng);
  },
});
