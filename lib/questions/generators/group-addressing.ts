/** Generators of the addressing group (see ../registry.ts). */
import type { Generator } from '../types';
import { subnetSplit } from './subnet-split';
import { nextFreeSubnetGenerator } from './next-free-subnet';
import { secondaryCidr } from './secondary-cidr';
import { ipv6Subnets } from './ipv6-subnets';
import { dnsResolver } from './dns-resolver';
import { dhcpOptionLimits } from './dhcp-option-limits';
import { cidrOverlap } from './cidr-overlap';
import { eui64LinkLocalGenerator } from './eui64-link-local';
import { byoipRanges } from './byoip-ranges';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each generator has its own params type
export const addressingGenerators: Generator<any>[] = [subnetSplit, nextFreeSubnetGenerator, secondaryCidr, ipv6Subnets, dnsResolver, dhcpOptionLimits, cidrOverlap, eui64LinkLocalGenerator, byoipRanges];
