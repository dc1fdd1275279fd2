/**
 * route-table-validity — which routes AWS accepts in a VPC route table (facts rows 60, 61, 66):
 * an egress-only internet gateway carries IPv6 only; a route more specific than the local route
 * must go to a NAT gateway, network interface or Gateway Load Balancer endpoint and match a whole
 * subnet; one route per destination.
 */
import { validateRouteAdditions, type Route } from '../../calc/routing';
import { defineGenerator, type QuestionBody } from '../define';
import { multipleChoice, type Distractor } from '../choices';
import { randomIpv6Vpc, route, routeTableMarkdown, tableParams, targetLabel } from './network-scenario';

type TableJson = ReturnType<typeof tableParams>;
interface Params {
  vpcCidrs: string[];
  subnetCidrs: string[];
  table: TableJson;
  candidates: { text: string; destination: string; target: Route['target']; targetId: string }[];
}

const LESSON = '/lessons/routing';

function routeText(r: Route): string {
  return `${r.destination} → ${targetLabel(r)}`;
}

/**
 * Problems AWS reports for the table with each candidate route added on its own (none = accepted),
 * index for index: the core checks the table and the VPC's blocks once for all candidates.
 */
function problemsWith(p: { vpcCidrs: string[]; subnetCidrs: string[]; table: TableJson }, candidates: readonly Route[]): string[][] {
  return validateRouteAdditions({ routes: p.table.routes }, { vpcCidrs: p.vpcCidrs, subnetCidrs: p.subnetCidrs }, candidates);
}

export const routeTableValidity = defineGenerator<Params>({
  id: 'route-table-validity',
  version: 1,
  topic: 'routing',
  title: 'Which routes can you add to a route table?',
  kinds: ['multiple'],
  solve(p) {
    const problems = problemsWith(p, p.candidates);
    return p.candidates.filter((_, i) => (problems[i] as string[]).length === 0).map((c) => c.text);
  },
  build(rng): QuestionBody {
    const x = rng.int(0, 255);
    const [a = 1, b = 2] = rng.sample([1, 2, 3, 4, 10, 11, 12, 20, 21, 64, 128, 200], 2);
    const vpc = `10.${x}.0.0/16`;
    const v6 = randomIpv6Vpc(rng);
    const appSubnet = `10.${x}.${a}.0/24`;
    const dataSubnet = `10.${x}.${b}.0/24`;
    const peer = `10.${(x + rng.int(1, 254)) % 256}.0.0/16`;
    const defaultTarget = rng.pick(['igw', 'nat'] as const);
    const base: Route[] = [route(rng, vpc, 'local'), route(rng, v6, 'local'), route(rng, '0.0.0.0/0', defaultTarget)];
    const table = tableParams({ routes: base });
    const ctx = { vpcCidrs: [vpc, v6], subnetCidrs: [appSubnet, dataSubnet], table };

    const valid: Route[] = [
      route(rng, '::/0', 'eigw'),
      route(rng, appSubnet, rng.pick(['eni', 'vpce', 'nat'] as const)),
      route(rng, rng.pick(['172.16.0.0/12', '192.168.0.0/16']), rng.pick(['vgw', 'tgw'] as const)),
      route(rng, peer, 'pcx'),
    ];
    const invalid: [Route, string][] = [
      [route(rng, '0.0.0.0/0', 'eigw'), 'thought an egress-only internet gateway carries IPv4'],
      [route(rng, dataSubnet, rng.pick(['tgw', 'igw', 'vgw', 'pcx'] as const)), 'thought any target can take a route more specific than local'],
      [route(rng, `10.${x}.${b}.128/25`, 'eni'), 'thought a route more specific than local can cover part of a subnet'],
      [route(rng, '0.0.0.0/0', defaultTarget === 'igw' ? 'nat' : 'igw'), 'thought a table can hold two routes to the same destination'],
    ];
    const nValid = rng.int(1, 3);
    const keys = rng.sample(valid, nValid);
    const wrong = rng.sample(invalid, 5 - nValid);
    // each offered route checked once by the core: its text, and what AWS reports
    const all = [...keys, ...wrong.map(([r]) => r)];
    const texts = all.map(routeText);
    const problems = problemsWith(ctx, all);
    const distractors: Distractor[] = wrong.map(([, mistake], i) => ({ text: texts[nValid + i] as string, mistake, feedback: (problems[nValid + i] as string[]).join(' ') }));
    const built = multipleChoice(rng, texts.slice(0, nValid), distractors, 5);
    const candidates = built.choices.map((ch) => {
      const at = texts.indexOf(ch.text);
      const r = all[at < 0 ? 0 : at];
      return { text: ch.text, destination: r?.destination ?? '', target: r?.target ?? 'local', targetId: r === undefined ? '' : targetLabel(r) };
    });
    const steps = all.map((r, i) => {
      const found = problems[i] as string[];
      return { text: `${texts[i] as string}: ${found.length === 0 ? 'accepted' : `rejected. ${found.join(' ')}`}`, values: { accepted: found.length === 0 } };
    });
    return {
      difficulty: 2,
      kind: 'multiple',
      prompt:
        `A VPC has the blocks \`${vpc}\` and \`${v6}\`, and the subnets \`${appSubnet}\` (app) and \`${dataSubnet}\` (data). ` +
        `A route table in it holds:\n\n${routeTableMarkdown({ routes: base })}\n\nWhich of these routes can be added to this table? Choose all that apply.`,
      params: { vpcCidrs: ctx.vpcCidrs, subnetCidrs: ctx.subnetCidrs, table: ctx.table, candidates },
      ...built,
      explanation: {
        summary: `Accepted: ${keys.map((r) => `\`${routeText(r)}\``).join(', ')}. An egress-only internet gateway carries IPv6 only; a route more specific than local must match a whole subnet and go to a NAT gateway, network interface or Gateway Load Balancer endpoint; one route per destination.`,
        steps,
        lesson: LESSON,
      },
      expectedSeconds: 90,
    };
  },
});
