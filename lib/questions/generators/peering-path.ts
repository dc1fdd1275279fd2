/**
 * peering-path — what a VPC can reach over peering: no transitive routing through a middle VPC
 * (facts row 140), no edge-to-edge routing through the peer's internet gateway, NAT gateway,
 * VPN, Direct Connect or gateway endpoint (row 141), but the peer's interface endpoints are
 * reachable (row 88).
 */
import { checkPeeringPath, explainCheckPeeringPath, type PeeringExit, type PeeringPath } from '../../calc/peering';
import { defineGenerator, type QuestionBody } from '../define';
import { multipleChoice, singleChoice, type Distractor } from '../choices';
import type { Rng } from '../rng';
import { resourceId } from './network-scenario';

interface PathJson {
  vpcs: string[];
  peerings: string[][];
  exit?: PeeringExit;
}
type Params = ({ variant: 'single' } & PathJson) | { variant: 'multiple'; peerings: string[][]; options: { text: string; vpcs: string[]; exit?: PeeringExit }[] };

const LESSON = '/lessons/peering';
const SECOND_OCTETS = [0, 1, 2, 3, 4, 5, 10, 20, 30, 40, 50, 100];
const NAMES = ['prod', 'dev', 'shared', 'analytics', 'security', 'data', 'legacy', 'partner'];
const EDGE_EXITS: PeeringExit[] = ['igw', 'nat', 'vpn', 'dx', 'gateway-endpoint'];
const ALL_EXITS: PeeringExit[] = [...EDGE_EXITS, 'interface-endpoint'];

const HAS: Record<PeeringExit, string> = {
  igw: 'an internet gateway',
  nat: 'a NAT gateway',
  vpn: 'a Site-to-Site VPN connection to the data center',
  dx: 'a Direct Connect private VIF to the data center',
  'gateway-endpoint': 'a gateway endpoint for Amazon S3',
  'interface-endpoint': 'an interface endpoint for AWS Systems Manager',
};
const REACH: Record<PeeringExit, string> = {
  igw: 'The internet, through {v}’s internet gateway',
  nat: 'The internet, through {v}’s NAT gateway',
  vpn: 'The data center, over {v}’s Site-to-Site VPN',
  dx: 'The data center, over {v}’s Direct Connect connection',
  'gateway-endpoint': 'Amazon S3, through {v}’s gateway endpoint',
  'interface-endpoint': 'AWS Systems Manager, through {v}’s interface endpoint',
};

function toPath(p: PathJson): PeeringPath {
  const peerings = p.peerings.map((x) => [x[0] ?? '', x[1] ?? ''] as [string, string]);
  return p.exit === undefined ? { vpcs: p.vpcs, peerings } : { vpcs: p.vpcs, peerings, exit: p.exit };
}

function reachText(exit: PeeringExit, vpc: string): string {
  return REACH[exit].replace('{v}', `\`${vpc}\``);
}

function mistakeFor(path: PathJson, possible: boolean, from: string, to: string): [string, string] {
  if (possible) {
    if (path.exit === 'interface-endpoint') return ["thought a peer's interface endpoint is off limits", `Interface endpoints are network interfaces with private IPs in ${to}, so ${from} can reach them over the peering connection; only gateways and gateway endpoints are edge-to-edge.`];
    return ['overlooked the direct peering connection', `${from} and ${to} are peered directly, so no transitive hop is needed.`];
  }
  if (path.exit !== undefined && path.exit !== 'interface-endpoint') {
    return ["assumed the peer's gateway can be used (edge-to-edge)", `Peering carries traffic only between the two VPCs' own addresses: ${from} cannot use ${to}'s ${HAS[path.exit].replace(/^an? /, '')} to go further.`];
  }
  return ['assumed transitive routing', `${from} is not peered with ${to}; peering is not transitive, so traffic cannot pass through the VPC in the middle. ${from} and ${to} need their own peering connection (or a transit gateway).`];
}

function listJoin(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

function drawNetwork(rng: Rng) {
  const [a = 'prod', b = 'shared', c = 'dev'] = rng.sample(NAMES, 3);
  const direct = rng.chance(0.25);
  const peerings: string[][] = [[a, b], [b, c], ...(direct ? [[a, c]] : [])];
  const exits = rng.sample(ALL_EXITS, rng.int(2, 4));
  const octets = rng.sample(SECOND_OCTETS, 3);
  const vpcTable = `| VPC | CIDR |\n|---|---|\n| \`${a}\` | \`10.${octets[0] ?? 0}.0.0/16\` |\n| \`${b}\` | \`10.${octets[1] ?? 0}.0.0/16\` |\n| \`${c}\` | \`10.${octets[2] ?? 0}.0.0/16\` |`;
  let pcxTable = '| Peering connection | Between |\n|---|---|';
  for (const p of peerings) pcxTable += `\n| \`${resourceId(rng, 'pcx')}\` | \`${p[0] ?? ''}\` ↔ \`${p[1] ?? ''}\` |`;
  const setup = `${vpcTable}\n\n${pcxTable}\n\n\`${b}\` also has ${listJoin(exits.map((e) => HAS[e]))}. Every route table has routes for all the peering connections shown, and security groups and network ACLs allow the traffic.`;
  return { a, b, c, peerings, exits, setup };
}

export const peeringPath = defineGenerator<Params>({
  id: 'peering-path',
  version: 1,
  topic: 'peering',
  title: 'What can a VPC reach over peering?',
  kinds: ['single', 'multiple'],
  solve(p) {
    if (p.variant === 'single') return checkPeeringPath(toPath(p)).possible ? 'Yes' : 'No';
    return p.options.filter((o) => checkPeeringPath(toPath({ vpcs: o.vpcs, peerings: p.peerings, ...(o.exit === undefined ? {} : { exit: o.exit }) })).possible).map((o) => o.text);
  },
  build(rng): QuestionBody {
    const { a, b, c, peerings, exits, setup } = drawNetwork(rng);
    const direct = peerings.length === 3;
    if (rng.chance(0.5)) {
      const transit = rng.chance(0.4);
      const exit = transit ? undefined : rng.pick(exits);
      const path: PathJson = exit === undefined ? { vpcs: direct ? [a, c] : [a, b, c], peerings } : { vpcs: [a, b], peerings, exit };
      const explained = explainCheckPeeringPath(toPath(path));
      const possible = explained.result.possible;
      const target = exit === undefined ? `an instance in \`${c}\`` : reachText(exit, b).replace(/^The /, 'the ');
      const [mistake, feedback] = mistakeFor(path, possible, `\`${a}\``, exit === undefined ? `\`${c}\`` : `\`${b}\``);
      const built = singleChoice(rng, possible ? 'Yes' : 'No', [{ text: possible ? 'No' : 'Yes', mistake, feedback }], 2, 2);
      return {
        difficulty: exit === 'interface-endpoint' || direct ? 2 : 1,
        kind: 'single',
        prompt: `${setup}\n\nCan an instance in \`${a}\` reach ${target}?`,
        params: { variant: 'single', ...path },
        ...built,
        explanation: {
          summary: possible ? `**Yes.** ${explained.steps.map((s) => s.text).join('. ')}.` : `**No.** ${explained.result.reasons.join(' ')}`,
          steps: explained.steps,
          lesson: LESSON,
        },
        expectedSeconds: 45,
      };
    }
    const candidates: PathJson[] = [
      { vpcs: [a, b], peerings },
      { vpcs: direct ? [a, c] : [a, b, c], peerings },
      ...exits.map((exit) => ({ vpcs: [a, b], peerings, exit })),
    ];
    const texts = candidates.map((p) => (p.exit !== undefined ? reachText(p.exit, b) : `Instances in \`${p.vpcs[p.vpcs.length - 1] ?? ''}\``));
    const keys: string[] = [];
    const distractors: Distractor[] = [];
    const steps = [];
    for (let i = 0; i < candidates.length; i++) {
      const p = candidates[i] as PathJson;
      const e = explainCheckPeeringPath(toPath(p));
      const text = texts[i] as string;
      steps.push({ text: `${text}: ${e.result.possible ? 'reachable' : 'not reachable'}. ${e.result.reasons.join(' ')}`.trim() });
      if (e.result.possible) keys.push(text);
      else {
        const to = p.exit === undefined ? `\`${c}\`` : `\`${b}\``;
        const [mistake, feedback] = mistakeFor(p, false, `\`${a}\``, to);
        distractors.push({ text, mistake, feedback });
      }
    }
    const built = multipleChoice(rng, keys, distractors, candidates.length);
    const options = built.choices.map((ch) => {
      const p = candidates[texts.indexOf(ch.text)];
      const o: { [key: string]: string | string[] } = { text: ch.text, vpcs: p?.vpcs ?? [] };
      if (p?.exit !== undefined) o.exit = p.exit;
      return o;
    });
    return {
      difficulty: 2,
      kind: 'multiple',
      prompt: `${setup}\n\nWhat can an instance in \`${a}\` reach? Choose all that apply.`,
      params: { variant: 'multiple', peerings, options },
      ...built,
      explanation: {
        summary: `From \`${a}\`: ${keys.join('; ')}. Peering is not transitive, and a peer's internet gateway, NAT gateway, VPN, Direct Connect and gateway endpoints cannot be used (no edge-to-edge routing); its interface endpoints can.`,
        steps,
        lesson: LESSON,
      },
      expectedSeconds: 90,
    };
  },
});
