/**
 * The notes are wrong or outdated in 45 places (../shared/facts/aws-facts.md). This test holds the
 * wrong claims a lesson could plausibly repeat and fails if any lesson or question bank teaches one.
 * Each pattern is proven live by the wrong sentence it must catch.
 */
import { loadLessons } from '@/lib/content/load-lessons';
import { loadBanks } from '@/lib/content/load-banks';

interface WrongClaim {
  row: number;
  wrong: string;
  pattern: RegExp;
  /** A sentence teaching the wrong claim: the pattern must catch it. */
  example: string;
}

/**
 * Lines reviewed by hand that mention a wrong claim only to correct it (file, and a fragment of
 * the line). Keep this list short: prefer wording that does not repeat the wrong claim.
 */
const REVIEWED_CORRECTIONS: { file: string; fragment: string }[] = [
  { file: 'content/lessons/04-dhcp-dns.md', fragment: 'reserved, but no resolver answers there' },
  { file: 'content/lessons/12-vpn.md', fragment: 'Older notes say AWS never initiates' },
  { file: 'content/lessons/16-route53.md', fragment: 'it hides contact details from **WHOIS**' },
];

const WRONG_CLAIMS: WrongClaim[] = [
  { row: 6, wrong: '6 CIDR blocks per VPC', pattern: /\b(up to|at most|maximum of|a max(imum)? of|limit of|quota of)\s+(6|six)\s+(IPv4\s+)?CIDR|\b(6|six)\s+(IPv4\s+)?CIDR blocks (per|in a|on a) VPC/i, example: 'A VPC may have up to 6 CIDR blocks.' },
  { row: 13, wrong: 'IPv6-only instances are impossible', pattern: /IPv6-only (instances?|subnets?) (are|is) (not possible|impossible|unsupported|not supported)|must always have an IPv4 address/i, example: 'Every instance must always have an IPv4 address.' },
  { row: 17, wrong: "every subnet's IPv6 range is exactly /64", pattern: /every subnet'?s? IPv6 (range|block|CIDR) is (exactly|always) (a )?\/64/i, example: "Every subnet's IPv6 range is exactly /64." },
  { row: 19, wrong: 'IPv6 has no MAC addresses', pattern: /IPv6 (has|uses|needs) no MAC|no MAC addresses in IPv6/i, example: 'IPv6 has no MAC addresses.' },
  { row: 34, wrong: 'up to 4 DNS servers in total', pattern: /(up to|at most|maximum of|a max(imum)? of) (4|four) (domain name |DNS )servers(?!\s*(for|per|over|of)?\s*(each|IPv4|IPv6|address family))/i, example: 'A DHCP option set holds up to 4 DNS servers.' },
  { row: 35, wrong: 'up to 4 NTP servers in total', pattern: /(up to|at most|maximum of|a max(imum)? of) (4|four) NTP servers(?!\s*(for|per|over|of)?\s*(each|IPv4|IPv6|address family))/i, example: 'You can list up to four NTP servers.' },
  { row: 36, wrong: "DNS at the +2 address of the instance's own subnet", pattern: /(\+ ?2|plus two) (address )?of (its|their|the instance's|your) own subnet/i, example: 'An instance queries the +2 address of its own subnet for DNS.' },
  { row: 40, wrong: 'public hostnames without "compute"', pattern: /ec2-[\w<>.-]*\.(region|<region>|[a-z]{2}-[a-z]+-\d)\.amazonaws\.com/i, example: 'The name looks like ec2-203-0-113-25.us-west-2.amazonaws.com.' },
  { row: 48, wrong: 'security groups have deny rules', pattern: /security groups? (can )?(have|has|support|use|contain) (explicit )?deny rules/i, example: 'Security groups support deny rules.' },
  { row: 50, wrong: 'allow all ports outbound for replies', pattern: /outbound rules? (should|must) allow all ports/i, example: 'Because of ephemeral ports, outbound rules should allow all ports.' },
  { row: 61, wrong: 'the local route always wins', pattern: /local route always (wins|takes (priority|precedence))/i, example: 'The local route always takes priority over every other route.' },
  { row: 63, wrong: 'the IGW tops out at 5 Gbps', pattern: /(IGW|internet gateway)[^.\n]{0,40}(tops out|limited|capped|maxes out|a max(imum)? of|ceiling of)[^.\n]{0,15}5 Gbps/i, example: 'The internet gateway scales but tops out at 5 Gbps.' },
  { row: 71, wrong: 'a 45 Gbps NAT gateway', pattern: /45\s*Gbps/i, example: 'A NAT gateway scales up to 45 Gbps.' },
  { row: 75, wrong: 'NAT gateways do not support IPv6 at all', pattern: /NAT gateways? (do(es)? not|don't|doesn't|cannot|can't) (support|do|handle) IPv6(?! to IPv6| traffic to IPv6)/i, example: "NAT gateways don't support IPv6." },
  { row: 86, wrong: 'interface endpoints do not support policies', pattern: /interface endpoints? (do(es)? not|don't|doesn't|cannot|can't) (support|have|use) (an )?(endpoint )?polic/i, example: "Interface endpoints don't support endpoint policies." },
  { row: 88, wrong: 'interface endpoints unreachable over VPN', pattern: /interface endpoints?[^.\n]{0,60}\bbut not (over|through|via|across) (a )?(Site-to-Site )?VPN/i, example: 'Interface endpoints can be reached over Direct Connect but not over VPN.' },
  { row: 97, wrong: 'the primary ENI cannot be modified', pattern: /(primary|default) (ENI|network interface)[^.\n]{0,30}(cannot|can't|can not) be modified/i, example: 'The default ENI of an instance cannot be modified.' },
  { row: 105, wrong: 'ENA tops out at 25 Gbps', pattern: /(ENA|Elastic Network Adapter)[^.\n]{0,60}(up to|max(imum)?( of)?|tops out at|reaches) 25 Gbps/i, example: 'ENA reaches 25 Gbps in a placement group.' },
  { row: 114, wrong: 'a 1522-byte standard MTU', pattern: /(MTU|payload)[^.\n]{0,40}\b1522\b|\b1522\b[^.\n]{0,20}(MTU|payload)/i, example: 'A standard AWS frame has an MTU of 1522 bytes.' },
  { row: 118, wrong: 'no multicast in AWS at all', pattern: /(VPCs?|AWS)[^.\n]{0,30}(does not|doesn't|do not|don't|cannot|can't) support multicast(?! natively without| except| outside)/i, example: 'A VPC does not support multicast, so use an overlay.' },
  { row: 125, wrong: 'VPN tunnels across two service providers', pattern: /(two|2) (different )?service providers/i, example: 'The two VGW endpoints are across 2 different service providers.' },
  { row: 129, wrong: 'AWS never initiates IKE', pattern: /(VGW|virtual private gateway|AWS)[^.\n]{0,30}(never|cannot|can't|can not) initiate/i, example: 'The VGW never initiates IKE negotiation.' },
  { row: 139, wrong: 'no IPv6 over inter-Region peering', pattern: /inter-Region (VPC )?peering[^.\n]{0,40}(does not|doesn't|do not|don't|cannot|can't) (support|carry) IPv6|IPv6[^.\n]{0,30}(not supported|doesn't work|does not work)[^.\n]{0,20}inter-Region/i, example: 'Inter-Region peering does not support IPv6.' },
  { row: 146, wrong: 'three load balancer types', pattern: /\b(three|3) (types of (elastic )?load balancers?|(elastic )?load balancer types)/i, example: 'ELB offers three types of load balancers.' },
  { row: 155, wrong: '3 wildcards per path pattern', pattern: /\b(3|three) wildcards?( characters?)? (per|in a|in each) (path )?pattern|up to (3|three) wildcards/i, example: 'A path pattern may include up to 3 wildcards.' },
  { row: 162, wrong: 'privacy protection hides data in DNS queries', pattern: /(privacy|proxy)[^.\n]{0,60}(within|in) (the )?DNS quer/i, example: 'Privacy services hide your details within the DNS query.' },
  { row: 163, wrong: 'Route 53 DNS does not support DNSSEC', pattern: /Route 53[^.\n]{0,40}(does not|doesn't|do not|cannot|can't) (support|do|sign)[^.\n]{0,10}DNSSEC|\bno DNSSEC (support )?in Route 53/i, example: "Amazon Route 53's DNS service does not support DNSSEC." },
];

const lessonTexts = loadLessons().map((l) => ({ file: `content/lessons/${l.file}`, text: l.body + '\n' + JSON.stringify(l.meta) }));
// In a bank, what is taught is the stem, the explanation and the correct choices; a wrong choice
// (a distractor) is meant to state a misconception.
const bankTexts = loadBanks().flatMap((b) =>
  b.questions.map((q) => ({
    file: `content/banks/${b.file}#${q.id}`,
    text: [q.stem, q.explanation, ...('choices' in q ? q.choices.filter((c) => c.correct).map((c) => c.text) : [])].join('\n'),
  })),
);

describe.each(WRONG_CLAIMS)('wrong claim of facts-sheet row $row: $wrong', (claim) => {
  it('is recognised by its pattern', () => {
    expect(claim.example).toMatch(claim.pattern);
  });

  it('is taught by no lesson and no question bank', () => {
    const offenders = [...lessonTexts, ...bankTexts]
      .flatMap((d) => d.text.split('\n').map((line, i) => ({ where: `${d.file}:${i + 1}`, line })))
      .filter(({ line }) => claim.pattern.test(line))
      .filter(({ where, line }) => !REVIEWED_CORRECTIONS.some((r) => where.startsWith(`${r.file}:`) && line.includes(r.fragment)))
      .map(({ where, line }) => `${where}: ${line.trim().slice(0, 160)}`);
    expect(offenders).toEqual([]);
  });
});
