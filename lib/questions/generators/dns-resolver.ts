/**
 * dns-resolver — where an instance reaches the Amazon DNS resolver: base + 2 of the VPC's
 * **primary** IPv4 block (not of the instance's own subnet, not of a secondary block; facts
 * rows 11, 36), and 169.254.169.253 from any VPC (row 37).
 */
import { amazonDnsAddresses, explainAmazonDnsAddresses, AMAZON_TIME_SYNC_IPV4 } from '../../calc/dns';
import { cidrContainsCidr } from '../../calc/cidr';
import { RFC1918_RANGES } from '../../calc/vpc';
import { defineGenerator, type QuestionBody } from '../define';
import { multipleChoice, singleChoice, type Distractor } from '../choices';
import { addressIn, freeRandomBlockIn, randomBlockIn } from './address-draws';
import { randomPrivateCidr } from './cidr-usable-ips';
import type { Rng } from '../rng';

type Params =
  | { variant: 'resolver'; vpcCidrs: string[]; subnet: string; instanceIp: string }
  | { variant: 'all'; vpcCidrs: string[]; subnet: string; instanceIp: string; offered: string[] };

const LESSON = '/lessons/dhcp-dns';
const CGNAT = '100.64.0.0/10';

interface Scenario {
  vpcCidrs: string[];
  subnet: string;
  instanceIp: string;
}

/** A VPC (primary, maybe a secondary) and an instance in a subnet that is not at the primary's base. */
function drawScenario(rng: Rng): Scenario {
  for (;;) {
    const primaryPrefix = rng.int(16, 22);
    const primary = randomPrivateCidr(rng, primaryPrefix);
    const vpcCidrs = [primary];
    if (rng.chance(0.6)) {
      const secondary = rng.chance(0.5) ? freeRandomBlockIn(rng, CGNAT, rng.int(16, 22), [primary]) : freeRandomBlockIn(rng, RFC1918_RANGES.find((r) => cidrContainsCidr(r, primary)) ?? CGNAT, rng.int(18, 22), [primary]);
      if (secondary !== null) vpcCidrs.push(secondary);
    }
    const home = vpcCidrs.length > 1 && rng.chance(0.6) ? (vpcCidrs[1] as string) : primary;
    const homePrefix = prefixOf(home);
    const subnetPrefix = rng.int(Math.max(homePrefix + 1, 20), 27);
    const subnet = randomBlockIn(rng, home, subnetPrefix);
    if (networkText(subnet) === networkText(home)) continue; // the subnet must not start at the block base
    const size = 2 ** (32 - subnetPrefix);
    const instanceIp = addressIn(subnet, rng.int(4, size - 2));
    return { vpcCidrs, subnet, instanceIp };
  }
}

/** The prefix length of a block's text. */
function prefixOf(cidr: string): number {
  return Number(cidr.slice(cidr.indexOf('/') + 1));
}

/** The address part of a block's text. */
function networkText(cidr: string): string {
  return cidr.slice(0, cidr.indexOf('/'));
}

function table(s: Scenario): string {
  const blocks = s.vpcCidrs.map((c, i) => `| \`${c}\` | ${i === 0 ? 'primary' : 'secondary'} |`).join('\n');
  return `| VPC CIDR block | Role |\n|---|---|\n${blocks}`;
}

function wrongAddresses(s: Scenario, resolver: string): Distractor[] {
  const primary = s.vpcCidrs[0] ?? '';
  const subnet2 = addressIn(s.subnet, 2);
  const primary0 = addressIn(primary, 0);
  const subnet1 = addressIn(s.subnet, 1);
  const out: Distractor[] = [
    { text: subnet2, mistake: "used +2 of the instance's own subnet", feedback: `${subnet2} (base + 2 of ${s.subnet}) is only reserved; the resolver answers at base + 2 of the VPC's primary block, ${resolver}.` },
    { text: addressIn(primary, 1), mistake: 'used +1 (the VPC router)', feedback: `Base + 1 is the VPC router; the DNS resolver is base + 2 of the primary block: ${resolver}.` },
    { text: primary0, mistake: 'used the network address', feedback: `${primary0} is the network address of ${primary}; the resolver is at base + 2, ${resolver}.` },
    { text: subnet1, mistake: "used the subnet's router address", feedback: `${subnet1} is the subnet's router address (base + 1); the resolver is at the primary block's base + 2, ${resolver}.` },
  ];
  const secondary = s.vpcCidrs[1];
  if (secondary !== undefined) {
    out.unshift({ text: addressIn(secondary, 2), mistake: 'used +2 of a secondary block', feedback: `Base + 2 is reserved in every block, but the resolver lives only in the primary block ${primary}: ${resolver}.` });
  }
  return out.filter((d) => d.text !== resolver);
}

function buildResolver(rng: Rng): QuestionBody {
  const s = drawScenario(rng);
  const primary = s.vpcCidrs[0] ?? '';
  const explained = explainAmazonDnsAddresses(primary);
  const resolver = explained.result.vpcResolver;
  const wrong = wrongAddresses(s, resolver);
  const ask = rng.pick([
    `An instance at \`${s.instanceIp}\` in subnet \`${s.subnet}\` uses the Amazon DNS server (Route 53 Resolver). Apart from 169.254.169.253, at which IPv4 address inside the VPC does the resolver answer?`,
    `A Linux instance with the address \`${s.instanceIp}\` (subnet \`${s.subnet}\`) needs its \`/etc/resolv.conf\` to point at the Amazon DNS server by its VPC address, not 169.254.169.253. Which address should it use?`,
    `You are writing a security-appliance rule that must allow DNS from instances in subnet \`${s.subnet}\` to the Amazon DNS server's VPC address. Which IPv4 address is that?`,
  ]);
  const params = { vpcCidrs: s.vpcCidrs, subnet: s.subnet, instanceIp: s.instanceIp };
  const explanation = {
    summary: `The Amazon resolver answers at base + 2 of the VPC's **primary** block ${primary}: **${resolver}**; every subnet's own +2 is only reserved.`,
    steps: explained.steps,
    lesson: LESSON,
  };
  const prompt = `A VPC has these IPv4 CIDR blocks:\n\n${table(s)}\n\n${ask}`;
  if (rng.chance(0.5)) {
    return {
      difficulty: s.vpcCidrs.length > 1 ? 2 : 1, kind: 'text', textMatch: 'address', prompt,
      params: { variant: 'resolver', ...params }, answer: resolver, explanation,
      mistakes: wrong.map((d) => ({ match: d.text, name: d.mistake, feedback: d.feedback })), expectedSeconds: 45,
    };
  }
  return { difficulty: s.vpcCidrs.length > 1 ? 2 : 1, kind: 'single', prompt, params: { variant: 'resolver', ...params }, ...singleChoice(rng, resolver, wrong), explanation, expectedSeconds: 35 };
}

function buildAll(rng: Rng): QuestionBody {
  const s = drawScenario(rng);
  const primary = s.vpcCidrs[0] ?? '';
  const explained = explainAmazonDnsAddresses(primary);
  const keys = [explained.result.vpcResolver, explained.result.linkLocal];
  const distractors: Distractor[] = [
    ...wrongAddresses(s, explained.result.vpcResolver).slice(0, 2),
    { text: AMAZON_TIME_SYNC_IPV4, mistake: 'confused the resolver with Amazon Time Sync', feedback: `${AMAZON_TIME_SYNC_IPV4} is the Amazon Time Sync Service (NTP), not DNS; the link-local resolver address is ${explained.result.linkLocal}.` },
  ];
  const built = multipleChoice(rng, keys, distractors, 5);
  const offered = built.choices.map((c) => c.text);
  return {
    difficulty: 2,
    kind: 'multiple',
    prompt: `A VPC has these IPv4 CIDR blocks:\n\n${table(s)}\n\nAn instance at \`${s.instanceIp}\` (subnet \`${s.subnet}\`) must reach the Amazon DNS server over IPv4. Which addresses reach it? Choose all that apply.`,
    params: { variant: 'all', vpcCidrs: s.vpcCidrs, subnet: s.subnet, instanceIp: s.instanceIp, offered },
    ...built,
    explanation: {
      summary: `The resolver answers at the primary block's base + 2 (**${keys[0] ?? ''}**) and at **${keys[1] ?? ''}** from any VPC.`,
      steps: explained.steps,
      lesson: LESSON,
    },
    expectedSeconds: 50,
  };
}

export const dnsResolver = defineGenerator<Params>({
  id: 'dns-resolver',
  version: 1,
  topic: 'dhcp-dns',
  title: 'The Amazon DNS resolver address of a VPC',
  kinds: ['text', 'single', 'multiple'],
  solve(params) {
    const dns = amazonDnsAddresses(params.vpcCidrs[0] ?? '');
    if (params.variant === 'resolver') return dns.vpcResolver;
    return params.offered.filter((a) => a === dns.vpcResolver || a === dns.linkLocal);
  },
  build(rng): QuestionBody {
    return rng.chance(0.7) ? buildResolver(rng) : buildAll(rng);
  },
});
