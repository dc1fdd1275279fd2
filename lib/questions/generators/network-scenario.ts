/**
 * Scenario pieces shared by the network group's generators: resource ids, VPC blocks, and route
 * tables drawn from an rng and shown as Markdown. Scenery only: no AWS rule lives here.
 */
import type { Route, RouteTable, RouteTarget } from '../../calc/routing';
import type { Rng } from '../rng';

/** An AWS-style resource id, e.g. `igw-0a1b2c3d`. */
export function resourceId(rng: Rng, prefix: string): string {
  return `${prefix}-${hexDigits(rng, 8)}`;
}

/** `count` random lowercase hex digits (one string made at the end, not one per digit). */
export function hexDigits(rng: Rng, count: number): string {
  const codes = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const d = rng.int(0, 15);
    codes[i] = d < 10 ? 48 + d : 87 + d;
  }
  return String.fromCharCode(...codes);
}

const ID_PREFIX: Record<RouteTarget, string> = {
  local: 'local',
  igw: 'igw',
  nat: 'nat',
  eigw: 'eigw',
  vgw: 'vgw',
  pcx: 'pcx',
  vpce: 'vpce',
  eni: 'eni',
  tgw: 'tgw',
};

/** A route with a fresh target id (local routes keep the target name `local`). */
export function route(rng: Rng, destination: string, target: RouteTarget): Route {
  return { destination, target, targetId: target === 'local' ? 'local' : resourceId(rng, ID_PREFIX[target]) };
}

/** What a student sees for a route's target: its id. */
export function targetLabel(r: Route): string {
  return r.targetId ?? r.target;
}

/** A random Amazon-style IPv6 /56 for a VPC, e.g. `2600:1f18:4a2b:7c00::/56`. */
export function randomIpv6Vpc(rng: Rng): string {
  return `2600:1f${hex(rng.int(16, 31))}:${hex(rng.int(0x1000, 0xffff))}:${hex(rng.int(0x10, 0xff))}00::/56`;
}

function hex(n: number): string {
  return n.toString(16);
}

/** The route table as a Markdown table, rows in the table's own order, prefix lists spelled out below. */
export function routeTableMarkdown(table: RouteTable): string {
  const rows = table.routes.map((r) => `| \`${r.destination}\` | \`${targetLabel(r)}\` |`);
  const lists = Object.entries(table.prefixLists ?? {}).map(
    ([id, cidrs]) => `\`${id}\` is the Amazon S3 prefix list; it contains ${cidrs.map((c) => `\`${c}\``).join(', ')}.`,
  );
  return ['| Destination | Target |', '|---|---|', ...rows].join('\n') + (lists.length > 0 ? `\n\n${lists.join('\n')}` : '');
}

/** Illustrative S3 prefix-list blocks (real lists differ by Region; facts row 93). */
export const S3_PREFIX_BLOCKS = [['52.216.0.0/15', '3.5.0.0/19'], ['54.231.0.0/16', '52.92.16.0/20'], ['16.182.0.0/16', '3.5.64.0/21']] as const;

/** A route table as plain JSON params (every route with its target id). */
export function tableParams(table: RouteTable): { routes: { destination: string; target: RouteTarget; targetId: string }[]; prefixLists?: Record<string, string[]> } {
  const routes = table.routes.map((r) => ({ destination: r.destination, target: r.target, targetId: targetLabel(r) }));
  return table.prefixLists === undefined ? { routes } : { routes, prefixLists: { ...table.prefixLists } };
}
