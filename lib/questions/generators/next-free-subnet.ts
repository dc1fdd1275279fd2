/**
 * next-free-subnet — given a VPC block and the subnets already carved from it, the lowest free
 * /n block: aligned on its own size (every CIDR block is), overlapping no used subnet, inside
 * the VPC block.
 */
import { parseCidrRange } from '../../calc/cidr';
import { explainNextFreeSubnet, nextFreeSubnet } from '../../calc/subnetting';
import { formatIpv4Number } from '../../calc/ip';
import { defineGenerator, type QuestionBody } from '../define';
import { singleChoice, type Distractor } from '../choices';
import { fmt, ipv4BlockAfter } from './address-draws';
import { randomPrivateCidr } from './cidr-usable-ips';
import type { Rng } from '../rng';

interface Params {
  vpc: string;
  prefix: number;
  used: string[];
}

/** An IPv4 block as numbers: first and last address, prefix. */
interface Block {
  first: number;
  last: number;
  prefix: number;
}

/** A distractor, and whether its text is a valid block (an unaligned one is not). */
interface Wrong extends Distractor {
  valid: boolean;
}

const LESSON = '/lessons/vpc-cidr';
const TIERS = ['public-a', 'public-b', 'app-a', 'app-b', 'data-a', 'data-b', 'tgw-attach-a', 'endpoints-a', 'firewall-a', 'mgmt-a'];
const NEEDS = ['a new subnet for a database tier', 'a subnet for interface endpoints', 'a subnet for a new container cluster', 'a subnet for transit gateway attachments', 'a subnet for a batch workload', 'a subnet for Network Firewall endpoints'];

/** 2^k for k = 0 … 32. */
const POW2: readonly number[] = Array.from({ length: 33 }, (_, k) => 2 ** k);

/** The /prefix block that holds the address `a`. */
function around(a: number, prefix: number): Block {
  const size = POW2[32 - prefix] as number;
  const first = a - (a % size);
  return { first, last: first + size - 1, prefix };
}

function text(b: Block): string {
  return `${formatIpv4Number(b.first)}/${b.prefix}`;
}

function overlaps(x: Block, y: Block): boolean {
  return x.first <= y.last && y.first <= x.last;
}

function contains(outer: Block, inner: Block): boolean {
  return outer.first <= inner.first && inner.last <= outer.last;
}

/** The /prefix block right after `b` ends (aligned up), or null past the end of the space. */
function blockAfter(b: Block, prefix: number): Block | null {
  const first = ipv4BlockAfter(b.last, prefix);
  return first === null ? null : around(first, prefix);
}

/** Used subnets laid out from the VPC base, of mixed sizes, sometimes with gaps. */
function drawLayout(rng: Rng, vpc: Block, vpcPrefix: number, n: number): Block[] {
  const used: Block[] = [];
  let cursor: number | null = vpc.first;
  const pieces = rng.int(2, 4);
  for (let i = 0; i < pieces && cursor !== null; i++) {
    const p = Math.min(28, Math.max(vpcPrefix + 2, n + rng.int(-1, 3)));
    let block = around(cursor, p);
    if (block.first !== cursor) block = blockAfter(block, p) ?? block;
    if (rng.chance(0.3)) block = blockAfter(block, p) ?? block; // leave a gap of one block
    if (!contains(vpc, block)) break;
    used.push(block);
    cursor = block.last + 1 > 0xffffffff ? null : block.last + 1;
  }
  return used;
}

function distractorsFor(vpc: Block, vpcText: string, n: number, used: readonly Block[], usedText: readonly string[], key: string): Wrong[] {
  const out: Wrong[] = [];
  const size = POW2[32 - n] as number;
  let last: Block | undefined;
  for (const u of used) if (last === undefined || u.first > last.first) last = u;
  for (const u of used) {
    if (u.last + 1 > 0xffffffff) continue;
    const after = u.last + 1;
    const afterText = formatIpv4Number(after);
    const aroundAfter = around(after, n);
    const aroundText = text(aroundAfter);
    if (after % size !== 0) {
      const unaligned = `${afterText}/${n}`;
      out.push({
        text: unaligned,
        mistake: 'not aligned to the boundary',
        feedback: `A /${n} must start on a multiple of its own size; ${afterText} is not one, so ${unaligned} is not a valid block (AWS would name the network ${aroundText}).`,
        valid: false,
      });
    }
    const hit = used.findIndex((x) => overlaps(x, aroundAfter));
    if (hit >= 0 && contains(vpc, aroundAfter)) {
      out.push({ text: aroundText, mistake: 'overlaps a used subnet', feedback: `${aroundText} overlaps ${usedText[hit] as string}, which is already in use; the lowest /${n} that overlaps nothing is ${key}.`, valid: true });
    }
  }
  const first = around(vpc.first, n);
  const firstHit = used.findIndex((x) => overlaps(x, first));
  if (firstHit >= 0) {
    const firstText = text(first);
    out.push({ text: firstText, mistake: 'took the first block without checking the used subnets', feedback: `${firstText} is the first /${n} of the VPC, but ${usedText[firstHit] as string} already uses part of it.`, valid: true });
  }
  const appended = last === undefined ? null : blockAfter(last, n);
  const appendedText = appended === null ? null : text(appended);
  if (appended !== null && appendedText !== key && contains(vpc, appended)) {
    out.push({ text: appendedText as string, mistake: 'appended after the last subnet and skipped a free gap', feedback: `${appendedText as string} is free, but ${key} is free too and comes earlier: fill the lowest free aligned block.`, valid: true });
  }
  const outside = blockAfter(vpc, n);
  if (outside !== null) {
    const outsideText = text(outside);
    out.push({ text: outsideText, mistake: 'outside the VPC block', feedback: `${outsideText} starts after ${vpcText} ends, so it is not in the VPC at all.`, valid: true });
  }
  const seen: string[] = [key];
  return out.filter((d) => {
    if (seen.includes(d.text)) return false;
    seen.push(d.text);
    return true;
  });
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
      const r = parseCidrRange(vpc);
      const vpcBlock: Block = { first: Number(r.first), last: Number(r.last), prefix: r.prefix };
      const usedBlocks = drawLayout(rng, vpcBlock, vpcPrefix, n);
      const used = usedBlocks.map(text);
      const explained = explainNextFreeSubnet(vpc, n, used);
      const key = explained.result;
      if (used.length < 2 || key === null) continue;
      const distractors = distractorsFor(vpcBlock, vpc, n, usedBlocks, used, key);
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
        const mistakes = distractors.filter((d) => d.valid).map((d) => ({ match: d.text, name: d.mistake, feedback: d.feedback }));
        return { difficulty: 2, kind: 'text', textMatch: 'cidr', prompt, params, answer: key, explanation, mistakes, expectedSeconds: 100 };
      }
      const choices = rng.shuffle(distractors).map((d): Distractor => ({ text: d.text, mistake: d.mistake, feedback: d.feedback }));
      return { difficulty: 2, kind: 'single', prompt, params, ...singleChoice(rng, key, choices), explanation, expectedSeconds: 80 };
    }
  },
});
