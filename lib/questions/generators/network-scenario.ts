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

const HEX_DIGITS = '0123456789abcdef';

/**
 * `count` random lowercase hex digits. Appending one-character strings is cheaper than collecting
 * char codes and spreading them into String.fromCharCode (V8 keeps short strings flat).
 */
export function hexDigits(rng: Rng, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += HEX_DIGITS[rng.int(0, 15)] as string;
  return out;
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
  // one string built row by row (no array per row and per list)
  let out = '| Destination | Target |\n|---|---|';
  for (const r of table.routes) out += `\n| \`${r.destination}\` | \`${targetLabel(r)}\` |`;
  let sep = '\n\n';
  const lists = table.prefixLists;
  if (lists !== undefined) {
    for (const id of Object.keys(lists)) {
      const cidrs = lists[id] as string[];
      out += `${sep}\`${id}\` is the Amazon S3 prefix list; it contains `;
      for (let i = 0; i < cidrs.length; i++) out += `${i === 0 ? '' : ', '}\`${cidrs[i] as string}\``;
      out += '.';
      sep = '\n';
    }
  }
  return out;
}

/**
 * An empty plain object for entries keyed by fresh random ids (prefix lists `pl-…`). V8 gives an
 * ordinary object a new hidden class for every new property name (several times the cost of the
 * object itself); an object made in dictionary mode (no prototype at first, then Object.prototype
 * as usual) skips that. It is otherwise an ordinary `{}`: same prototype, keys and JSON.
 */
export function idRecord<T>(): Record<string, T> {
  const o = Object.create(null) as Record<string, T>;
  Object.setPrototypeOf(o, Object.prototype);
  return o;
}

/** Illustrative S3 prefix-list blocks (real lists differ by Region; facts row 93). */
export const S3_PREFIX_BLOCKS = [['52.216.0.0/15', '3.5.0.0/19'], ['54.231.0.0/16', '52.92.16.0/20'], ['16.182.0.0/16', '3.5.64.0/21']] as const;

/** A route table as plain JSON params (every route with its target id). */
export function tableParams(table: RouteTable): { routes: { destination: string; target: RouteTarget; targetId: string }[]; prefixLists?: Record<string, string[]> } {
  const routes = table.routes.map((r) => ({ destination: r.destination, target: r.target, targetId: targetLabel(r) }));
  if (table.prefixLists === undefined) return { routes };
  // a copy, as `{ ...table.prefixLists }` makes it, in an idRecord
  const prefixLists = idRecord<string[]>();
  for (const id of Object.keys(table.prefixLists)) prefixLists[id] = table.prefixLists[id] as string[];
  return { routes, prefixLists };
}
