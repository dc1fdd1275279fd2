/**
 * ipv6-subnets — IPv6 sizing in a VPC: how many subnets of a size fit in the VPC block (an
 * Amazon-provided /56 or an IPAM /44–/60; facts row 16), which addresses AWS reserves in an IPv6
 * subnet (first four and last, row 10), and which subnet and VPC prefix lengths AWS accepts
 * (subnets /44–/64 and IPAM VPC blocks /44–/60, in steps of 4; rows 16, 17).
 */
import { cidrOfAddress, explainReservedIps, hostMask, parseCidr, parseCidrRange, reservedIps } from '../../calc/cidr';
import { formatIpv6 } from '../../calc/ip';
import {
  AMAZON_IPV6_VPC_PREFIX,
  AWS_IPV6_SUBNET_PREFIXES,
  VPC_ROUTER_IPV6_LINK_LOCAL,
  checkIpv6SubnetBlock,
  checkIpv6VpcBlock,
  explainCheckIpv6SubnetBlock,
  explainCheckIpv6VpcBlock,
  explainIpv6SubnetCount,
  ipv6SubnetCount,
  ipv6SubnetPrefixOk,
  ipv6VpcPrefixOk,
  type Ipv6BlockSource,
} from '../../calc/ipv6';
import { defineGenerator, type QuestionBody } from '../define';
import { multipleChoice, type Distractor } from '../choices';
import { addressIn, fmt, randomBlockIn, randomIpv6Block } from './address-draws';
import type { NamedMistake } from '../types';
import type { Rng } from '../rng';

type Params =
  | { variant: 'count'; vpc: string; source: Ipv6BlockSource; prefix: number }
  | { variant: 'reserved'; subnet: string; offered: string[] }
  | { variant: 'subnet-sizes'; vpc: string; offered: string[] }
  | { variant: 'vpc-sizes'; network: string; offered: string[] };

const LESSON = '/lessons/ipv6';

function prefixOf(text: string): number {
  return Number(text.replace('/', ''));
}

/** The /p block around the VPC block's network: the block a subnet (or VPC) of that size would be. */
function blockOfSize(network: string, p: number): string {
  return cidrOfAddress(network, p);
}

function subnetSizeOk(vpc: string, p: number): boolean {
  return checkIpv6SubnetBlock(vpc, blockOfSize(parseCidr(vpc).network, p)).ok;
}

function vpcSizeOk(network: string, p: number): boolean {
  return checkIpv6VpcBlock(blockOfSize(network, p), 'ipam').ok;
}

/** The /p block around an IPv6 value: `blockOfSize` without the text round trip. */
function blockAround(value: bigint, p: number): string {
  return `${formatIpv6(value & ~hostMask(6, p))}/${p}`;
}

/**
 * Whether each size is accepted, asked of the core once per size (the draw below may try several
 * sets of sizes for one question).
 */
function sizeVerdicts(ok: (p: number) => boolean): (p: number) => boolean {
  const known: (boolean | undefined)[] = [];
  return (p) => {
    let v = known[p];
    if (v === undefined) {
      v = ok(p);
      known[p] = v;
    }
    return v;
  };
}

function buildCount(rng: Rng): QuestionBody {
  const source: Ipv6BlockSource = rng.chance(0.55) ? 'amazon' : 'ipam';
  const m = source === 'amazon' ? AMAZON_IPV6_VPC_PREFIX : rng.pick([44, 48, 52, 56, 60]);
  const sizes = AWS_IPV6_SUBNET_PREFIXES.filter((p) => p > m);
  // Amazon-provided blocks: only the usual /64 is asked (other sizes are documented for IPAM blocks).
  const n = source === 'amazon' || rng.chance(0.5) ? 64 : rng.pick(sizes);
  const vpc = randomIpv6Block(rng, m);
  const explained = explainIpv6SubnetCount(vpc, n);
  const count = Number(explained.result);
  const bits = n - m;
  const countText = fmt(count);
  // [value, mistake, feedback]: the value is the number the text of a distractor would read as
  const wrong: [number, string, string][] = [
    [2 ** n, `used 2^${n}`, `Only the ${bits} bits between /${m} and /${n} number the subnets: 2^${bits} = ${countText}.`],
    [2 ** m, `used 2^${m}`, `The VPC prefix length is not the count; the subnet bits are ${n} − ${m} = ${bits}, so 2^${bits} = ${countText}.`],
    [2 ** (128 - n), 'counted the addresses in one subnet', `2^(128 − ${n}) is how many addresses each /${n} holds; the number of subnets is 2^(${n} − ${m}) = ${countText}.`],
    [bits, 'counted the subnet bits, not the subnets', `${bits} is the number of subnet bits; they give 2^${bits} = ${countText} subnets.`],
    [count - 5, 'subtracted 5 reserved subnets', `AWS reserves 5 addresses inside each subnet, not 5 subnets: all ${countText} /${n} blocks are usable.`],
  ];
  const seen: number[] = [count];
  const mistakes: NamedMistake[] = [];
  for (const [v, name, feedback] of wrong) {
    if (v <= 0 || seen.includes(v)) continue;
    seen.push(v);
    mistakes.push({ match: v, name, feedback });
  }
  const origin = source === 'amazon' ? `the Amazon-provided IPv6 block \`${vpc}\`` : `the IPv6 block \`${vpc}\`, allocated from an IPAM pool of your own (BYOIPv6) addresses`;
  const prompt = `A VPC has ${origin}. ${n === 64 ? 'Every subnet gets the usual `/64`.' : `The design gives each subnet a \`/${n}\`.`} How many \`/${n}\` IPv6 subnets can the VPC hold?`;
  return {
    difficulty: n === 64 && source === 'amazon' ? 1 : 2,
    kind: 'number',
    prompt,
    params: { variant: 'count', vpc, source, prefix: n },
    answer: count,
    explanation: { summary: `From /${m} to /${n} leaves ${bits} subnet bits: 2^${bits} = **${fmt(count)}** subnets.`, steps: explained.steps, lesson: LESSON },
    mistakes,
    expectedSeconds: 40,
  };
}

function buildReserved(rng: Rng): QuestionBody {
  const vpc = randomIpv6Block(rng, rng.pick([56, 56, 52, 48]));
  const subnet = randomBlockIn(rng, vpc, rng.chance(0.8) ? 64 : 60);
  const explained = explainReservedIps(subnet);
  const reserved = explained.result.map((r) => r.address);
  const keys = rng.sample(reserved, rng.int(2, 3));
  const fifth = addressIn(subnet, 4);
  const distractors: Distractor[] = [
    { text: fifth, mistake: 'thought the first five are reserved', feedback: `AWS reserves the first four addresses and the last one; ${fifth} (base + 4) is the first you can assign.` },
    { text: addressIn(subnet, -2), mistake: 'thought the last two are reserved', feedback: 'Only the very last address of the subnet is reserved at the top of the range.' },
    { text: VPC_ROUTER_IPV6_LINK_LOCAL, mistake: "confused the router's link-local address with a subnet address", feedback: `${VPC_ROUTER_IPV6_LINK_LOCAL} is a link-local address the VPC router answers on; it is not part of ${subnet}.` },
    { text: formatIpv6(parseCidrRange(subnet).first + 0x100n), mistake: 'guessed', feedback: 'Only the first four addresses and the last one are reserved, as in IPv4.' },
  ];
  const built = multipleChoice(rng, keys, distractors, keys.length + 3);
  const offered = built.choices.map((c) => c.text);
  return {
    difficulty: 2,
    kind: 'multiple',
    prompt: `A dual-stack subnet has the IPv6 block \`${subnet}\`. Which of these IPv6 addresses does AWS reserve, so that you cannot assign them to a network interface? Choose all that apply.`,
    params: { variant: 'reserved', subnet, offered },
    ...built,
    explanation: { summary: `As in IPv4, AWS reserves 5 addresses in every IPv6 subnet: the first four and the last (${reserved.map((a) => `\`${a}\``).join(', ')}).`, steps: explained.steps, lesson: LESSON },
    expectedSeconds: 60,
  };
}

function sizeMistake(p: number, vpcPrefix: number | null): { mistake: string; feedback: string } {
  if (vpcPrefix !== null && p < vpcPrefix) return { mistake: 'a subnet larger than the VPC block', feedback: `A /${p} is larger than the VPC's /${vpcPrefix}; a subnet block must fit inside the VPC block.` };
  if (p % 4 !== 0) return { mistake: 'forgot the /4 step', feedback: `Sizes go in steps of 4 bits (one hex digit): /${p} is not a multiple of 4.` };
  if (vpcPrefix === null && p === 64) return { mistake: 'confused VPC and subnet sizes', feedback: 'A /64 is the usual subnet size; an IPv6 VPC block from IPAM is at most /60.' };
  if (p > 64) return { mistake: 'went past /64', feedback: `/64 is the smallest IPv6 subnet AWS accepts; /${p} is too small.` };
  return { mistake: 'went past /44', feedback: `/44 is the largest size AWS accepts; /${p} is too large.` };
}

function buildSizes(rng: Rng): QuestionBody {
  const forVpc = rng.chance(0.35);
  if (forVpc) {
    const block = randomIpv6Block(rng, 40);
    const network = parseCidr(block).network;
    const value = parseCidrRange(block).first;
    const okSize = sizeVerdicts((p) => ipv6VpcPrefixOk(p, 'ipam'));
    const pool = [36, 40, 42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62, 64];
    for (;;) {
      const offered = rng.sample(pool, 6).sort((a, b) => a - b);
      const keys = offered.filter(okSize);
      if (keys.length < 1 || keys.length > 4) continue;
      const distractors = offered.filter((p) => !okSize(p)).map((p) => ({ text: `/${p}`, ...sizeMistake(p, null) }));
      const built = multipleChoice(rng, keys.map((p) => `/${p}`), distractors, offered.length);
      const texts = built.choices.map((c) => c.text);
      const example = blockAround(value, keys[0] ?? 48);
      return {
        difficulty: 2,
        kind: 'multiple',
        prompt: `Your organisation brought its own IPv6 range to AWS and manages it in an IPAM pool. Which prefix lengths can a VPC's IPv6 block allocated from that pool have? Choose all that apply.`,
        params: { variant: 'vpc-sizes', network, offered: texts },
        ...built,
        explanation: {
          summary: 'An IPv6 VPC block from IPAM can be /44, /48, /52, /56 or /60 (from /44 to /60 in steps of 4); an Amazon-provided block is always a /56.',
          steps: explainCheckIpv6VpcBlock(example, 'ipam').steps,
          lesson: LESSON,
        },
        expectedSeconds: 45,
      };
    }
  }
  const m = rng.pick([44, 48, 52, 56]);
  const vpc = randomIpv6Block(rng, m);
  const value = parseCidrRange(vpc).first;
  const okSize = sizeVerdicts((p) => ipv6SubnetPrefixOk(vpc, p));
  const pool = [40, 44, 48, 50, 52, 54, 56, 58, 60, 62, 63, 64, 68, 72, 80, 96, 112, 120].filter((p) => p >= m - 8);
  for (;;) {
    const offered = rng.sample(pool, 6).sort((a, b) => a - b);
    const keys = offered.filter(okSize);
    if (keys.length < 1 || keys.length > 4) continue;
    const distractors = offered.filter((p) => !okSize(p)).map((p) => ({ text: `/${p}`, ...sizeMistake(p, m) }));
    const built = multipleChoice(rng, keys.map((p) => `/${p}`), distractors, offered.length);
    const texts = built.choices.map((c) => c.text);
    const example = blockAround(value, keys[keys.length - 1] ?? 64);
    return {
      difficulty: 2,
      kind: 'multiple',
      prompt: `A VPC has the IPv6 block \`${vpc}\`, allocated from an IPAM pool. Which prefix lengths could a new IPv6 subnet block in this VPC have? Choose all that apply.`,
      params: { variant: 'subnet-sizes', vpc, offered: texts },
      ...built,
      explanation: {
        summary: `An IPv6 subnet block is /44 to /64 in steps of 4 and must fit inside the VPC's /${m}: ${keys.map((p) => `/${p}`).join(', ')} here.`,
        steps: explainCheckIpv6SubnetBlock(vpc, example).steps,
        lesson: LESSON,
      },
      expectedSeconds: 50,
    };
  }
}

export const ipv6Subnets = defineGenerator<Params>({
  id: 'ipv6-subnets',
  version: 1,
  topic: 'ipv6',
  title: 'IPv6 block and subnet sizes in a VPC',
  kinds: ['number', 'multiple'],
  solve(params) {
    switch (params.variant) {
      case 'count':
        return Number(ipv6SubnetCount(params.vpc, params.prefix));
      case 'reserved': {
        const reserved = new Set(reservedIps(params.subnet).map((r) => r.address));
        return params.offered.filter((a) => reserved.has(a));
      }
      case 'subnet-sizes':
        return params.offered.filter((p) => subnetSizeOk(params.vpc, prefixOf(p)));
      case 'vpc-sizes':
        return params.offered.filter((p) => vpcSizeOk(params.network, prefixOf(p)));
    }
  },
  build(rng): QuestionBody {
    const roll = rng.int(1, 10);
    if (roll <= 4) return buildCount(rng);
    if (roll <= 6) return buildReserved(rng);
    return buildSizes(rng);
  },
});
