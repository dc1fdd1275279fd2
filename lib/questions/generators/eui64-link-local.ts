/**
 * eui64-link-local — the IPv6 link-local address an interface forms from its MAC by modified
 * EUI-64: fe80::/64 + the MAC with ff:fe inserted in the middle and the universal/local bit
 * flipped (facts rows 19, 21; RFC 4291 appendix A). The core's eui64LinkLocal decides.
 */
import { eui64LinkLocal, explainEui64LinkLocal } from '../../calc/ipv6';
import { formatIpv6 } from '../../calc/ip';
import { defineGenerator, type QuestionBody } from '../define';
import { singleChoice, type Distractor } from '../choices';
import type { Rng } from '../rng';

interface Params {
  mac: string;
}

const LESSON = '/lessons/ipv6';
const FIRST_BYTES = [0x02, 0x06, 0x0a, 0x0e, 0x12, 0x16, 0x00, 0x0c, 0x3c, 0x50];

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/** Six random bytes of a MAC, the first from FIRST_BYTES. */
function drawBytes(rng: Rng): number[] {
  const bytes = [rng.pick(FIRST_BYTES), 0, 0, 0, 0, 0];
  for (let i = 1; i < 6; i++) bytes[i] = rng.int(0, 255);
  return bytes;
}

/** A MAC in its usual text form, e.g. 02:42:ac:11:00:02. */
function macText(bytes: readonly number[]): string {
  let out = hex2(bytes[0] as number);
  for (let i = 1; i < 6; i++) out += `:${hex2(bytes[i] as number)}`;
  return out;
}

function macValue(bytes: readonly number[]): bigint {
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < 3; i++) hi = hi * 256 + (bytes[i] as number);
  for (let i = 3; i < 6; i++) lo = lo * 256 + (bytes[i] as number);
  return BigInt(hi * 16777216 + lo);
}

/** The same MAC with the universal/local bit (0x02 of the first byte) flipped. */
function flippedMac(bytes: readonly number[]): string {
  const flipped = bytes.slice();
  flipped[0] = (bytes[0] as number) ^ 0x02;
  return macText(flipped);
}

function distractors(mac: string, bytes: readonly number[], key: string): Distractor[] {
  const m = macValue(bytes);
  const linkLocal = 0xfe80n << 112n;
  const upper = m >> 24n;
  const lower = m & 0xffffffn;
  const noFlip = eui64LinkLocal(flippedMac(bytes)); // flipping twice leaves the bit as it was
  return [
    { text: noFlip, mistake: 'forgot to flip the universal/local bit', feedback: `Modified EUI-64 flips bit 0x02 of the first byte: ${mac.slice(0, 2)} becomes ${hex2((bytes[0] as number) ^ 0x02)}, giving ${key}.` },
    { text: formatIpv6(linkLocal | (m ^ (0x02n << 40n))), mistake: 'did not insert ff:fe', feedback: `A 48-bit MAC is stretched to a 64-bit interface id by inserting ff:fe between its halves: ${key}.` },
    { text: formatIpv6(linkLocal | (((m << 16n) | 0xfffen) ^ (0x02n << 56n))), mistake: 'put ff:fe at the end instead of the middle', feedback: `ff:fe goes between the third and fourth bytes of the MAC, not after it: ${key}.` },
    { text: formatIpv6(linkLocal | (((upper << 40n) | (0xfffen << 24n) | lower) ^ (0x01n << 56n))), mistake: 'flipped the wrong bit', feedback: `The universal/local bit is 0x02 of the first byte (not 0x01, the group bit): ${key}.` },
    { text: formatIpv6((0xfe80n << 112n) | (0x1n << 64n) | (((upper << 40n) | (0xfffen << 24n) | lower) ^ (0x02n << 56n))), mistake: 'used a subnet id in the link-local prefix', feedback: `Link-local addresses use fe80::/64 with all-zero bits between fe80 and the interface id: ${key}.` },
  ].filter((d) => d.text !== key);
}

export const eui64LinkLocalGenerator = defineGenerator<Params>({
  id: 'eui64-link-local',
  version: 1,
  topic: 'ipv6',
  title: 'Link-local IPv6 address from a MAC (modified EUI-64)',
  kinds: ['text', 'single'],
  solve(params) {
    return eui64LinkLocal(params.mac);
  },
  build(rng): QuestionBody {
    const bytes = drawBytes(rng);
    const mac = macText(bytes);
    const explained = explainEui64LinkLocal(mac);
    const key = explained.result;
    const wrong = distractors(mac, bytes, key);
    const prompt = rng.pick([
      `An elastic network interface has the MAC address \`${mac}\`. Which IPv6 link-local address does it form with modified EUI-64?`,
      `An instance's primary network interface has MAC \`${mac}\`. Using modified EUI-64, what is its IPv6 link-local address?`,
      `While reading a packet capture on a dual-stack instance you see traffic from the interface with MAC \`${mac}\`. What link-local IPv6 address (modified EUI-64) does that interface use?`,
    ]);
    const explanation = {
      summary: `Insert ff:fe in the middle of the MAC, flip the universal/local bit of the first byte and put the result after fe80::/64: **${key}**.`,
      steps: explained.steps,
      lesson: LESSON,
    };
    if (rng.chance(0.4)) {
      return { difficulty: 3, kind: 'text', textMatch: 'address', prompt, params: { mac }, answer: key, explanation, mistakes: wrong.map((d) => ({ match: d.text, name: d.mistake, feedback: d.feedback })), expectedSeconds: 120 };
    }
    return { difficulty: 2, kind: 'single', prompt, params: { mac }, ...singleChoice(rng, key, wrong), explanation, expectedSeconds: 75 };
  },
});
