/**
 * subnet-classification — public, private or VPN-only, read from a subnet's route table (facts
 * rows 9, 62, 66): public means a route to an internet gateway, whatever the address range.
 */
import { classifySubnet, explainClassifySubnet, type Route, type RouteTable, type SubnetClassification, type SubnetKind } from '../../calc/routing';
import type { Explained, Step } from '../../calc/steps';
import { defineGenerator, type QuestionBody } from '../define';
import { multipleChoice, singleChoice, type Distractor } from '../choices';
import type { Rng } from '../rng';
import { S3_PREFIX_BLOCKS, idRecord, randomIpv6Vpc, resourceId, route, routeTableMarkdown, tableParams } from './network-scenario';

type TableJson = ReturnType<typeof tableParams>;
type Params = { variant: 'single'; table: TableJson } | { variant: 'multiple'; subnets: { name: string; table: TableJson }[] };

const LESSON = '/lessons/routing';
const LABELS: Record<SubnetKind, string> = { public: 'Public', private: 'Private', 'vpn-only': 'VPN-only' };
type Template = 'igw' | 'igw-vgw' | 'ipv6-igw' | 'nat' | 'eigw' | 'isolated' | 'vgw';
const TEMPLATES: Template[] = ['igw', 'igw-vgw', 'ipv6-igw', 'nat', 'eigw', 'isolated', 'vgw'];

interface Drawn {
  table: RouteTable;
  vpcCidr: string;
  publicRange: boolean;
  /** Named mistakes for the wrong labels, by label. */
  mistakes: Partial<Record<SubnetKind, [string, string]>>;
}

/** A route to an S3 gateway endpoint through a fresh prefix list, added to `prefixLists` (made on first use). */
function addS3(rng: Rng, routes: Route[], prefixLists: Record<string, string[]> | null): Record<string, string[]> {
  const lists = prefixLists ?? idRecord<string[]>();
  const pl = resourceId(rng, 'pl');
  lists[pl] = [...rng.pick(S3_PREFIX_BLOCKS)];
  routes.push(route(rng, pl, 'vpce'));
  return lists;
}

function drawTable(rng: Rng, t: Template): Drawn {
  const keyCanBePrivate = t === 'nat' || t === 'eigw' || t === 'isolated' || t === 'vgw';
  const publicRange = keyCanBePrivate && rng.chance(0.3);
  const vpcCidr = publicRange ? `${rng.pick([45, 64, 81, 130, 161, 193])}.${rng.int(0, 255)}.0.0/16` : `10.${rng.int(0, 255)}.0.0/16`;
  const v6 = randomIpv6Vpc(rng);
  const onprem = rng.pick(['172.16.0.0/12', '192.168.0.0/16']);
  const routes: Route[] = [route(rng, vpcCidr, 'local')];
  let prefixLists: Record<string, string[]> | null = null;
  const mistakes: Partial<Record<SubnetKind, [string, string]>> = {};
  switch (t) {
    case 'igw':
      routes.push(route(rng, '0.0.0.0/0', 'igw'));
      if (rng.chance(0.4)) routes.push(route(rng, v6, 'local'), route(rng, '::/0', 'igw'));
      if (rng.chance(0.4)) prefixLists = addS3(rng, routes, prefixLists);
      mistakes.private = ['thought the RFC 1918 range makes it private', `The address range does not decide it: ${vpcCidr} is private address space, but 0.0.0.0/0 goes to an internet gateway, so the subnet is public (instances still need a public IP to be reached).`];
      break;
    case 'igw-vgw':
      routes.push(route(rng, '0.0.0.0/0', 'igw'), route(rng, onprem, 'vgw'));
      mistakes['vpn-only'] = ['thought any VGW route makes it VPN-only', `VPN-only means a route to the virtual private gateway and none to an internet gateway. This table also sends 0.0.0.0/0 to an internet gateway, so the subnet is public.`];
      mistakes.private = ['thought the VPN route makes it private', 'The route to the corporate network does not cancel the route to the internet gateway: the subnet is public.'];
      break;
    case 'ipv6-igw':
      routes.push(route(rng, v6, 'local'), route(rng, '::/0', 'igw'));
      if (rng.chance(0.6)) routes.push(route(rng, '0.0.0.0/0', 'nat'));
      mistakes.private = ['only looked at the IPv4 default route', 'IPv6 counts too: ::/0 goes to an internet gateway, so the subnet is public, even though IPv4 traffic leaves through a NAT gateway or not at all.'];
      break;
    case 'nat':
      routes.push(route(rng, '0.0.0.0/0', 'nat'));
      if (rng.chance(0.4)) prefixLists = addS3(rng, routes, prefixLists);
      mistakes.public = ['thought a NAT route makes it public', 'A route to a NAT gateway lets instances start connections to the internet, but the subnet has no route to an internet gateway, so it is private.'];
      break;
    case 'eigw':
      routes.push(route(rng, v6, 'local'), route(rng, '::/0', 'eigw'));
      if (rng.chance(0.6)) routes.push(route(rng, '0.0.0.0/0', 'nat'));
      mistakes.public = ['thought an egress-only internet gateway makes it public', 'An egress-only internet gateway only lets IPv6 traffic out; nothing can start a connection in. With no route to an internet gateway, the subnet is private.'];
      break;
    case 'isolated':
      if (rng.chance(0.5)) routes.push(route(rng, `10.${rng.int(0, 255)}.0.0/16`, 'pcx'));
      if (rng.chance(0.5)) prefixLists = addS3(rng, routes, prefixLists);
      mistakes['vpn-only'] = ['thought a private route makes it VPN-only', 'VPN-only needs a route to a virtual private gateway; this table has none, so the subnet is private.'];
      break;
    case 'vgw': {
      const dest = rng.pick(['0.0.0.0/0', onprem]);
      routes.push(route(rng, dest, 'vgw'));
      mistakes.private = ['overlooked the VPN-only kind', 'A subnet whose table routes to a virtual private gateway and not to an internet gateway is VPN-only.'];
      mistakes.public = [
        dest === '0.0.0.0/0' ? 'thought a 0.0.0.0/0 route makes it public' : 'thought a route to the corporate network makes it public',
        `Only a route to an internet gateway makes a subnet public; ${dest} goes to a virtual private gateway, so the subnet is VPN-only.`,
      ];
      break;
    }
  }
  if (publicRange) {
    mistakes.public = ['called it public because of a public IP range', `${vpcCidr} is a public address range, but that does not make a subnet public: only a route to an internet gateway does, and this table has none.`];
  }
  const shuffled = [routes[0] as Route, ...rng.shuffle(routes.slice(1))];
  return { table: prefixLists !== null ? { routes: shuffled, prefixLists } : { routes: shuffled }, vpcCidr, publicRange, mistakes };
}

function distractorsFor(d: Drawn, key: SubnetKind): Distractor[] {
  return (Object.keys(LABELS) as SubnetKind[])
    .filter((k) => k !== key)
    .map((k) => {
      const [mistake, feedback] = d.mistakes[k] ?? [`mixed up ${LABELS[key].toLowerCase()} and ${LABELS[k].toLowerCase()}`, `Public means a route to an internet gateway; VPN-only, a route to a virtual private gateway and none to an internet gateway; private, neither. This subnet is ${LABELS[key].toLowerCase()}.`];
      return { text: LABELS[k], mistake, feedback };
    });
}

export const subnetClassification = defineGenerator<Params>({
  id: 'subnet-classification',
  version: 1,
  topic: 'routing',
  title: 'Public, private or VPN-only subnet',
  kinds: ['single', 'multiple'],
  solve(p) {
    if (p.variant === 'single') return LABELS[classifySubnet(p.table).kind];
    return p.subnets.filter((s) => classifySubnet(s.table).kind === 'public').map((s) => s.name);
  },
  build(rng): QuestionBody {
    if (rng.chance(0.7)) {
      const d = drawTable(rng, rng.pick(TEMPLATES));
      const explained = explainClassifySubnet(d.table);
      const key = explained.result.kind;
      const built = singleChoice(rng, LABELS[key], distractorsFor(d, key), 3, 3);
      const rangeNote = d.publicRange ? ` The VPC uses \`${d.vpcCidr}\`, a public address range the company owns.` : ` The VPC's CIDR block is \`${d.vpcCidr}\`.`;
      return {
        difficulty: d.publicRange || key === 'vpn-only' ? 2 : 1,
        kind: 'single',
        prompt: `A subnet is associated with this route table.${rangeNote}\n\n${routeTableMarkdown(d.table)}\n\nHow is the subnet classified?`,
        params: { variant: 'single', table: tableParams(d.table) },
        ...built,
        explanation: { summary: `**${LABELS[key]}.** ${explained.result.reason}`, steps: explained.steps, lesson: LESSON },
        expectedSeconds: 30,
      };
    }
    const names = rng.sample(['web', 'app', 'data', 'mgmt', 'edge', 'batch', 'cache', 'vpn'], 4).map((n, i) => `${n}-${String.fromCharCode(97 + i)}`);
    const publicTemplates: Template[] = ['igw', 'igw-vgw', 'ipv6-igw'];
    const otherTemplates: Template[] = ['nat', 'eigw', 'isolated', 'vgw'];
    const templates = rng.shuffle([rng.pick(publicTemplates), rng.pick(otherTemplates), rng.pick(otherTemplates), rng.pick(TEMPLATES)]);
    const subnets = names.map((name, i) => ({ name, drawn: drawTable(rng, templates[i] ?? 'igw') }));
    const explained = subnets.map((s) => explainClassifySubnet(s.drawn.table));
    const kinds = explained.map((e) => e.result.kind);
    const keys = subnets.filter((_, i) => kinds[i] === 'public').map((s) => s.name);
    const distractors = subnets
      .filter((_, i) => kinds[i] !== 'public')
      .map((s) => {
        const [mistake, feedback] = s.drawn.mistakes.public ?? ['called a subnet without an internet gateway route public', `${s.name}'s table has no route to an internet gateway, so it is not public.`];
        return { text: s.name, mistake, feedback: `${s.name}: ${feedback}` };
      });
    const built = multipleChoice(rng, keys, distractors, 4);
    const tables = subnets.map((s) => `**${s.name}** (VPC block \`${s.drawn.vpcCidr}\`)\n\n${routeTableMarkdown(s.drawn.table)}`).join('\n\n');
    // each subnet's last step (the verdict), named
    const steps: Step[] = [];
    subnets.forEach((s, i) => {
      const all = (explained[i] as Explained<SubnetClassification>).steps;
      const last = all[all.length - 1];
      if (last !== undefined) steps.push({ ...last, text: `${s.name}: ${last.text}` });
    });
    return {
      difficulty: 2,
      kind: 'multiple',
      prompt: `Four subnets, each in its own VPC, and their route tables:\n\n${tables}\n\nWhich subnets are public? Choose all that apply.`,
      params: { variant: 'multiple', subnets: subnets.map((s) => ({ name: s.name, table: tableParams(s.drawn.table) })) },
      ...built,
      explanation: { summary: `Public: ${keys.join(', ')}. A subnet is public when its route table has a route to an internet gateway, whatever its address range.`, steps, lesson: LESSON },
      expectedSeconds: 90,
    };
  },
});
