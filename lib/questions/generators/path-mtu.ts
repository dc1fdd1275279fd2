/**
 * path-mtu — the largest packet that crosses a path without fragmentation, and the TCP MSS that
 * follows from it (facts rows 114–117): 9001 inside a VPC and over intra-Region peering, 1500
 * through an internet gateway and over inter-Region peering, 1446 over Site-to-Site VPN, 8500
 * through a transit gateway, Direct Connect as configured.
 */
import { HOP_MAX_MTU, MTU_STANDARD, explainMssForMtu, explainPathMtu, mssForMtu, pathMtu, type MtuHop } from '../../calc/mtu';
import { defineGenerator, type QuestionBody } from '../define';
import { singleChoice } from '../choices';
import type { NamedMistake } from '../types';
import type { Rng } from '../rng';

type HopJson = MtuHop | { hop: MtuHop; mtu: number };
interface Params {
  hops: HopJson[];
  ask: 'mtu' | 'mss';
  ipVersion: 4 | 6;
}

const LESSON = '/lessons/placement-mtu';

interface Scenario {
  id: string;
  hops: HopJson[];
  story: string;
}

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'eu-central-1', 'us-west-2', 'sa-east-1'];

const REGIONS_A = REGIONS.slice(0, 3);
const REGIONS_B = REGIONS.slice(3);
const VIF_MTUS = [1500, 9001];
const TRANSIT_VIF_MTUS = [1500, 8500];
const SCENARIO_COUNT = 9;

/**
 * One scenario: the Regions and virtual interface MTUs are drawn first (as for every scenario),
 * then which scenario, and only that one is written out.
 */
function drawScenario(rng: Rng): Scenario {
  const r1 = rng.pick(REGIONS_A);
  const r2 = rng.pick(REGIONS_B);
  const vif = rng.pick(VIF_MTUS);
  const tvif = rng.pick(TRANSIT_VIF_MTUS);
  return scenarioAt(rng.int(0, SCENARIO_COUNT - 1), r1, r2, vif, tvif);
}

function scenarioAt(i: number, r1: string, r2: string, vif: number, tvif: number): Scenario {
  switch (i) {
    case 0:
      return { id: 'same-vpc', hops: ['within-vpc'], story: 'Two current-generation instances in different subnets of the same VPC exchange data; both have jumbo frames enabled on their interfaces.' };
    case 1:
      return { id: 'internet', hops: ['within-vpc', 'igw'], story: 'A current-generation instance with jumbo frames enabled in a public subnet downloads patches from a server on the internet, through the internet gateway.' };
    case 2:
      return { id: 'peer-intra', hops: ['within-vpc', 'peering-intra-region', 'within-vpc'], story: `An instance in a VPC in ${r1} replicates to an instance in another VPC in ${r1} over a VPC peering connection. Both instances have jumbo frames enabled.` };
    case 3:
      return { id: 'peer-inter', hops: ['within-vpc', 'peering-inter-region', 'within-vpc'], story: `An instance in a VPC in ${r1} replicates to an instance in a VPC in ${r2} over an inter-Region VPC peering connection. Both instances have jumbo frames enabled.` };
    case 4:
      return { id: 'vpn', hops: ['within-vpc', 'vpn'], story: 'An instance with jumbo frames enabled sends backups to the data center over an AWS Site-to-Site VPN connection on the VPC’s virtual private gateway.' };
    case 5:
      return { id: 'tgw', hops: ['within-vpc', 'tgw', 'within-vpc'], story: 'Two instances with jumbo frames enabled, in two VPCs attached to the same transit gateway, exchange data through it.' };
    case 6:
      return { id: 'tgw-peering', hops: ['within-vpc', 'tgw', 'tgw', 'within-vpc'], story: `Two instances with jumbo frames enabled, in VPCs in ${r1} and ${r2}, talk through two peered transit gateways (one per Region).` };
    case 7:
      return { id: 'dx-private', hops: ['within-vpc', { hop: 'dx-private-vif', mtu: vif }], story: `An instance with jumbo frames enabled sends data to the data center over a Direct Connect private virtual interface configured with an MTU of ${vif}.` };
    case 8:
      return { id: 'dx-transit', hops: ['within-vpc', 'tgw', { hop: 'dx-transit-vif', mtu: tvif }], story: `An instance with jumbo frames enabled sends data to the data center through a transit gateway and a Direct Connect transit virtual interface configured with an MTU of ${tvif}.` };
    default:
      throw new RangeError(`no scenario ${i}`);
  }
}

function mtuOf(h: HopJson): number {
  return typeof h === 'string' ? HOP_MAX_MTU[h] : h.mtu;
}

function wrongNumbers(key: number, list: NamedMistake[]): NamedMistake[] {
  const seen: number[] = [key];
  return list.filter((m) => {
    const n = m.match as number;
    if (seen.includes(n)) return false;
    seen.push(n);
    return true;
  });
}

export const pathMtuGenerator = defineGenerator<Params>({
  id: 'path-mtu',
  version: 1,
  topic: 'placement-mtu',
  title: 'Path MTU and TCP MSS across AWS hops',
  kinds: ['number', 'single'],
  solve(p) {
    const mtu = pathMtu(p.hops).mtu;
    return p.ask === 'mtu' ? mtu : mssForMtu(mtu, p.ipVersion);
  },
  build(rng): QuestionBody {
    const s = drawScenario(rng);
    const ask = rng.chance(0.65) ? 'mtu' : 'mss';
    const ipVersion: 4 | 6 = ask === 'mss' && rng.chance(0.3) ? 6 : 4;
    const params: Params = { hops: s.hops, ask, ipVersion };
    const explained = explainPathMtu(s.hops);
    const mtu = explained.result.mtu;
    const largest = Math.max(...s.hops.map(mtuOf));
    const hasVpn = s.hops.includes('vpn');
    let answer: number;
    let mistakes: NamedMistake[];
    let steps = explained.steps;
    let summary: string;
    let prompt: string;
    if (ask === 'mtu') {
      answer = mtu;
      prompt = `${s.story}\n\nWhat is the largest IP packet (the path MTU, in bytes) that can travel this path without fragmentation?`;
      summary = `The path MTU is the smallest MTU of any hop: **${mtu}** bytes.`;
      mistakes = wrongNumbers(mtu, [
        ...(hasVpn ? [{ match: MTU_STANDARD, name: 'forgot the VPN limit', feedback: `Site-to-Site VPN supports an MTU of at most 1446 bytes, so the path MTU is ${mtu}.` }] : []),
        ...(s.id === 'peer-inter' ? [{ match: largest, name: 'treated inter-Region peering like intra-Region peering', feedback: `Jumbo frames work over peering only within a Region; inter-Region peering carries at most ${mtu} bytes.` }] : []),
        ...(s.id.startsWith('tgw') || s.id === 'dx-transit' ? [{ match: largest, name: "forgot the transit gateway's 8500 limit", feedback: `A transit gateway carries at most 8500 bytes between VPC, Direct Connect and peering attachments, below the 9001 jumbo MTU; the path MTU is ${mtu}.` }] : []),
        { match: largest, name: 'took the largest MTU', feedback: `The whole path is limited by its smallest hop: min(${s.hops.map(mtuOf).join(', ')}) = ${mtu}.` },
        { match: 1522, name: 'used 1522', feedback: `1522 is a maximum Ethernet frame size (with an 802.1Q tag), not an MTU; the path MTU here is ${mtu}.` },
        ...(mtu !== MTU_STANDARD ? [{ match: MTU_STANDARD, name: 'assumed the standard 1500 everywhere', feedback: `1500 is the standard Ethernet MTU, but ${mtu > MTU_STANDARD ? 'every hop of this path carries jumbo frames' : 'this path has a smaller hop'}: the path MTU is ${mtu}.` }] : []),
        ...(hasVpn ? [{ match: 1406, name: 'gave the MSS instead of the MTU', feedback: '1406 is the TCP MSS over the VPN (1446 − 40); the question asks for the MTU, 1446.' }] : []),
      ]);
    } else {
      const m = explainMssForMtu(mtu, ipVersion);
      answer = m.result;
      steps = [...explained.steps, ...m.steps];
      const headers = mtu - answer;
      prompt = `${s.story}\n\nThe applications use TCP over IPv${ipVersion}. What is the largest TCP MSS (payload bytes per segment) that avoids fragmentation on this path?`;
      summary = `Path MTU ${mtu} bytes, minus ${headers} bytes of IPv${ipVersion} and TCP headers: MSS **${answer}**.`;
      mistakes = wrongNumbers(answer, [
        { match: mtu, name: 'forgot to subtract the headers', feedback: `The MSS counts only TCP payload: ${mtu} − ${headers} = ${answer}.` },
        { match: mtu - 20, name: 'subtracted only the TCP header', feedback: `Both the IP header and the TCP header come out of the MTU: ${mtu} − ${headers} = ${answer}.` },
        ...(ipVersion === 6 ? [{ match: mtu - 40, name: 'used IPv4 header sizes for IPv6', feedback: `An IPv6 header is 40 bytes, not 20: ${mtu} − 40 − 20 = ${answer}.` }] : []),
        ...(largest !== mtu ? [{ match: mssForMtu(largest, ipVersion), name: 'took the largest MTU', feedback: `The path is limited by its smallest hop (${mtu}), not its largest (${largest}): ${mtu} − ${headers} = ${answer}.` }] : []),
        ...(hasVpn ? [{ match: mssForMtu(MTU_STANDARD, ipVersion), name: 'forgot the VPN limit', feedback: `Site-to-Site VPN carries at most 1446 bytes, so the MSS is ${mtu} − ${headers} = ${answer}, not based on 1500.` }] : []),
      ]);
    }
    const explanation = { summary, steps, lesson: LESSON };
    const difficulty = s.id === 'same-vpc' || s.id === 'internet' ? 1 : ask === 'mss' ? 3 : 2;
    if (rng.chance(0.4)) {
      const built = singleChoice(rng, String(answer), mistakes.map((x) => ({ text: String(x.match), mistake: x.name, feedback: x.feedback })), 4, 3);
      return { difficulty, kind: 'single', prompt, params: { ...params, hops: s.hops }, ...built, explanation, expectedSeconds: 40 };
    }
    return { difficulty, kind: 'number', prompt, params: { ...params, hops: s.hops }, answer, unit: 'bytes', explanation, mistakes, expectedSeconds: 50 };
  },
});
