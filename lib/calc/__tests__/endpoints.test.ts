import { CalcError } from '../errors';
import { GATEWAY_ENDPOINT_SERVICES, endpointOptions, explainEndpointOptions } from '../endpoints';

describe('gateway endpoints serve S3 and DynamoDB only (facts row 83)', () => {
  it('the gateway services are exactly S3 and DynamoDB', () => expect([...GATEWAY_ENDPOINT_SERVICES]).toEqual(['s3', 'dynamodb']));
  it.each(['s3', 'dynamodb'] as const)('%s from the same VPC: both types work', (service) => {
    expect(endpointOptions({ service }).types).toEqual(['gateway', 'interface']);
  });
  it.each(['sns', 'ec2', 'kinesis', 'ssm'] as const)('%s has an interface endpoint only (row 84)', (service) => {
    const r = endpointOptions({ service });
    expect(r.types).toEqual(['interface']);
    expect(r.verdicts[0]?.reasons[0]).toMatch(/only for Amazon S3 and DynamoDB/);
  });
});

describe('who can reach a gateway endpoint (rows 88, 91, 141)', () => {
  it.each(['on-premises-dx', 'on-premises-vpn', 'peered-vpc', 'transit-gateway'] as const)('%s clients need an interface endpoint', (where) => {
    const r = endpointOptions({ service: 's3', clients: ['same-vpc', where] });
    expect(r.types).toEqual(['interface']);
    expect(r.verdicts[0]?.reasons).toHaveLength(1);
  });
  it('interface endpoints are reachable over both Direct Connect and VPN (row 88, the notes were wrong)', () => {
    expect(endpointOptions({ service: 'dynamodb', clients: ['on-premises-dx', 'on-premises-vpn'] }).types).toEqual(['interface']);
  });
});

describe('policies, security groups, DNS and cost', () => {
  it('both types support endpoint policies (rows 86, 90)', () => {
    expect(endpointOptions({ service: 's3', endpointPolicy: true }).types).toEqual(['gateway', 'interface']);
  });
  it('security groups apply to interface endpoints only (rows 87, 92)', () => {
    expect(endpointOptions({ service: 's3', securityGroups: true }).types).toEqual(['interface']);
  });
  it("both keep the service's normal DNS name: gateway by route, interface by private DNS (rows 89, 92)", () => {
    expect(endpointOptions({ service: 'dynamodb', defaultDnsName: true }).types).toEqual(['gateway', 'interface']);
  });
  it('only gateway endpoints are free (row 83)', () => {
    expect(endpointOptions({ service: 's3', noCharge: true }).types).toEqual(['gateway']);
  });
  it('neither type fits a free endpoint for a service without a gateway endpoint', () => {
    expect(endpointOptions({ service: 'sns', noCharge: true }).types).toEqual([]);
  });
  it('free and reachable from on premises is impossible for S3', () => {
    expect(endpointOptions({ service: 's3', clients: ['on-premises-vpn'], noCharge: true }).types).toEqual([]);
  });
});

describe('explained form', () => {
  it('states the requirements, each verdict and the conclusion', () => {
    const e = explainEndpointOptions({ service: 's3', clients: ['on-premises-dx'], endpointPolicy: true });
    expect(e.result.types).toEqual(['interface']);
    expect(e.steps).toHaveLength(4);
    expect(e.steps[3]?.text).toBe('Only an interface endpoint meets the requirements');
    expect(e.steps[1]?.text).toMatch(/^Gateway endpoint: ruled out/);
  });
});

describe('junk input is a CalcError', () => {
  it.each([null, { service: 'sqs' }, { service: 's3', clients: ['mars'] }, { service: 's3', noCharge: 'yes' }, { service: 's3', clients: 'same-vpc' }])('%p', (req) => {
    expect(() => endpointOptions(req as never)).toThrow(CalcError);
  });
});
