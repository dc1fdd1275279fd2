/**
 * netprep's calculation core: the AWS networking rules, computed with their worked steps.
 * Pure TypeScript — no I/O, no framework, no clock, no Math.random. See lib/calc/README.md.
 */
export { CalcError } from './errors';
export type { Step, Explained } from './steps';
// Addressing and routing
export * from './ip';
export * from './cidr';
export * from './vpc';
export * from './subnetting';
export * from './ipv6';
export * from './dns';
export * from './routing';
export * from './peering';
export * from './nat';
export * from './mtu';
export * from './byoip';
export * from './endpoints';
// Traffic rules
export * from './load-balancing';
export * from './nacl';
export * from './security-groups';
export * from './flows';
export * from './dpd';
export * from './alb';
export * from './draining';
