/**
 * Bring your own IP (BYOIP): which ranges AWS accepts, how many fit in a Region, and which
 * Amazon ASNs the ROA must authorize. An unacceptable range is a verdict with reasons (a
 * result); only junk input is a CalcError.
 */
import { CalcError } from './errors';
import type { Explained, Step } from './steps';
import { describeInput, requireList, requireWholeNumber } from './ip';
import { formatRange, parseCidrRange, rangesOverlap } from './cidr';
import { RFC1918_RANGES } from './vpc';

/** Most specific IPv4 prefix you can bring: /24. Facts row 25. */
export const BYOIP_IPV4_MAX_PREFIX = 24;
/** Most specific IPv6 prefix: /48 for a range that will be advertised, /56 for one that won't. Facts row 25. */
export const BYOIP_IPV6_ADVERTISED_MAX_PREFIX = 48;
export const BYOIP_IPV6_UNADVERTISED_MAX_PREFIX = 56;
/** BYOIP ranges per Region, IPv4 and IPv6 combined; only AWS Support can raise it. Facts row 27. */
export const BYOIP_RANGES_PER_REGION = 5;
/** Amazon ASNs a ROA must authorize (commercial Regions). Facts row 30. */
export const BYOIP_ROA_ASNS: readonly number[] = Object.freeze([16509, 14618]);
/** Amazon ASN a ROA must authorize in AWS GovCloud (US). Facts row 30. */
export const BYOIP_ROA_ASN_GOVCLOUD = 8987;

const PRIVATE = RFC1918_RANGES.map((c) => parseCidrRange(c));

export interface ByoipRequest {
  /** The range to bring, e.g. '203.0.113.0/24' or '2001:db8:1200::/48'. */
  cidr: string;
  /** Whether AWS will advertise the range to the internet (matters for IPv6 only; IPv4 ranges are advertised). */
  advertised: boolean;
  /** Ranges already provisioned in the same Region, IPv4 and IPv6. */
  existingRanges?: string[];
  /** The account's ranges-per-Region limit (default 5; AWS Support can raise it). */
  quota?: number;
}

export interface ByoipVerdict {
  ok: boolean;
  reasons: string[];
}

interface Check {
  ok: boolean;
  say: string;
}

function checks(request: ByoipRequest): Check[] {
  if (request === null || typeof request !== 'object') throw new CalcError(`Expected a BYOIP range request, but got ${describeInput(request)}.`);
  if (typeof request.advertised !== 'boolean') throw new CalcError(`Say whether the range will be advertised (true or false), not ${describeInput(request.advertised)}.`);
  const r = parseCidrRange(request.cidr);
  const existing = requireList<string>(request.existingRanges ?? [], 'The ranges already in the Region').map((c) => parseCidrRange(c));
  const quota = request.quota === undefined ? BYOIP_RANGES_PER_REGION : requireWholeNumber(request.quota, 'The BYOIP ranges-per-Region limit', 1, 1000);
  const name = formatRange(r);
  const out: Check[] = [];
  if (r.version === 4) {
    out.push(
      r.prefix <= BYOIP_IPV4_MAX_PREFIX
        ? { ok: true, say: `/${r.prefix} is /${BYOIP_IPV4_MAX_PREFIX} or less specific, so the IPv4 prefix size is accepted` }
        : { ok: false, say: `The most specific IPv4 prefix you can bring is /${BYOIP_IPV4_MAX_PREFIX}; ${name} is a /${r.prefix}.` },
    );
    const priv = PRIVATE.find((p) => rangesOverlap(p, r));
    out.push(
      priv === undefined
        ? { ok: true, say: `${name} is not a private RFC 1918 range` }
        : { ok: false, say: `${name} is in the private range ${formatRange(priv)}; BYOIP is for public ranges registered to you with a regional internet registry.` },
    );
  } else {
    const max = request.advertised ? BYOIP_IPV6_ADVERTISED_MAX_PREFIX : BYOIP_IPV6_UNADVERTISED_MAX_PREFIX;
    const kind = request.advertised ? 'an advertised' : 'a non-advertised';
    out.push(
      r.prefix <= max
        ? { ok: true, say: `/${r.prefix} is /${max} or less specific, so it is accepted as ${kind} IPv6 range` }
        : { ok: false, say: `The most specific IPv6 prefix for ${kind} range is /${max}; ${name} is a /${r.prefix}.` },
    );
  }
  const clash = existing.find((e) => rangesOverlap(e, r));
  out.push(
    clash === undefined
      ? { ok: true, say: `${name} overlaps none of the ranges already in the Region` }
      : { ok: false, say: `${name} overlaps ${formatRange(clash)}, which is already provisioned.` },
  );
  const count = existing.length;
  out.push(
    count + 1 <= quota
      ? { ok: true, say: `${count} range${count === 1 ? '' : 's'} already in the Region; one more makes ${count + 1}, within the limit of ${quota} (IPv4 and IPv6 together)` }
      : { ok: false, say: `The Region already has ${count} BYOIP ranges and the limit is ${quota}, counting IPv4 and IPv6 together; AWS Support would have to raise it.` },
  );
  return out;
}

/**
 * Whether AWS accepts a BYOIP range: IPv4 /24 or less specific (facts row 25) and public (rows
 * 22, 24); IPv6 /48 or less specific if advertised, /56 if not (row 25); no overlap with a range
 * already provisioned; at most 5 ranges per Region, IPv4 and IPv6 combined (row 27).
 */
export function checkByoipRange(request: ByoipRequest): ByoipVerdict {
  const reasons = checks(request).filter((c) => !c.ok).map((c) => c.say);
  return { ok: reasons.length === 0, reasons };
}

/** Explained form of checkByoipRange: one step per rule, passed or not. */
export function explainCheckByoipRange(request: ByoipRequest): Explained<ByoipVerdict> {
  const all = checks(request);
  const steps: Step[] = all.map((c) => ({ text: c.say, values: { passed: c.ok } }));
  const reasons = all.filter((c) => !c.ok).map((c) => c.say);
  return { result: { ok: reasons.length === 0, reasons }, steps };
}

/** How many more ranges fit in a Region: limit − ranges already there (never below 0). Facts row 27. */
export function byoipRangesLeft(existingRanges: string[], quota: number = BYOIP_RANGES_PER_REGION): number {
  const list = requireList<string>(existingRanges, 'The ranges already in the Region');
  for (const c of list) parseCidrRange(c);
  requireWholeNumber(quota, 'The BYOIP ranges-per-Region limit', 1, 1000);
  return Math.max(0, quota - list.length);
}

/** Explained form of byoipRangesLeft. */
export function explainByoipRangesLeft(existingRanges: string[], quota: number = BYOIP_RANGES_PER_REGION): Explained<number> {
  const result = byoipRangesLeft(existingRanges, quota);
  const v4 = existingRanges.filter((c) => !c.includes(':')).length;
  const v6 = existingRanges.length - v4;
  return {
    result,
    steps: [
      { text: `The limit is ${quota} BYOIP ranges per Region, IPv4 and IPv6 together`, values: { quota } },
      { text: `The Region already has ${v4} IPv4 + ${v6} IPv6 = ${existingRanges.length} ranges`, values: { used: existingRanges.length } },
      { text: `${quota} − ${existingRanges.length} = ${result} more`, math: `${quota} - ${existingRanges.length} = ${result}`, values: { left: result } },
    ],
  };
}

/**
 * Whether the range needs a ROA authorizing Amazon's ASNs (16509 and 14618; 8987 in GovCloud):
 * every IPv4 range and every advertised IPv6 range; a non-advertised IPv6 range does not. Facts row 30.
 */
export function byoipNeedsRoa(cidr: string, advertised: boolean): boolean {
  const r = parseCidrRange(cidr);
  return r.version === 4 || advertised;
}
