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
  return verdictOfSecondary(requestFacts(request));
}

/** Explained form of checkSecondaryCidr: one step per rule, passed or not. */
export function explainCheckSecondaryCidr(request: SecondaryCidrRequest): Explained<Verdict> {
  return explainSecondary(requestFacts(request));
}

/**
 * A VPC's blocks, route destinations and quota, checked and parsed once, to test several candidate
 * blocks against (`checkSecondaryCidrIn`). Built by `secondaryCidrContext`.
 */
export interface SecondaryCidrContext {
  /** The VPC's IPv4 blocks, primary first. */
  readonly v4: readonly CidrRange[];
  readonly routes: readonly CidrRange[];
  readonly quota: number;
}

/** Check and parse the VPC side of a request (everything but the candidate). Junk is a CalcError. */
export function secondaryCidrContext(request: Omit<SecondaryCidrRequest, 'candidate'>): SecondaryCidrContext {
  return contextOf(request, null);
}

/**
 * `secondaryCidrContext` for blocks already parsed (by parseCidrRange, or made by ipv4Range): the
 * VPC's blocks, primary first, and the route destinations. The same context as from their texts.
 */
export function secondaryCidrContextOfRanges(
  blocks: readonly CidrRange[],
  routeDestinations: readonly CidrRange[],
  quota: number = VPC_IPV4_BLOCKS_DEFAULT_QUOTA,
): SecondaryCidrContext {
  const q = requireWholeNumber(quota, 'The IPv4-blocks-per-VPC quota', 1, VPC_IPV4_BLOCKS_MAX_QUOTA);
  return { v4: blocks.filter((r) => r.version === 4), routes: routeDestinations, quota: q };
}

/** The facts for a whole request, its parts checked in order: blocks, candidate, routes, quota. */
function requestFacts(request: SecondaryCidrRequest): SecondaryFacts {
  const candidate: { range?: CidrRange } = {};
  const ctx = contextOf(request, candidate);
  return secondaryFacts(ctx, candidate.range as CidrRange);
}

/** Check and parse the VPC side; when `candidate` is given, parse the request's candidate into it after the blocks. */
function contextOf(request: Omit<SecondaryCidrRequest, 'candidate'> & { candidate?: string }, candidate: { range?: CidrRange } | null): SecondaryCidrContext {
  if (request === null || typeof request !== 'object') {
    throw new CalcError(`Expected the VPC's blocks and the candidate block, but got ${describeInput(request)}.`);
  }
  const existing = requireList<string>(request.vpcCidrs, "The VPC's CIDR blocks").map((c) => parseCidrRange(c));
  if (candidate !== null) candidate.range = parseCidrRange(request.candidate as string);
  const routes = requireList<string>(request.routeDestinations ?? [], 'The route destinations').map((c) => parseCidrRange(c));
  const quota =
    request.quota === undefined ? VPC_IPV4_BLOCKS_DEFAULT_QUOTA : requireWholeNumber(request.quota, 'The IPv4-blocks-per-VPC quota', 1, VPC_IPV4_BLOCKS_MAX_QUOTA);
  return { v4: existing.filter((r) => r.version === 4), routes, quota };
}

/** `checkSecondaryCidr` for one candidate against a prepared VPC (same rules, same reasons). */
export function checkSecondaryCidrIn(context: SecondaryCidrContext, candidate: string): Verdict {
  return verdictOfSecondary(secondaryFacts(context, parseCidrRange(candidate)));
}

/** `explainCheckSecondaryCidr` for one candidate against a prepared VPC. */
export function explainCheckSecondaryCidrIn(context: SecondaryCidrContext, candidate: string): Explained<Verdict> {
  return explainSecondary(secondaryFacts(context, parseCidrRange(candidate)));
}

// ---------------------------------------------------------------------------------------------
// Internal: each rule is checked once into plain facts; `secondarySentence` words a rule's
// outcome (its reason when broken, its confirmation when kept), so the plain functions only
// build the sentences of broken rules.

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

/** What the secondary-block rules found for one candidate. */
interface SecondaryFacts {
  candidate: CidrRange;
  name: string;
  primary: CidrRange;
  sizeProblem: string | null;
  /** IPv4 blocks the VPC has now. */
  count: number;
  quota: number;
  overlapping: CidrRange[];
  /** Route destinations the candidate equals or contains (other than the VPC's own blocks). */
  blocking: CidrRange[];
  primaryRfc: number;
  candidateRfc: number;
  restricted: boolean;
}

/** The rules in the order their steps and reasons are given. */
const SECONDARY_RULES = ['size', 'quota', 'overlap', 'route', 'rfc1918', 'restricted'] as const;
type SecondaryRule = (typeof SECONDARY_RULES)[number];

function secondaryFacts(ctx: SecondaryCidrContext, candidate: CidrRange): SecondaryFacts {
  if (candidate.version !== 4) {
    throw new CalcError(`${formatRange(candidate)} is an IPv6 block; checkSecondaryCidr checks IPv4 blocks (see checkIpv6VpcBlock for IPv6).`);
  }
  const v4 = ctx.v4;
  const primary = v4[0];
  if (primary === undefined) throw new CalcError("The VPC's block list must start with its primary IPv4 block.");
  const overlapping: CidrRange[] = [];
  for (const r of v4) if (rangesOverlap(r, candidate)) overlapping.push(r);
  // Routes whose destination the candidate equals or contains. Local routes (a VPC block) are
  // already covered by the overlap rule.
  const blocking: CidrRange[] = [];
  for (const d of ctx.routes) {
    if (d.version === 4 && rangeContainsRange(candidate, d) && !v4.some((b) => b.first === d.first && b.prefix === d.prefix)) blocking.push(d);
  }
  return {
    candidate,
    name: formatRange(candidate),
    primary,
    sizeProblem: ipv4BlockSizeProblem(candidate.prefix),
    count: v4.length,
    quota: ctx.quota,
    overlapping,
    blocking,
    primaryRfc: rfc1918Index(primary),
    candidateRfc: rfc1918Index(candidate),
    restricted: rangesOverlap(candidate, RESTRICTED),
  };
}

function secondaryRuleOk(f: SecondaryFacts, rule: SecondaryRule): boolean {
  switch (rule) {
    case 'size':
      return f.sizeProblem === null;
    case 'quota':
      return f.count + 1 <= f.quota;
    case 'overlap':
      return f.overlapping.length === 0;
    case 'route':
      return f.blocking.length === 0;
    case 'rfc1918':
      return !(f.primaryRfc >= 0 && f.candidateRfc >= 0 && f.primaryRfc !== f.candidateRfc);
    case 'restricted':
      return !f.restricted;
  }
}

/** The sentence for one rule: its reason when broken, its confirmation when kept. */
function secondarySentence(f: SecondaryFacts, rule: SecondaryRule, ok: boolean): string {
  const { name, count, quota, candidate, primary } = f;
  switch (rule) {
    case 'size':
      return ok ? `/${candidate.prefix} is within the allowed /${AWS_IPV4_MIN_PREFIX}–/${AWS_IPV4_MAX_PREFIX} range` : (f.sizeProblem as string);
    case 'quota':
      return ok
        ? `The VPC has ${count} IPv4 block${count === 1 ? '' : 's'}; one more makes ${count + 1}, within the quota of ${quota}`
        : `The VPC already has ${count} IPv4 blocks and the quota is ${quota} (primary included; the default is ${VPC_IPV4_BLOCKS_DEFAULT_QUOTA} and it can be raised to ${VPC_IPV4_BLOCKS_MAX_QUOTA}), so ${name} cannot be added.`;
    case 'overlap':
      return ok
        ? `${name} overlaps none of the VPC's blocks`
        : f.overlapping
            .map((r) =>
              r.first === candidate.first && r.prefix === candidate.prefix
                ? `${name} is already associated with the VPC.`
                : `${name} overlaps the VPC's block ${formatRange(r)}; a new block may not overlap an existing one.`,
            )
            .join(' ');
    case 'route':
      return ok
        ? `${name} is not equal to or larger than any existing route's destination`
        : f.blocking
            .map(
              (d) =>
                `A route to ${formatRange(d)} already exists, and a new block may not be equal to or larger than an existing route's destination` +
                (d.prefix < AWS_IPV4_MAX_PREFIX
                  ? `; only a block more specific than /${d.prefix} inside it (such as ${formatRange({ ...d, prefix: d.prefix + 1 })}) could be added.`
                  : '.'),
            )
            .join(' ');
    case 'rfc1918':
      return ok
        ? `${name} does not mix RFC 1918 ranges with the primary block ${formatRange(primary)}`
        : `${name} is in the private range ${RFC1918_RANGES[f.candidateRfc] ?? ''}, but the primary block ${formatRange(primary)} is in ${RFC1918_RANGES[f.primaryRfc] ?? ''}; AWS does not let a VPC mix different RFC 1918 ranges.`;
    case 'restricted':
      return ok ? `${name} is outside the restricted range ${VPC_RESTRICTED_RANGE}` : `${name} is in ${VPC_RESTRICTED_RANGE}, a range AWS restricts for VPC blocks.`;
  }
}

function verdictOfSecondary(f: SecondaryFacts): Verdict {
  const reasons: string[] = [];
  for (const rule of SECONDARY_RULES) if (!secondaryRuleOk(f, rule)) reasons.push(secondarySentence(f, rule, false));
  return { ok: reasons.length === 0, reasons };
}

function explainSecondary(f: SecondaryFacts): Explained<Verdict> {
  const reasons: string[] = [];
  const steps: Step[] = [];
  for (const rule of SECONDARY_RULES) {
    const ok = secondaryRuleOk(f, rule);
    const text = secondarySentence(f, rule, ok);
    if (!ok) reasons.push(text);
    steps.push({ text, values: { passed: ok } });
  }
  return { result: { ok: reasons.length === 0, reasons }, steps };
}
