/** Generators of the network group (see ../registry.ts). */
import type { Generator } from '../types';
import { vpnDpdTimeout } from './vpn-dpd-timeout';
import { routeLookupGenerator } from './route-lookup';
import { subnetClassification } from './subnet-classification';
import { peeringPath } from './peering-path';
import { natSizingGenerator } from './nat-sizing';
import { pathMtuGenerator } from './path-mtu';
import { endpointChoice } from './endpoint-choice';
import { routeTableValidity } from './route-table-validity';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each generator has its own params type
export const networkGenerators: Generator<any>[] = [vpnDpdTimeout, routeLookupGenerator, subnetClassification, peeringPath, natSizingGenerator, pathMtuGenerator, endpointChoice, routeTableValidity];
