/**
 * endpoint-choice — gateway or interface endpoint for a set of requirements (facts section 10):
 * gateway endpoints serve only S3 and DynamoDB and only their own VPC, are free and take no
 * security groups; interface endpoints serve most services, are reachable over Direct Connect,
 * VPN, peering and transit gateways, take policies and security groups, and are billed.
 */
import { ENDPOINT_SERVICE_NAMES, endpointOptions, explainEndpointOptions, type EndpointClientLocation, type EndpointRequirements, type EndpointService, type EndpointType, type EndpointVerdict } from '../../calc/endpoints';
import { defineGenerator, type QuestionBody } from '../define';
import { singleChoice, type Distractor } from '../choices';

// A type alias, not an interface: it is then assignable to the question's JSON params as it is.
type Params = {
  service: EndpointService;
  clients: EndpointClientLocation[];
  endpointPolicy: boolean;
  securityGroups: boolean;
  defaultDnsName: boolean;
  noCharge: boolean;
};

const LESSON = '/lessons/endpoints';
type Option = 'gateway' | 'interface' | 'either' | 'neither';
const OPTION_TEXT: Record<Option, string> = {
  gateway: 'A gateway endpoint only',
  interface: 'An interface endpoint only',
  either: 'Either a gateway endpoint or an interface endpoint',
  neither: 'Neither endpoint type meets every requirement',
};
const OPTION_TYPES: Record<Option, EndpointType[]> = { gateway: ['gateway'], interface: ['interface'], either: ['gateway', 'interface'], neither: [] };
const OTHER_SERVICES: EndpointService[] = ['kinesis', 'elasticloadbalancing', 'ec2', 'ssm', 'servicecatalog', 'sns'];
const REMOTE: Record<Exclude<EndpointClientLocation, 'same-vpc'>, string> = {
  'on-premises-dx': 'Servers in the data center must reach the service through the endpoint over the existing Direct Connect private VIF.',
  'on-premises-vpn': 'Servers in a branch office must reach the service through the endpoint over the existing Site-to-Site VPN.',
  'peered-vpc': 'Instances in a second VPC, peered with this one, must use the same endpoint.',
  'transit-gateway': 'Instances in other VPCs attached to the same transit gateway must use the same endpoint.',
};

/** The keys of REMOTE and OPTION_TEXT, in their order, listed once. */
const REMOTE_LOCATIONS = Object.keys(REMOTE) as (keyof typeof REMOTE)[];
const OPTIONS = Object.keys(OPTION_TEXT) as Option[];

function optionOf(types: EndpointType[]): Option {
  if (types.length === 2) return 'either';
  if (types.length === 0) return 'neither';
  return types[0] === 'gateway' ? 'gateway' : 'interface';
}

function requirements(p: Params): EndpointRequirements {
  return { service: p.service, clients: p.clients, endpointPolicy: p.endpointPolicy, securityGroups: p.securityGroups, defaultDnsName: p.defaultDnsName, noCharge: p.noCharge };
}

/** The named mistake behind choosing `picked` when the types that work are `ok`. */
function mistakeFor(p: Params, picked: Option, ok: EndpointType[], reasons: Record<EndpointType, string>): [string, string] {
  const has = OPTION_TYPES[picked];
  const name = ENDPOINT_SERVICE_NAMES[p.service];
  const gatewayService = p.service === 's3' || p.service === 'dynamodb';
  const remote = p.clients.find((c) => c !== 'same-vpc');
  if (has.includes('gateway') && !ok.includes('gateway')) {
    if (!gatewayService) return ['thought gateway endpoints serve any service', reasons.gateway];
    if (remote === 'on-premises-dx' || remote === 'on-premises-vpn') return ['thought a gateway endpoint is reachable from on premises', reasons.gateway];
    if (remote === 'peered-vpc') return ['thought a gateway endpoint can be used over peering', reasons.gateway];
    if (remote === 'transit-gateway') return ['thought a gateway endpoint can be used through a transit gateway', reasons.gateway];
    return ['thought gateway endpoints take security groups', reasons.gateway];
  }
  if (has.includes('interface') && !ok.includes('interface')) return ['forgot that interface endpoints are billed', reasons.interface];
  if (!has.includes('interface') && ok.includes('interface')) {
    if (remote === 'on-premises-vpn') return ['thought interface endpoints cannot be reached over VPN', `Interface endpoints can be reached over both Direct Connect and Site-to-Site VPN, so an interface endpoint for ${name} works here.`];
    if (p.endpointPolicy && gatewayService) return ['thought interface endpoints do not support endpoint policies', `Interface endpoints take endpoint policies whenever the service supports them, and ${name} does.`];
    if (gatewayService) return ['forgot that S3 and DynamoDB have interface endpoints too', `${name} has an interface endpoint as well as a gateway endpoint.`];
    return ['overlooked the interface endpoint', `${name} has an interface endpoint, and it meets every requirement here.`];
  }
  if (p.endpointPolicy) return ['thought gateway endpoints do not support endpoint policies', `Gateway endpoints support endpoint policies, so a gateway endpoint for ${name} meets the requirements.`];
  if (p.defaultDnsName) return ["thought a gateway endpoint needs a new DNS name", `A gateway endpoint works through a prefix-list route, so clients keep ${name}'s normal DNS name.`];
  return ['overlooked the gateway endpoint', `${name} has a gateway endpoint, and it meets every requirement here.`];
}

/** Why an endpoint type falls short, in one line (empty when it meets every requirement). */
function reasonsOf(verdicts: readonly EndpointVerdict[], t: EndpointType): string {
  return verdicts.find((v) => v.type === t)?.reasons.join(' ') ?? '';
}

/** The verdict on one endpoint type, as a sentence of the summary. */
function verdictLine(verdicts: readonly EndpointVerdict[], t: EndpointType): string {
  const v = verdicts.find((x) => x.type === t);
  const label = t === 'gateway' ? 'Gateway endpoint' : 'Interface endpoint';
  return v?.ok ? `${label}: meets every requirement.` : `${label}: ${v?.reasons[0] ?? ''}`;
}

export const endpointChoice = defineGenerator<Params>({
  id: 'endpoint-choice',
  version: 1,
  topic: 'endpoints',
  title: 'Gateway or interface endpoint?',
  kinds: ['single'],
  solve(p) {
    return OPTION_TEXT[optionOf(endpointOptions(requirements(p)).types)];
  },
  build(rng): QuestionBody {
    const gatewayService = rng.chance(0.65);
    const service: EndpointService = gatewayService ? rng.pick(['s3', 'dynamodb'] as const) : rng.pick(OTHER_SERVICES);
    const remote = rng.chance(0.5) ? rng.pick(REMOTE_LOCATIONS) : null;
    const params: Params = {
      service,
      clients: remote === null ? ['same-vpc'] : ['same-vpc', remote],
      endpointPolicy: gatewayService && rng.chance(0.4),
      securityGroups: rng.chance(0.2),
      defaultDnsName: rng.chance(0.3),
      noCharge: rng.chance(remote === null ? 0.35 : 0.15),
    };
    const explained = explainEndpointOptions(requirements(params));
    const ok = explained.result.types;
    const key = optionOf(ok);
    const verdicts = explained.result.verdicts;
    const reasons: Record<EndpointType, string> = { gateway: reasonsOf(verdicts, 'gateway'), interface: reasonsOf(verdicts, 'interface') };
    const name = ENDPOINT_SERVICE_NAMES[service];
    const wants = [`Instances in private subnets of the VPC must reach ${name} without going over the internet.`];
    if (remote !== null) wants.push(REMOTE[remote]);
    if (params.endpointPolicy) wants.push(`An endpoint policy must limit which ${service === 's3' ? 'buckets' : 'tables'} can be reached through the endpoint.`);
    if (params.securityGroups) wants.push('The security team wants to control access to the endpoint with security groups.');
    if (params.defaultDnsName) wants.push(`Applications must keep using ${name}'s standard DNS name, with no code or configuration change.`);
    if (params.noCharge) wants.push('The endpoint itself must add no hourly or data-processing charge.');
    const distractors: Distractor[] = [];
    for (const o of OPTIONS) {
      if (o === key) continue;
      const [mistake, feedback] = mistakeFor(params, o, ok, reasons);
      distractors.push({ text: OPTION_TEXT[o], mistake, feedback });
    }
    const built = singleChoice(rng, OPTION_TEXT[key], distractors);
    const hard = key === 'neither' || remote !== null;
    return {
      difficulty: hard ? 3 : wants.length > 1 ? 2 : 1,
      kind: 'single',
      prompt: `A company is adding a VPC endpoint for ${name} in its VPC.\n\n- ${wants.join('\n- ')}\n\nWhich VPC endpoint type meets every requirement?`,
      params,
      ...built,
      explanation: { summary: `**${OPTION_TEXT[key]}.** ${verdictLine(verdicts, 'gateway')} ${verdictLine(verdicts, 'interface')}`, steps: explained.steps, lesson: LESSON },
      expectedSeconds: 45 + 10 * wants.length,
    };
  },
});
