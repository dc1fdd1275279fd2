import { CalcError } from '../errors';
import { type RouteTable, classifySubnet, explainClassifySubnet, explainRouteLookup, routeLookup, validateRouteTable } from '../routing';

const table: RouteTable = {
  routes: [
    { destination: '10.0.0.0/16', target: 'local' },
    { destination: '2001:db8::/56', target: 'local' },
    { destination: '0.0.0.0/0', target: 'nat', targetId: 'nat-1' },
    { destination: '::/0', target: 'eigw', targetId: 'eigw-1' },
    { destination: '172.16.0.0/12', target: 'vgw', targetId: 'vgw-1' },
    { destination: '172.16.5.0/24', target: 'pcx', targetId: 'pcx-1' },
    { destination: 'pl-s3', target: 'vpce', targetId: 'vpce-s3' },
    { destination: '192.168.0.0/16', target: 'tgw', targetId: 'tgw-1' },
  ],
  prefixLists: { 'pl-s3': ['52.216.0.0/15', '54.231.0.0/16'] },
};

describe('route lookup is longest-prefix match (facts row 61)', () => {
  it('an address in the VPC matches the local route', () => {
    const r = routeLookup(table, '10.0.3.4');
    expect(r.route?.target).toBe('local');
    expect(r.reason).toMatch(/stays inside the VPC/);
  });
  it('the default route catches the rest', () => expect(routeLookup(table, '8.8.8.8').route?.targetId).toBe('nat-1'));
  it('the more specific of two overlapping routes wins', () => {
    expect(routeLookup(table, '172.16.5.9').route?.target).toBe('pcx');
    expect(routeLookup(table, '172.16.6.9').route?.target).toBe('vgw');
  });
  it('a prefix-list destination matches through its CIDRs', () => {
    const r = routeLookup(table, '54.231.10.1');
    expect(r.route?.target).toBe('vpce');
    expect(r.matchedCidr).toBe('54.231.0.0/16');
    expect(r.reason).toMatch(/prefix list pl-s3/);
  });
  it('transit gateway targets', () => expect(routeLookup(table, '192.168.1.1').route?.target).toBe('tgw'));
  it('IPv6 addresses use IPv6 routes only', () => {
    expect(routeLookup(table, '2001:db8::10').route?.target).toBe('local');
    expect(routeLookup(table, '2600::1').route?.target).toBe('eigw');
  });
  it('no matching route means the packet is dropped', () => {
    const t: RouteTable = { routes: [{ destination: '10.0.0.0/16', target: 'local' }] };
    expect(routeLookup(t, '8.8.8.8')).toEqual({ route: null, matchedCidr: null, reason: expect.stringMatching(/dropped/) });
    expect(routeLookup(t, '::1').route).toBeNull();
  });
  it('a route more specific than local (a subnet CIDR to a middlebox) wins over local', () => {
    const t: RouteTable = {
      routes: [
        { destination: '10.0.0.0/16', target: 'local' },
        { destination: '10.0.1.0/24', target: 'vpce', targetId: 'gwlbe-1' },
      ],
    };
    expect(routeLookup(t, '10.0.1.20').route?.targetId).toBe('gwlbe-1');
    expect(routeLookup(t, '10.0.2.20').route?.target).toBe('local');
  });
  it('on an exact tie a CIDR route beats a prefix-list route', () => {
    const t: RouteTable = {
      routes: [
        { destination: 'pl-x', target: 'vpce' },
        { destination: '54.231.0.0/16', target: 'igw' },
      ],
      prefixLists: { 'pl-x': ['54.231.0.0/16'] },
    };
    expect(routeLookup(t, '54.231.0.1').route?.target).toBe('igw');
  });
  it('explains every candidate route', () => {
    const e = explainRouteLookup(table, '172.16.5.9');
    expect(e.steps.filter((s) => s.values?.matches === true)).toHaveLength(3);
    expect(e.steps.at(-1)?.text).toMatch(/longest prefix \(\/24\)/);
  });
  it('junk is a CalcError', () => {
    expect(() => routeLookup(table, '10.0.0.999')).toThrow(CalcError);
    expect(() => routeLookup({ routes: [{ destination: 'pl-missing', target: 'vpce' }] }, '10.0.0.1')).toThrow(/not defined/);
    expect(() => routeLookup({ routes: [{ destination: '10.0.0.0/16', target: 'router' as never }] }, '10.0.0.1')).toThrow(/not a route target/);
    expect(() => routeLookup(null as never, '10.0.0.1')).toThrow(CalcError);
    expect(() => routeLookup({ routes: [null as never] }, '10.0.0.1')).toThrow(CalcError);
  });
});

describe('route table rules', () => {
  const ctx = { vpcCidrs: ['10.0.0.0/16', '2001:db8::/56'], subnetCidrs: ['10.0.1.0/24', '10.0.2.0/24'] };
  it('the sample table is valid', () => expect(validateRouteTable(table, ctx)).toEqual([]));
  it('every VPC block needs a local route (facts row 60)', () => {
    const p = validateRouteTable({ routes: [{ destination: '10.0.0.0/16', target: 'local' }] }, ctx);
    expect(p).toEqual([expect.stringMatching(/no local route for the VPC block 2001:db8::\/56/)]);
  });
  it('a route more specific than local may go to a NAT gateway, ENI or GWLB endpoint, for a whole subnet (facts row 61)', () => {
    const base = [
      { destination: '10.0.0.0/16', target: 'local' as const },
      { destination: '2001:db8::/56', target: 'local' as const },
    ];
    expect(validateRouteTable({ routes: [...base, { destination: '10.0.1.0/24', target: 'eni' }] }, ctx)).toEqual([]);
    expect(validateRouteTable({ routes: [...base, { destination: '10.0.1.0/24', target: 'igw' }] }, ctx)[0]).toMatch(/more specific than the local route/);
    expect(validateRouteTable({ routes: [...base, { destination: '10.0.1.0/25', target: 'nat' }] }, ctx)[0]).toMatch(/whole subnet/);
  });
  it("the local route's target may be replaced by a NAT gateway, ENI or GWLB endpoint only", () => {
    const v6 = { destination: '2001:db8::/56', target: 'local' as const };
    expect(validateRouteTable({ routes: [{ destination: '10.0.0.0/16', target: 'eni' }, v6] }, ctx)).toEqual([]);
    expect(validateRouteTable({ routes: [{ destination: '10.0.0.0/16', target: 'tgw' }, v6] }, ctx)[0]).toMatch(/can only have its target replaced/);
  });
  it('an egress-only internet gateway is IPv6 only (facts row 66)', () => {
    const p = validateRouteTable({ routes: [...table.routes, { destination: '1.0.0.0/8', target: 'eigw' }], prefixLists: table.prefixLists }, ctx);
    expect(p).toEqual([expect.stringMatching(/IPv6 traffic only/)]);
  });
  it('two routes to the same destination are a problem', () => {
    const p = validateRouteTable({ routes: [...table.routes, { destination: '0.0.0.0/0', target: 'igw' }], prefixLists: table.prefixLists }, ctx);
    expect(p).toEqual([expect.stringMatching(/2 routes to 0\.0\.0\.0\/0/)]);
  });
  it('the default quota is 50 routes; 50 fit and 51 do not (facts row 7)', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ destination: `100.64.${i}.0/24`, target: 'tgw' as const }));
    const local = [
      { destination: '10.0.0.0/16', target: 'local' as const },
      { destination: '2001:db8::/56', target: 'local' as const },
    ];
    expect(validateRouteTable({ routes: [...local, ...many(50)] }, ctx)).toEqual([]);
    expect(validateRouteTable({ routes: [...local, ...many(51)] }, ctx)[0]).toMatch(/quota of 50/);
    expect(validateRouteTable({ routes: [...local, ...many(51)] }, { ...ctx, routeQuota: 100 })).toEqual([]);
    expect(() => validateRouteTable({ routes: local }, { ...ctx, routeQuota: 1001 })).toThrow(CalcError);
  });
});

describe('public, private and VPN-only subnets are defined by their route table (facts rows 9, 62)', () => {
  it('a route to an internet gateway makes a subnet public', () => {
    const r = classifySubnet({ routes: [{ destination: '10.0.0.0/16', target: 'local' }, { destination: '0.0.0.0/0', target: 'igw', targetId: 'igw-1' }] });
    expect(r.kind).toBe('public');
    expect(r.reason).toMatch(/0\.0\.0\.0\/0 → igw-1/);
  });
  it('an IPv6 default route to an internet gateway also makes it public', () => {
    expect(classifySubnet({ routes: [{ destination: '::/0', target: 'igw' }] }).kind).toBe('public');
  });
  it('a NAT gateway route is still private', () => expect(classifySubnet(table).kind).toBe('vpn-only'));
  it('a route to a virtual private gateway and none to an IGW is VPN-only', () => {
    expect(classifySubnet({ routes: [{ destination: '10.0.0.0/16', target: 'local' }, { destination: '0.0.0.0/0', target: 'vgw' }] }).kind).toBe('vpn-only');
  });
  it('local and NAT only is private', () => {
    const r = explainClassifySubnet({ routes: [{ destination: '10.0.0.0/16', target: 'local' }, { destination: '0.0.0.0/0', target: 'nat' }] });
    expect(r.result.kind).toBe('private');
    expect(r.steps).toHaveLength(3);
  });
  it('a public address range does not make a subnet public', () => {
    expect(classifySubnet({ routes: [{ destination: '54.0.0.0/16', target: 'local' }] }).kind).toBe('private');
  });
});
