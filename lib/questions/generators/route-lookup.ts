/**
 * route-lookup — which target a VPC route table sends a packet to: longest-prefix match over
 * IPv4 and IPv6 routes, prefix-list routes (gateway endpoint), and routes more specific than the
 * local route (facts rows 59–62, 66).
 */
import { formatIpv4Number, formatIpv6 } from '../../calc/ip';
import { parseCidrRange } from '../../calc/cidr';
import { explainRouteLookupAndMatches, routeLookup, type Route, type RouteMatch, type RouteTable } from '../../calc/routing';
import { defineGenerator, type QuestionBody } from '../define';
import { singleChoice, uniqueDistractors, type Distractor } from '../choices';
import type { Rng } from '../rng';
import { S3_PREFIX_BLOCKS, idRecord, randomIpv6Vpc, resourceId, route, routeTableMarkdown, tableParams, targetLabel } from './network-scenario';

type Case = 'internet' | 's3' | 'local' | 'inspected' | 'peer' | 'onprem' | 'onprem-site' | 'ipv6-internet' | 'ipv6-local' | 'ipv6-no-route';

interface Params {
  variant: 'target' | 'cidr';
  table: RouteTable;
  destination: string;
}

const LESSON = '/lessons/routing';
/** The key when no route matches. */
export const NO_ROUTE = 'No route matches, so the packet is dropped';
const SHARED_TARGETS: readonly string[] = ['igw', 'eigw', 'vgw', 'nat', 'tgw'];
const CASES: Case[] = ['internet', 's3', 'local', 'inspected', 'peer', 'onprem', 'onprem-site', 'ipv6-internet', 'ipv6-local', 'ipv6-no-route'];

function publicIpv4(rng: Rng): string {
  return `${rng.pick([8, 13, 23, 34, 99, 104, 151, 185, 198, 203])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

/** A random host of an IPv4 block (not its first or last address), as a number. */
function hostIn(rng: Rng, cidr: string): number {
  const r = parseCidrRange(cidr);
  const hostBits = Math.min(30, 32 - r.prefix);
  return Number(r.first) + rng.int(1, 2 ** hostBits - 2);
}

function addressIn(rng: Rng, cidr: string): string {
  return formatIpv4Number(hostIn(rng, cidr));
}

/** Whether the scenario includes a kind of route: always for its own cases, else by chance. */
function has(rng: Rng, c: Case, cases: readonly Case[], p: number): boolean {
  return cases.includes(c) || rng.chance(p);
}

/** A third octet other than `avoid`. */
function otherThird(rng: Rng, avoid: number): number {
  return (avoid + rng.int(1, 255)) % 256;
}

const S3_CASES: readonly Case[] = ['s3'];
const INSPECTED_CASES: readonly Case[] = ['inspected'];
const PEER_CASES: readonly Case[] = ['peer'];
const ONPREM_CASES: readonly Case[] = ['onprem', 'onprem-site'];
const SITE_CASES: readonly Case[] = ['onprem-site'];

interface Scenario {
  table: RouteTable;
  destination: string;
  what: string;
}

/** Draw a route table (in display order) and a destination for the case. */
function drawScenario(rng: Rng, c: Case): Scenario {
  const x = rng.int(0, 255);
  const peer = (x + rng.int(1, 254)) % 256;
  const inspect = rng.int(0, 255);
  const vpc = `10.${x}.0.0/16`;
  const v6 = randomIpv6Vpc(rng);
  const onprem = rng.pick(['172.16.0.0/12', '192.168.0.0/16']);
  const site = onprem === '172.16.0.0/12' ? `172.${rng.int(16, 31)}.${rng.int(0, 255)}.0/24` : `192.168.${rng.int(0, 255)}.0/24`;
  const v6Default = rng.pick(['eigw', 'igw'] as const);

  const routes: Route[] = [route(rng, vpc, 'local'), route(rng, '0.0.0.0/0', rng.pick(['igw', 'nat'] as const))];
  let prefixLists: Record<string, string[]> | null = null;
  let plBlocks: readonly string[] = [];
  if (has(rng, c, S3_CASES, 0.4)) {
    const pl = resourceId(rng, 'pl');
    plBlocks = [...rng.pick(S3_PREFIX_BLOCKS)];
    prefixLists = idRecord<string[]>();
    prefixLists[pl] = plBlocks as string[];
    routes.push(route(rng, pl, 'vpce'));
  }
  if (has(rng, c, INSPECTED_CASES, c === 'local' ? 0.7 : 0.3)) routes.push(route(rng, `10.${x}.${inspect}.0/24`, rng.pick(['eni', 'vpce', 'nat'] as const)));
  if (has(rng, c, PEER_CASES, 0.5)) routes.push(route(rng, `10.${peer}.0.0/16`, 'pcx'));
  const wantsOnprem = has(rng, c, ONPREM_CASES, 0.5);
  if (wantsOnprem) routes.push(route(rng, onprem, rng.pick(['vgw', 'tgw'] as const)));
  if (has(rng, c, SITE_CASES, wantsOnprem ? 0.4 : 0)) routes.push(route(rng, site, rng.pick(['tgw', 'vgw', 'eni'] as const)));
  const ipv6 = c.startsWith('ipv6') || rng.chance(0.4);
  if (ipv6) {
    routes.push(route(rng, v6, 'local'));
    if (c !== 'ipv6-no-route') routes.push(route(rng, '::/0', v6Default));
  }
  // One internet gateway, egress-only IGW and VGW per VPC; one NAT gateway and transit gateway here.
  for (let i = 1; i < routes.length; i++) {
    const r = routes[i] as Route;
    if (!SHARED_TARGETS.includes(r.target)) continue;
    for (let j = 0; j < i; j++) {
      const earlier = routes[j] as Route;
      if (earlier.target === r.target) {
        r.targetId = targetLabel(earlier);
        break;
      }
    }
  }
  const table: RouteTable = prefixLists !== null ? { routes: rng.shuffle(routes), prefixLists } : { routes: rng.shuffle(routes) };

  let destination: string;
  let what: string;
  switch (c) {
    case 'internet':
      destination = publicIpv4(rng);
      what = 'a public API on the internet';
      break;
    case 's3':
      destination = addressIn(rng, rng.pick(plBlocks));
      what = 'an Amazon S3 bucket in the same Region';
      break;
    case 'local':
      destination = `10.${x}.${otherThird(rng, inspect)}.${rng.int(4, 250)}`;
      what = 'a database instance in another subnet of the VPC';
      break;
    case 'inspected':
      destination = `10.${x}.${inspect}.${rng.int(4, 250)}`;
      what = 'an instance in another subnet of the VPC';
      break;
    case 'peer':
      destination = `10.${peer}.${rng.int(0, 255)}.${rng.int(4, 250)}`;
      what = 'a server in a peered VPC';
      break;
    case 'onprem': {
      const s = parseCidrRange(site);
      let d = hostIn(rng, onprem);
      while (d >= Number(s.first) && d <= Number(s.last)) d = hostIn(rng, onprem);
      destination = formatIpv4Number(d);
      what = 'a server in the corporate network';
      break;
    }
    case 'onprem-site':
      destination = addressIn(rng, site);
      what = 'a server at a branch site';
      break;
    case 'ipv6-internet':
    case 'ipv6-no-route':
      destination = `2a05:d0${rng.int(10, 99)}:${rng.int(0x1000, 0xffff).toString(16)}::${rng.int(1, 0xffff).toString(16)}`;
      what = 'an IPv6 service on the internet';
      break;
    case 'ipv6-local':
      // an address inside the VPC's /56 (the offset stays below 2^72)
      destination = formatIpv6(parseCidrRange(v6).first + (BigInt(rng.int(0, 255)) << 64n) + BigInt(rng.int(4, 1_000_000)));
      what = 'an IPv6 instance in another subnet of the VPC';
      break;
  }
  return { table, destination, what };
}

/** `matches`: the routes that contain the destination, in table order (the core's `routesContaining`). */
function mistakeRoutes(table: RouteTable, destination: string, key: Route | null, matches: readonly RouteMatch[]): { route: Route; mistake: string; feedback: string }[] {
  const keyText = key === null ? NO_ROUTE : `\`${key.destination}\` → \`${targetLabel(key)}\``;
  const out: { route: Route; mistake: string; feedback: string }[] = [];
  const first = matches[0];
  if (first !== undefined && first.route !== key) {
    out.push({ route: first.route, mistake: 'picked the first matching row', feedback: `A route table is not read top-down: \`${first.route.destination}\` is listed first, but the longest matching prefix wins, so the answer is ${keyText}.` });
  }
  // the shortest prefix, the first such in table order (what a stable sort by prefix puts first)
  let least: RouteMatch | undefined;
  for (const m of matches) if (least === undefined || m.prefix < least.prefix) least = m;
  if (least !== undefined && least.route !== key) {
    out.push({ route: least.route, mistake: 'picked the least specific route', feedback: `\`${least.route.destination}\` (/${least.prefix}) contains ${destination}, but a longer prefix does too; the most specific match wins: ${keyText}.` });
  }
  const local = matches.find((m) => m.route.target === 'local');
  if (local !== undefined && local.route !== key) {
    out.push({ route: local.route, mistake: 'thought the local route always wins', feedback: `The local route does not override longest-prefix match: a route more specific than local (to a NAT gateway, ENI or Gateway Load Balancer endpoint) takes ${destination}, so the answer is ${keyText}.` });
  }
  if (destination.includes(':')) {
    const v4default = table.routes.find((r) => r.destination === '0.0.0.0/0');
    if (v4default !== undefined) {
      out.push({ route: v4default, mistake: 'used 0.0.0.0/0 for an IPv6 destination', feedback: `0.0.0.0/0 covers IPv4 addresses only; ${destination} is IPv6 and needs an IPv6 route such as ::/0. Here: ${keyText}.` });
    }
  }
  for (const r of table.routes) {
    if (r === key) continue;
    out.push({ route: r, mistake: 'picked a route that does not contain the destination', feedback: `\`${r.destination}\` does not contain ${destination}. Of the routes that do, the longest prefix wins: ${keyText}.` });
  }
  return out.filter((m) => m.route !== key);
}

export const routeLookupGenerator = defineGenerator<Params>({
  id: 'route-lookup',
  version: 1,
  topic: 'routing',
  title: 'Which route does a packet take?',
  kinds: ['single', 'text'],
  solve(p) {
    const r = routeLookup(p.table, p.destination);
    if (p.variant === 'cidr') return r.matchedCidr ?? '';
    return r.route === null ? NO_ROUTE : targetLabel(r.route);
  },
  build(rng): QuestionBody {
    const c = rng.pick(CASES);
    const { table, destination, what } = drawScenario(rng, c);
    // the worked lookup and the routes that contain the destination, from one reading of the table
    const { explained, matches } = explainRouteLookupAndMatches(table, destination);
    const key = explained.result.route;
    const named = mistakeRoutes(table, destination, key, matches);
    const difficulty = c === 'internet' || c === 'local' || c === 'peer' ? 1 : c.startsWith('ipv6') || c === 'inspected' ? 3 : 2;
    const tableMd = routeTableMarkdown(table);
    const intro = `An instance in a subnet sends a packet to ${what} at \`${destination}\`. The subnet's route table:\n\n${tableMd}\n\n`;
    const canAskCidr = key !== null && !key.destination.startsWith('pl-');
    const explanation = {
      summary: `${explained.result.reason} Routes are chosen by longest-prefix match, for IPv4 and IPv6 separately, and may be more specific than the local route.`,
      steps: explained.steps,
      lesson: LESSON,
    };

    if (canAskCidr && rng.chance(0.3)) {
      const answer = explained.result.matchedCidr ?? '';
      const picked = uniqueDistractors(
        [answer],
        named.filter((m) => !m.route.destination.startsWith('pl-')).map((m) => ({ text: m.route.destination, mistake: m.mistake, feedback: m.feedback })),
        6,
      ).filter((d) => d.mistake !== 'picked a route that does not contain the destination');
      return {
        difficulty,
        kind: 'text',
        textMatch: 'cidr',
        prompt: `${intro}Which route's destination does the VPC router use for this packet? Type it in CIDR notation.`,
        params: { variant: 'cidr', table: tableParams(table), destination },
        answer,
        explanation,
        mistakes: picked.map((d) => ({ match: d.text, name: d.mistake, feedback: d.feedback })),
        expectedSeconds: 60,
      };
    }

    const keyText = key === null ? NO_ROUTE : targetLabel(key);
    const distractors: Distractor[] = named.map((m) => ({ text: targetLabel(m.route), mistake: m.mistake, feedback: m.feedback }));
    if (key !== null) {
      distractors.push({ text: NO_ROUTE, mistake: 'thought no route matches', feedback: `\`${explained.result.matchedCidr ?? ''}\` contains ${destination}. ${explained.result.reason}` });
    }
    const built = singleChoice(rng, keyText, distractors);
    return {
      difficulty,
      kind: 'single',
      prompt: `${intro}Where does the VPC router send this packet?`,
      params: { variant: 'target', table: tableParams(table), destination },
      ...built,
      explanation,
      expectedSeconds: 60,
    };
  },
});
