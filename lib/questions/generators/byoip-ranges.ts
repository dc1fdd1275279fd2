/**
 * byoip-ranges — bringing your own addresses: which ranges AWS accepts (IPv4 /24 or less
 * specific; IPv6 /48 advertised, /56 not — facts row 25), how many more fit in a Region (5,
 * IPv4 and IPv6 together — row 27), and which Amazon ASNs the ROA names (row 30).
 */
import {
  BYOIP_ROA_ASNS,
  BYOIP_ROA_ASN_GOVCLOUD,
  byoipNeedsRoa,
  byoipRangesLeft,
  checkByoipRange,
  explainByoipRangesLeft,
  explainCheckByoipRange,
} from '../../calc/byoip';
import { cidrOfAddress, hostMask } from '../../calc/cidr';
import { formatIpv6 } from '../../calc/ip';
import type { Explained } from '../../calc/steps';
import type { ByoipVerdict } from '../../calc/byoip';
import { defineGenerator, type QuestionBody } from '../define';
import { multipleChoice, singleChoice, type Distractor } from '../choices';
import type { NamedMistake } from '../types';
import type { Rng } from '../rng';

type Offer = { cidr: string; advertised: boolean };

type Params =
  | { variant: 'accept'; offered: Offer[] }
  | { variant: 'left'; existing: string[] }
  | { variant: 'asns'; offered: string[] }
  | { variant: 'roa'; cidr: string; advertised: boolean };

const LESSON = '/lessons/byoip';
const V4_FIRST = [31, 45, 62, 77, 81, 91, 109, 146, 151, 176, 185, 193, 194, 203, 212];
const REGIONS = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'us-west-2', 'ap-northeast-1'];

/** 2^k for k = 0 … 32. */
const POW2: readonly number[] = Array.from({ length: 33 }, (_, k) => 2 ** k);

/** The /prefix block (prefix ≤ 24) around a random public a.b.c.0. */
function publicV4(rng: Rng, prefix: number): string {
  const a = rng.pick(V4_FIRST);
  const b = rng.int(0, 255);
  const c = rng.int(0, 255);
  const value = a * 16777216 + b * 65536 + c * 256;
  const network = value - (value % (POW2[32 - prefix] as number));
  return `${network >>> 24}.${(network >>> 16) & 255}.${(network >>> 8) & 255}.${network & 255}/${prefix}`;
}

/** The /prefix block around a random 2a0d:xxxx:yyyy:: (the same text as cidrOfAddress gives). */
function ownV6(rng: Rng, prefix: number): string {
  const d = rng.int(1, 9);
  const x = rng.int(0x100, 0xffff);
  const y = rng.int(0, 0xffff);
  if (prefix >= 32 && prefix <= 128) {
    // Written directly: the first two groups are non-zero and the last five zero, so the RFC 5952
    // text is 2a0d:xxxx:yyyy:: (2a0d:xxxx:: when the third group is zero once masked to /prefix).
    const third = prefix >= 48 ? y : y & (0xffff << (48 - prefix)) & 0xffff;
    const head = `${(0x2a00 + d).toString(16)}:${x.toString(16)}`;
    return third === 0 ? `${head}::/${prefix}` : `${head}:${third.toString(16)}::/${prefix}`;
  }
  const value = (BigInt(0x2a00 + d) << 112n) | (BigInt(x) << 96n) | (BigInt(y) << 80n);
  return `${formatIpv6(value & ~hostMask(6, prefix))}/${prefix}`;
}

function offerText(o: Offer): string {
  return o.cidr.includes(':') ? `${o.cidr} (IPv6, ${o.advertised ? 'to be advertised' : 'not advertised'})` : `${o.cidr} (IPv4)`;
}

function offerMistake(o: Offer, verdict: ByoipVerdict): { mistake: string; feedback: string } {
  const prefix = Number(o.cidr.slice(o.cidr.indexOf('/') + 1));
  const reason = verdict.reasons[0] ?? '';
  if (!o.cidr.includes(':')) return reason.includes('private') ? { mistake: 'tried to bring a private range', feedback: reason } : { mistake: 'thought a prefix smaller than /24 is fine', feedback: reason };
  if (o.advertised && prefix <= 56) return { mistake: 'used the /56 limit for an advertised range', feedback: `${reason} /56 is the limit only for ranges that will not be advertised.` };
  return { mistake: 'went past the IPv6 limit', feedback: reason };
}

function buildAccept(rng: Rng): QuestionBody {
  for (;;) {
    const pool: Offer[] = [
      { cidr: publicV4(rng, rng.pick([20, 22, 23, 24])), advertised: true },
      { cidr: publicV4(rng, rng.pick([25, 26, 27])), advertised: true },
      { cidr: ownV6(rng, rng.pick([44, 48])), advertised: true },
      { cidr: ownV6(rng, rng.pick([52, 56])), advertised: true },
      { cidr: ownV6(rng, rng.pick([52, 56])), advertised: false },
      { cidr: ownV6(rng, rng.pick([60, 64])), advertised: false },
      { cidr: cidrOfAddress(rng.pick(['10.40.0.0', '172.20.0.0', '192.168.10.0']), rng.pick([16, 20, 24])), advertised: true },
    ];
    const offered = rng.sample(pool, 5);
    // each offer checked once by the core: the verdict decides, the steps explain
    const explained = offered.map((o) => explainCheckByoipRange(o));
    const texts = offered.map(offerText);
    const keys: string[] = [];
    const distractors: Distractor[] = [];
    for (let i = 0; i < offered.length; i++) {
      const verdict = (explained[i] as Explained<ByoipVerdict>).result;
      if (verdict.ok) keys.push(texts[i] as string);
      else distractors.push({ text: texts[i] as string, ...offerMistake(offered[i] as Offer, verdict) });
    }
    if (keys.length === 0 || keys.length === offered.length) continue;
    const built = multipleChoice(rng, keys, distractors, offered.length);
    const at = built.choices.map((c) => texts.indexOf(c.text));
    const order = at.map((i) => offered[i] as Offer);
    return {
      difficulty: 2,
      kind: 'multiple',
      prompt: `Your company owns several address ranges registered with its regional internet registry and wants to bring them to AWS in ${rng.pick(REGIONS)}. Which of these ranges can be provisioned as BYOIP ranges? Choose all that apply.`,
      params: { variant: 'accept', offered: order },
      ...built,
      explanation: {
        summary: 'IPv4 ranges must be public and /24 or less specific; IPv6 ranges /48 or less specific if advertised, /56 if not.',
        steps: at.flatMap((i) => {
          const e = explained[i] as Explained<ByoipVerdict>;
          const t = texts[i] as string;
          return e.result.ok ? [{ text: `${t}: accepted, every rule passes` }] : [{ text: `${t}: refused` }, ...e.steps.filter((st) => st.values?.passed === false)];
        }),
        lesson: LESSON,
      },
      expectedSeconds: 75,
    };
  }
}

/** Add a named wrong number unless it is negative, the key, or already named. */
function addMistake(mistakes: NamedMistake[], key: number, v: number, name: string, feedback: string): void {
  if (v >= 0 && v !== key && !mistakes.some((m) => m.match === v)) mistakes.push({ match: v, name, feedback });
}

function buildLeft(rng: Rng): QuestionBody {
  const v4 = rng.int(0, 4);
  const v6 = rng.int(v4 === 0 ? 1 : 0, Math.max(0, 5 - v4));
  const existing = [...Array.from({ length: v4 }, () => publicV4(rng, rng.pick([22, 23, 24]))), ...Array.from({ length: v6 }, () => ownV6(rng, 48))];
  const unique = [...new Set(existing)];
  const explained = explainByoipRangesLeft(unique);
  const key = explained.result;
  const c4 = unique.filter((c) => !c.includes(':')).length;
  const c6 = unique.length - c4;
  const mistakes: NamedMistake[] = [];
  addMistake(mistakes, key, 5 - c4, 'counted only the IPv4 ranges', `The 5 ranges per Region cover IPv4 and IPv6 together: ${c4} + ${c6} = ${unique.length} are in use, so ${key} remain.`);
  addMistake(mistakes, key, Math.max(0, 5 - c4) + Math.max(0, 5 - c6), 'thought 5 per IP version', `The limit is 5 ranges in all, not 5 IPv4 plus 5 IPv6: ${key} remain.`);
  addMistake(mistakes, key, 6 - unique.length, 'used a limit of 6', `The limit is 5 ranges per Region (AWS Support can raise it): ${key} remain.`);
  addMistake(mistakes, key, 5, 'ignored the ranges already provisioned', `${unique.length} of the 5 ranges are already in use.`);
  const table = unique.map((c) => `| \`${c}\` | IPv${c.includes(':') ? 6 : 4} | provisioned |`).join('\n');
  return {
    difficulty: 2,
    kind: 'number',
    prompt: `Your account has these BYOIP ranges in ${rng.pick(REGIONS)}:\n\n| Range | Version | State |\n|---|---|---|\n${table}\n\nThe account has the default limits. How many more address ranges (IPv4 or IPv6) can you bring to this Region before you need AWS Support?`,
    params: { variant: 'left', existing: unique },
    answer: key,
    explanation: { summary: `The limit is 5 BYOIP ranges per Region, IPv4 and IPv6 together: 5 − ${unique.length} = **${key}**.`, steps: explained.steps, lesson: LESSON },
    mistakes,
    expectedSeconds: 40,
  };
}

function buildAsns(rng: Rng): QuestionBody {
  const keys = BYOIP_ROA_ASNS.map(String);
  const distractors: Distractor[] = [
    { text: String(BYOIP_ROA_ASN_GOVCLOUD), mistake: 'used the GovCloud ASN', feedback: `${BYOIP_ROA_ASN_GOVCLOUD} is the Amazon ASN for AWS GovCloud (US); commercial Regions use ${keys.join(' and ')}.` },
    { text: '64512', mistake: 'used the virtual private gateway default ASN', feedback: "64512 is a virtual private gateway's default private ASN, not the ASN that advertises BYOIP ranges." },
    { text: '65000', mistake: 'used a private ASN', feedback: 'A ROA authorizes a public origin ASN; 65000 is a private ASN.' },
  ];
  const built = multipleChoice(rng, keys, distractors, 5);
  const v6 = rng.chance(0.5);
  const cidr = v6 ? ownV6(rng, 48) : publicV4(rng, rng.pick([22, 24]));
  return {
    difficulty: 2,
    kind: 'multiple',
    prompt: `You are creating the Route Origin Authorization (ROA) for \`${cidr}\`, which you will bring to AWS in ${rng.pick(REGIONS.slice(0, 5))} and have AWS advertise. Which ASNs must the ROA authorize? Choose all that apply.`,
    params: { variant: 'asns', offered: built.choices.map((c) => c.text) },
    ...built,
    explanation: { summary: `The ROA must authorize Amazon's ASNs ${keys.join(' and ')} (${BYOIP_ROA_ASN_GOVCLOUD} in GovCloud).`, steps: [{ text: `A ROA for BYOIP names Amazon ASNs ${keys.join(' and ')} in commercial Regions, ${BYOIP_ROA_ASN_GOVCLOUD} in AWS GovCloud (US)` }], lesson: LESSON },
    expectedSeconds: 30,
  };
}

function buildRoa(rng: Rng): QuestionBody {
  const roll = rng.int(1, 3);
  const cidr = roll === 1 ? publicV4(rng, rng.pick([22, 23, 24])) : ownV6(rng, roll === 2 ? 48 : rng.pick([48, 52, 56]));
  const advertised = roll !== 3;
  const needs = byoipNeedsRoa(cidr, advertised);
  const key = needs ? 'Yes' : 'No';
  const wrong: Distractor = needs
    ? { text: 'No', mistake: 'thought a ROA is optional', feedback: `An IPv4 range or an advertised IPv6 range needs a ROA naming Amazon's ASNs ${BYOIP_ROA_ASNS.join(' and ')}.` }
    : { text: 'Yes', mistake: 'thought every range needs a ROA', feedback: 'An IPv6 range that AWS will not advertise needs no ROA.' };
  const what = cidr.includes(':') ? `the IPv6 range \`${cidr}\` to AWS${advertised ? ' and have AWS advertise it to the internet' : ' without having it advertised (you will use it privately)'}` : `the IPv4 range \`${cidr}\` to AWS`;
  return {
    difficulty: 2,
    kind: 'single',
    prompt: `You are preparing to bring ${what}. Does the range need a Route Origin Authorization (ROA) that authorizes Amazon's ASNs?`,
    params: { variant: 'roa', cidr, advertised },
    ...singleChoice(rng, key, [wrong], 2, 2),
    explanation: { summary: needs ? `**Yes**: the ROA must name ASNs ${BYOIP_ROA_ASNS.join(' and ')}.` : '**No**: an IPv6 range that will not be advertised needs no ROA.', steps: [{ text: 'IPv4 ranges and advertised IPv6 ranges need a ROA; non-advertised IPv6 ranges do not', values: { needsRoa: needs } }], lesson: LESSON },
    expectedSeconds: 25,
  };
}

export const byoipRanges = defineGenerator<Params>({
  id: 'byoip-ranges',
  version: 1,
  topic: 'byoip',
  title: 'Bringing your own IP ranges',
  kinds: ['multiple', 'number', 'single'],
  solve(params) {
    switch (params.variant) {
      case 'accept':
        return params.offered.filter((o) => checkByoipRange(o).ok).map(offerText);
      case 'left':
        return byoipRangesLeft(params.existing);
      case 'asns':
        return params.offered.filter((a) => BYOIP_ROA_ASNS.includes(Number(a)));
      case 'roa':
        return byoipNeedsRoa(params.cidr, params.advertised) ? 'Yes' : 'No';
    }
  },
  build(rng): QuestionBody {
    const roll = rng.int(1, 10);
    if (roll <= 4) return buildAccept(rng);
    if (roll <= 7) return buildLeft(rng);
    if (roll <= 8) return buildAsns(rng);
    return buildRoa(rng);
  },
});
