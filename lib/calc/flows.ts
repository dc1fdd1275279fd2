/**
 * A connection's full round trip through the VPC firewalls: the client's security groups and
 * subnet NACL on the way out, the server's subnet NACL and security groups on the way in, and the
 * reply back through both NACLs on the client's ephemeral port. NACLs are stateless, so the reply
 * needs its own rules; security groups are stateful, so it does not (facts rows 41, 49, 50, 54).
 */
import { formatRange, type CidrRange } from './cidr';
import { describeInput } from './ip';
import { evaluateNacl, type Nacl, type NaclDecision, type NaclPacket, type NaclRule } from './nacl';
import { evaluateSecurityGroupsAt, type SecurityGroup, type SecurityGroupsMemo, type SgTraffic } from './security-groups';
import type { Explained, Step } from './steps';
import { checkAddress, checkList, checkObject, checkOneOf, checkPacketPort, checkPort, fail, upperName } from './traffic-guards';

/**
 * The ephemeral (reply) port range AWS's NACL examples use, 32768–65535 (facts row 50). The real
 * range depends on the client's operating system, so a flow may give its own.
 */
export const NACL_EPHEMERAL_PORTS_AWS_EXAMPLE: Readonly<PortRange> = Object.freeze({ from: 32_768, to: 65_535 });

export interface PortRange {
  from: number;
  to: number;
}

/** One end of a flow. Leave out `nacl` and `securityGroups` for an end outside the VPC (e.g. an internet client). */
export interface FlowEndpoint {
  address: string;
  /** The NACL of the end's subnet. */
  nacl?: Nacl;
  /** The security groups on the end's network interface. */
  securityGroups?: SecurityGroup[];
  /** The end's subnet, e.g. 'subnet-a': when both ends give the same subnet, no NACL is crossed (row 54). */
  subnet?: string;
}

export interface Flow {
  client: FlowEndpoint;
  server: FlowEndpoint;
  protocol: 'tcp' | 'udp' | 'icmp';
  /** The server's port (tcp/udp). */
  port?: number;
  /** The client's source port; when left out, every port of `ephemeralPorts` is considered. */
  clientPort?: number;
  /** The client's ephemeral port range; default 32768–65535, AWS's example (row 50). */
  ephemeralPorts?: PortRange;
}

/** The six places a flow can be dropped, in the order the packets meet them. */
export type FlowHop =
  | 'client-sg-outbound'
  | 'client-nacl-outbound'
  | 'server-nacl-inbound'
  | 'server-sg-inbound'
  | 'server-nacl-outbound'
  | 'client-nacl-inbound';

export const FLOW_HOPS: readonly FlowHop[] = [
  'client-sg-outbound',
  'client-nacl-outbound',
  'server-nacl-inbound',
  'server-sg-inbound',
  'server-nacl-outbound',
  'client-nacl-inbound',
];

export interface FlowResult {
  /** True when the request reaches the server and the reply reaches the client. */
  delivered: boolean;
  /** The first place that drops the traffic, or null. */
  droppedAt: FlowHop | null;
  /** The NACL rule that dropped it (a number or '*'), or null when delivered or dropped by a security group. */
  ruleNumber: number | '*' | null;
  /** The client port the drop happened for (tcp/udp), or null. */
  clientPort: number | null;
}

interface CheckedFlow {
  flow: Flow;
  protocol: Flow['protocol'];
  port: number;
  ports: PortRange | null;
  /** NACLs are crossed (false when both ends are in the same subnet). */
  crossesNacls: boolean;
  /** Each end's address, parsed once (as its one-address block). */
  clientHost: CidrRange;
  serverHost: CidrRange;
}

/** Check one end of a flow; returns its address parsed (the one-address block). */
function checkEndpoint(e: unknown, what: string): CidrRange {
  const ep = checkObject<FlowEndpoint>(e, what);
  if (typeof ep.address !== 'string') fail(`The ${what.toLowerCase()}'s address must be an IP address written as text, but got ${describeInput(ep.address)}.`);
  const host = checkAddress(ep.address, `The ${what.toLowerCase()}'s address`);
  if (ep.nacl !== undefined) {
    const n = checkObject<Nacl>(ep.nacl, `The ${what.toLowerCase()}'s NACL`);
    checkList<NaclRule>(n.inbound, `The ${what.toLowerCase()}'s NACL inbound rules`);
    checkList<NaclRule>(n.outbound, `The ${what.toLowerCase()}'s NACL outbound rules`);
  }
  if (ep.securityGroups !== undefined) {
    const groups = checkList<SecurityGroup>(ep.securityGroups, `The ${what.toLowerCase()}'s security groups`, 1);
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (typeof g !== 'object' || g === null || typeof g.id !== 'string') {
        fail(`Security group ${i + 1} of the ${what.toLowerCase()} must be an object with an id such as 'sg-0a1b2c', but got ${describeInput(g)}.`);
      }
    }
  }
  if (ep.subnet !== undefined && typeof ep.subnet !== 'string') fail(`The ${what.toLowerCase()}'s subnet must be a name written as text.`);
  return host;
}

const FLOW_PROTOCOLS: readonly Flow['protocol'][] = ['tcp', 'udp', 'icmp'];

function checkFlow(flow: unknown): CheckedFlow {
  const f = checkObject<Flow>(flow, 'The flow');
  const clientHost = checkEndpoint(f.client, 'Client');
  const serverHost = checkEndpoint(f.server, 'Server');
  const { client, server } = f;
  const protocol = f.protocol === 'tcp' || f.protocol === 'udp' || f.protocol === 'icmp' ? f.protocol : checkOneOf(f.protocol, "The flow's protocol", FLOW_PROTOCOLS);
  const port = checkPacketPort(protocol, f.port, 'The flow');
  let ports: PortRange | null = null;
  if (protocol !== 'icmp') {
    if (f.clientPort !== undefined) {
      const p = checkPort(f.clientPort, 'The client port');
      ports = { from: p, to: p };
    } else if (f.ephemeralPorts !== undefined) {
      const r = checkObject<PortRange>(f.ephemeralPorts, 'The ephemeral port range');
      const from = checkPort(r.from, "The ephemeral range's first port");
      const to = checkPort(r.to, "The ephemeral range's last port");
      if (from > to) fail(`The ephemeral range ${from}–${to} runs backwards.`);
      ports = { from, to };
    } else {
      ports = { from: NACL_EPHEMERAL_PORTS_AWS_EXAMPLE.from, to: NACL_EPHEMERAL_PORTS_AWS_EXAMPLE.to };
    }
  } else if (f.clientPort !== undefined || f.ephemeralPorts !== undefined) {
    fail('ICMP has no ports, so an ICMP flow has no client port or ephemeral range.');
  }
  const crossesNacls = !(client.subnet !== undefined && client.subnet === server.subnet);
  return { flow: f, protocol, port, ports, crossesNacls, clientHost, serverHost };
}

/**
 * Client ports at which a NACL verdict can change within `range`: its first port and every rule
 * boundary inside it. Checking these finds any port of the range that would be dropped.
 */
function boundaryPorts(range: PortRange, nacls: (NaclRule[] | undefined)[]): number[] {
  const set = new Set<number>([range.from]);
  for (const rules of nacls) {
    if (rules === undefined) continue;
    for (const r of rules) {
      if (typeof r !== 'object' || r === null) continue;
      for (const edge of [r.fromPort, typeof r.toPort === 'number' ? r.toPort + 1 : undefined]) {
        if (typeof edge === 'number' && edge > range.from && edge <= range.to) set.add(edge);
      }
    }
  }
  return [...set].sort((a, b) => a - b);
}

type HopRecord = { hop: FlowHop; kind: 'sg' | 'nacl'; allowed: boolean; ruleNumber: number | '*' | null; clientPort: number | null };

/** The packet a NACL sees: `port` −1 means none (ICMP). */
function packetOf(protocol: Flow['protocol'], port: number, address: string): NaclPacket {
  return port >= 0 ? { protocol, port, address } : { protocol, address };
}

function groupIds(groups: SecurityGroup[] | undefined): string[] | undefined {
  if (groups === undefined) return undefined;
  const ids = new Array<string>(groups.length);
  for (let i = 0; i < groups.length; i++) ids[i] = (groups[i] as SecurityGroup).id;
  return ids;
}

function dropped(hop: FlowHop, ruleNumber: number | '*' | null, clientPort: number | null): FlowResult {
  return { delivered: false, droppedAt: hop, ruleNumber, clientPort };
}

/** One NACL hop: evaluate, tell `record` (explain only), return the decision. */
function naclHop(hop: FlowHop, rules: NaclRule[], packet: NaclPacket, clientPort: number | null, record?: (h: HopRecord) => void): NaclDecision {
  const d = evaluateNacl(rules, packet);
  if (record !== undefined) record({ hop, kind: 'nacl', allowed: d.action === 'allow', ruleNumber: d.ruleNumber, clientPort });
  return d;
}

/**
 * The one implementation of the round trip; `record` (explain only) sees every hop decision, and
 * `groups` (a batch of flows only) remembers the security group lists already checked.
 */
function runFlow(c: CheckedFlow, record?: (h: HopRecord) => void, groups?: SecurityGroupsMemo): FlowResult {
  const { flow, protocol, port } = c;
  const { client, server } = flow;
  const port1 = port >= 0 ? port : undefined;

  if (client.securityGroups !== undefined) {
    const traffic: SgTraffic = { direction: 'outbound', protocol, port: port1, address: server.address, remoteGroupIds: groupIds(server.securityGroups) };
    const d = evaluateSecurityGroupsAt(client.securityGroups, traffic, c.serverHost, groups);
    if (record !== undefined) record({ hop: 'client-sg-outbound', kind: 'sg', allowed: d.allowed, ruleNumber: null, clientPort: null });
    if (!d.allowed) return dropped('client-sg-outbound', null, null);
  }
  if (c.crossesNacls && client.nacl !== undefined) {
    const d = naclHop('client-nacl-outbound', client.nacl.outbound, packetOf(protocol, port, server.address), null, record);
    if (d.action === 'deny') return dropped('client-nacl-outbound', d.ruleNumber, null);
  }
  if (c.crossesNacls && server.nacl !== undefined) {
    const d = naclHop('server-nacl-inbound', server.nacl.inbound, packetOf(protocol, port, client.address), null, record);
    if (d.action === 'deny') return dropped('server-nacl-inbound', d.ruleNumber, null);
  }
  if (server.securityGroups !== undefined) {
    const traffic: SgTraffic = { direction: 'inbound', protocol, port: port1, address: client.address, remoteGroupIds: groupIds(client.securityGroups) };
    const d = evaluateSecurityGroupsAt(server.securityGroups, traffic, c.clientHost, groups);
    if (record !== undefined) record({ hop: 'server-sg-inbound', kind: 'sg', allowed: d.allowed, ruleNumber: null, clientPort: null });
    if (!d.allowed) return dropped('server-sg-inbound', null, null);
  }
  // The reply: security groups let it through (stateful); each NACL on the way needs a rule.
  if (c.crossesNacls && (server.nacl !== undefined || client.nacl !== undefined)) {
    const clientPorts = c.ports === null ? [-1] : boundaryPorts(c.ports, [server.nacl?.outbound, client.nacl?.inbound]);
    for (const cp of clientPorts) {
      const shown = cp >= 0 ? cp : null;
      if (server.nacl !== undefined) {
        const d = naclHop('server-nacl-outbound', server.nacl.outbound, packetOf(protocol, cp, client.address), shown, record);
        if (d.action === 'deny') return dropped('server-nacl-outbound', d.ruleNumber, shown);
      }
      if (client.nacl !== undefined) {
        const d = naclHop('client-nacl-inbound', client.nacl.inbound, packetOf(protocol, cp, server.address), shown, record);
        if (d.action === 'deny') return dropped('client-nacl-inbound', d.ruleNumber, shown);
      }
    }
  }
  return { delivered: true, droppedAt: null, ruleNumber: null, clientPort: null };
}

/**
 * Follow a connection client → server and the reply back (facts rows 41, 49, 50, 54): client
 * security groups (outbound), client subnet NACL (outbound), server subnet NACL (inbound), server
 * security groups (inbound); then the reply, which the stateful security groups allow
 * automatically but the stateless NACLs must allow again: server NACL outbound and client NACL
 * inbound, on the client's port. Without `clientPort`, every port of the ephemeral range is
 * considered (default 32768–65535). NACLs are skipped when both ends are in the same subnet.
 * Returns the first place the traffic is dropped.
 */
export function evaluateFlow(flow: Flow): FlowResult {
  return runFlow(checkFlow(flow));
}

const HOP_TEXT: Record<FlowHop, string> = {
  'client-sg-outbound': "Request leaves the client: the client's security groups, outbound rules",
  'client-nacl-outbound': "Request leaves the client's subnet: its NACL, outbound rules",
  'server-nacl-inbound': "Request enters the server's subnet: its NACL, inbound rules",
  'server-sg-inbound': "Request reaches the server: the server's security groups, inbound rules",
  'server-nacl-outbound': "Reply leaves the server's subnet: its NACL, outbound rules",
  'client-nacl-inbound': "Reply enters the client's subnet: its NACL, inbound rules",
};

/** `evaluateFlow` with one step per place the traffic meets, and the stateful/stateless reasoning. */
export function explainEvaluateFlow(flow: Flow): Explained<FlowResult> {
  return explainChecked(checkFlow(flow));
}

/**
 * `explainEvaluateFlow` of each flow, index for index, for flows that share security group lists
 * (e.g. several clients of one server, each flow given the same `securityGroups` array): a shared
 * list is checked once for the batch. The flows must not change while this runs.
 */
export function explainEvaluateFlows(flows: readonly Flow[]): Explained<FlowResult>[] {
  const groups: SecurityGroupsMemo = new Map();
  return flows.map((f) => explainChecked(checkFlow(f), groups));
}

function explainChecked(c: CheckedFlow, groups?: SecurityGroupsMemo): Explained<FlowResult> {
  const steps: Step[] = [];
  const passed: FlowHop[] = [];
  const result = runFlow(c, (h) => recordStep(steps, passed, h), groups);
  if (!c.crossesNacls) steps.unshift({ text: 'Both ends are in the same subnet, so no NACL is crossed: NACLs filter traffic entering or leaving a subnet.' });
  if (result.delivered) {
    steps.push({
      text:
        'Delivered. The reply passed the security groups without any rule because they are stateful' +
        (c.crossesNacls ? '; the NACLs are stateless, so the reply needed its own rules for the client port range.' : '.'),
    });
  } else if (result.droppedAt === 'server-nacl-outbound' || result.droppedAt === 'client-nacl-inbound') {
    steps.push({ text: 'The reply was dropped: NACLs are stateless, so they need rules for the reply on the client\'s ephemeral ports, even though the request was allowed.' });
  }
  return { result, steps };
}

/** One step per hop decision: one line per hop for the ports that pass (`passed` remembers them), every drop. */
function recordStep(steps: Step[], passed: FlowHop[], h: HopRecord): void {
  if (h.allowed) {
    if (passed.includes(h.hop)) return;
    passed.push(h.hop);
  }
  const rule = h.kind === 'nacl' ? (h.ruleNumber === '*' ? " (the final '*' rule)" : ` (rule ${h.ruleNumber})`) : '';
  const port = h.clientPort !== null ? ` for client port ${h.clientPort}` : '';
  steps.push({
    text: `${HOP_TEXT[h.hop]}${port}: ${h.allowed ? 'allowed' : 'DROPPED'}${rule}.`,
    values: { hop: h.hop, allowed: h.allowed },
  });
}

/** A NACL rule a flow needs, without its number (any free number that no earlier deny overrides will do). */
export interface NaclRuleNeeded {
  place: 'client-nacl-outbound' | 'server-nacl-inbound' | 'server-nacl-outbound' | 'client-nacl-inbound';
  rule: Omit<NaclRule, 'ruleNumber'>;
}

/**
 * The four NACL allow rules a flow needs (facts rows 49–50): the client subnet's outbound and the
 * server subnet's inbound rules for the server port, and — because NACLs are stateless — the
 * server subnet's outbound and the client subnet's inbound rules for the client's ephemeral
 * ports (default 32768–65535). Each names the other end as a /32 (or /128). Ends outside the VPC
 * and same-subnet flows need fewer (none when both ends share a subnet).
 */
export function naclRulesNeeded(flow: Flow): NaclRuleNeeded[] {
  const c = checkFlow(flow);
  if (!c.crossesNacls) return [];
  const { client, server } = c.flow;
  const p = c.protocol;
  const toServer = c.port >= 0 ? { fromPort: c.port, toPort: c.port } : {};
  const toClient = c.ports !== null ? { fromPort: c.ports.from, toPort: c.ports.to } : {};
  // each end as a /32 (or /128), from the addresses checkFlow parsed
  const clientCidr = formatRange(c.clientHost);
  const serverCidr = formatRange(c.serverHost);
  const out: NaclRuleNeeded[] = [];
  if (client.nacl !== undefined) out.push({ place: 'client-nacl-outbound', rule: { action: 'allow', protocol: p, ...toServer, cidr: serverCidr } });
  if (server.nacl !== undefined) {
    out.push({ place: 'server-nacl-inbound', rule: { action: 'allow', protocol: p, ...toServer, cidr: clientCidr } });
    out.push({ place: 'server-nacl-outbound', rule: { action: 'allow', protocol: p, ...toClient, cidr: clientCidr } });
  }
  if (client.nacl !== undefined) out.push({ place: 'client-nacl-inbound', rule: { action: 'allow', protocol: p, ...toClient, cidr: serverCidr } });
  return out;
}

/** `naclRulesNeeded` with why each rule is needed. */
export function explainNaclRulesNeeded(flow: Flow): Explained<NaclRuleNeeded[]> {
  const result = naclRulesNeeded(flow);
  const steps: Step[] = [];
  if (result.length === 0) {
    steps.push({ text: 'No NACL rules are needed: the traffic never leaves a subnet that has a NACL in this flow.' });
  }
  const why: Record<NaclRuleNeeded['place'], string> = {
    'client-nacl-outbound': "the request leaves the client's subnet",
    'server-nacl-inbound': "the request enters the server's subnet",
    'server-nacl-outbound': "the reply leaves the server's subnet — NACLs are stateless, so the reply needs its own rule",
    'client-nacl-inbound': "the reply enters the client's subnet on the client's ephemeral port",
  };
  for (const n of result) {
    const r = n.rule;
    const ports = r.fromPort === undefined ? '' : r.fromPort === r.toPort ? ` port ${r.fromPort}` : ` ports ${r.fromPort}–${r.toPort}`;
    steps.push({ text: `${n.place}: ALLOW ${upperName(r.protocol)}${ports} for ${r.cidr}, because ${why[n.place]}.`, values: { place: n.place } });
  }
  return { result, steps };
}
