/**
 * security-group-flow — stateful, allow-only security groups with rules that reference other
 * groups (facts rows 41, 42, 48): does a connection get through, and which clients can reach a
 * server, through `evaluateFlow` / `evaluateGroups`.
 */
import { cidrContains } from '../../calc/cidr';
import { evaluateFlow, explainEvaluateFlow, explainEvaluateFlows, type Flow, type FlowResult } from '../../calc/flows';
import type { Explained, Step } from '../../calc/steps';
import type { SgProtocol } from '../../calc/security-groups';
import { defineGenerator, type QuestionBody } from '../define';
import { multipleChoice, singleChoice, type Distractor } from '../choices';
import type { Rng } from '../rng';
import { portRangeText, protocolText } from './traffic-text';

/** Plain-data twins of the core's Rule and Group, so params stay JSON-typed. */
type Rule = { protocol: SgProtocol; fromPort?: number; toPort?: number; cidr?: string; groupId?: string };
type Group = { id: string; inbound: Rule[]; outbound: Rule[] };
type Endpoint = { address: string; groups: Group[] };
type Candidate = { address: string; groupIds: string[] };
type VerdictParams = { variant: 'verdict'; port: number; service: string; client: Endpoint; server: Endpoint; homes: Record<string, string> };
type WhichParams = { variant: 'which-clients'; port: number; service: string; server: Endpoint; candidates: Candidate[]; homes: Record<string, string> };
type Params = VerdictParams | WhichParams;

const LESSON = '/lessons/security-groups';
const ALL_OUT: Rule = { protocol: 'all', cidr: '0.0.0.0/0' };

const WORKS = 'Yes: the connection succeeds';
const NO_INBOUND = "No: the server's security group has no inbound rule that allows it";
const NO_OUTBOUND = "No: the client's security group has no outbound rule that allows it";
const NO_REPLY = "No: the server's security group has no outbound rule for the replies";

const SERVERS = [
  { id: 'sg-db', service: 'PostgreSQL', port: 5432 },
  { id: 'sg-db', service: 'MySQL', port: 3306 },
  { id: 'sg-app', service: 'the application API', port: 8080 },
  { id: 'sg-cache', service: 'Redis', port: 6379 },
  { id: 'sg-app', service: 'an internal HTTPS service', port: 443 },
] as const;
const CLIENT_GROUPS = ['sg-web', 'sg-lb', 'sg-batch', 'sg-bastion', 'sg-reports'] as const;

/** A host in a /24 written `a.b.c.0/24`: its first three numbers and a random last one. */
function hostIn(rng: Rng, cidr: string): string {
  return `${cidr.slice(0, cidr.lastIndexOf('.'))}.${rng.int(4, 250)}`;
}

const ONE_TO_SIXTY: readonly number[] = Array.from({ length: 60 }, (_, i) => i + 1);

/** Every group gets a home /24 in the VPC 10.<v>.0.0/16 (the story: where its instances usually run). */
function homesFor(rng: Rng, ids: readonly string[]): Record<string, string> {
  const v = rng.int(0, 250);
  const thirds = rng.sample(ONE_TO_SIXTY, ids.length);
  const homes: Record<string, string> = {};
  for (let i = 0; i < ids.length; i++) homes[ids[i] as string] = `10.${v}.${thirds[i] as number}.0/24`;
  return homes;
}

function flowOf(client: Endpoint, server: Endpoint, port: number): Flow {
  return { client: { address: client.address, securityGroups: client.groups }, server: { address: server.address, securityGroups: server.groups }, protocol: 'tcp', port };
}

function verdictText(r: FlowResult): string {
  if (r.delivered) return WORKS;
  return r.droppedAt === 'client-sg-outbound' ? NO_OUTBOUND : NO_INBOUND;
}

/** The same groups with every group-referencing rule read as its group's home subnet (the CIDR mix-up). */
function asCidrs(groups: Group[], homes: Record<string, string>): Group[] {
  const swap = (r: Rule): Rule => (r.groupId !== undefined ? { protocol: r.protocol, ...(r.fromPort !== undefined ? { fromPort: r.fromPort, toPort: r.toPort } : {}), cidr: homes[r.groupId] ?? '0.0.0.0/0' } : r);
  return groups.map((g) => ({ id: g.id, inbound: g.inbound.map(swap), outbound: g.outbound.map(swap) }));
}

/**
 * A verdict scenario with one clear answer: when the client's outbound rules drop the request,
 * the server's inbound rules would have let it in (otherwise two "No" answers would be right).
 */
function drawVerdict(rng: Rng): { p: VerdictParams; flow: Explained<FlowResult> } {
  for (;;) {
    const p = drawVerdictOnce(rng);
    const flow = explainEvaluateFlow(flowOf(p.client, p.server, p.port));
    if (flow.result.droppedAt !== 'client-sg-outbound') return { p, flow };
    const open = { ...p.client, groups: p.client.groups.map((g) => ({ ...g, outbound: [ALL_OUT] })) };
    if (evaluateFlow(flowOf(open, p.server, p.port)).delivered) return { p, flow };
  }
}

function drawVerdictOnce(rng: Rng): VerdictParams {
  const s = rng.pick(SERVERS);
  const [mine, other] = rng.sample(CLIENT_GROUPS, 2) as [string, string];
  const homes = homesFor(rng, [s.id, mine, other]);
  const main = rng.pick(['ref-client', 'ref-client', 'ref-other', 'ref-other', 'cidr-match', 'cidr-other', 'wrong-port'] as const);
  // ref-other: the client sits in the other group's subnet without carrying that group (the trap).
  const clientHome = main === 'ref-other' || (main === 'ref-client' && rng.chance(0.4)) ? (homes[other] as string) : (homes[mine] as string);
  const inbound: Rule[] = [];
  if (main === 'ref-client') inbound.push({ protocol: 'tcp', fromPort: s.port, toPort: s.port, groupId: mine });
  if (main === 'ref-other') inbound.push({ protocol: 'tcp', fromPort: s.port, toPort: s.port, groupId: other });
  if (main === 'cidr-match') inbound.push({ protocol: 'tcp', fromPort: s.port, toPort: s.port, cidr: clientHome });
  if (main === 'cidr-other') inbound.push({ protocol: 'tcp', fromPort: s.port, toPort: s.port, cidr: homes[other] as string });
  if (main === 'wrong-port') inbound.push({ protocol: 'tcp', fromPort: 22, toPort: 22, groupId: mine });
  if (rng.chance(0.5)) inbound.push({ protocol: 'tcp', fromPort: 22, toPort: 22, groupId: rng.pick(['sg-bastion', other]) });
  const clientOut = rng.int(1, 10);
  const outbound: Rule[] =
    clientOut <= 7 ? [ALL_OUT] : clientOut <= 8 ? [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' }] : [{ protocol: 'tcp', fromPort: s.port, toPort: s.port, groupId: s.id }];
  return {
    variant: 'verdict',
    port: s.port,
    service: s.service,
    client: { address: hostIn(rng, clientHome), groups: [{ id: mine, inbound: [], outbound }] },
    server: { address: hostIn(rng, homes[s.id] as string), groups: [{ id: s.id, inbound: rng.shuffle(inbound), outbound: rng.chance(0.5) ? [ALL_OUT] : [] }] },
    homes,
  };
}

function drawWhichClients(rng: Rng): WhichParams {
  const s = rng.pick(SERVERS);
  const [allowed, other, cidrGroup] = rng.sample(CLIENT_GROUPS, 3) as [string, string, string];
  const homes = homesFor(rng, [s.id, allowed, other, cidrGroup]);
  const inbound: Rule[] = [
    { protocol: 'tcp', fromPort: s.port, toPort: s.port, groupId: allowed },
    { protocol: 'tcp', fromPort: s.port, toPort: s.port, cidr: homes[cidrGroup] as string },
    { protocol: 'tcp', fromPort: 22, toPort: 22, groupId: other },
  ];
  const pool: Candidate[] = [
    { address: hostIn(rng, homes[allowed] as string), groupIds: [allowed] },
    { address: hostIn(rng, homes[other] as string), groupIds: [allowed] },
    { address: hostIn(rng, homes[allowed] as string), groupIds: [other] },
    { address: hostIn(rng, homes[cidrGroup] as string), groupIds: [cidrGroup] },
    { address: hostIn(rng, homes[other] as string), groupIds: [other] },
    { address: `${rng.pick(['172.31', '192.168'])}.${rng.int(0, 255)}.${rng.int(4, 250)}`, groupIds: [cidrGroup] },
  ];
  const candidates = rng.sample(pool, rng.int(4, 5));
  return {
    variant: 'which-clients',
    port: s.port,
    service: s.service,
    server: { address: hostIn(rng, homes[s.id] as string), groups: [{ id: s.id, inbound: rng.shuffle(inbound), outbound: [ALL_OUT] }] },
    candidates,
    homes,
  };
}

/** Name the likely mistake behind picking a client that is in fact dropped. */
function blockedMistake(c: Candidate, server: Group, port: number, homes: Record<string, string>): [string, string] {
  const g = c.groupIds.join(', ');
  const refs = server.inbound.filter((r) => r.groupId !== undefined);
  const lookalike = refs.find((r) => r.fromPort === port && cidrContains(homes[r.groupId as string] ?? '0.0.0.0/0', c.address));
  if (lookalike) {
    return [
      'confused a source security group with a CIDR',
      `${c.address} is in ${lookalike.groupId}'s usual subnet, but a rule whose source is ${lookalike.groupId} matches only interfaces that carry ${lookalike.groupId}; this one carries ${g}.`,
    ];
  }
  const otherPort = refs.find((r) => c.groupIds.includes(r.groupId as string));
  if (otherPort) return ['ignored the port range', `${server.id} allows ${g} only on port ${portRangeText(otherPort.protocol, otherPort.fromPort, otherPort.toPort)}, not on port ${port}.`];
  return ['thought security groups have deny rules (allow by default)', `No rule of ${server.id} allows ${c.address} (${g}) on port ${port}. Security groups have only allow rules: anything not allowed is dropped.`];
}

function candidateEndpoint(c: Candidate): Endpoint {
  return { address: c.address, groups: c.groupIds.map((id) => ({ id, inbound: [], outbound: [ALL_OUT] })) };
}

function candidateText(c: Candidate): string {
  return `${c.address} with ${c.groupIds.join(', ')}`;
}

/** The rules as a Markdown table (one string built row by row), or a note when there are none. */
function rulesTable(rules: Rule[], direction: 'inbound' | 'outbound'): string {
  if (rules.length === 0) return '*(no rules)*';
  let out = `| Protocol | Port range | ${direction === 'inbound' ? 'Source' : 'Destination'} |\n|---|---|---|`;
  for (const r of rules) {
    out += `\n| ${protocolText(r.protocol)} | ${portRangeText(r.protocol, r.fromPort, r.toPort)} | ${r.groupId !== undefined ? `${r.groupId} (security group)` : `\`${r.cidr}\``} |`;
  }
  return out;
}

function homesText(homes: Record<string, string>): string {
  let out = '';
  for (const id in homes) out += `${out === '' ? '' : ', '}${id} → \`${homes[id] as string}\``;
  return out;
}

function solveVerdict(p: Extract<Params, { variant: 'verdict' }>): string {
  return verdictText(evaluateFlow(flowOf(p.client, p.server, p.port)));
}

function solveWhich(p: Extract<Params, { variant: 'which-clients' }>): string[] {
  return p.candidates.filter((c) => evaluateFlow(flowOf(candidateEndpoint(c), p.server, p.port)).delivered).map(candidateText);
}

export const securityGroupFlow = defineGenerator<Params>({
  id: 'security-group-flow',
  version: 1,
  topic: 'security-groups',
  title: 'Security groups: stateful, allow-only, group references',
  kinds: ['single', 'multiple'],
  solve: (p) => (p.variant === 'verdict' ? solveVerdict(p) : solveWhich(p)),
  build(rng): QuestionBody {
    const verdict = rng.chance(0.6) ? drawVerdict(rng) : null;
    const p: Params = verdict !== null ? verdict.p : drawWhichClients(rng);
    const server = p.server.groups[0] as Group;
    const homes = `The groups' instances usually run in these subnets: ${homesText(p.homes)}.`;
    if (p.variant === 'which-clients') {
      // one explained flow per candidate: its result says who gets through, its steps explain it
      // (one batch, so the server's groups, shared by every flow, are checked once)
      const explained = explainEvaluateFlows(p.candidates.map((c) => flowOf(candidateEndpoint(c), p.server, p.port)));
      const texts = p.candidates.map(candidateText);
      const keys = texts.filter((_, i) => (explained[i] as Explained<FlowResult>).result.delivered);
      const distractors: Distractor[] = [];
      for (let i = 0; i < p.candidates.length; i++) {
        const c = p.candidates[i] as Candidate;
        const text = texts[i] as string;
        if (keys.includes(text)) continue;
        const [mistake, feedback] = blockedMistake(c, server, p.port, p.homes);
        distractors.push({ text, mistake, feedback });
      }
      const built = multipleChoice(rng, keys, distractors, p.candidates.length);
      // each candidate's heading, then its flow's steps (a plain loop: flatMap with spreads costs more than the rest of this block)
      const steps: Step[] = [];
      for (let i = 0; i < explained.length; i++) {
        steps.push({ text: `Client ${texts[i] as string}:` });
        for (const step of (explained[i] as Explained<FlowResult>).steps) steps.push(step);
      }
      return {
        difficulty: 3, kind: 'multiple',
        prompt:
          `A server at \`${p.server.address}\` runs ${p.service} (TCP ${p.port}) and carries only **${server.id}**, with these inbound rules:\n\n${rulesTable(server.inbound, 'inbound')}\n\n${homes} ` +
          `Every client's security groups allow all outbound traffic, and the NACLs allow everything.\n\nWhich of these clients can open a connection to the server on port ${p.port}? Choose all that apply.`,
        params: p, ...built,
        explanation: {
          summary: `${keys.length > 0 ? keys.map((k) => `*${k}*`).join(', ') : 'None'}. A rule whose source is a security group matches any interface carrying that group, wherever it runs, and nothing else; a CIDR rule matches by address. Security groups only allow: what no rule allows is dropped.`,
          steps, lesson: LESSON,
        },
        expectedSeconds: 100,
      };
    }
    const client = p.client.groups[0] as Group;
    const flow = (verdict as { flow: Explained<FlowResult> }).flow;
    const key = verdictText(flow.result);
    const confused = verdictText(evaluateFlow(flowOf({ ...p.client, groups: asCidrs(p.client.groups, p.homes) }, { ...p.server, groups: asCidrs(p.server.groups, p.homes) }, p.port)));
    const confusedD: Distractor | null =
      confused !== key && server.inbound.some((r) => r.groupId !== undefined)
        ? { text: confused, mistake: 'confused a source security group with a CIDR', feedback: `A rule whose source is a security group matches interfaces that carry that group, not the group's usual subnet: the client at ${p.client.address} carries ${client.id}.` }
        : null;
    const distractors: Distractor[] = [
      ...(confusedD ? [confusedD] : []),
      {
        text: NO_REPLY,
        mistake: 'thought return traffic needs an outbound rule',
        feedback: `Security groups are stateful: the replies of an allowed connection go out whatever ${server.id}'s outbound rules say${server.outbound.length === 0 ? ' (here it has none)' : ''}.`,
      },
      {
        text: WORKS,
        mistake: 'thought security groups have deny rules (allow by default)',
        feedback: `Security groups have only allow rules: nothing here denies the connection, but it is dropped because no rule allows it.`,
      },
      {
        text: NO_INBOUND,
        mistake: 'overlooked the rule that allows it',
        feedback: `${server.id} has an inbound rule that allows TCP ${p.port} from this client; see the worked steps.`,
      },
      {
        text: NO_OUTBOUND,
        mistake: "overlooked the client's outbound rules",
        feedback: `${client.id}'s outbound rules allow TCP ${p.port} to ${p.server.address}.`,
      },
    ];
    const built = singleChoice(rng, key, distractors);
    return {
      difficulty: 2, kind: 'single',
      prompt:
        `An instance at \`${p.client.address}\` carries only **${client.id}** and opens a connection (TCP ${p.port}) to ${p.service} on a server at \`${p.server.address}\`, which carries only **${server.id}**. ${homes} The NACLs allow everything.\n\n` +
        `**${client.id}** outbound rules:\n\n${rulesTable(client.outbound, 'outbound')}\n\n**${server.id}** inbound rules:\n\n${rulesTable(server.inbound, 'inbound')}\n\n**${server.id}** outbound rules:\n\n${rulesTable(server.outbound, 'outbound')}\n\nDoes the connection work?`,
      params: p, ...built,
      explanation: {
        summary: `**${key}.** Security groups are stateful and allow-only: the client's outbound rules and the server's inbound rules must allow the new connection; the replies need no rule. A group used as a source matches interfaces that carry it, wherever they run.`,
        steps: flow.steps, lesson: LESSON,
      },
      expectedSeconds: 75,
    };
  },
});
