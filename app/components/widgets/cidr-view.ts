/**
 * What the CIDR calculator shows for a block, gathered from the calculation core. Every number and
 * every sentence comes from lib/calc; this file only picks the IPv4 or IPv6 function and collects
 * each result or the core's reason for refusing it.
 */
import {
  explainParseCidr,
  explainReservedIps,
  explainTotalIps,
  explainUsableIps,
  parseCidrRange,
  usableIps,
  type ParsedCidr,
  type ReservedIp,
} from '@/lib/calc/cidr';
import { formatAddressValue } from '@/lib/calc/ip';
import { explainIpv6UsableIps, ipv6UsableIps, IPV6_DEFAULT_SUBNET_PREFIX } from '@/lib/calc/ipv6';
import type { Explained, Step } from '@/lib/calc/steps';
import { explainSplitCidr, type SplitResult } from '@/lib/calc/subnetting';
import { attempt, type Attempt } from './widget-parts';

/** How many subnets of a split the widget lists (the count is always exact). */
export const SPLIT_SHOWN = 16;

export interface CidrView {
  block: ParsedCidr;
  first: string;
  last: string;
  total: bigint;
  /** Usable addresses in an AWS subnet, or why this block cannot be one. */
  usable: Attempt<Explained<number | bigint>>;
  reserved: Attempt<Explained<ReservedIp[]>>;
  rangeSteps: Step[];
  totalSteps: Step[];
}

/** Everything the calculator shows for `text`; a CalcError (bad block) is the caller's to catch. */
export function describeCidr(text: string): CidrView {
  const parsed = explainParseCidr(text);
  const range = parseCidrRange(text);
  const total = explainTotalIps(text);
  const block = parsed.result;
  return {
    block,
    first: formatAddressValue(range.version, range.first),
    last: formatAddressValue(range.version, range.last),
    total: total.result,
    usable: attempt<Explained<number | bigint>>(() => (block.version === 4 ? explainUsableIps(text) : explainIpv6UsableIps(text))),
    reserved: attempt(() => explainReservedIps(text)),
    rangeSteps: parsed.steps,
    totalSteps: total.steps,
  };
}

export interface SplitRow {
  subnet: string;
  usable: Attempt<number | bigint>;
}

export interface SplitView {
  prefix: number;
  split: Explained<SplitResult>;
  rows: SplitRow[];
}

/** The first SPLIT_SHOWN subnets of /newPrefix in the block, each with its usable addresses. */
export function describeSplit(text: string, version: 4 | 6, newPrefix: number): SplitView {
  const split = explainSplitCidr(text, newPrefix, SPLIT_SHOWN);
  const rows = split.result.subnets.map((subnet) => ({
    subnet,
    usable: attempt<number | bigint>(() => (version === 4 ? usableIps(subnet) : ipv6UsableIps(subnet))),
  }));
  return { prefix: newPrefix, split, rows };
}

/**
 * The split size offered before the student picks one: two bits more for IPv4 (a /24 into four
 * /26s), the usual /64 for an IPv6 block larger than that.
 */
export function defaultSplitPrefix(block: ParsedCidr): number {
  if (block.version === 6 && block.prefix < IPV6_DEFAULT_SUBNET_PREFIX) return IPV6_DEFAULT_SUBNET_PREFIX;
  return Math.min(block.prefix + 2, block.version === 4 ? 32 : 128);
}
