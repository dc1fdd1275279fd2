/** Every question generator, by id. Adding one = writing it and listing it in its group. */
import type { Generator } from './types';
import { cidrUsableIps } from './generators/cidr-usable-ips';
import { addressingGenerators } from './generators/group-addressing';
import { trafficGenerators } from './generators/group-traffic';
import { networkGenerators } from './generators/group-network';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each generator has its own params type
const ALL: Generator<any>[] = [cidrUsableIps, ...addressingGenerators, ...trafficGenerators, ...networkGenerators];

const BY_ID = new Map(ALL.map((g) => [g.id, g]));
if (BY_ID.size !== ALL.length) throw new Error('two question generators share an id');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function listGenerators(): readonly Generator<any>[] {
  return ALL;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function getGenerator(id: string): Generator<any> | undefined {
  return BY_ID.get(id);
}
