import { CalcError } from '../errors';
import {
  NAT_BANDWIDTH,
  NAT_CONNECTIONS_PER_IP,
  NAT_MAX_IPS_PER_GATEWAY,
  explainNatConnectionCapacity,
  explainNatGatewaysForBandwidth,
  explainNatSizing,
  natConnectionCapacity,
  natGatewaysForBandwidth,
  natSizing,
} from '../nat';

describe('NAT gateway: 55,000 connections per IPv4 address per unique destination, up to 8 addresses (facts row 72)', () => {
  it('constants', () => {
    expect(NAT_CONNECTIONS_PER_IP).toBe(55_000);
    expect(NAT_MAX_IPS_PER_GATEWAY).toBe(8);
  });
  it('one address holds 55,000; eight hold 440,000', () => {
    expect(natConnectionCapacity(1)).toBe(55_000);
    expect(natConnectionCapacity(8)).toBe(440_000);
  });
  it('a ninth address is not possible', () => expect(() => natConnectionCapacity(9)).toThrow(CalcError));
  it('55,000 connections need one address; 55,001 need two', () => {
    expect(natSizing(55_000)).toEqual({ ipsNeeded: 1, gatewaysNeeded: 1, maxIpsPerGateway: 8 });
    expect(natSizing(55_001).ipsNeeded).toBe(2);
  });
  it('440,000 fit one gateway; 440,001 need a second', () => {
    expect(natSizing(440_000).gatewaysNeeded).toBe(1);
    expect(natSizing(440_001)).toEqual({ ipsNeeded: 9, gatewaysNeeded: 2, maxIpsPerGateway: 8 });
  });
  it('at the default 2 EIPs per gateway, 200,000 connections need 4 addresses on 2 gateways', () => {
    expect(natSizing(200_000, 2)).toEqual({ ipsNeeded: 4, gatewaysNeeded: 2, maxIpsPerGateway: 2 });
  });
  it('explains the two divisions', () => {
    const e = explainNatSizing(120_000);
    expect(e.steps[1]?.text).toBe('⌈120,000 / 55,000⌉ = 3 addresses');
    expect(e.steps[2]?.text).toBe('With up to 8 addresses per gateway: ⌈3 / 8⌉ = 1 NAT gateway');
  });
  it.each([-1, NaN, 1.5, Infinity, '5' as never])('connections %p is a CalcError', (n) => expect(() => natSizing(n)).toThrow(CalcError));
});

describe('NAT gateway bandwidth: 5 Gbps scaling to 100 Gbps, 1 M to 10 M pps (facts rows 71, 73)', () => {
  it('constants', () => expect(NAT_BANDWIDTH).toEqual({ startGbps: 5, maxGbps: 100, startPps: 1_000_000, maxPps: 10_000_000 }));
  it('100 Gbps fits one gateway; 101 needs two', () => {
    expect(natGatewaysForBandwidth(100)).toBe(1);
    expect(natGatewaysForBandwidth(101)).toBe(2);
    expect(natGatewaysForBandwidth(0)).toBe(1);
  });
  it('bad bandwidth is a CalcError', () => expect(() => natGatewaysForBandwidth(-5)).toThrow(CalcError));
});

describe('explained forms', () => {
  it('capacity and bandwidth', () => {
    expect(explainNatConnectionCapacity(2).steps[0]?.text).toBe('2 × 55,000 = 110,000 simultaneous connections to one destination');
    expect(explainNatGatewaysForBandwidth(150).result).toBe(2);
  });
});
