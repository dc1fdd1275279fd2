/**
 * MTU along a network path: each hop has a maximum, and the path MTU is the smallest of them.
 * All values from facts rows 114–117.
 */
import { CalcError } from './errors';
import type { Explained, Step } from './steps';
import { describeInput, requireList } from './ip';

/** Standard Ethernet v2 MTU, also the internet MTU (1522 is a frame size, not an MTU). Facts row 114. */
export const MTU_STANDARD = 1500;
/** Jumbo frames on current-generation instances. Facts row 115. */
export const MTU_JUMBO = 9001;
/** Site-to-Site VPN maximum MTU and its TCP MSS. Facts row 116. */
export const MTU_VPN_MAX = 1446;
export const MSS_VPN_MAX = 1406;
/** Transit gateway between VPC, Direct Connect, Connect and peering attachments. Facts row 116. */
export const MTU_TRANSIT_GATEWAY = 8500;
/** ICMP message that path-MTU discovery relies on: IPv4 type 3 code 4; IPv6 ICMPv6 type 2. Facts row 117. */
export const PMTUD_ICMPV4 = Object.freeze({ type: 3, code: 4 });
export const PMTUD_ICMPV6_TYPE = 2;

/** The hops the facts sheet gives an MTU for. */
export type MtuHop =
  | 'within-vpc' // jumbo 9001 between instances in a VPC (row 115)
  | 'igw' // 1500 through an internet gateway (row 116)
  | 'peering-intra-region' // 9001 (row 116)
  | 'peering-inter-region' // 1500 (rows 116, 139)
  | 'vpn' // Site-to-Site VPN: at most 1446 (row 116)
  | 'dx-private-vif' // Direct Connect private VIF: up to 9001 (row 116)
  | 'dx-transit-vif' // Direct Connect transit VIF: 1500 or 8500 (row 116)
  | 'tgw' // transit gateway between VPC, DX, Connect, peering attachments: 8500 (row 116)
  | 'tgw-vpn-attachment'; // transit gateway VPN attachment: 1500 (row 116)

/** The maximum MTU of each hop type. Facts rows 114–116. */
export const HOP_MAX_MTU: Readonly<Record<MtuHop, number>> = Object.freeze({
  'within-vpc': MTU_JUMBO,
  igw: MTU_STANDARD,
  'peering-intra-region': MTU_JUMBO,
  'peering-inter-region': MTU_STANDARD,
  vpn: MTU_VPN_MAX,
  'dx-private-vif': MTU_JUMBO,
  'dx-transit-vif': MTU_TRANSIT_GATEWAY,
  tgw: MTU_TRANSIT_GATEWAY,
  'tgw-vpn-attachment': MTU_STANDARD,
});

const HOP_NAMES: Readonly<Record<MtuHop, string>> = {
  'within-vpc': 'within the VPC (jumbo frames)',
  igw: 'through an internet gateway',
  'peering-intra-region': 'over intra-Region VPC peering',
  'peering-inter-region': 'over inter-Region VPC peering',
  vpn: 'over Site-to-Site VPN',
  'dx-private-vif': 'over a Direct Connect private VIF',
  'dx-transit-vif': 'over a Direct Connect transit VIF',
  tgw: 'through a transit gateway',
  'tgw-vpn-attachment': "through a transit gateway's VPN attachment",
};

/** HOP_NAMES with the first letter capitalised, as a step starts with them. */
const HOP_STEP_NAMES = Object.fromEntries(
  Object.entries(HOP_NAMES).map(([hop, name]) => [hop, `${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`]),
) as Readonly<Record<MtuHop, string>>;

/** A hop, optionally with the MTU configured on it (e.g. a transit VIF set to 1500, an instance at 1500). */
export type MtuHopSpec = MtuHop | { hop: MtuHop; mtu?: number };

export interface PathMtu {
  mtu: number;
  /** Index in the input of the first hop with the smallest MTU. */
  bottleneck: number;
}

function hopMtu(spec: MtuHopSpec, index: number): { hop: MtuHop; mtu: number; configured: boolean } {
  const hop = typeof spec === 'string' ? spec : spec !== null && typeof spec === 'object' ? spec.hop : undefined;
  if (hop === undefined || !Object.prototype.hasOwnProperty.call(HOP_MAX_MTU, hop)) {
    throw new CalcError(`Hop ${index + 1} (${describeInput(hop ?? spec)}) is not a known hop; use one of ${Object.keys(HOP_MAX_MTU).join(', ')}.`);
  }
  const max = HOP_MAX_MTU[hop];
  const configured = typeof spec === 'object' ? spec.mtu : undefined;
  if (configured === undefined) return { hop, mtu: max, configured: false };
  if (typeof configured !== 'number' || !Number.isInteger(configured) || configured < 576 || configured > max) {
    throw new CalcError(`The MTU of hop ${index + 1} (${hop}) must be a whole number from 576 to ${max}, but got ${describeInput(configured)}.`);
  }
  if (hop === 'dx-transit-vif' && configured !== MTU_STANDARD && configured !== MTU_TRANSIT_GATEWAY) {
    throw new CalcError(`A Direct Connect transit VIF's MTU is either ${MTU_STANDARD} or ${MTU_TRANSIT_GATEWAY}, not ${configured}.`);
  }
  return { hop, mtu: configured, configured: true };
}

function pathCore(hops: MtuHopSpec[]) {
  const list = requireList<MtuHopSpec>(hops, 'The path', 1000);
  if (list.length === 0) throw new CalcError('A path needs at least one hop.');
  const resolved = list.map((h, i) => hopMtu(h, i));
  let bottleneck = 0;
  for (let i = 1; i < resolved.length; i++) if ((resolved[i]?.mtu ?? Infinity) < (resolved[bottleneck]?.mtu ?? Infinity)) bottleneck = i;
  return { resolved, result: { mtu: resolved[bottleneck]?.mtu ?? 0, bottleneck } };
}

/** Path MTU = the smallest MTU of any hop (a larger packet must be fragmented or dropped). Facts rows 114–116. */
export function pathMtu(hops: MtuHopSpec[]): PathMtu {
  return pathCore(hops).result;
}

/** Explained form of pathMtu: each hop's MTU, then the minimum. */
export function explainPathMtu(hops: MtuHopSpec[]): Explained<PathMtu> {
  const { resolved, result } = pathCore(hops);
  const steps: Step[] = resolved.map((h) => ({
    text: `${HOP_STEP_NAMES[h.hop]}: MTU ${h.mtu}${h.configured ? ' (as configured)' : ''}`,
    values: { hop: h.hop, mtu: h.mtu },
  }));
  const mtus = resolved.map((h) => h.mtu).join(', ');
  steps.push({
    text: `The path MTU is the smallest: min(${mtus}) = ${result.mtu}`,
    math: `\\min(${mtus}) = ${result.mtu}`,
    values: { mtu: result.mtu },
  });
  return { result, steps };
}

/** TCP MSS for an MTU: MTU − 40 for IPv4 (20 IP + 20 TCP header bytes), − 60 for IPv6. VPN: 1446 → 1406 (facts row 116). */
export function mssForMtu(mtu: number, version: 4 | 6 = 4): number {
  if (typeof mtu !== 'number' || !Number.isInteger(mtu) || mtu < 576 || mtu > MTU_JUMBO) {
    throw new CalcError(`An MTU must be a whole number from 576 to ${MTU_JUMBO}, but got ${describeInput(mtu)}.`);
  }
  if (version !== 4 && version !== 6) throw new CalcError(`The IP version must be 4 or 6, but got ${describeInput(version)}.`);
  return mtu - (version === 4 ? 40 : 60);
}

/** Explained form of mssForMtu. */
export function explainMssForMtu(mtu: number, version: 4 | 6 = 4): Explained<number> {
  const result = mssForMtu(mtu, version);
  const headers = mtu - result;
  return {
    result,
    steps: [
      { text: `IPv${version} and TCP headers take ${headers} bytes (${version === 4 ? '20 + 20' : '40 + 20'})` },
      { text: `${mtu} − ${headers} = ${result} bytes of TCP payload (MSS)`, math: `${mtu} - ${headers} = ${result}` },
    ],
  };
}
