/**
 * The course's topics: one per lesson, shared by lessons, question banks, generators and
 * practice. Pure data, safe on the server and in the browser.
 */
export const EXAM_DOMAINS = [
  { id: 'network-design', title: 'Network Design', weight: 30 },
  { id: 'network-implementation', title: 'Network Implementation', weight: 26 },
  { id: 'network-management', title: 'Network Management and Operation', weight: 20 },
  { id: 'network-security', title: 'Network Security, Compliance, and Governance', weight: 24 },
] as const;

export type ExamDomainId = (typeof EXAM_DOMAINS)[number]['id'];

export const TOPICS = [
  { id: 'vpc-cidr', title: 'VPC and IPv4 CIDR', domain: 'network-design' },
  { id: 'ipv6', title: 'IPv6 in a VPC', domain: 'network-design' },
  { id: 'byoip', title: 'Bring your own IP (BYOIP)', domain: 'network-implementation' },
  { id: 'dhcp-dns', title: 'DHCP options and Amazon DNS', domain: 'network-implementation' },
  { id: 'security-groups', title: 'Security groups', domain: 'network-security' },
  { id: 'nacls', title: 'Network ACLs', domain: 'network-security' },
  { id: 'routing', title: 'Route tables and gateways', domain: 'network-design' },
  { id: 'nat', title: 'NAT gateways, NAT instances and in-line next hops', domain: 'network-implementation' },
  { id: 'endpoints', title: 'VPC endpoints and layered S3 access', domain: 'network-security' },
  { id: 'eni', title: 'ENIs and enhanced networking', domain: 'network-implementation' },
  { id: 'placement-mtu', title: 'Placement groups, jumbo frames and multicast', domain: 'network-design' },
  { id: 'vpn', title: 'Hybrid connectivity and Site-to-Site VPN', domain: 'network-management' },
  { id: 'peering', title: 'VPC peering', domain: 'network-design' },
  { id: 'bastion', title: 'Bastion hosts', domain: 'network-security' },
  { id: 'elb', title: 'Elastic Load Balancing', domain: 'network-design' },
  { id: 'route53', title: 'Amazon Route 53', domain: 'network-management' },
] as const satisfies readonly { id: string; title: string; domain: ExamDomainId }[];

export type TopicId = (typeof TOPICS)[number]['id'];

export const TOPIC_IDS = TOPICS.map((t) => t.id) as unknown as readonly [TopicId, ...TopicId[]];

export function isTopicId(value: string): value is TopicId {
  return TOPICS.some((t) => t.id === value);
}

export function topicTitle(id: TopicId): string {
  return TOPICS.find((t) => t.id === id)?.title ?? id;
}
