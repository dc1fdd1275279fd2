/**
 * next-free-subnet — given a VPC block and the subnets already carved from it, the lowest free
 * /n block: aligned on its own size (every CIDR block is), overlapping no used subnet, inside
 * the VPC block.
 */
import { cidrOfAddress, cidrsOverlap, cidrContainsCidr, isCidr } from '../../calc/cidr';
import { parseIpv4 } from '../../calc/ip';
import { explainNextFreeSubnet, nextFreeSubnet } from '../../calc/subnetting';
import { defineGenerator, type QuestionBody } from '../define';
import { singleChoice, type Distractor } from '../choices';
import { addressAfter, blockAfter, fmt, networkOf } from './address-draws';
import { randomPrivateCidr } from './cidr-usable-ips';
import type { Rng } from '../rng';

interface Params {
  vpc: string;
  prefix: number;
  used: string[];
}

const LESSON = '/lessons/vpc-cidr';
const TIERS = ['public-a', 'public-b', 'app-a', 'app-b', 'data-a', 'data-b', 'tgw-attach-a', 'endpoints-a', 'firewall-a', 'mgmt-a'];
const NEEDS = ['a new subnet for a database tier', 'a subnet for interface endpoints', 'a subnet for a new container cluster', 'a subnet for transit gateway attachments', 'a subnet for a batch workload', 'a subnet for Network Firewall endpoints'];

/** Used subnets laid out from the VPC base, of mixed sizes, sometimes with gaps. */
function drawLayout(rng: Rng, vpc: string, vpcPrefix: number, n: number): string[] {
  const used: string[] = [];
  let cursor: string | null = networkOf(vpc);
  const pieces = rng.int(2, 4);
  for (let i = 0; i < pieces && cursor !== null; i++) {
    const p = Math.min(28, Math.max(vpcPrefix + 2, n + rng.int(-1, 3)));
    let block = cidrOfAddress(cursor, p);
    if (networkOf(block) !== cursor) block = blockAfter(block, p) ?? block;
    if (rng.chance(0.3)) block = blockAfter(block, p) ?? block; // leave a gap of one block
    if (!cidrContainsCidr(vpc, block)) break;
    used.push(block);
    cursor = addressAfter(block);
  }
  return used;
}

function distractorsFor(vpc: string, n: number, used: string[], key: string): Distractor[] {
  const out: Distractor[] = [];
  const start = new Map(used.map((u) => [u, parseIpv4(networkOf(u))]));
  const byEnd = [...used].sort((a, b) => ((start.get(a) ?? 0n) < (start.get(b) ?? 0n) ? -1 : 1));
  for (const u of used) {
    const after = addressAfter(u);
    if (after === null) continue;
    const unaligned = `${after}/${n}`;
    if (!isCidr(unaligned)) {
      out.push({
        text: unaligned,
        mistake: 'not aligned to the boundary',
        feedback: `A /${n} must start on a multiple of its own size; ${after} is not one, so ${unaligned} is not a valid block (AWS would name the network ${cidrOfAddress(after, n)}).`,
      });
    }
    const around = cidrOfAddress(after, n);
    const hit = used.find((x) => cidrsOverlap(x, around));
    if (hit !== undefined && cidrContainsCidr(vpc, around)) {
      out.push({ text: around, mistake: 'overlaps a used subnet', feedback: `${around} overlaps ${hit}, which is already in use; the lowest /${n} that overlaps nothing is ${key}.` });
    }
  }
  const first = cidrOfAddress(networkOf(vpc), n);
  const firstHit = used.find((x) => cidrsOverlap(x, first));
  if (firstHit !== undefined) {
    out.push({ text: first, mistake: 'took the first block without checking the used subnets', feedback: `${first} is the first /${n} of the VPC, but ${firstHit} already uses part of it.` });
  }
  const last = byEnd[byEnd.length - 1];
  const appended = last === undefined ? null : blockAfter(last, n);
  if (appended !== null && appended !== key && cidrContainsCidr(vpc, appended)) {
    out.push({ text: appended, mistake: 'appended after the last subnet and skipped a free gap', feedback: `${appended} is free, but ${key} is free too and comes earlier: fill the lowest free aligned block.` });
  }
  const outside = blockAfter(vpc, n);
  if (outside !== null) {
    out.push({ text: outside, mistake: 'outside the VPC block', feedback: `${outside} starts after ${vpc} ends, so it is not in the VPC at all.` });
  }
  const seen = new Set<string>([key]);
  return out.filter((d) => !seen.has(d.text) && seen.add(d.text) !== undefined);
}

export const nextFreeSubnetGenerator = defineGenerator<Params>({
  id: 'next-free-subnet',
  version: 1,
  topic: 'vpc-cidr',
  title: 'The next free aligned subnet in a VPC',
  kinds: ['text', 'single'],
  solve(params) {
    return nextFreeSubnet(params.vpc, params.prefix, params.used) ?? 'none';
  },
  build(rng): QuestionBody {
    for (let attempt = 0; ; attempt++) {
      if (attempt > 200) throw new Error('next-free-subnet: no layout found');
      const vpcPrefix = rng.int(16, 22);
      const n = rng.int(vpcPrefix + 3, Math.min(28, vpcPrefix + 8));
      const vpc = randomPrivateCidr(rng, vpcPrefix);
      const used = drawLayout(rng, vpc, vpcPrefix, n);
      const explained = explainNextFreeSubnet(vpc, n, used);
      const key = explained.result;
      if (used.length < 2 || key === null) continue;
      const distractors = distractorsFor(vpc, n, used, key);
      if (distractors.length < 2) continue;
      const names = rng.sample(TIERS, used.length);
      const rows = rng.shuffle(used.map((u, i) => `| ${names[i] ?? 'subnet'} | \`${u}\` |`));
      const size = 2 ** (32 - n);
      const prompt =
        `A VPC has the CIDR block \`${vpc}\` and these subnets:\n\n| Subnet | CIDR |\n|---|---|\n${rows.join('\n')}\n\n` +
        `You need ${rng.pick(NEEDS)}, sized \`/${n}\` (${fmt(size)} addresses). What is the **lowest** \`/${n}\` block in the VPC that you can use?`;
      const params = { vpc, prefix: n, used };
      const explanation = {
        summary: `A /${n} must start on a multiple of ${fmt(size)} addresses and overlap no used subnet; the lowest such block in ${vpc} is **${key}**.`,
        steps: explained.steps,
        lesson: LESSON,
      };
      if (rng.chance(0.5)) {
        const mistakes = distractors.filter((d) => isCidr(d.text)).map((d) => ({ match: d.text, name: d.mistake, feedback: d.feedback }));
        return { difficulty: 2, kind: 'text', textMatch: 'cidr', prompt, params, answer: key, explanation, mistakes, expectedSeconds: 100 };
      }
      return { difficulty: 2, kind: 'single', prompt, params, ...singleChoice(rng, key, rng.shuffle(distractors)), explanation, expectedSeconds: 80 };
    }
  },
});
