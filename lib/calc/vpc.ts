/**
 * VPC IPv4 CIDR rules: the size of a VPC block and whether a secondary block may be associated.
 * An association AWS would refuse is a verdict with reasons (a result), not an exception; only
 * junk input (a malformed CIDR, a non-list) is a CalcError.
 */
import { CalcError } from './errors';
import type { Explained, Step } from './steps';
import { describeInput, requireList, requireWholeNumber } from './ip';
import {
  type CidrRange,
  AWS_IPV4_MAX_PREFIX,
  AWS_IPV4_MIN_PREFIX,
  formatRange,
  ipv4BlockSizeProblem,
  parseCidrRange,
  rangeContainsRange,
  rangesOverlap,
} from './cidr';

/** Default quota of IPv4 CIDR blocks per VPC, primary included. Facts row 6 (the notes' 6 is wrong). */
export const VPC_IPV4_BLOCKS_DEFAULT_QUOTA = 5;
/** The IPv4-blocks-per-VPC quota can be raised to 50. Facts row 6. */
export const VPC_IPV4_BLOCKS_MAX_QUOTA = 50;
/** IPv6 blocks per VPC: a separate quota, default 5. Facts rows 6 and 16. */
export const VPC_IPV6_BLOCKS_DEFAULT_QUOTA = 5;
/** Non-propagated routes per route table: default 50, adjustable to 1,000. Facts row 7. */
export const ROUTES_PER_TABLE_DEFAULT_QUOTA = 50;
export const ROUTES_PER_TABLE_MAX_QUOTA = 1000;
/** The three RFC 1918 private ranges. A VPC may not mix different ones (facts row 4). */
export const RFC1918_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] as const;
/** A range AWS restricts for VPC block association. Facts row 4. */
export const VPC_RESTRICTED_RANGE = '198.19.0.0/16';

const RFC1918 = RFC1918_RANGES.map((c) => parseCidrRange(c));
const RESTRICTED = parseCidrRange(VPC_RESTRICTED_RANGE);

/** The outcome of a rule check: `ok` when AWS would accept, otherwise one sentence per broken rule. */
export interface Verdict {
  ok: boolean;
  reasons: string[];
}

/**
 * Whether a block can be a VPC's primary block: it must be IPv4 (a VPC always needs an IPv4
 * block, facts rows 2 and 14) and between /16 and /28 (facts row 3).
 */
export function validateVpcCidr(cidr: string): Verdict {
  const r = parseCidrRange(cidr);
  if (r.version === 4 && ipv4BlockSizeProblem(r.prefix) === null) return { ok: true, reasons: [] };
  return verdictOf(vpcCidrChecks(r));
}

/** Explained form of validateVpcCidr: one step per rule, passed or not. */
export function explainValidateVpcCidr(cidr: string): Explained<Verdict> {
  return explainChecks(vpcCidrChecks(parseCidrRange(cidr)));
}

// ---------------------------------------------------------------------------------------------

/** Input for checkSecondaryCidr. */
export interface SecondaryCidrRequest {
  /** The VPC's current blocks, primary first. IPv6 blocks may be listed; they count toward no IPv4 rule. */
  vpcCidrs: string[];
  /** The IPv4 block to associate. */
  candidate: string;
  /** Destinations of the VPC's existing routes (any route table), e.g. ['10.0.0.0/24', '0.0.0.0/0']. */
  routeDestinations?: string[];
  /** The account's IPv4-blocks-per-VPC quota (default 5, at most 50). */
  quota?: number;
}

/**
 * Whether AWS would associate `candidate` as a secondary IPv4 block. Rules, from the facts sheet:
 * size /16–/28 (row 3); no overlap with any existing block (row 4); at most `quota` IPv4 blocks,
 * primary included, default 5, up to 50 (row 6); not equal to or larger than an existing route's
 * destination — with a route to 10.0.0.0/24, 10.0.0.0/25 is fine but /24 or larger is not (row 8);
 * not from an RFC 1918 range other than the primary's, and not from 198.19.0.0/16 (row 4).
 */
export function checkSecondaryCidr(request: SecondaryCidrRequest): Verdict {
  return verdictOf(secondaryChecks(request));
}

/** Explained form of checkSecondaryCidr: one step per rule, passed or not. */
export function explainCheckSecondaryCidr(request: SecondaryCidrRequest): Explained<Verdict> {
  return explainChecks(secondaryChecks(request));
}

// ---------------------------------------------------------------------------------------------
// Internal: each rule is a check with a sentence for success and one for failure. The plain
// functions only format the failures.

interface Check {
  ok: boolean;
  /** Sentence for a student: the reason when !ok, the confirmation when ok. */
  say: () => string;
}

// The sentences are closures passed as arguments (never assigned to a named slot), so a
// transpiler that keeps function names does not have to rename each one on every check.
function passed(say: () => string): Check {
  return { ok: true, say };
}

function failed(say: () => string): Check {
  return { ok: false, say };
}

function verdictOf(checks: Check[]): Verdict {
  const reasons: string[] = [];
  for (const c of checks) if (!c.ok) reasons.push(c.say());
  return { ok: reasons.length === 0, reasons };
}

function explainChecks(checks: Check[]): Explained<Verdict> {
  const steps: Step[] = checks.map((c) => ({ text: c.say(), values: { passed: c.ok } }));
  return { result: verdictOf(checks), steps };
}

function vpcCidrChecks(r: CidrRange): Check[] {
  if (r.version !== 4) {
    return [failed(() => `${formatRange(r)} is IPv6, but a VPC is always created with an IPv4 block; IPv6 blocks are added to it.`)];
  }
  return [sizeCheck(r)];
}

function sizeCheck(r: CidrRange): Check {
  const problem = ipv4BlockSizeProblem(r.prefix);
  return problem === null
    ? passed(() => `/${r.prefix} is within the allowed /${AWS_IPV4_MIN_PREFIX}–/${AWS_IPV4_MAX_PREFIX} range`)
    : failed(() => problem);
}

function rfc1918Index(r: CidrRange): number {
  for (let i = 0; i < RFC1918.length; i++) {
    const range = RFC1918[i];
    if (range !== undefined && rangesOverlap(range, r)) return i;
  }
  return -1;
}

function secondaryChecks(request: SecondaryCidrRequest): Check[] {
  if (request === null || typeof request !== 'object') {
    throw new CalcError(`Expected the VPC's blocks and the candidate block, but got ${describeInput(request)}.`);
  }
  const existing = requireList<string>(request.vpcCidrs, "The VPC's CIDR blocks").map((c) => parseCidrRange(c));
  const candidate = parseCidrRange(request.candidate);
  const routes = requireList<string>(request.routeDestinations ?? [], 'The route destinations').map((c) => parseCidrRange(c));
  const quota =
    request.quota === undefined ? VPC_IPV4_BLOCKS_DEFAULT_QUOTA : requireWholeNumber(request.quota, 'The IPv4-blocks-per-VPC quota', 1, VPC_IPV4_BLOCKS_MAX_QUOTA);
  if (candidate.version !== 4) {
    throw new CalcError(`${formatRange(candidate)} is an IPv6 block; checkSecondaryCidr checks IPv4 blocks (see checkIpv6VpcBlock for IPv6).`);
  }
  const v4 = existing.filter((r) => r.version === 4);
  const primary = v4[0];
  if (primary === undefined) throw new CalcError("The VPC's block list must start with its primary IPv4 block.");
  const name = formatRange(candidate);
  const checks: Check[] = [sizeCheck(candidate)];

  const count = v4.length;
  checks.push(
    count + 1 <= quota
      ? passed(() => `The VPC has ${count} IPv4 block${count === 1 ? '' : 's'}; one more makes ${count + 1}, within the quota of ${quota}`)
      : failed(() => `The VPC already has ${count} IPv4 blocks and the quota is ${quota} (primary included; the default is ${VPC_IPV4_BLOCKS_DEFAULT_QUOTA} and it can be raised to ${VPC_IPV4_BLOCKS_MAX_QUOTA}), so ${name} cannot be added.`),
  );

  const overlapping = v4.filter((r) => rangesOverlap(r, candidate));
  checks.push(
    overlapping.length === 0
      ? passed(() => `${name} overlaps none of the VPC's blocks`)
      : failed(() =>
          overlapping
            .map((r) =>
              r.first === candidate.first && r.prefix === candidate.prefix
                ? `${name} is already associated with the VPC.`
                : `${name} overlaps the VPC's block ${formatRange(r)}; a new block may not overlap an existing one.`,
            )
            .join(' '),
        ),
  );

  // Routes whose destination the candidate equals or contains. Local routes (a VPC block) are
  // already covered by the overlap rule.
  const blocking = routes.filter(
    (d) => d.version === 4 && rangeContainsRange(candidate, d) && !v4.some((b) => b.first === d.first && b.prefix === d.prefix),
  );
  checks.push(
    blocking.length === 0
      ? passed(() => `${name} is not equal to or larger than any existing route's destination`)
      : failed(() =>
          blocking
            .map(
              (d) =>
                `A route to ${formatRange(d)} already exists, and a new block may not be equal to or larger than an existing route's destination` +
                (d.prefix < AWS_IPV4_MAX_PREFIX
                  ? `; only a block more specific than /${d.prefix} inside it (such as ${formatRange({ ...d, prefix: d.prefix + 1 })}) could be added.`
                  : '.'),
            )
            .join(' '),
        ),
  );

  const primaryRfc = rfc1918Index(primary);
  const candidateRfc = rfc1918Index(candidate);
  const mixes = primaryRfc >= 0 && candidateRfc >= 0 && primaryRfc !== candidateRfc;
  checks.push(
    mixes
      ? failed(() => `${name} is in the private range ${RFC1918_RANGES[candidateRfc] ?? ''}, but the primary block ${formatRange(primary)} is in ${RFC1918_RANGES[primaryRfc] ?? ''}; AWS does not let a VPC mix different RFC 1918 ranges.`)
      : passed(() => `${name} does not mix RFC 1918 ranges with the primary block ${formatRange(primary)}`),
  );

  const restricted = rangesOverlap(candidate, RESTRICTED);
  checks.push(
    restricted
      ? failed(() => `${name} is in ${VPC_RESTRICTED_RANGE}, a range AWS restricts for VPC blocks.`)
      : passed(() => `${name} is outside the restricted range ${VPC_RESTRICTED_RANGE}`),
  );
  return checks;
}
