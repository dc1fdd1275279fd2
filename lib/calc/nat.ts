/**
 * NAT gateway sizing: simultaneous connections to one destination, the addresses and gateways
 * they need, and the bandwidth and packet-rate figures from the facts sheet.
 */
import { CalcError } from './errors';
import type { Explained } from './steps';
import { describeInput, requireWholeNumber } from './ip';
import { thousands } from './numbers';

/** Simultaneous connections per IPv4 address of a NAT gateway to one unique destination (IP, port, protocol). Facts row 72. */
export const NAT_CONNECTIONS_PER_IP = 55_000;
/** Most IPv4 addresses on one NAT gateway: 1 primary + 7 secondary. Facts row 72. */
export const NAT_MAX_IPS_PER_GATEWAY = 8;
/** Default cap on Elastic IPs per public NAT gateway (adjustable to 8). Facts row 72. */
export const NAT_DEFAULT_EIPS_PER_GATEWAY = 2;
/** NAT gateways per Availability Zone, default quota (adjustable). Facts row 78. */
export const NAT_GATEWAYS_PER_AZ_DEFAULT_QUOTA = 5;
/** NAT gateway bandwidth and packet rate. Facts row 71; split across gateways beyond the maximum (row 73). */
export const NAT_BANDWIDTH = Object.freeze({ startGbps: 5, maxGbps: 100, startPps: 1_000_000, maxPps: 10_000_000 });

const MAX_CONNECTIONS = 1e12;

/** Connections one NAT gateway with `ips` addresses can hold to one destination: ips × 55,000 (facts row 72). */
export function natConnectionCapacity(ips: number): number {
  requireWholeNumber(ips, 'The number of NAT gateway IP addresses', 1, NAT_MAX_IPS_PER_GATEWAY);
  return ips * NAT_CONNECTIONS_PER_IP;
}

export interface NatSizing {
  /** IPv4 addresses needed: ⌈connections / 55,000⌉. */
  ipsNeeded: number;
  /** NAT gateways needed with at most `maxIpsPerGateway` addresses each. */
  gatewaysNeeded: number;
  /** Addresses per gateway used in the calculation. */
  maxIpsPerGateway: number;
}

function sizingCore(connections: number, maxIpsPerGateway: number): NatSizing {
  requireWholeNumber(connections, 'The number of simultaneous connections', 0, MAX_CONNECTIONS);
  requireWholeNumber(maxIpsPerGateway, 'The addresses per NAT gateway', 1, NAT_MAX_IPS_PER_GATEWAY);
  const ipsNeeded = Math.max(1, Math.ceil(connections / NAT_CONNECTIONS_PER_IP));
  return { ipsNeeded, gatewaysNeeded: Math.ceil(ipsNeeded / maxIpsPerGateway), maxIpsPerGateway };
}

/**
 * Addresses and NAT gateways needed for `connections` simultaneous connections to one
 * destination: ⌈connections / 55,000⌉ addresses, packed up to 8 per gateway (or the default 2
 * EIPs if the quota was not raised). Facts rows 72–73. At least one address and gateway.
 */
export function natSizing(connections: number, maxIpsPerGateway: number = NAT_MAX_IPS_PER_GATEWAY): NatSizing {
  return sizingCore(connections, maxIpsPerGateway);
}

/** Explained form of natSizing. */
export function explainNatSizing(connections: number, maxIpsPerGateway: number = NAT_MAX_IPS_PER_GATEWAY): Explained<NatSizing> {
  const r = sizingCore(connections, maxIpsPerGateway);
  return {
    result: r,
    steps: [
      { text: `Each NAT gateway IPv4 address holds up to ${thousands(NAT_CONNECTIONS_PER_IP)} simultaneous connections to one destination` },
      {
        text: `⌈${thousands(connections)} / ${thousands(NAT_CONNECTIONS_PER_IP)}⌉ = ${r.ipsNeeded} address${r.ipsNeeded === 1 ? '' : 'es'}`,
        math: `\\lceil ${connections} / ${NAT_CONNECTIONS_PER_IP} \\rceil = ${r.ipsNeeded}`,
        values: { connections, ipsNeeded: r.ipsNeeded },
      },
      {
        text: `With up to ${maxIpsPerGateway} address${maxIpsPerGateway === 1 ? '' : 'es'} per gateway: ⌈${r.ipsNeeded} / ${maxIpsPerGateway}⌉ = ${r.gatewaysNeeded} NAT gateway${r.gatewaysNeeded === 1 ? '' : 's'}`,
        math: `\\lceil ${r.ipsNeeded} / ${maxIpsPerGateway} \\rceil = ${r.gatewaysNeeded}`,
        values: { gatewaysNeeded: r.gatewaysNeeded },
      },
    ],
  };
}

/**
 * NAT gateways needed for a bandwidth: one scales automatically up to 100 Gbps, so
 * ⌈Gbps / 100⌉, at least 1 (facts rows 71, 73).
 */
export function natGatewaysForBandwidth(gbps: number): number {
  if (typeof gbps !== 'number' || !Number.isFinite(gbps) || gbps < 0 || gbps > 1e9) {
    throw new CalcError(`The bandwidth must be a number of Gbps from 0 upward, but got ${describeInput(gbps)}.`);
  }
  return Math.max(1, Math.ceil(gbps / NAT_BANDWIDTH.maxGbps));
}

/** Explained form of natConnectionCapacity. */
export function explainNatConnectionCapacity(ips: number): Explained<number> {
  const result = natConnectionCapacity(ips);
  return {
    result,
    steps: [{ text: `${ips} × ${thousands(NAT_CONNECTIONS_PER_IP)} = ${thousands(result)} simultaneous connections to one destination`, math: `${ips} \\times ${NAT_CONNECTIONS_PER_IP} = ${result}` }],
  };
}

/** Explained form of natGatewaysForBandwidth. */
export function explainNatGatewaysForBandwidth(gbps: number): Explained<number> {
  const result = natGatewaysForBandwidth(gbps);
  return {
    result,
    steps: [
      { text: `A NAT gateway scales automatically from ${NAT_BANDWIDTH.startGbps} Gbps to ${NAT_BANDWIDTH.maxGbps} Gbps` },
      { text: `⌈${gbps} / ${NAT_BANDWIDTH.maxGbps}⌉ = ${result} NAT gateway${result === 1 ? '' : 's'}`, math: `\\lceil ${gbps} / ${NAT_BANDWIDTH.maxGbps} \\rceil = ${result}` },
    ],
  };
}
