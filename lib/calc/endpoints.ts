/**
 * VPC endpoints: which endpoint types (gateway, interface) meet a set of requirements — the
 * service, where the clients are, an endpoint policy, security groups, the service's normal DNS
 * name, no charge. Facts sheet section 10, rows 82–92.
 */
import { CalcError } from './errors';
import type { Explained, Step } from './steps';
import { describeInput } from './ip';

/** The two endpoint types a client service is reached through (GWLB endpoints carry inspection traffic, row 82). */
export type EndpointType = 'gateway' | 'interface';
export const ENDPOINT_TYPES: readonly EndpointType[] = ['gateway', 'interface'];

/** Services with a gateway endpoint: S3 and DynamoDB only. Facts row 83. */
export const GATEWAY_ENDPOINT_SERVICES = ['s3', 'dynamodb'] as const;

/**
 * Services the facts sheet names as having interface endpoints (row 84: "most services", among
 * them Kinesis, the ELB API, the EC2 API, Systems Manager, Service Catalog, SNS — and now S3 and
 * DynamoDB too).
 */
export const INTERFACE_ENDPOINT_SERVICES = ['s3', 'dynamodb', 'kinesis', 'elasticloadbalancing', 'ec2', 'ssm', 'servicecatalog', 'sns'] as const;

export type EndpointService = (typeof INTERFACE_ENDPOINT_SERVICES)[number];

/** Display names of the services, for steps and questions. */
export const ENDPOINT_SERVICE_NAMES: Readonly<Record<EndpointService, string>> = Object.freeze({
  s3: 'Amazon S3',
  dynamodb: 'Amazon DynamoDB',
  kinesis: 'Amazon Kinesis Data Streams',
  elasticloadbalancing: 'the Elastic Load Balancing API',
  ec2: 'the Amazon EC2 API',
  ssm: 'AWS Systems Manager',
  servicecatalog: 'AWS Service Catalog',
  sns: 'Amazon SNS',
});

/**
 * Where the clients of the endpoint are: in the endpoint's VPC; on premises over Direct Connect
 * or Site-to-Site VPN; in a peered VPC (rows 88, 141); or in another VPC through a transit
 * gateway (row 91).
 */
export type EndpointClientLocation = 'same-vpc' | 'on-premises-dx' | 'on-premises-vpn' | 'peered-vpc' | 'transit-gateway';
export const ENDPOINT_CLIENT_LOCATIONS: readonly EndpointClientLocation[] = ['same-vpc', 'on-premises-dx', 'on-premises-vpn', 'peered-vpc', 'transit-gateway'];

const LOCATION_PHRASES: Readonly<Record<EndpointClientLocation, string>> = {
  'same-vpc': 'clients in the same VPC',
  'on-premises-dx': 'on-premises clients over Direct Connect',
  'on-premises-vpn': 'on-premises clients over Site-to-Site VPN',
  'peered-vpc': 'clients in a peered VPC',
  'transit-gateway': 'clients in another VPC attached to a transit gateway',
};

export interface EndpointRequirements {
  service: EndpointService;
  /** Where the clients are (default: only the endpoint's own VPC). */
  clients?: EndpointClientLocation[];
  /** An endpoint policy must restrict what the endpoint can be used for. */
  endpointPolicy?: boolean;
  /** Security groups must control which clients can use the endpoint. */
  securityGroups?: boolean;
  /** Clients must keep using the service's normal (public) DNS name, with no code change. */
  defaultDnsName?: boolean;
  /** The endpoint itself must carry no charge. */
  noCharge?: boolean;
}

export interface EndpointVerdict {
  type: EndpointType;
  ok: boolean;
  /** Why the type fails (one sentence per failed requirement) or, when it passes, what it offers. */
  reasons: string[];
}

export interface EndpointChoice {
  /** The types that meet every requirement, gateway first; empty when neither does. */
  types: EndpointType[];
  verdicts: EndpointVerdict[];
}

/** An optional yes/no requirement: false when left out. */
function flag(v: unknown, what: string): boolean {
  if (v === undefined) return false;
  if (typeof v !== 'boolean') throw new CalcError(`${what} must be true or false, but got ${describeInput(v)}.`);
  return v;
}

function checkRequirements(req: EndpointRequirements): Required<EndpointRequirements> {
  if (req === null || typeof req !== 'object') throw new CalcError(`Expected endpoint requirements, but got ${describeInput(req)}.`);
  if (!(INTERFACE_ENDPOINT_SERVICES as readonly string[]).includes(req.service)) {
    throw new CalcError(`${describeInput(req.service)} is not a service netprep knows endpoints for; use one of ${INTERFACE_ENDPOINT_SERVICES.join(', ')}.`);
  }
  const clients = req.clients ?? ['same-vpc'];
  if (!Array.isArray(clients) || clients.length > ENDPOINT_CLIENT_LOCATIONS.length) {
    throw new CalcError(`The client locations must be a list of at most ${ENDPOINT_CLIENT_LOCATIONS.length}, but got ${describeInput(clients)}.`);
  }
  for (const c of clients) {
    if (!ENDPOINT_CLIENT_LOCATIONS.includes(c)) throw new CalcError(`${describeInput(c)} is not a client location; use one of ${ENDPOINT_CLIENT_LOCATIONS.join(', ')}.`);
  }
  return {
    service: req.service,
    clients,
    endpointPolicy: flag(req.endpointPolicy, 'The endpoint-policy requirement'),
    securityGroups: flag(req.securityGroups, 'The security-group requirement'),
    defaultDnsName: flag(req.defaultDnsName, 'The default-DNS-name requirement'),
    noCharge: flag(req.noCharge, 'The no-charge requirement'),
  };
}

/** The one implementation of the rules, shared by the plain and explained forms. */
function judge(r: Required<EndpointRequirements>): EndpointVerdict[] {
  const name = ENDPOINT_SERVICE_NAMES[r.service];
  const gatewayServices: readonly string[] = GATEWAY_ENDPOINT_SERVICES;

  const gw: string[] = [];
  if (!gatewayServices.includes(r.service)) {
    gw.push(`Gateway endpoints exist only for Amazon S3 and DynamoDB, not for ${name}.`);
  } else {
    for (const c of r.clients) {
      if (c === 'same-vpc') continue;
      gw.push(`A gateway endpoint cannot be reached by ${LOCATION_PHRASES[c]}: it only serves traffic routed from its own VPC's route tables.`);
    }
    if (r.securityGroups) gw.push('A gateway endpoint is a route-table target (a prefix-list route), not a network interface, so it takes no security groups.');
  }
  const gwOk = gw.length === 0;
  if (gwOk) {
    gw.push('A gateway endpoint adds a route whose destination is the service prefix list; clients keep the service\'s normal DNS name.');
    if (r.endpointPolicy) gw.push('Gateway endpoints support endpoint policies.');
    if (r.noCharge) gw.push('Gateway endpoints are free.');
  }

  const itf: string[] = [];
  if (r.noCharge) itf.push('An interface endpoint is billed per hour and per GB; only gateway endpoints are free.');
  const itfOk = itf.length === 0;
  if (itfOk) {
    itf.push(`${name} has an interface endpoint: one requester-managed network interface per chosen Availability Zone.`);
    const remote = r.clients.filter((c) => c !== 'same-vpc');
    if (remote.length > 0) itf.push(`Interface endpoints can be reached by ${remote.map((c) => LOCATION_PHRASES[c]).join(' and ')}.`);
    if (r.endpointPolicy) itf.push(`Interface endpoints support endpoint policies whenever the service does${gatewayServices.includes(r.service) ? `, and ${name} does` : ''}.`);
    if (r.securityGroups) itf.push("Security groups apply to the interface endpoint's network interfaces.");
    if (r.defaultDnsName) itf.push("With private DNS enabled on the endpoint, clients keep the service's normal DNS name.");
  }
  return [
    { type: 'gateway', ok: gwOk, reasons: gw },
    { type: 'interface', ok: itfOk, reasons: itf },
  ];
}

/**
 * Which endpoint types satisfy every requirement. Gateway endpoints: S3 and DynamoDB only (row
 * 83), reached only from their own VPC — not over Direct Connect, VPN, peering or a transit
 * gateway (rows 91, 141) — with endpoint policies (row 90), no security groups (a prefix-list
 * route, row 92), the normal DNS name (row 92), and free (row 83). Interface endpoints: most
 * services including S3 and DynamoDB (row 84), reachable over DX, VPN and peering (row 88),
 * with endpoint policies (row 86), security groups (row 87), the normal name through private
 * DNS (row 89), but not free.
 */
export function endpointOptions(req: EndpointRequirements): EndpointChoice {
  const verdicts = judge(checkRequirements(req));
  return { types: verdicts.filter((v) => v.ok).map((v) => v.type), verdicts };
}

/** Explained form of endpointOptions: the requirements, each type's verdict, the conclusion. */
export function explainEndpointOptions(req: EndpointRequirements): Explained<EndpointChoice> {
  const r = checkRequirements(req);
  const verdicts = judge(r);
  const types = verdicts.filter((v) => v.ok).map((v) => v.type);
  let wants = 'clients: ';
  r.clients.forEach((c, i) => {
    wants += i === 0 ? LOCATION_PHRASES[c] : `, ${LOCATION_PHRASES[c]}`;
  });
  if (r.endpointPolicy) wants += '; an endpoint policy';
  if (r.securityGroups) wants += '; security groups';
  if (r.defaultDnsName) wants += "; the service's normal DNS name";
  if (r.noCharge) wants += '; no endpoint charge';
  const steps: Step[] = [{ text: `Requirements for ${ENDPOINT_SERVICE_NAMES[r.service]}: ${wants}`, values: { service: r.service } }];
  for (const v of verdicts) {
    steps.push({ text: `${v.type === 'gateway' ? 'Gateway' : 'Interface'} endpoint: ${v.ok ? 'meets every requirement' : 'ruled out'}. ${v.reasons.join(' ')}`, values: { type: v.type, ok: v.ok } });
  }
  const conclusion =
    types.length === 2
      ? 'Both endpoint types meet the requirements'
      : types.length === 1
        ? `Only ${types[0] === 'gateway' ? 'a gateway' : 'an interface'} endpoint meets the requirements`
        : 'Neither endpoint type meets every requirement';
  steps.push({ text: conclusion });
  return { result: { types, verdicts }, steps };
}
