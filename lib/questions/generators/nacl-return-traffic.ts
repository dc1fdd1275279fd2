/**
 * nacl-return-traffic — NACLs are stateless, so the reply of an allowed connection needs its own
 * rules on the client's ephemeral ports (facts rows 49, 50, 54). Which rule the reply needs, which
 * rules a whole connection needs, and which port the reply goes to, through `naclRulesNeeded`.
 */
import { explainNaclRulesNeeded, naclRulesNeeded, type Flow, type NaclRuleNeeded } from '../../calc/flows';
import { defineGenerator, type QuestionBody } from '../define';
import { multipleChoice, singleChoice, type Distractor } from '../choices';
import type { Rng } from '../rng';
import { portRangeText, protocolText } from './traffic-text';

type Place = NaclRuleNeeded['place'];
type Params = {
  variant: 'reply-rule' | 'all-rules' | 'reply-port';
  protocol: 'tcp' | 'udp';
  port: number;
  service: string;
  client: { address: string; inVpc: boolean };
  server: { address: string };
  /** The client's source port range (reply-rule, all-rules) … */
  ephemeral: { from: number; to: number };
  /** … or its one source port (reply-port; otherwise null). */
  clientPort: number | null;
  /** reply-rule: the NACL asked about. */
  place: Place | null;
};

const LESSON = '/lessons/nacls';

const SERVICES = [
  { service: 'HTTPS', protocol: 'tcp', port: 443 },
  { service: 'HTTP', protocol: 'tcp', port: 80 },
  { service: 'SSH', protocol: 'tcp', port: 22 },
  { service: 'PostgreSQL', protocol: 'tcp', port: 5432 },
  { service: 'MySQL', protocol: 'tcp', port: 3306 },
  { service: 'RDP', protocol: 'tcp', port: 3389 },
  { service: 'an API on port 8443', protocol: 'tcp', port: 8443 },
  { service: 'DNS', protocol: 'udp', port: 53 },
  { service: 'NTP', protocol: 'udp', port: 123 },
] as const;

/** Client source-port ranges; the first is the range AWS's NACL examples use (facts row 50). */
const EPHEMERAL = [
  { from: 32768, to: 65535 },
  { from: 32768, to: 65535 },
  { from: 49152, to: 65535 },
  { from: 32768, to: 60999 },
  { from: 1024, to: 65535 },
] as const;

const PLACE_TEXT: Record<Place, string> = {
  'client-nacl-outbound': "Client subnet's NACL, outbound",
  'server-nacl-inbound': "Server subnet's NACL, inbound",
  'server-nacl-outbound': "Server subnet's NACL, outbound",
  'client-nacl-inbound': "Client subnet's NACL, inbound",
};

function isOutbound(place: Place): boolean {
  return place.endsWith('outbound');
}

/** The rule as the student reads it; `withPlace` prefixes the NACL and direction. */
function ruleText(n: NaclRuleNeeded, withPlace: boolean): string {
  const r = n.rule;
  const peer = `${isOutbound(n.place) ? 'to' : 'from'} ${r.cidr}`;
  const body = `ALLOW ${protocolText(r.protocol)} ${portRangeText(r.protocol, r.fromPort, r.toPort)} ${peer}`;
  return withPlace ? `${PLACE_TEXT[n.place]}: ${body}` : `${isOutbound(n.place) ? 'Outbound' : 'Inbound'} rule: ${body}`;
}

function flowOf(p: Params): Flow {
  const nacl = { inbound: [], outbound: [] };
  return {
    client: p.client.inVpc ? { address: p.client.address, nacl, subnet: 'client' } : { address: p.client.address },
    server: { address: p.server.address, nacl, subnet: 'server' },
    protocol: p.protocol,
    port: p.port,
    ...(p.clientPort === null ? { ephemeralPorts: p.ephemeral } : { clientPort: p.clientPort }),
  };
}

function drawParams(rng: Rng): Params {
  const s = rng.pick(SERVICES);
  const inVpc = rng.chance(0.6);
  const third = rng.int(0, 200);
  const client = inVpc ? `10.0.${third}.${rng.int(4, 250)}` : `${rng.pick(['203.0.113', '198.51.100', '192.0.2'])}.${rng.int(1, 254)}`;
  const server = `10.0.${third + rng.int(1, 50)}.${rng.int(4, 250)}`;
  const variant = rng.pick(['reply-rule', 'reply-rule', 'all-rules', 'all-rules', 'reply-port'] as const);
  const place: Place | null = variant !== 'reply-rule' ? null : inVpc && rng.chance(0.4) ? 'client-nacl-inbound' : 'server-nacl-outbound';
  return {
    variant,
    protocol: s.protocol,
    port: s.port,
    service: s.service,
    client: { address: client, inVpc },
    server: { address: server },
    ephemeral: { ...rng.pick(EPHEMERAL) },
    clientPort: variant === 'reply-port' ? rng.int(32768, 60999) : null,
    place,
  };
}

function scenario(p: Params): string {
  const where = p.client.inVpc ? `an instance at \`${p.client.address}\` in another subnet of the VPC` : `a client on the internet at \`${p.client.address}\``;
  const nacls = p.client.inVpc ? 'Both subnets use custom network ACLs' : "The server's subnet uses a custom network ACL";
  const ports = p.clientPort === null ? `The client uses source ports ${p.ephemeral.from}–${p.ephemeral.to}.` : `This client connects from source port **${p.clientPort}**.`;
  return `A server at \`${p.server.address}\` offers ${p.service} (${protocolText(p.protocol)} ${p.port}) to ${where}. ${nacls}, and the security groups allow the traffic. ${ports}`;
}

/** A rule's text with other ports (and maybe another place). */
function withPorts(r: NaclRuleNeeded['rule'], fromPort: number, toPort: number, place: Place): string {
  return ruleText({ place, rule: { ...r, fromPort, toPort } }, false);
}

function replyRuleDistractors(n: NaclRuleNeeded, p: Params): Distractor[] {
  const r = n.rule;
  const other: Place = n.place === 'server-nacl-outbound' ? 'server-nacl-inbound' : 'client-nacl-outbound';
  return [
    {
      text: 'None: the NACL lets the replies of an allowed request back automatically',
      mistake: 'forgot return traffic (thought NACLs are stateful)',
      feedback: 'That is how security groups behave. NACLs are stateless: the reply is a separate packet, and it needs its own allow rule in this direction.',
    },
    {
      text: withPorts(r, p.port, p.port, n.place),
      mistake: 'used the server port for the return traffic',
      feedback: `The reply comes FROM port ${p.port} but goes TO the client's source port, ${p.ephemeral.from}–${p.ephemeral.to}; a NACL rule's port range is the destination port.`,
    },
    {
      text: withPorts(r, p.ephemeral.from, p.ephemeral.to, other),
      mistake: 'put the reply rule in the wrong direction',
      feedback: `The reply ${n.place === 'server-nacl-outbound' ? "LEAVES the server's subnet, so it needs an outbound rule" : "ENTERS the client's subnet, so it needs an inbound rule"}.`,
    },
    {
      text: withPorts(r, 0, 65535, n.place),
      mistake: 'allowed all ports',
      feedback: `Allowing every port works, but opens far more than needed: the replies only go to the client's ephemeral ports, ${p.ephemeral.from}–${p.ephemeral.to}.`,
    },
  ];
}

function allRulesDistractors(needed: NaclRuleNeeded[], p: Params): Distractor[] {
  const out: Distractor[] = [];
  for (const n of needed) {
    const r = n.rule;
    const isReply = n.place === 'server-nacl-outbound' || n.place === 'client-nacl-inbound';
    if (isReply) {
      out.push({
        text: ruleText({ place: n.place, rule: { ...r, fromPort: p.port, toPort: p.port } }, true),
        mistake: 'used the server port for the return traffic',
        feedback: `The reply goes to the client's source port (${p.ephemeral.from}–${p.ephemeral.to}), not to port ${p.port}; a NACL rule's port range is the destination port.`,
      });
      out.push({
        text: ruleText({ place: n.place, rule: { ...r, fromPort: 0, toPort: 65535 } }, true),
        mistake: 'allowed all ports',
        feedback: `All ports would work but open far more than needed; the replies only use ${p.ephemeral.from}–${p.ephemeral.to}.`,
      });
    } else {
      const flipped: Place = n.place === 'server-nacl-inbound' ? 'server-nacl-outbound' : 'client-nacl-inbound';
      out.push({
        text: ruleText({ place: flipped, rule: { ...r } }, true),
        mistake: 'mirrored the request rule instead of allowing the reply ports',
        feedback: `The reply is not sent to port ${p.port}; it goes back to the client's ephemeral port (${p.ephemeral.from}–${p.ephemeral.to}).`,
      });
    }
  }
  return out;
}

export const naclReturnTraffic = defineGenerator<Params>({
  id: 'nacl-return-traffic',
  version: 1,
  topic: 'nacls',
  title: 'NACL rules for return traffic (stateless)',
  kinds: ['single', 'multiple', 'number'],
  solve(p) {
    const needed = naclRulesNeeded(flowOf(p));
    if (p.variant === 'all-rules') return needed.map((n) => ruleText(n, true));
    const place = p.variant === 'reply-port' ? 'server-nacl-outbound' : p.place;
    const n = needed.find((x) => x.place === place);
    if (p.variant === 'reply-port') return n?.rule.fromPort ?? -1;
    return n ? ruleText(n, false) : '';
  },
  build(rng): QuestionBody {
    const p = drawParams(rng);
    const explained = explainNaclRulesNeeded(flowOf(p));
    const needed = explained.result;
    const params = { ...p, client: { ...p.client }, server: { ...p.server }, ephemeral: { ...p.ephemeral } };
    const intro = scenario(p);
    const lessonSummary = 'NACLs are stateless: besides the request rules, the reply needs an outbound rule in the server subnet and an inbound rule in the client subnet, for the client\'s ephemeral ports.';
    if (p.variant === 'reply-port') {
      const n = needed.find((x) => x.place === 'server-nacl-outbound');
      const answer = n?.rule.fromPort ?? -1;
      const mistakes = [
        { match: p.port, name: 'used the server port for the return traffic', feedback: `The reply comes FROM port ${p.port}; its destination is the client's source port, ${answer}.` },
        ...(answer !== 32768 ? [{ match: 32768, name: 'gave the start of the ephemeral range', feedback: `32768 is where AWS's example ephemeral range starts, but this reply goes to the port the client actually used: ${answer}.` }] : []),
      ];
      return {
        difficulty: 1, kind: 'number',
        prompt: `${intro}\n\nThe server's reply leaves the server's subnet. Which **destination port** does the server subnet's outbound NACL rule have to allow for this reply?`,
        params, answer, mistakes,
        explanation: { summary: `**${answer}.** The reply goes back to the port the client sent from. ${lessonSummary}`, steps: explained.steps, lesson: LESSON },
        expectedSeconds: 30,
      };
    }
    if (p.variant === 'all-rules') {
      const keys = needed.map((n) => ruleText(n, true));
      const built = multipleChoice(rng, keys, allRulesDistractors(needed, p), keys.length + 3);
      return {
        difficulty: 3, kind: 'multiple',
        prompt: `${intro}\n\nWhich NACL rules does this connection need, opening no more than necessary? Choose all that apply.`,
        params, ...built,
        explanation: { summary: `${keys.length} rules: ${keys.map((k) => `*${k}*`).join('; ')}. ${lessonSummary}`, steps: explained.steps, lesson: LESSON },
        expectedSeconds: 90,
      };
    }
    const n = needed.find((x) => x.place === p.place) as NaclRuleNeeded;
    const key = ruleText(n, false);
    const where = p.place === 'server-nacl-outbound' ? "**server's** subnet" : "**client's** subnet";
    const built = singleChoice(rng, key, replyRuleDistractors(n, p));
    return {
      difficulty: 2, kind: 'single',
      prompt: `${intro} The requests already reach the server.\n\nWhich rule must you add to the NACL of the ${where} so the replies get back to the client, opening no more than necessary?`,
      params, ...built,
      explanation: { summary: `**${key}.** ${lessonSummary}`, steps: explained.steps, lesson: LESSON },
      expectedSeconds: 60,
    };
  },
});
