/**
 * cross-zone-share — what share of all client traffic ONE target in a given zone receives, with
 * cross-zone load balancing on or off (facts rows 156–160), through `crossZoneTargetShares`.
 */
import { explainCrossZoneTargetShares, crossZoneTargetShares, lbNodeShares } from '../../calc/load-balancing';
import { defineGenerator, type QuestionBody } from '../define';
import { singleChoice } from '../choices';
import type { Rng } from '../rng';
import { numberDistractors, numberMistakes, PERCENT_TOLERANCE, round2, zoneLetter, type NumberMistake } from './traffic-text';

/** targetsPerZone[i] = targets in zone i (A, B, …); zone = the index asked about. */
type Params = { targetsPerZone: number[]; crossZone: boolean; zone: number };

const LESSON = '/lessons/elb';

const SCENARIOS = [
  { lb: 'Network Load Balancer', where: 'for the load balancer', app: 'a TCP game server fleet' },
  { lb: 'Application Load Balancer', where: 'for the target group', app: 'a web shop' },
  { lb: 'Classic Load Balancer', where: 'for the load balancer', app: 'a legacy reporting site' },
  { lb: 'Network Load Balancer', where: 'for the load balancer', app: 'an MQTT broker cluster' },
  { lb: 'Application Load Balancer', where: 'for the target group', app: 'a REST API' },
] as const;

const ZONE_COUNTS = [2, 2, 3, 3, 3, 4];
const TARGET_COUNTS = [1, 2, 2, 3, 4, 4, 5, 6, 8, 10, 12];

function drawParams(rng: Rng): Params {
  const zones = rng.pick(ZONE_COUNTS);
  const targetsPerZone = new Array<number>(zones);
  for (let i = 0; i < zones; i++) targetsPerZone[i] = rng.pick(TARGET_COUNTS);
  // Sometimes a zone has lost all its targets (its node is left out of DNS).
  if (zones >= 3 && rng.chance(0.2)) targetsPerZone[rng.int(0, zones - 1)] = 0;
  const withTargets: number[] = [];
  for (let i = 0; i < zones; i++) if ((targetsPerZone[i] as number) > 0) withTargets.push(i);
  return { targetsPerZone, crossZone: rng.chance(0.45), zone: rng.pick(withTargets) };
}

/** The share rounded to two decimals: the key for both kinds (choice texts show this number). */
function keyOf(p: Params): number {
  return round2(crossZoneTargetShares(p.targetsPerZone, p.crossZone)[p.zone] ?? 0);
}

function mistakesFor(p: Params): NumberMistake[] {
  const n = p.targetsPerZone[p.zone] ?? 0;
  const letter = zoneLetter(p.zone);
  const total = p.targetsPerZone.reduce((a, b) => a + b, 0);
  const zonesWithTargets = p.targetsPerZone.filter((x) => x > 0).length;
  const nodeShare = lbNodeShares(p.targetsPerZone)[p.zone] ?? 0;
  const other = crossZoneTargetShares(p.targetsPerZone, !p.crossZone)[p.zone] ?? 0;
  const nd = round2(nodeShare);
  const out: NumberMistake[] = [];
  if (p.crossZone) {
    out.push({
      value: other,
      name: 'assumed cross-zone was off',
      feedback: `Cross-zone load balancing is on, so every node spreads its requests over all ${total} targets: 100 / ${total} each. Splitting first by zone (${nd} % ÷ ${n}) is what happens with it off.`,
    });
    out.push({
      value: (100 * n) / total,
      name: "answered the zone's share instead of one target's",
      feedback: `Zone ${letter}'s ${n} targets together receive ${n} × 100/${total} %; the question asks for ONE target: 100 / ${total}.`,
    });
  } else {
    out.push({
      value: other,
      name: 'forgot cross-zone is off (used total targets)',
      feedback: `100 / ${total} assumes every node can reach every target. With cross-zone off, zone ${letter}'s node (${nd} % of the clients) sends only to its own ${n} target${n === 1 ? '' : 's'}.`,
    });
    if (zonesWithTargets < p.targetsPerZone.length) {
      out.push({
        value: 100 / p.targetsPerZone.length / n,
        name: 'gave the node of the empty zone a share of the clients',
        feedback: `DNS leaves out the node of a zone with no targets, so the clients are split over the ${zonesWithTargets} zones that have targets, not all ${p.targetsPerZone.length}.`,
      });
    }
  }
  out.push({
    value: nodeShare,
    name: "answered the node's share instead of one target's",
    feedback: `${nd} % is what zone ${letter}'s load balancer node receives (100 / ${zonesWithTargets} zones with targets); the question asks for one target.`,
  });
  out.push({
    value: 100 / n,
    name: 'forgot DNS splits the clients over the nodes',
    feedback: `100 / ${n} treats zone ${letter}'s node as if it received all the traffic; DNS first spreads the clients over ${zonesWithTargets} nodes.`,
  });
  out.push({
    value: nodeShare / total,
    name: "divided the node's share by all targets",
    feedback: `${nd} % ÷ ${total} splits one node's share over every target, but every node sends traffic: ${
      p.crossZone ? `with cross-zone on the ${zonesWithTargets} nodes together give each target 100 / ${total} %` : `with cross-zone off zone ${letter}'s node divides its ${nd} % over its own ${n} target${n === 1 ? '' : 's'} only`
    }.`,
  });
  return out;
}

export const crossZoneShare = defineGenerator<Params>({
  id: 'cross-zone-share',
  version: 1,
  topic: 'elb',
  title: 'Cross-zone load balancing: one target’s share of the traffic',
  kinds: ['number', 'single'],
  solve: keyOf,
  build(rng): QuestionBody {
    const p = drawParams(rng);
    const s = rng.pick(SCENARIOS);
    const letter = zoneLetter(p.zone);
    const explained = explainCrossZoneTargetShares(p.targetsPerZone, p.crossZone);
    // the key from the core's explained shares (keyOf asks the plain form the same question)
    const answer = round2(explained.result[p.zone] ?? 0);
    let table = '| Availability Zone | Healthy targets |\n|---|---|';
    p.targetsPerZone.forEach((n, i) => {
      table += `\n| ${zoneLetter(i)} | ${n} |`;
    });
    const kind = rng.chance(0.5) ? 'number' : 'single';
    const prompt =
      `A ${s.lb} for ${s.app} is enabled in ${p.targetsPerZone.length} Availability Zones, with these registered targets, all healthy:\n\n${table}\n\n` +
      `Cross-zone load balancing is **turned ${p.crossZone ? 'on' : 'off'}** ${s.where}. Clients resolve the load balancer's DNS name and spread evenly over the addresses they get.\n\n` +
      `What percentage of all client traffic does **one** target in zone ${letter} receive?` +
      (kind === 'number' ? ' Give the percentage to two decimal places.' : ' (Choices in %, rounded to two decimal places.)');
    const summary =
      `**${answer} %.** ` +
      (p.crossZone
        ? 'With cross-zone on, every node spreads its requests over all targets in all zones, so each target gets an equal share.'
        : `With cross-zone off, each zone's node keeps its share of the clients inside its own zone, so a target in zone ${letter} gets the node's share divided by the zone's targets.`);
    const explanation = { summary, steps: explained.steps, lesson: LESSON };
    const params = { targetsPerZone: p.targetsPerZone, crossZone: p.crossZone, zone: p.zone };
    const difficulty = p.crossZone ? 1 : p.targetsPerZone.includes(0) ? 3 : 2;
    const candidates = mistakesFor(p);
    if (kind === 'number') {
      return {
        difficulty, kind, prompt, params, answer, tolerance: PERCENT_TOLERANCE, unit: '%', explanation, expectedSeconds: 60,
        mistakes: numberMistakes(answer, PERCENT_TOLERANCE, candidates),
      };
    }
    const built = singleChoice(rng, String(answer), numberDistractors(candidates));
    return { difficulty, kind, prompt, params, ...built, explanation, expectedSeconds: 45 };
  },
});
