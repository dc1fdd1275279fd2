/**
 * Micro-benchmark of lib/calc. Run: npx tsx bench/calc.bench.ts
 * For each case: warm up, then time batches with process.hrtime.bigint() until ~200 ms have
 * passed, and report calls per second and the ratio to a plain-loop baseline measured in the
 * same run (so figures from different machines can be compared).
 */
import { rulesCases } from './calc-rules.cases';
import {
  addToAddress,
  formatIpv6,
  isIpAddress,
  normalizeAddress,
  parseAddress,
} from '../lib/calc/ip';
import {
  cidrContains,
  cidrContainsCidr,
  cidrOfAddress,
  cidrsOverlap,
  explainUsableIps,
  normalizeCidr,
  parseCidr,
  reservedIps,
  totalIps,
  usableIps,
} from '../lib/calc/cidr';
import { checkSecondaryCidr, validateVpcCidr } from '../lib/calc/vpc';
import { nextFreeSubnet, splitCidr, splitUsableIps, subnetCount, subnetForAddress, sumUsableIps } from '../lib/calc/subnetting';
import { checkIpv6SubnetBlock, checkIpv6VpcBlock, eui64LinkLocal, ipv6SubnetCount, ipv6UsableIps } from '../lib/calc/ipv6';
import { amazonDnsAddresses, validateDhcpOptions } from '../lib/calc/dns';
import { type RouteTable, classifySubnet, routeLookup, validateRouteTable } from '../lib/calc/routing';
import { checkPeering, checkPeeringPath } from '../lib/calc/peering';
import { natConnectionCapacity, natGatewaysForBandwidth, natSizing } from '../lib/calc/nat';
import { mssForMtu, pathMtu } from '../lib/calc/mtu';

import { runBench, type Case } from './harness';

const table: RouteTable = {
  routes: [
    { destination: '10.0.0.0/16', target: 'local' },
    { destination: '0.0.0.0/0', target: 'nat', targetId: 'nat-1' },
    { destination: '172.16.0.0/12', target: 'vgw' },
    { destination: '172.16.5.0/24', target: 'pcx' },
    { destination: 'pl-s3', target: 'vpce' },
  ],
  prefixLists: { 'pl-s3': ['52.216.0.0/15', '54.231.0.0/16'] },
};

const mixed: (() => unknown)[] = [
  () => usableIps('10.0.0.0/27'),
  () => totalIps('2001:db8::/56'),
  () => cidrsOverlap('10.0.0.0/16', '10.0.1.0/24'),
  () => cidrContains('10.0.0.0/16', '10.0.3.4'),
  () => parseCidr('192.168.0.0/24'),
  () => reservedIps('10.0.0.0/24'),
  () => parseAddress('2001:db8::1'),
  () => ipv6SubnetCount('2001:db8::/56'),
  () => natSizing(120_000),
  () => pathMtu(['within-vpc', 'igw']),
];
const batchInputs = Array.from({ length: 10_000 }, (_, i) => mixed[(i * 7) % mixed.length] ?? (() => 0));

const cases: Case[] = [
  { name: 'parseAddress IPv4', fn: () => parseAddress('10.20.30.40') },
  { name: 'parseAddress IPv6', fn: () => parseAddress('2001:db8:0:1::abcd') },
  { name: 'normalizeAddress IPv6', fn: () => normalizeAddress('2001:0DB8:0:0:0:0:0:1') },
  { name: 'formatIpv6', fn: () => formatIpv6(0x20010db8000000000000000000000001n) },
  { name: 'isIpAddress', fn: () => isIpAddress('10.0.0.1') },
  { name: 'addToAddress', fn: () => addToAddress('10.0.0.0', 2) },
  { name: 'parseCidr IPv4', fn: () => parseCidr('10.0.0.0/16') },
  { name: 'parseCidr IPv6', fn: () => parseCidr('2001:db8::/56') },
  { name: 'normalizeCidr', fn: () => normalizeCidr('2001:DB8::/48') },
  { name: 'cidrOfAddress', fn: () => cidrOfAddress('10.0.0.5', 24) },
  { name: 'totalIps', fn: () => totalIps('10.0.0.0/27') },
  { name: 'usableIps', fn: () => usableIps('10.0.0.0/27') },
  { name: 'explainUsableIps', fn: () => explainUsableIps('10.0.0.0/27') },
  { name: 'reservedIps', fn: () => reservedIps('10.0.0.0/24') },
  { name: 'cidrsOverlap IPv4', fn: () => cidrsOverlap('10.0.0.0/16', '10.0.1.0/24') },
  { name: 'cidrsOverlap IPv6', fn: () => cidrsOverlap('2001:db8::/56', '2001:db8:0:1::/64') },
  { name: 'cidrContains', fn: () => cidrContains('10.0.0.0/16', '10.0.3.4') },
  { name: 'cidrContainsCidr', fn: () => cidrContainsCidr('10.0.0.0/16', '10.0.4.0/22') },
  { name: 'validateVpcCidr', fn: () => validateVpcCidr('10.0.0.0/16') },
  { name: 'checkSecondaryCidr', fn: () => checkSecondaryCidr({ vpcCidrs: ['10.0.0.0/16'], candidate: '10.1.0.0/16', routeDestinations: ['10.2.0.0/24'] }) },
  { name: 'subnetCount', fn: () => subnetCount('10.0.0.0/16', 24) },
  { name: 'splitCidr /24 → 4 × /26', fn: () => splitCidr('10.0.0.0/24', 26) },
  { name: 'splitUsableIps', fn: () => splitUsableIps('10.0.0.0/24', 26) },
  { name: 'sumUsableIps (2)', fn: () => sumUsableIps(['10.0.0.0/27', '10.0.0.32/28']) },
  { name: 'nextFreeSubnet (3 used)', fn: () => nextFreeSubnet('10.0.0.0/16', 24, ['10.0.0.0/24', '10.0.1.0/24', '10.0.3.0/24']) },
  { name: 'subnetForAddress (3)', fn: () => subnetForAddress(['10.0.0.0/16', '10.0.1.0/24', '10.0.1.0/28'], '10.0.1.5') },
  { name: 'ipv6SubnetCount', fn: () => ipv6SubnetCount('2001:db8::/56') },
  { name: 'ipv6UsableIps', fn: () => ipv6UsableIps('2001:db8::/64') },
  { name: 'checkIpv6VpcBlock', fn: () => checkIpv6VpcBlock('2001:db8::/56', 'amazon') },
  { name: 'checkIpv6SubnetBlock', fn: () => checkIpv6SubnetBlock('2001:db8::/56', '2001:db8:0:1::/64') },
  { name: 'eui64LinkLocal', fn: () => eui64LinkLocal('02:42:ac:11:00:02') },
  { name: 'amazonDnsAddresses', fn: () => amazonDnsAddresses('10.0.0.0/16') },
  { name: 'validateDhcpOptions', fn: () => validateDhcpOptions({ domainNameServers: ['AmazonProvidedDNS'], ntpServers: ['169.254.169.123'], domainName: 'ec2.internal' }) },
  { name: 'routeLookup (5 routes)', fn: () => routeLookup(table, '54.231.10.1') },
  { name: 'validateRouteTable', fn: () => validateRouteTable(table, { vpcCidrs: ['10.0.0.0/16'] }) },
  { name: 'classifySubnet', fn: () => classifySubnet(table) },
  { name: 'checkPeering', fn: () => checkPeering({ id: 'a', cidrs: ['10.0.0.0/16'] }, { id: 'b', cidrs: ['10.1.0.0/16'] }) },
  { name: 'checkPeeringPath', fn: () => checkPeeringPath({ vpcs: ['A', 'B', 'C'], peerings: [['A', 'B'], ['B', 'C']] }) },
  { name: 'natConnectionCapacity', fn: () => natConnectionCapacity(8) },
  { name: 'natSizing', fn: () => natSizing(120_000) },
  { name: 'natGatewaysForBandwidth', fn: () => natGatewaysForBandwidth(150) },
  { name: 'pathMtu (3 hops)', fn: () => pathMtu(['within-vpc', 'tgw', 'vpn']) },
  { name: 'mssForMtu', fn: () => mssForMtu(1446) },
  {
    name: 'batch: 10,000 mixed calls',
    calls: 10_000,
    fn: () => {
      let last: unknown;
      for (let i = 0; i < batchInputs.length; i++) last = (batchInputs[i] ?? (() => 0))();
      return last;
    },
  },
  ...rulesCases,
];

runBench('lib/calc', cases);
