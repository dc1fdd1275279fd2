/**
 * Benchmark cases for the traffic-rules half of lib/calc: one case per public function, with
 * realistic inputs. bench/calc.bench.ts imports `rulesCases` and times each case.
 */
import {
  countWildcards,
  evaluateAlbRules,
  explainEvaluateAlbRules,
  explainMatchPathPattern,
  matchPathPattern,
  validateAlbRuleConditions,
  validatePathPattern,
  type AlbPathRule,
} from '../lib/calc/alb';
import { dpdTimeline, explainDpdTimeline } from '../lib/calc/dpd';
import { drainingTimeline, explainDrainingTimeline, validateDrainingTimeout } from '../lib/calc/draining';
import { evaluateFlow, explainEvaluateFlow, explainNaclRulesNeeded, naclRulesNeeded, type Flow } from '../lib/calc/flows';
import {
  crossZoneDefault,
  crossZoneTargetShares,
  explainCrossZoneDefault,
  explainCrossZoneTargetShares,
  explainWeightedTargetGroupShares,
  lbNodeShares,
  weightedTargetGroupShares,
} from '../lib/calc/load-balancing';
import {
  evaluateNacl,
  evaluateNaclDirection,
  explainEvaluateNacl,
  explainEvaluateNaclDirection,
  explainNaclEvaluationOrder,
  naclEvaluationOrder,
  validateNacl,
  validateNaclRules,
  type Nacl,
  type NaclPacket,
  type NaclRule,
} from '../lib/calc/nacl';
import {
  evaluateSecurityGroups,
  explainEvaluateSecurityGroups,
  validateEniSecurityGroups,
  validateSecurityGroup,
  type SecurityGroup,
  type SgTraffic,
} from '../lib/calc/security-groups';

// A public subnet's NACL as a course example would show it: deny a bad range, allow web and SSH
// in, allow replies on the ephemeral range; IPv6 twins.
const inbound: NaclRule[] = [
  { ruleNumber: 90, action: 'deny', protocol: 'all', cidr: '203.0.113.0/24' },
  { ruleNumber: 100, action: 'allow', protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' },
  { ruleNumber: 110, action: 'allow', protocol: 'tcp', fromPort: 80, toPort: 80, cidr: '0.0.0.0/0' },
  { ruleNumber: 120, action: 'allow', protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '192.0.2.0/24' },
  { ruleNumber: 140, action: 'allow', protocol: 'tcp', fromPort: 32768, toPort: 65535, cidr: '0.0.0.0/0' },
  { ruleNumber: 200, action: 'allow', protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '::/0' },
];
const outbound: NaclRule[] = [
  { ruleNumber: 100, action: 'allow', protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' },
  { ruleNumber: 140, action: 'allow', protocol: 'tcp', fromPort: 32768, toPort: 65535, cidr: '0.0.0.0/0' },
];
const nacl: Nacl = { inbound, outbound };
const packet: NaclPacket = { protocol: 'tcp', port: 22, address: '198.51.100.7' };

const web: SecurityGroup = {
  id: 'sg-web',
  inbound: [
    { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' },
    { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '::/0' },
    { protocol: 'tcp', fromPort: 8443, toPort: 8443, groupId: 'sg-elb' },
  ],
  outbound: [{ protocol: 'all', cidr: '0.0.0.0/0' }],
};
const admin: SecurityGroup = { id: 'sg-admin', inbound: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '192.0.2.0/24' }], outbound: [] };
const traffic: SgTraffic = { direction: 'inbound', protocol: 'tcp', port: 8443, address: '10.0.1.20', remoteGroupIds: ['sg-elb'] };

const flow: Flow = {
  client: {
    address: '10.0.1.10',
    subnet: 'subnet-app',
    nacl: {
      inbound: [{ ruleNumber: 100, action: 'allow', protocol: 'tcp', fromPort: 32768, toPort: 65535, cidr: '10.0.2.0/24' }],
      outbound: [{ ruleNumber: 100, action: 'allow', protocol: 'tcp', fromPort: 5432, toPort: 5432, cidr: '10.0.2.0/24' }],
    },
    securityGroups: [{ id: 'sg-app', inbound: [], outbound: [{ protocol: 'tcp', fromPort: 5432, toPort: 5432, groupId: 'sg-db' }] }],
  },
  server: {
    address: '10.0.2.20',
    subnet: 'subnet-db',
    nacl: {
      inbound: [{ ruleNumber: 100, action: 'allow', protocol: 'tcp', fromPort: 5432, toPort: 5432, cidr: '10.0.1.0/24' }],
      outbound: [{ ruleNumber: 100, action: 'allow', protocol: 'tcp', fromPort: 32768, toPort: 65535, cidr: '10.0.1.0/24' }],
    },
    securityGroups: [{ id: 'sg-db', inbound: [{ protocol: 'tcp', fromPort: 5432, toPort: 5432, groupId: 'sg-app' }], outbound: [] }],
  },
  protocol: 'tcp',
  port: 5432,
};

const albRules: AlbPathRule[] = [
  { priority: 10, pathPatterns: ['/api/admin/*'], target: 'admin' },
  { priority: 20, pathPatterns: ['/api/*'], target: 'api' },
  { priority: 30, pathPatterns: ['/img/*', '*.png', '*.jpg'], target: 'static' },
];
const groups = [
  { name: 'blue', weight: 90, targets: 6 },
  { name: 'green', weight: 10, targets: 2 },
];
const inFlight = [0.2, 1.5, 12, 45, 400];

export const rulesCases: { name: string; fn: () => unknown }[] = [
  // load balancing
  { name: 'crossZoneTargetShares [2, 8] off', fn: () => crossZoneTargetShares([2, 8], false) },
  { name: 'explainCrossZoneTargetShares [2, 8] off', fn: () => explainCrossZoneTargetShares([2, 8], false) },
  { name: 'lbNodeShares [0, 3, 4]', fn: () => lbNodeShares([0, 3, 4]) },
  { name: 'weightedTargetGroupShares 90/10', fn: () => weightedTargetGroupShares(groups) },
  { name: 'explainWeightedTargetGroupShares 90/10', fn: () => explainWeightedTargetGroupShares(groups) },
  { name: 'crossZoneDefault clb console', fn: () => crossZoneDefault('clb', 'console') },
  { name: 'explainCrossZoneDefault nlb', fn: () => explainCrossZoneDefault('nlb') },
  // NACLs
  { name: 'evaluateNacl 6 rules', fn: () => evaluateNacl(inbound, packet) },
  { name: 'explainEvaluateNacl 6 rules', fn: () => explainEvaluateNacl(inbound, packet) },
  { name: 'evaluateNaclDirection outbound', fn: () => evaluateNaclDirection(nacl, 'outbound', { protocol: 'tcp', port: 443, address: '52.94.1.1' }) },
  { name: 'explainEvaluateNaclDirection outbound', fn: () => explainEvaluateNaclDirection(nacl, 'outbound', { protocol: 'tcp', port: 443, address: '52.94.1.1' }) },
  { name: 'naclEvaluationOrder 6 rules', fn: () => naclEvaluationOrder(inbound) },
  { name: 'explainNaclEvaluationOrder 6 rules', fn: () => explainNaclEvaluationOrder(inbound) },
  { name: 'validateNaclRules 6 rules', fn: () => validateNaclRules(inbound) },
  { name: 'validateNacl both directions', fn: () => validateNacl(nacl) },
  // security groups
  { name: 'evaluateSecurityGroups 2 groups', fn: () => evaluateSecurityGroups([admin, web], traffic) },
  { name: 'explainEvaluateSecurityGroups 2 groups', fn: () => explainEvaluateSecurityGroups([admin, web], traffic) },
  { name: 'validateSecurityGroup', fn: () => validateSecurityGroup(web) },
  { name: 'validateEniSecurityGroups', fn: () => validateEniSecurityGroups(3, { groupsPerEni: 10, rulesPerGroup: 100 }) },
  // flows
  { name: 'evaluateFlow app → db round trip', fn: () => evaluateFlow(flow) },
  { name: 'explainEvaluateFlow app → db', fn: () => explainEvaluateFlow(flow) },
  { name: 'naclRulesNeeded app → db', fn: () => naclRulesNeeded(flow) },
  { name: 'explainNaclRulesNeeded app → db', fn: () => explainNaclRulesNeeded(flow) },
  // DPD
  { name: 'dpdTimeline defaults', fn: () => dpdTimeline() },
  { name: 'dpdTimeline 45 s restart', fn: () => dpdTimeline({ dpdTimeoutSeconds: 45, timeoutAction: 'restart' }) },
  { name: 'explainDpdTimeline defaults', fn: () => explainDpdTimeline() },
  // ALB
  { name: 'matchPathPattern /img/*.png', fn: () => matchPathPattern('/img/*.png', '/img/cats/tabby.png') },
  { name: 'explainMatchPathPattern', fn: () => explainMatchPathPattern('/img/*.png', '/img/cats/tabby.png') },
  { name: 'validatePathPattern', fn: () => validatePathPattern('/api/v?/orders/*') },
  { name: 'countWildcards', fn: () => countWildcards('/api/v?/orders/*') },
  {
    name: 'validateAlbRuleConditions path + host',
    fn: () => validateAlbRuleConditions([{ field: 'path-pattern', values: ['/api/*', '/v?/*'] }, { field: 'host-header', values: ['*.example.com'] }]),
  },
  { name: 'evaluateAlbRules 3 rules', fn: () => evaluateAlbRules(albRules, 'web', '/img/logo.png') },
  { name: 'explainEvaluateAlbRules 3 rules', fn: () => explainEvaluateAlbRules(albRules, 'web', '/img/logo.png') },
  // draining
  { name: 'validateDrainingTimeout 300', fn: () => validateDrainingTimeout(300) },
  { name: 'drainingTimeline 5 requests', fn: () => drainingTimeline({ timeoutSeconds: 300, inFlightSeconds: inFlight }) },
  { name: 'explainDrainingTimeline 5 requests', fn: () => explainDrainingTimeline({ timeoutSeconds: 300, inFlightSeconds: inFlight }) },
];
