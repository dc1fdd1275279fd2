import { CalcError } from '../errors';
import { HOP_MAX_MTU, MSS_VPN_MAX, MTU_JUMBO, MTU_STANDARD, MTU_TRANSIT_GATEWAY, MTU_VPN_MAX, explainMssForMtu, explainPathMtu, mssForMtu, pathMtu } from '../mtu';

describe('MTU per hop (facts rows 114–116)', () => {
  it('standard 1500, jumbo 9001, VPN at most 1446, transit gateway 8500', () => {
    expect(MTU_STANDARD).toBe(1500);
    expect(MTU_JUMBO).toBe(9001);
    expect(MTU_VPN_MAX).toBe(1446);
    expect(MTU_TRANSIT_GATEWAY).toBe(8500);
  });
  it.each([
    ['within-vpc', 9001],
    ['igw', 1500],
    ['peering-intra-region', 9001],
    ['peering-inter-region', 1500],
    ['vpn', 1446],
    ['dx-private-vif', 9001],
    ['dx-transit-vif', 8500],
    ['tgw', 8500],
    ['tgw-vpn-attachment', 1500],
  ] as const)('%s: %i', (hop, mtu) => expect(HOP_MAX_MTU[hop]).toBe(mtu));
});

describe('path MTU is the minimum over the hops', () => {
  it('jumbo frames survive intra-Region peering', () => expect(pathMtu(['within-vpc', 'peering-intra-region']).mtu).toBe(9001));
  it('inter-Region peering limits the path to 1500', () => expect(pathMtu(['within-vpc', 'peering-inter-region'])).toEqual({ mtu: 1500, bottleneck: 1 }));
  it('the internet gateway limits the path to 1500', () => expect(pathMtu(['within-vpc', 'igw']).mtu).toBe(1500));
  it('a VPN limits the path to 1446', () => expect(pathMtu(['within-vpc', 'tgw', 'tgw-vpn-attachment', 'vpn'])).toEqual({ mtu: 1446, bottleneck: 3 }));
  it('a transit gateway to Direct Connect allows 8500', () => expect(pathMtu(['within-vpc', 'tgw', 'dx-transit-vif']).mtu).toBe(8500));
  it('a transit VIF set to 1500 limits the path to 1500', () => expect(pathMtu(['tgw', { hop: 'dx-transit-vif', mtu: 1500 }]).mtu).toBe(1500));
  it('a transit VIF can only be 1500 or 8500', () => expect(() => pathMtu([{ hop: 'dx-transit-vif', mtu: 9001 }])).toThrow(CalcError));
  it('a configured MTU above the hop maximum is a CalcError', () => expect(() => pathMtu([{ hop: 'igw', mtu: 9001 }])).toThrow(/576 to 1500/));
  it('the first hop with the minimum is the bottleneck', () => expect(pathMtu(['igw', 'within-vpc', 'igw']).bottleneck).toBe(0));
  it('explains each hop and the minimum', () => {
    const e = explainPathMtu(['within-vpc', 'peering-inter-region']);
    expect(e.steps.map((s) => s.text)).toEqual([
      'Within the VPC (jumbo frames): MTU 9001',
      'Over inter-Region VPC peering: MTU 1500',
      'The path MTU is the smallest: min(9001, 1500) = 1500',
    ]);
  });
  it('junk is a CalcError', () => {
    expect(() => pathMtu([])).toThrow(CalcError);
    expect(() => pathMtu(['wormhole' as never])).toThrow(/not a known hop/);
    expect(() => pathMtu([null as never])).toThrow(CalcError);
    expect(() => pathMtu(undefined as never)).toThrow(CalcError);
    expect(() => pathMtu(new Array(2000).fill('igw'))).toThrow(CalcError);
  });
});

describe('MSS = MTU − 40 (IPv4) or − 60 (IPv6)', () => {
  it('VPN 1446 → MSS 1406 (facts row 116)', () => expect(mssForMtu(MTU_VPN_MAX)).toBe(MSS_VPN_MAX));
  it('1500 → 1460 (IPv4), 1440 (IPv6)', () => {
    expect(mssForMtu(1500)).toBe(1460);
    expect(mssForMtu(1500, 6)).toBe(1440);
  });
  it('junk is a CalcError', () => expect(() => mssForMtu(NaN)).toThrow(CalcError));
});

it('explains the MSS: 1446 − 40 = 1406', () => {
  expect(explainMssForMtu(1446).steps[1]?.text).toBe('1446 − 40 = 1406 bytes of TCP payload (MSS)');
});
