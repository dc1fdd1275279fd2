/**
 * VPC peering: whether two VPCs can be peered (no overlapping blocks), and whether a path over
 * peering connections is possible (no transitive routing, no edge-to-edge routing).
 */
import { CalcError } from './errors';
import type { Explained, Step } from './steps';
import { describeInput, requireList, requireText } from './ip';
import { formatRange, parseCidrRange, rangesOverlap } from './cidr';

/** Active peering connections per VPC: default 50, adjustable to 125. Facts row 143. */
export const PEERINGS_PER_VPC_DEFAULT_QUOTA = 50;
export const PEERINGS_PER_VPC_MAX_QUOTA = 125;
/** An unaccepted peering request expires after one week (7 days). Facts row 143. */
export const PEERING_REQUEST_EXPIRY_DAYS = 7;

export interface PeeringVerdict {
  ok: boolean;
  reasons: string[];
}

export interface PeeringVpc {
  id: string;
  /** All the VPC's blocks, IPv4 and IPv6. */
  cidrs: string[];
}

/**
 * Whether two VPCs can be peered: no block of one may overlap any block of the other, IPv4 or
 * IPv6 — even if only non-overlapping blocks would be used (facts row 138); a VPC cannot peer
 * with itself; only one peering connection between the same two VPCs (row 138).
 */
export function checkPeering(a: PeeringVpc, b: PeeringVpc, existingPeerings: [string, string][] = []): PeeringVerdict {
  const va = vpcOf(a);
  const vb = vpcOf(b);
  const reasons: string[] = [];
  if (va.id === vb.id) reasons.push(`A VPC cannot be peered with itself (${va.id}).`);
  for (const x of va.ranges) {
    for (const y of vb.ranges) {
      if (rangesOverlap(x, y)) {
        reasons.push(`${va.id}'s block ${formatRange(x)} overlaps ${vb.id}'s block ${formatRange(y)}; VPCs with overlapping blocks cannot be peered, even if only other blocks would be routed.`);
      }
    }
  }
  for (const pair of requireList<[string, string]>(existingPeerings, 'The existing peering connections')) {
    if ((pair[0] === va.id && pair[1] === vb.id) || (pair[0] === vb.id && pair[1] === va.id)) {
      reasons.push(`${va.id} and ${vb.id} are already peered; only one peering connection may exist between the same two VPCs.`);
      break;
    }
  }
  return { ok: reasons.length === 0, reasons };
}

function vpcOf(v: PeeringVpc) {
  if (v === null || typeof v !== 'object') throw new CalcError(`Expected a VPC with an id and its CIDR blocks, but got ${describeInput(v)}.`);
  const id = requireText(v.id, 'a VPC id');
  return { id, ranges: requireList<string>(v.cidrs, `The blocks of ${id}`).map((c) => parseCidrRange(c)) };
}

// ---------------------------------------------------------------------------------------------

/**
 * Where a path leaves the last VPC, if it leaves at all: the internet gateway, a NAT gateway,
 * a VPN or Direct Connect connection (through the VPC's virtual private gateway), a gateway
 * endpoint (S3/DynamoDB), or an interface endpoint.
 */
export type PeeringExit = 'igw' | 'nat' | 'vpn' | 'dx' | 'gateway-endpoint' | 'interface-endpoint';

const EDGE_EXITS: Record<Exclude<PeeringExit, 'interface-endpoint'>, string> = {
  igw: 'internet gateway',
  nat: 'NAT gateway',
  vpn: 'VPN connection',
  dx: 'Direct Connect connection',
  'gateway-endpoint': 'gateway endpoint',
};

export interface PeeringPath {
  /** The VPCs the traffic passes, in order: source first, destination (or exit VPC) last. */
  vpcs: string[];
  /** Peering connections that exist, as pairs of VPC ids (either order). */
  peerings: [string, string][];
  /** Where the traffic leaves the last VPC, if anywhere. */
  exit?: PeeringExit;
}

export interface PathVerdict {
  possible: boolean;
  reasons: string[];
}

/**
 * Whether traffic can follow a path of VPCs over peering: each hop needs its own peering
 * connection; peering is not transitive, so A–B–C does not let A reach C through B (facts
 * row 140); and there is no edge-to-edge routing, so traffic from a peer cannot leave through the
 * other VPC's internet gateway, NAT gateway, VPN, Direct Connect or gateway endpoint (row 141).
 * Interface endpoints are reachable over peering (row 88).
 */
export function checkPeeringPath(path: PeeringPath): PathVerdict {
  const { reasons } = pathCore(path);
  return { possible: reasons.length === 0, reasons };
}

/** Explained form of checkPeeringPath. */
export function explainCheckPeeringPath(path: PeeringPath): Explained<PathVerdict> {
  const { reasons, steps } = pathCore(path);
  return { result: { possible: reasons.length === 0, reasons }, steps };
}

function pathCore(path: PeeringPath): { reasons: string[]; steps: Step[] } {
  if (path === null || typeof path !== 'object') throw new CalcError(`Expected a path of VPCs, but got ${describeInput(path)}.`);
  const vpcs = requireList<string>(path.vpcs, 'The path').map((v) => requireText(v, 'a VPC id'));
  if (vpcs.length === 0) throw new CalcError('The path needs at least one VPC.');
  const pairs = requireList<[string, string]>(path.peerings, 'The peering connections');
  const exit = path.exit;
  if (exit !== undefined && exit !== 'interface-endpoint' && !(exit in EDGE_EXITS)) {
    throw new CalcError(`${describeInput(exit)} is not a way out of a VPC; use igw, nat, vpn, dx, gateway-endpoint or interface-endpoint.`);
  }
  const reasons: string[] = [];
  const steps: Step[] = [];
  for (let i = 0; i + 1 < vpcs.length; i++) {
    const x = vpcs[i] ?? '';
    const y = vpcs[i + 1] ?? '';
    if (isPeered(pairs, x, y)) steps.push({ text: `${x} and ${y} are peered directly` });
    else {
      const r = `${x} and ${y} have no peering connection between them.`;
      reasons.push(r);
      steps.push({ text: r });
    }
  }
  if (vpcs.length > 2) {
    const middle = vpcs.slice(1, -1).join(', ');
    const r = `Peering is not transitive: ${vpcs[0] ?? ''} cannot reach ${vpcs[vpcs.length - 1] ?? ''} through ${middle}; they need their own peering connection.`;
    reasons.push(r);
    steps.push({ text: r });
  }
  if (exit !== undefined) {
    const last = vpcs[vpcs.length - 1] ?? '';
    if (vpcs.length === 1) steps.push({ text: `The traffic leaves through ${last}'s own ${exit === 'interface-endpoint' ? 'interface endpoint' : EDGE_EXITS[exit]}, which is not edge-to-edge routing` });
    else if (exit === 'interface-endpoint') steps.push({ text: `Interface endpoints in ${last} can be reached over peering` });
    else {
      const r = `No edge-to-edge routing: traffic from ${vpcs[0] ?? ''} cannot use ${last}'s ${EDGE_EXITS[exit]} over a peering connection.`;
      reasons.push(r);
      steps.push({ text: r });
    }
  }
  if (reasons.length === 0) steps.push({ text: 'The path is possible' });
  return { reasons, steps };
}

/** Whether a peering connection joins x and y (either way round). */
function isPeered(pairs: readonly [string, string][], x: string, y: string): boolean {
  for (const p of pairs) if (Array.isArray(p) && ((p[0] === x && p[1] === y) || (p[0] === y && p[1] === x))) return true;
  return false;
}

/** Explained form of checkPeering: one step per reason, or a confirmation. */
export function explainCheckPeering(a: PeeringVpc, b: PeeringVpc, existingPeerings: [string, string][] = []): Explained<PeeringVerdict> {
  const result = checkPeering(a, b, existingPeerings);
  return { result, steps: peeringSteps(a, b, result) };
}

/** The steps of explainCheckPeering for a verdict `checkPeering(a, b, …)` already found. */
export function peeringSteps(a: PeeringVpc, b: PeeringVpc, result: PeeringVerdict): Step[] {
  return result.ok ? [{ text: `No block of ${a.id} overlaps a block of ${b.id}, so they can be peered` }] : result.reasons.map((text) => ({ text }));
}
