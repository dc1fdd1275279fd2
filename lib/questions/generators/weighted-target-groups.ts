/**
 * weighted-target-groups — an ALB forward action with weighted target groups (facts row 152):
 * what share of the rule's requests a target group, or one of its targets, receives, through
 * `weightedTargetGroupShares`.
 */
import { explainWeightedTargetGroupShares, weightedTargetGroupShares, type WeightedTargetGroup, type WeightedTargetGroupShare } from '../../calc/load-balancing';
import { defineGenerator, type QuestionBody } from '../define';
import { singleChoice, uniqueDistractors } from '../choices';
import type { Rng } from '../rng';
import { numberDistractors, numberMistakes, PERCENT_TOLERANCE, round2, type NumberMistake } from './traffic-text';

/** ask = the group asked about (index); per = 'group' for the group's share, 'target' for one of its targets. */
type Params = { groups: { name: string; weight: number; targets: number }[]; ask: number; per: 'group' | 'target' };

const LESSON = '/lessons/elb';

const NAME_SETS = [
  ['blue', 'green'],
  ['stable', 'canary'],
  ['v1', 'v2', 'v3'],
  ['eu-fleet', 'us-fleet', 'ap-fleet'],
  ['on-prem', 'aws'],
  ['legacy', 'rewrite'],
] as const;

const SPLITS = [90, 80, 75, 70, 60, 95, 99];
const SMALL_WEIGHTS = [1, 2, 3, 4, 5];
const ROUND_WEIGHTS = [10, 20, 50, 100, 150, 200, 300];
const TARGET_COUNTS = [1, 2, 3, 4, 4, 5, 6, 8, 10];

function drawWeights(rng: Rng, count: number): number[] {
  const roll = rng.int(1, 4);
  if (roll === 1 && count === 2) {
    const a = rng.pick(SPLITS);
    return [a, 100 - a];
  }
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = roll === 2 ? rng.pick(SMALL_WEIGHTS) : roll === 3 ? rng.pick(ROUND_WEIGHTS) : rng.int(1, 999);
  return out;
}

function drawParams(rng: Rng): Params {
  const names = rng.pick(NAME_SETS);
  const weights = drawWeights(rng, names.length);
  // Equal weights make an even split the right answer; keep the weights telling.
  if (weights.every((w) => w === weights[0])) weights[0] = (weights[0] ?? 1) + rng.int(1, 3);
  const groups = names.map((name, i) => ({ name: `tg-${name}`, weight: weights[i] ?? 1, targets: rng.pick(TARGET_COUNTS) }));
  const ask = rng.int(0, groups.length - 1);
  const per = rng.chance(0.55) ? 'target' : 'group';
  // One target's share differs from its group's only when the group has several targets.
  const asked = groups[ask];
  if (per === 'target' && asked && asked.targets < 2) asked.targets = rng.int(2, 6);
  return { groups, ask, per };
}

function keyOf(p: Params): number {
  return keyFrom(p, weightedTargetGroupShares(p.groups));
}

/** The key from the core's shares: the asked group's (or one of its targets') %, to 2 places. */
function keyFrom(p: Params, shares: readonly WeightedTargetGroupShare[]): number {
  const s = shares[p.ask];
  return round2((p.per === 'group' ? s?.groupPercent : s?.perTargetPercent) ?? 0);
}

function mistakesFor(p: Params, shares: readonly WeightedTargetGroupShare[]): NumberMistake[] {
  const g = p.groups[p.ask] as WeightedTargetGroup & { name: string };
  const sum = p.groups.reduce((a, x) => a + x.weight, 0);
  const allTargets = p.groups.reduce((a, x) => a + x.targets, 0);
  const share = shares[p.ask]?.groupPercent ?? 0;
  const sh = round2(share);
  const n = p.groups.length;
  const out: NumberMistake[] = [];
  if (p.per === 'target') {
    out.push({
      value: share,
      name: "answered the group's share instead of one target's",
      feedback: `${g.name} as a whole receives ${sh} % (${g.weight}/${sum}); each of its ${g.targets} targets gets ${sh} % ÷ ${g.targets}.`,
    });
    out.push({
      value: 100 / allTargets,
      name: 'spread the requests evenly over all targets',
      feedback: `The weights decide how requests are split between the groups; only inside ${g.name} are they spread evenly over its ${g.targets} targets.`,
    });
    const perTargetWeights = p.groups.reduce((a, x) => a + x.weight * x.targets, 0);
    out.push({
      value: (100 * g.weight) / perTargetWeights,
      name: 'treated the weight as a per-target weight',
      feedback: `A weight applies to the whole target group, not to each target: ${g.name} gets ${g.weight}/${sum} of the requests however many targets it has.`,
    });
    out.push({
      value: g.weight / g.targets,
      name: 'used the weight as a percentage',
      feedback: `Weights are relative: the group's share is its weight divided by the sum of all weights (${sum}), not the weight itself.`,
    });
    out.push({
      value: 100 / g.targets,
      name: 'forgot the other groups take a share',
      feedback: `${g.name} receives only ${sh} % of the requests (${g.weight}/${sum}), not all of them; its ${g.targets} targets share that.`,
    });
    out.push({
      value: 100 / n / g.targets,
      name: 'ignored the weights',
      feedback: `Splitting evenly over the ${n} groups ignores the weights: ${g.name} gets ${g.weight}/${sum} of the requests.`,
    });
  } else {
    out.push({
      value: g.weight,
      name: 'used the weight as a percentage',
      feedback: `Weights are relative: the share is ${g.weight} / ${sum} (the sum of all weights), not ${g.weight} %.`,
    });
    out.push({
      value: 100 / n,
      name: 'ignored the weights',
      feedback: `An even split over the ${n} groups ignores the weights: ${g.name} gets ${g.weight}/${sum} of the requests.`,
    });
    out.push({
      value: (100 * g.targets) / allTargets,
      name: 'split by number of targets',
      feedback: `The number of targets does not change a group's share; only the weights do: ${g.weight}/${sum}.`,
    });
    if (g.targets > 1) {
      out.push({
        value: share / g.targets,
        name: "answered one target's share instead of the group's",
        feedback: `${sh} % ÷ ${g.targets} is what each of ${g.name}'s targets gets; the question asks for the whole group: ${g.weight}/${sum}.`,
      });
    }
    const perTargetWeights = p.groups.reduce((a, x) => a + x.weight * x.targets, 0);
    out.push({
      value: (100 * g.weight * g.targets) / perTargetWeights,
      name: 'treated the weight as a per-target weight',
      feedback: `A weight applies to the whole target group, not to each of its targets: ${g.name} gets ${g.weight}/${sum} however many targets it has.`,
    });
    const others = sum - g.weight;
    if (others > 0) {
      out.push({
        value: (100 * g.weight) / others,
        name: "divided by the other groups' weights only",
        feedback: `The denominator is the sum of ALL weights, including ${g.name}'s own: ${sum}, not ${others}.`,
      });
      out.push({
        value: (100 * others) / sum,
        name: 'gave the other groups’ share',
        feedback: `${others}/${sum} ${n === 2 ? 'is what the other group receives' : 'is what the other groups receive'}; ${g.name} gets ${g.weight}/${sum}.`,
      });
    }
  }
  // A share above 100 % gives itself away.
  return out.filter((m) => m.value <= 100);
}

export const weightedTargetGroups = defineGenerator<Params>({
  id: 'weighted-target-groups',
  version: 1,
  topic: 'elb',
  title: 'Weighted target groups in an ALB forward action',
  kinds: ['number', 'single'],
  solve: keyOf,
  build(rng): QuestionBody {
    const p = drawParams(rng);
    const g = p.groups[p.ask] as Params['groups'][number];
    const explained = explainWeightedTargetGroupShares(p.groups);
    const answer = keyFrom(p, explained.result);
    let table = '| Target group | Weight | Registered targets |\n|---|---|---|';
    for (const x of p.groups) table += `\n| ${x.name} | ${x.weight} | ${x.targets} |`;
    const question =
      p.per === 'group'
        ? `What percentage of the requests matching this rule goes to **${g.name}**?`
        : `What percentage of the requests matching this rule does **one target** in **${g.name}** receive? (Requests are spread evenly over a group's targets.)`;
    const candidates = mistakesFor(p, explained.result);
    const asNumber = rng.chance(0.5);
    const distractors = asNumber ? [] : numberDistractors(candidates);
    // Rarely (2 seeds in 2 million, e.g. 838367) the named mistakes all land on the key's value or
    // on one other, leaving fewer than the 3 choices a choice question needs: the number is asked then.
    const kind = asNumber || uniqueDistractors([String(answer)], distractors, 2).length < 2 ? 'number' : 'single';
    const prompt =
      `An Application Load Balancer listener rule has a forward action with weighted target groups:\n\n${table}\n\n${question}` +
      (kind === 'number' ? ' Give the percentage to two decimal places.' : ' (Choices in %, rounded to two decimal places.)');
    const sum = p.groups.reduce((a, x) => a + x.weight, 0);
    const summary =
      `**${answer} %.** A weighted forward action sends each group its weight divided by the sum of the weights (${g.weight}/${sum})` +
      (p.per === 'target' ? `, and ${g.name} spreads its share over its ${g.targets} target${g.targets === 1 ? '' : 's'}.` : '.');
    const explanation = { summary, steps: explained.steps, lesson: LESSON };
    const params = { groups: p.groups, ask: p.ask, per: p.per };
    const difficulty = p.per === 'target' ? 2 : 1;
    if (kind === 'number') {
      return {
        difficulty, kind, prompt, params, answer, tolerance: PERCENT_TOLERANCE, unit: '%', explanation, expectedSeconds: 50,
        mistakes: numberMistakes(answer, PERCENT_TOLERANCE, candidates),
      };
    }
    const built = singleChoice(rng, String(answer), distractors);
    return { difficulty, kind, prompt, params, ...built, explanation, expectedSeconds: 40 };
  },
});
