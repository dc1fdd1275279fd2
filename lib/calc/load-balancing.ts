/**
 * Elastic Load Balancing traffic shares: how DNS spreads clients over the load balancer nodes (one
 * per zone), how each node spreads requests with cross-zone load balancing on or off, weighted
 * target groups of an ALB forward action, and each load balancer type's cross-zone default.
 * Facts sheet section 19 (rows 156–160) and row 152.
 *
 * Zones without targets: DNS returns only the nodes of zones that have at least one (healthy)
 * target, so such a zone's node receives no clients and the other nodes share all traffic
 * equally. With cross-zone off this decides every share; with it on, every target gets an equal
 * share whatever the nodes receive.
 */
import type { Explained, Step } from './steps';
import { checkBoolean, checkInteger, checkList, checkObject, checkOneOf, fail, pct, round4, zoneLabel } from './traffic-guards';

/** Largest number of targets netprep accepts in one zone or target group (a sanity cap). */
export const MAX_TARGETS_PER_ZONE = 1_000_000;

function checkTargetsPerZone(targetsPerZone: unknown): { counts: number[]; total: number; zonesWithTargets: number } {
  const counts = checkList<number>(targetsPerZone, 'The list of targets per zone', 1);
  let total = 0;
  let zonesWithTargets = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_TARGETS_PER_ZONE) {
      checkInteger(n, `The number of targets in zone ${zoneLabel(i)}`, 0, MAX_TARGETS_PER_ZONE);
    }
    const c = n as number;
    total += c;
    if (c > 0) zonesWithTargets++;
  }
  if (total === 0) fail('At least one zone needs a target: with no targets at all, no traffic can be delivered.');
  return { counts, total, zonesWithTargets };
}

/**
 * Percentage of all client traffic that ONE load balancer node receives, per zone: DNS splits
 * clients evenly over the nodes of the zones that have targets, so each gets 100 / (such zones);
 * a zone with no targets gets 0 (its node is left out of DNS). Facts rows 158–159.
 */
export function lbNodeShares(targetsPerZone: number[]): number[] {
  const { counts, zonesWithTargets } = checkTargetsPerZone(targetsPerZone);
  const nodeShare = 100 / zonesWithTargets;
  const out = new Array<number>(counts.length);
  for (let i = 0; i < counts.length; i++) out[i] = (counts[i] ?? 0) > 0 ? nodeShare : 0;
  return out;
}

/** The one implementation of the cross-zone rule: node share and per-target share per zone. */
function computeShares(targetsPerZone: unknown, crossZone: unknown) {
  const { counts, total, zonesWithTargets } = checkTargetsPerZone(targetsPerZone);
  const on = checkBoolean(crossZone, 'The cross-zone setting');
  const nodeShare = 100 / zonesWithTargets;
  const evenShare = 100 / total;
  const shares = new Array<number>(counts.length);
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i] ?? 0;
    shares[i] = n === 0 ? 0 : on ? evenShare : nodeShare / n;
  }
  return { counts, total, zonesWithTargets, on, nodeShare, evenShare, shares };
}

/**
 * Percentage of all client traffic that ONE target in zone i receives. One load balancer node per
 * zone; DNS splits clients evenly over the nodes. Cross-zone on: every node spreads over all
 * targets, so each target gets 100 / (all targets). Cross-zone off: each node keeps its share in
 * its own zone, so a target gets (100 / zones with targets) / (targets in its zone). A zone with 0
 * targets gets 0 and its node is left out of DNS (see the module comment).
 * Facts rows 158–159: [2, 8] → on [10, 10]; off [25, 6.25].
 */
export function crossZoneTargetShares(targetsPerZone: number[], crossZone: boolean): number[] {
  return computeShares(targetsPerZone, crossZone).shares;
}

/** `crossZoneTargetShares` with the worked steps (facts rows 158–159). */
export function explainCrossZoneTargetShares(targetsPerZone: number[], crossZone: boolean): Explained<number[]> {
  const r = computeShares(targetsPerZone, crossZone);
  const steps: Step[] = [];
  const empty = r.counts.length - r.zonesWithTargets;
  // The node share is shown in every step: formatted once (round4 can take a decimal conversion).
  const nodePct = pct(r.nodeShare);
  const node4 = round4(r.nodeShare);
  steps.push({
    text:
      `${r.zonesWithTargets} zone${r.zonesWithTargets === 1 ? '' : 's'} with targets → each LB node gets 100/${r.zonesWithTargets} = ${nodePct} of the clients` +
      (empty > 0 ? ` (DNS leaves out the node of each of the ${empty} zone${empty === 1 ? '' : 's'} with no targets).` : '.'),
    math: `100 / ${r.zonesWithTargets} = ${node4}`,
    values: { zonesWithTargets: r.zonesWithTargets, nodeShare: r.nodeShare },
  });
  if (r.on) {
    steps.push({
      text: `Cross-zone is on: every node spreads its requests over all ${r.total} targets, so each target gets 100/${r.total} = ${pct(r.evenShare)}.`,
      math: `100 / ${r.total} = ${round4(r.evenShare)}`,
      values: { totalTargets: r.total, targetShare: r.evenShare },
    });
  } else {
    steps.push({ text: 'Cross-zone is off: each node sends its share only to the targets in its own zone.' });
    for (let i = 0; i < r.counts.length && i < 26; i++) {
      const n = r.counts[i] ?? 0;
      const share = r.shares[i] ?? 0;
      steps.push(
        n === 0
          ? { text: `zone ${zoneLabel(i)}: no targets, so no traffic.`, values: { zone: zoneLabel(i), targets: 0 } }
          : {
              text: `zone ${zoneLabel(i)}: ${nodePct} ÷ ${n} target${n === 1 ? '' : 's'} = ${pct(share)} per target.`,
              math: `${node4} / ${n} = ${round4(share)}`,
              values: { zone: zoneLabel(i), targets: n, targetShare: share },
            },
      );
    }
    if (r.counts.length > 26) steps.push({ text: `… and the same for the other ${r.counts.length - 26} zones.` });
  }
  return { result: r.shares, steps };
}

/** One target group in an ALB forward action with weighted target groups (facts row 152). */
export interface WeightedTargetGroup {
  /** Label for the worked steps, e.g. 'blue'. */
  name?: string;
  /** The group's weight in the forward action (a whole number ≥ 0). */
  weight: number;
  /** Registered targets in the group. */
  targets: number;
}

export interface WeightedTargetGroupShare {
  /** % of the rule's requests sent to this target group: weight / sum of weights × 100. */
  groupPercent: number;
  /** % of the rule's requests each target of the group receives (requests spread evenly). */
  perTargetPercent: number;
}

function computeWeighted(groups: unknown) {
  const list = checkList<WeightedTargetGroup>(groups, 'The list of weighted target groups', 1);
  let sum = 0;
  for (let i = 0; i < list.length; i++) {
    const g = list[i] as WeightedTargetGroup;
    // The guards run (and build their messages) only when a field is not what the fast test expects.
    if (typeof g !== 'object' || g === null || Array.isArray(g)) checkObject(g, `Target group ${i + 1}`);
    if (!Number.isSafeInteger(g.weight) || g.weight < 0) checkInteger(g.weight, `The weight of target group ${i + 1}`, 0, Number.MAX_SAFE_INTEGER);
    if (!Number.isInteger(g.targets) || g.targets < 0 || g.targets > MAX_TARGETS_PER_ZONE) {
      checkInteger(g.targets, `The number of targets in target group ${i + 1}`, 0, MAX_TARGETS_PER_ZONE);
    }
    sum += g.weight;
  }
  if (sum === 0) fail('At least one target group needs a weight above 0; with all weights 0 no group receives requests.');
  const shares = new Array<WeightedTargetGroupShare>(list.length);
  for (let i = 0; i < list.length; i++) {
    const g = list[i] as WeightedTargetGroup;
    const groupPercent = (g.weight / sum) * 100;
    shares[i] = { groupPercent, perTargetPercent: g.targets === 0 ? 0 : groupPercent / g.targets };
  }
  return { list, sum, shares };
}

/**
 * Weighted target groups in an ALB forward action (facts row 152): each group receives
 * weight / (sum of weights) of the rule's requests, and each of its targets an equal part of that.
 * A group with weight 0 receives nothing; a group with a weight but no targets still receives its
 * share, which then has no target to go to (perTargetPercent 0).
 */
export function weightedTargetGroupShares(groups: WeightedTargetGroup[]): WeightedTargetGroupShare[] {
  return computeWeighted(groups).shares;
}

/** A weighted group's name for a step: its own, or "group i". */
function groupName(list: readonly WeightedTargetGroup[], i: number): string {
  const n = list[i]?.name;
  return typeof n === 'string' && n !== '' ? n : `group ${i + 1}`;
}

/** `weightedTargetGroupShares` with the worked steps. */
export function explainWeightedTargetGroupShares(groups: WeightedTargetGroup[]): Explained<WeightedTargetGroupShare[]> {
  const { list, sum, shares } = computeWeighted(groups);
  let weights = '';
  for (let i = 0; i < list.length; i++) weights += i === 0 ? `${(list[i] as WeightedTargetGroup).weight}` : ` + ${(list[i] as WeightedTargetGroup).weight}`;
  const steps: Step[] = [
    {
      text: `The weights add up to ${weights} = ${sum}.`,
      values: { totalWeight: sum },
    },
  ];
  for (let i = 0; i < list.length && i < 50; i++) {
    const g = list[i] as WeightedTargetGroup;
    const s = shares[i] as WeightedTargetGroupShare;
    const name = groupName(list, i);
    steps.push({
      text:
        `${name}: ${g.weight}/${sum} = ${pct(s.groupPercent)} of the requests` +
        (g.targets === 0
          ? g.weight === 0
            ? '.'
            : ', but it has no targets, so those requests have nowhere to go.'
          : `, spread over ${g.targets} target${g.targets === 1 ? '' : 's'} = ${pct(s.perTargetPercent)} each.`),
      math: `${g.weight} / ${sum} \\times 100 = ${round4(s.groupPercent)}`,
      values: { group: name, weight: g.weight, groupPercent: s.groupPercent, perTargetPercent: s.perTargetPercent },
    });
  }
  return { result: shares, steps };
}

/** Elastic Load Balancing types (four, facts row 146). */
export type LoadBalancerType = 'alb' | 'nlb' | 'gwlb' | 'clb';
export const LOAD_BALANCER_TYPES: readonly LoadBalancerType[] = ['alb', 'nlb', 'gwlb', 'clb'];
/** How a Classic Load Balancer was created: its cross-zone default depends on it (facts row 157). */
export type ClbCreatedWith = 'api' | 'console';

/**
 * Cross-zone load balancing defaults per load balancer type (facts rows 157 and 160).
 * ALB: always on at the load balancer level, can be turned off per target group.
 * NLB and GWLB: off by default. CLB: off when created with the API/CLI, on with the console.
 */
export const CROSS_ZONE_DEFAULTS = {
  alb: { defaultOn: true, note: 'always on at the load balancer level; can be turned off per target group' },
  nlb: { defaultOn: false, note: 'off by default' },
  gwlb: { defaultOn: false, note: 'off by default' },
  clbApi: { defaultOn: false, note: 'off when created with the API or CLI' },
  clbConsole: { defaultOn: true, note: 'on when created with the console' },
} as const;

function defaultKey(type: unknown, createdWith: unknown): keyof typeof CROSS_ZONE_DEFAULTS {
  const t = checkOneOf(type, 'The load balancer type', LOAD_BALANCER_TYPES);
  if (t !== 'clb') {
    if (createdWith !== undefined) fail(`Only a Classic Load Balancer's cross-zone default depends on how it was created; leave it out for '${t}'.`);
    return t;
  }
  if (createdWith === undefined) {
    fail("A Classic Load Balancer's cross-zone default depends on how it was created: say 'api' (off) or 'console' (on).");
  }
  return checkOneOf(createdWith, 'How the Classic Load Balancer was created', ['api', 'console'] as const) === 'api'
    ? 'clbApi'
    : 'clbConsole';
}

/**
 * Whether cross-zone load balancing is on by default (facts rows 157 and 160): ALB yes (at the
 * load balancer level), NLB and GWLB no, CLB no via API/CLI and yes via the console — so a CLB
 * needs `createdWith`.
 */
export function crossZoneDefault(type: LoadBalancerType, createdWith?: ClbCreatedWith): boolean {
  return CROSS_ZONE_DEFAULTS[defaultKey(type, createdWith)].defaultOn;
}

/** `crossZoneDefault` with the rule it comes from as a step. */
export function explainCrossZoneDefault(type: LoadBalancerType, createdWith?: ClbCreatedWith): Explained<boolean> {
  const d = CROSS_ZONE_DEFAULTS[defaultKey(type, createdWith)];
  const names: Record<LoadBalancerType, string> = {
    alb: 'Application Load Balancer',
    nlb: 'Network Load Balancer',
    gwlb: 'Gateway Load Balancer',
    clb: 'Classic Load Balancer',
  };
  return {
    result: d.defaultOn,
    steps: [{ text: `${names[type]}: cross-zone load balancing is ${d.note}.`, values: { type, defaultOn: d.defaultOn } }],
  };
}
