/**
 * cidr-usable-ips — how many addresses can you assign in an AWS subnet (facts rows 3, 10, 12),
 * which addresses AWS reserves, and whether a block is a valid VPC/subnet size (/16–/28).
 */
import { explainReservedIps, explainUsableIps, ipv4BlockSizeProblem, reservedIps, usableIps } from '../../calc/cidr';
import { addToAddress } from '../../calc/ip';
import { defineGenerator, type QuestionBody } from '../define';
import { multipleChoice, singleChoice, type Distractor } from '../choices';
import type { Rng } from '../rng';

type Params =
  | { variant: 'usable'; cidr: string }
  | { variant: 'reserved'; cidr: string; offered: string[] }
  | { variant: 'valid-size'; cidr: string };

const LESSON = '/lessons/vpc-cidr';

/** The private ranges as [first address, prefix]. */
const PRIVATE_BASES: readonly (readonly [number, number])[] = [
  [10 << 24, 8],
  [(172 << 24) | (16 << 16), 12],
  [(192 << 24) | (168 << 16), 16],
];
/** The ranges a /prefix fits in, by prefix (0 … 32). */
const BASES_FOR_PREFIX: readonly (readonly (readonly [number, number])[])[] = Array.from({ length: 33 }, (_, prefix) => PRIVATE_BASES.filter(([, p]) => p <= prefix));

/** A random aligned IPv4 network of the given prefix inside the private ranges. */
export function randomPrivateCidr(rng: Rng, prefix: number): string {
  const [base, basePrefix] = rng.pick(BASES_FOR_PREFIX[prefix] ?? PRIVATE_BASES.filter(([, p]) => p <= prefix));
  const hostBits = prefix - basePrefix;
  const index = hostBits > 0 ? rng.int(0, 2 ** Math.min(hostBits, 30) - 1) : 0;
  const network = ((base >>> 0) + index * 2 ** (32 - prefix)) >>> 0;
  return `${network >>> 24}.${(network >>> 16) & 255}.${(network >>> 8) & 255}.${network & 255}/${prefix}`;
}

function usableDistractors(cidr: string, total: number, usable: number): Distractor[] {
  return [
    { text: String(total - 2), mistake: 'subtracted 2 instead of 5', feedback: `On-premises networks lose 2 addresses (network and broadcast); AWS reserves 5 in every subnet, so ${total} − 5 = ${usable}.` },
    { text: String(total), mistake: 'forgot the reserved addresses', feedback: `${cidr} holds ${total} addresses, but AWS keeps 5 of them for itself.` },
    { text: String(total - 4), mistake: 'reserved only the first four', feedback: 'AWS reserves the first four addresses and the last one: 5 in all.' },
    { text: String(total / 2 - 5), mistake: 'counted one host bit too few', feedback: `A /${cidr.split('/')[1]} leaves ${Math.log2(total)} host bits, so 2^${Math.log2(total)} = ${total} addresses before the 5 reserved ones.` },
    { text: String(total * 2 - 5), mistake: 'counted one host bit too many', feedback: `Host bits are 32 minus the prefix length: ${Math.log2(total)}, not ${Math.log2(total) + 1}.` },
  ];
}

export const cidrUsableIps = defineGenerator<Params>({
  id: 'cidr-usable-ips',
  version: 1,
  topic: 'vpc-cidr',
  title: 'Usable and reserved addresses of a subnet',
  kinds: ['number', 'single', 'multiple'],
  solve(params) {
    if (params.variant === 'usable') return usableIps(params.cidr);
    if (params.variant === 'reserved') {
      const reserved = new Set(reservedIps(params.cidr).map((r) => r.address));
      return params.offered.filter((a) => reserved.has(a));
    }
    return ipv4BlockSizeProblem(Number(params.cidr.split('/')[1])) === null ? 'Yes' : 'No';
  },
  build(rng): QuestionBody {
    const roll = rng.int(1, 10);
    if (roll <= 6) {
      const cidr = randomPrivateCidr(rng, rng.int(16, 28));
      const explained = explainUsableIps(cidr);
      const usable = explained.result;
      const total = usable + 5;
      const summary = `${cidr} has ${total} addresses; AWS reserves 5, so **${usable}** can be assigned.`;
      const explanation = { summary, steps: explained.steps, lesson: LESSON };
      const prompt = `A subnet in your VPC has the CIDR block \`${cidr}\`. How many IP addresses in it can you assign to network interfaces?`;
      const distractors = usableDistractors(cidr, total, usable);
      if (roll <= 3) {
        return {
          difficulty: 1, kind: 'number', prompt, params: { variant: 'usable', cidr }, answer: usable, explanation, expectedSeconds: 45,
          mistakes: distractors.map((d) => ({ match: Number(d.text), name: d.mistake, feedback: d.feedback })),
        };
      }
      const built = singleChoice(rng, String(usable), distractors);
      return { difficulty: 1, kind: 'single', prompt, params: { variant: 'usable', cidr }, ...built, explanation, expectedSeconds: 35 };
    }
    if (roll <= 8) {
      const cidr = randomPrivateCidr(rng, rng.int(20, 28));
      const explained = explainReservedIps(cidr);
      const reserved = explained.result;
      const keys = rng.sample(reserved, rng.int(2, 3));
      const last = reserved[reserved.length - 1]?.address ?? '';
      const first = reserved[0]?.address ?? '';
      const distractors: Distractor[] = [
        { text: addToAddress(first, 4), mistake: 'thought the first five are reserved', feedback: 'AWS reserves the first four addresses and the last one; base + 4 is the first you can assign.' },
        { text: addToAddress(last, -1), mistake: 'thought the last two are reserved', feedback: 'Only the very last address (the broadcast address) is reserved at the top of the range.' },
        { text: addToAddress(first, 5), mistake: 'counted five from the start', feedback: 'The reserved addresses are base + 0 to base + 3, and the last address.' },
        { text: addToAddress(first, 10), mistake: 'guessed', feedback: 'Only the first four addresses and the last one are reserved.' },
      ];
      const built = multipleChoice(rng, keys.map((k) => k.address), distractors, keys.length + 3);
      const offered = built.choices.map((c) => c.text);
      return {
        difficulty: 2, kind: 'multiple',
        prompt: `Which of these addresses does AWS reserve in the subnet \`${cidr}\`? Choose all that apply.`,
        params: { variant: 'reserved', cidr, offered }, ...built,
        explanation: { summary: `AWS reserves ${reserved.map((r) => `\`${r.address}\``).join(', ')} in ${cidr}.`, steps: explained.steps, lesson: LESSON },
        expectedSeconds: 60,
      };
    }
    const prefix = rng.pick([14, 15, 16, 17, 20, 24, 27, 28, 29, 30]);
    const cidr = randomPrivateCidr(rng, prefix);
    const problem = ipv4BlockSizeProblem(prefix);
    const valid = problem === null;
    const built = singleChoice(rng, valid ? 'Yes' : 'No', [{ text: valid ? 'No' : 'Yes', mistake: valid ? 'misremembered the /16–/28 range' : 'forgot the /16–/28 size limits', feedback: 'VPC and subnet IPv4 blocks must be between /16 (65,536 addresses) and /28 (16 addresses).' }], 2, 2);
    return {
      difficulty: 1, kind: 'single',
      prompt: `Can \`${cidr}\` be used as the IPv4 CIDR block of a VPC subnet?`,
      params: { variant: 'valid-size', cidr }, ...built,
      explanation: { summary: valid ? `Yes: /${prefix} is within the allowed /16–/28 range.` : `No: ${problem}`, steps: [{ text: 'An IPv4 VPC or subnet block must be between /16 and /28.', values: { prefix } }], lesson: LESSON },
      expectedSeconds: 20,
    };
  },
});
