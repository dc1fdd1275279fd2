/**
 * VPC route tables: longest-prefix-match lookup (IPv4 and IPv6, CIDR and prefix-list
 * destinations), route-table checks, and public / private / VPN-only subnet classification.
 *
 * Facts row 61: the local route does NOT always win. Routing is longest-prefix match, and you may
 * add routes more specific than local (matching a whole subnet CIDR) to a NAT gateway, an ENI or
 * a Gateway Load Balancer endpoint (target 'vpce'), or replace the local route's target.
 */
import { CalcError } from './errors';
import type { Explained, Step } from './steps';
import { describeInput, MAX_INPUT_LIST, parseAddressRange, requireList, requireText, requireWholeNumber } from './ip';
import { type CidrRange, formatRange, parseCidrRange, rangeContainsRange } from './cidr';
import { ROUTES_PER_TABLE_DEFAULT_QUOTA, ROUTES_PER_TABLE_MAX_QUOTA } from './vpc';

/** Route targets: local, internet gateway, NAT gateway, egress-only IGW, virtual private gateway, peering, VPC endpoint (gateway or GWLB), network interface, transit gateway. */
export const ROUTE_TARGETS = ['local', 'igw', 'nat', 'eigw', 'vgw', 'pcx', 'vpce', 'eni', 'tgw'] as const;
export type RouteTarget = (typeof ROUTE_TARGETS)[number];
/** Targets allowed for a route more specific than the local route, or to replace its target. Facts row 61. */
export const MORE_SPECIFIC_THAN_LOCAL_TARGETS: readonly RouteTarget[] = ['nat', 'eni', 'vpce'];

export interface Route {
  /** A CIDR block ('0.0.0.0/0', '2001:db8::/56') or the id of a prefix list in `prefixLists` ('pl-63a5400a'). */
  destination: string;
  target: RouteTarget;
  /** The target's id, e.g. 'igw-1234', 'nat-0abc' (optional, shown back to the student). */
  targetId?: string;
}

export interface RouteTable {
  routes: Route[];
  /** Prefix lists referenced by route destinations: id → CIDRs (e.g. a gateway endpoint's service prefixes). */
  prefixLists?: Record<string, string[]>;
}

export interface RouteLookup {
  /** The route that carries the packet, or null when none matches (the packet is dropped). */
  route: Route | null;
  /** The CIDR that matched (for a prefix-list route, the entry of the list). */
  matchedCidr: string | null;
  /** One sentence saying why this route was chosen. */
  reason: string;
}

interface Entry {
  route: Route;
  range: CidrRange;
  fromPrefixList: boolean;
  /** `formatRange(range)`, once worded (see `entryText`). */
  text: string | null;
}

/** The entry's block as text, worded once per entry (a lookup and its steps name the same blocks several times). */
function entryText(e: Entry): string {
  return (e.text ??= formatRange(e.range));
}

const TARGET_SET = new Set<string>(ROUTE_TARGETS);

function expand(table: RouteTable): Entry[] {
  if (table === null || typeof table !== 'object') throw new CalcError(`Expected a route table, but got ${describeInput(table)}.`);
  const out: Entry[] = [];
  expandRoutes(requireList<Route>(table.routes, 'The route table'), table.prefixLists ?? {}, out);
  return out;
}

/** The entries of `routes` (a prefix-list route gives one per block of its list), appended to `out`. */
function expandRoutes(routes: readonly Route[], lists: Record<string, string[]>, out: Entry[]): void {
  for (const route of routes) {
    if (route === null || typeof route !== 'object') throw new CalcError(`Each route must have a destination and a target, but one is ${describeInput(route)}.`);
    if (!TARGET_SET.has(route.target)) {
      throw new CalcError(`${describeInput(route.target)} is not a route target; use one of ${ROUTE_TARGETS.join(', ')}.`);
    }
    // Text that starts with a printable ASCII character is not blank: requireText (which trims) only for anything else.
    const d = route.destination as unknown;
    const c0 = typeof d === 'string' && d.length > 0 ? d.charCodeAt(0) : 0;
    const dest = c0 > 32 && c0 < 127 ? (d as string) : requireText(d, 'a route destination');
    if (dest.startsWith('pl-')) {
      const cidrs = Object.prototype.hasOwnProperty.call(lists, dest) ? lists[dest] : undefined;
      if (cidrs === undefined) throw new CalcError(`The route to ${dest} names a prefix list that is not defined in the table's prefix lists.`);
      for (const c of requireList<string>(cidrs, `Prefix list ${dest}`)) out.push({ route, range: parseCidrRange(c), fromPrefixList: true, text: null });
    } else {
      out.push({ route, range: parseCidrRange(dest), fromPrefixList: false, text: null });
    }
  }
}

/** Longest prefix wins; on an exact tie a CIDR route beats a prefix-list route (netprep's tie-break). */
function lookupCore(table: RouteTable, address: string): { entries: Entry[]; best: Entry | null; value: bigint; version: 4 | 6 } {
  const { entries, value, version } = parsedLookup(table, address);
  let best: Entry | null = null;
  for (const e of entries) {
    if (e.range.version !== version || value < e.range.first || value > e.range.last) continue;
    if (best === null || e.range.prefix > best.range.prefix || (e.range.prefix === best.range.prefix && best.fromPrefixList && !e.fromPrefixList)) best = e;
  }
  return { entries, best, value, version };
}

function reasonFor(best: Entry | null, address: string, version: 4 | 6): string {
  if (best === null) return `No IPv${version} route in the table covers ${address}, so the packet is dropped.`;
  const via = best.fromPrefixList ? ` (an entry of prefix list ${best.route.destination})` : '';
  const where = best.route.target === 'local' ? 'stays inside the VPC (local route)' : `goes to ${best.route.targetId ?? best.route.target}`;
  return `${entryText(best)}${via} is the longest prefix (/${best.range.prefix}) that contains ${address}, so the packet ${where}.`;
}

/**
 * The route a VPC router uses for a destination address: among routes of the address's IP
 * version whose destination contains it, the longest prefix wins (facts row 61) — including
 * routes more specific than local. Prefix-list destinations match through any of their CIDRs.
 */
export function routeLookup(table: RouteTable, address: string): RouteLookup {
  const { best, version } = lookupCore(table, address);
  return { route: best?.route ?? null, matchedCidr: best === null ? null : entryText(best), reason: reasonFor(best, address, version) };
}

/** A route whose destination contains an address: the CIDR that does (for a prefix list, its first such entry). */
export interface RouteMatch {
  route: Route;
  cidr: string;
  prefix: number;
}

/**
 * Every route whose destination contains the address (a block of the address's IP version; for a
 * prefix-list route, any of its blocks), in table order: the candidates `routeLookup` picks the
 * longest prefix from (facts row 61).
 */
export function routesContaining(table: RouteTable, address: string): RouteMatch[] {
  const { entries, value, version } = parsedLookup(table, address);
  return matchesOf(entries, value, version);
}

/** The matches of `routesContaining`, from the table's entries and the parsed address. */
function matchesOf(entries: readonly Entry[], value: bigint, version: 4 | 6): RouteMatch[] {
  const out: RouteMatch[] = [];
  let last: Route | null = null;
  for (const e of entries) {
    if (e.route === last || e.range.version !== version || value < e.range.first || value > e.range.last) continue;
    last = e.route;
    out.push({ route: e.route, cidr: entryText(e), prefix: e.range.prefix });
  }
  return out;
}

/** The table's entries and the parsed address (CalcError for junk). */
function parsedLookup(table: RouteTable, address: string): { entries: Entry[]; value: bigint; version: 4 | 6 } {
  const entries = expand(table);
  const s = requireText(address, 'an IP address');
  const a = parseAddressRange(s, 0, s.length);
  if ('error' in a) throw new CalcError(`${describeInput(s)} is not an IPv${a.version} address: ${a.error}.`);
  return { entries, value: a.value, version: a.version };
}

/** Explained form of routeLookup: which routes contain the address and which prefix is longest. */
export function explainRouteLookup(table: RouteTable, address: string): Explained<RouteLookup> {
  return explainCore(lookupCore(table, address), address);
}

/**
 * `explainRouteLookup` and `routesContaining` of the same table and address, with the table
 * expanded and the address read once: the prepared form for a caller that needs both.
 */
export function explainRouteLookupAndMatches(table: RouteTable, address: string): { explained: Explained<RouteLookup>; matches: RouteMatch[] } {
  const core = lookupCore(table, address);
  return { explained: explainCore(core, address), matches: matchesOf(core.entries, core.value, core.version) };
}

function explainCore({ entries, best, value, version }: ReturnType<typeof lookupCore>, address: string): Explained<RouteLookup> {
  const result = { route: best?.route ?? null, matchedCidr: best === null ? null : entryText(best), reason: reasonFor(best, address, version) };
  const steps: Step[] = [];
  for (const e of entries) {
    if (e.range.version !== version) continue;
    const hit = value >= e.range.first && value <= e.range.last;
    const destination = entryText(e);
    steps.push({
      text: `${destination} → ${e.route.targetId ?? e.route.target}: ${hit ? `contains ${address} (/${e.range.prefix})` : `does not contain ${address}`}`,
      values: { destination, target: e.route.target, matches: hit },
    });
  }
  steps.push({ text: result.reason });
  return { result, steps };
}

// ---------------------------------------------------------------------------------------------

export interface RouteTableContext {
  /** The VPC's CIDR blocks (IPv4 and IPv6): each needs a local route. */
  vpcCidrs: string[];
  /** The VPC's subnet blocks; when given, a route more specific than local must match one exactly. */
  subnetCidrs?: string[];
  /** Non-propagated routes per table (default 50, up to 1,000; facts row 7). */
  routeQuota?: number;
}

/**
 * Problems with a route table, from the facts sheet: one local route per VPC block (row 60);
 * a route more specific than local, or replacing local's target, must go to a NAT gateway, ENI
 * or GWLB endpoint and match a whole subnet (row 61); an egress-only IGW carries IPv6 only
 * (row 66); at most `routeQuota` routes (default 50, up to 1,000; row 7); and no two routes to
 * the same destination.
 */
export function validateRouteTable(table: RouteTable, context: RouteTableContext): string[] {
  const entries = expand(table);
  return tableProblems(entries, requireList<Route>(table.routes, 'The route table'), checkContext(context));
}

/**
 * `validateRouteTable` for `table` with each of `additions` added on its own (result i is for
 * `{ routes: [...table.routes, additions[i]] }`, with the table's prefix lists): the table and the
 * context are checked and parsed once instead of once per addition.
 */
export function validateRouteAdditions(table: RouteTable, context: RouteTableContext, additions: readonly Route[]): string[][] {
  // Nothing to validate reads nothing, as mapping validateRouteTable over no additions would.
  if (additions.length === 0) return [];
  const base = expand(table);
  // A table already at the list limit: each addition goes the general way, which refuses it.
  if (table.routes.length >= MAX_INPUT_LIST) return additions.map((r) => validateRouteTable({ ...table, routes: [...table.routes, r] }, context));
  const lists = table.prefixLists ?? {};
  const routes = requireList<Route>(table.routes, 'The route table');
  let ctx: CheckedContext | undefined;
  return additions.map((r) => {
    const entries = base.slice();
    expandRoutes([r], lists, entries);
    // Checked after the first addition is read, in the general form's order, so bad input of
    // several kinds reports the same error first.
    ctx ??= checkContext(context);
    return tableProblems(entries, [...routes, r], ctx);
  });
}

/** A route table's context, checked and parsed. */
interface CheckedContext {
  vpc: CidrRange[];
  subnets: CidrRange[] | null;
  quota: number;
}

function checkContext(context: RouteTableContext): CheckedContext {
  if (context === null || typeof context !== 'object') throw new CalcError(`Expected the VPC's blocks, but got ${describeInput(context)}.`);
  const vpc = requireList<string>(context.vpcCidrs, "The VPC's CIDR blocks").map((c) => parseCidrRange(c));
  const subnets = context.subnetCidrs === undefined ? null : requireList<string>(context.subnetCidrs, 'The subnet blocks').map((c) => parseCidrRange(c));
  const quota = context.routeQuota === undefined ? ROUTES_PER_TABLE_DEFAULT_QUOTA : requireWholeNumber(context.routeQuota, 'The route quota', 1, ROUTES_PER_TABLE_MAX_QUOTA);
  return { vpc, subnets, quota };
}

/** The problems of `validateRouteTable`, from the table's entries, its routes and the checked context. */
function tableProblems(entries: readonly Entry[], routes: readonly Route[], { vpc, subnets, quota }: CheckedContext): string[] {
  const problems: string[] = [];

  for (const block of vpc) {
    let own = 0;
    for (const e of entries) {
      if (e.fromPrefixList || !sameBlock(e.range, block)) continue;
      own++;
      if (e.route.target !== 'local' && !MORE_SPECIFIC_THAN_LOCAL_TARGETS.includes(e.route.target)) {
        problems.push(`The local route for ${formatRange(block)} can only have its target replaced by a NAT gateway, a network interface or a Gateway Load Balancer endpoint, not ${e.route.target}.`);
      }
    }
    if (own === 0) problems.push(`The table has no local route for the VPC block ${formatRange(block)}; every route table has one per VPC block.`);
  }
  for (const e of entries) {
    // The route's name is only spelled out when it has a problem.
    if (e.route.target === 'local' && !containsBlock(vpc, e.range)) {
      problems.push(`${entryText(e)} → ${e.route.target}: a local route's destination must be one of the VPC's blocks.`);
    }
    let inside: CidrRange | undefined;
    for (const b of vpc) {
      if (rangeContainsRange(b, e.range) && !sameBlock(b, e.range)) {
        inside = b;
        break;
      }
    }
    if (inside !== undefined) {
      if (!MORE_SPECIFIC_THAN_LOCAL_TARGETS.includes(e.route.target)) {
        problems.push(`${entryText(e)} → ${e.route.target}: a route more specific than the local route ${formatRange(inside)} may only go to a NAT gateway, a network interface or a Gateway Load Balancer endpoint.`);
      } else if (subnets !== null && !containsBlock(subnets, e.range)) {
        problems.push(`${entryText(e)} → ${e.route.target}: a route more specific than the local route must match a whole subnet's CIDR exactly.`);
      }
    }
    if (e.route.target === 'eigw' && e.range.version !== 6) problems.push(`${entryText(e)} → ${e.route.target}: an egress-only internet gateway carries IPv6 traffic only.`);
  }
  // Repeated destinations, in the order each first appears (a scan: tables are short).
  let nonLocal = 0;
  for (let i = 0; i < routes.length; i++) {
    const r = routes[i] as Route;
    if (r.target !== 'local') nonLocal++;
    let earlier = false;
    for (let j = 0; j < i && !earlier; j++) earlier = (routes[j] as Route).destination === r.destination;
    if (earlier) continue;
    let n = 1;
    for (let j = i + 1; j < routes.length; j++) if ((routes[j] as Route).destination === r.destination) n++;
    if (n > 1) problems.push(`There are ${n} routes to ${r.destination}; a table can hold only one route per destination.`);
  }
  if (nonLocal > quota) problems.push(`The table has ${nonLocal} non-local routes, more than the quota of ${quota} (default ${ROUTES_PER_TABLE_DEFAULT_QUOTA}, up to ${ROUTES_PER_TABLE_MAX_QUOTA}).`);
  return problems;
}

/** The same block: version, first address and prefix. */
function sameBlock(x: CidrRange, y: CidrRange): boolean {
  return x.version === y.version && x.first === y.first && x.prefix === y.prefix;
}

/** Whether `blocks` holds exactly the block `r`. */
function containsBlock(blocks: readonly CidrRange[], r: CidrRange): boolean {
  for (const b of blocks) if (sameBlock(b, r)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------

export type SubnetKind = 'public' | 'private' | 'vpn-only';

export interface SubnetClassification {
  kind: SubnetKind;
  reason: string;
}

/**
 * Classify a subnet by its route table. Public: a route to an internet gateway (facts row 62 —
 * public because of the route, not the address range, row 9). VPN-only: no internet gateway
 * route but a route to a virtual private gateway. Private: neither.
 */
export function classifySubnet(table: RouteTable): SubnetClassification {
  return classifyEntries(expand(table));
}

function classifyEntries(entries: Entry[]): SubnetClassification {
  const igw = entries.find((e) => e.route.target === 'igw');
  if (igw !== undefined) {
    return { kind: 'public', reason: `The route ${entryText(igw)} → ${igw.route.targetId ?? 'igw'} sends traffic to an internet gateway, so the subnet is public.` };
  }
  const vgw = entries.find((e) => e.route.target === 'vgw');
  if (vgw !== undefined) {
    return { kind: 'vpn-only', reason: `No route goes to an internet gateway, but ${entryText(vgw)} → ${vgw.route.targetId ?? 'vgw'} goes to a virtual private gateway, so the subnet is VPN-only.` };
  }
  return { kind: 'private', reason: 'No route goes to an internet gateway or a virtual private gateway, so the subnet is private.' };
}

/** Explained form of classifySubnet. */
export function explainClassifySubnet(table: RouteTable): Explained<SubnetClassification> {
  const entries = expand(table);
  const result = classifyEntries(entries);
  const steps: Step[] = entries.map((e) => ({ text: `${entryText(e)} → ${e.route.targetId ?? e.route.target}`, values: { target: e.route.target } }));
  steps.push({ text: result.reason });
  return { result, steps };
}

/** Explained form of validateRouteTable: one step per problem. */
export function explainValidateRouteTable(table: RouteTable, context: RouteTableContext): Explained<string[]> {
  const result = validateRouteTable(table, context);
  return { result, steps: result.length === 0 ? [{ text: 'The route table breaks none of the rules' }] : result.map((text) => ({ text })) };
}
