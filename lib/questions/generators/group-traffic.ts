/** Generators of the traffic group (see ../registry.ts). */
import type { Generator } from '../types';
import { albPathPattern } from './alb-path-pattern';
import { clbDraining } from './clb-draining';
import { crossZoneShare } from './cross-zone-share';
import { naclEvaluationGenerator } from './nacl-evaluation';
import { naclReturnTraffic } from './nacl-return-traffic';
import { securityGroupFlow } from './security-group-flow';
import { weightedTargetGroups } from './weighted-target-groups';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each generator has its own params type
export const trafficGenerators: Generator<any>[] = [
  crossZoneShare,
  naclEvaluationGenerator,
  weightedTargetGroups,
  naclReturnTraffic,
  securityGroupFlow,
  albPathPattern,
  clbDraining,
];
