/**
 * Deregistering a target without cutting its users off: Classic Load Balancer connection draining
 * and the ALB/NLB target-group deregistration delay. Facts sheet section 18, row 148.
 *
 * Timeline, in seconds after deregistration starts: the load balancer stops sending new requests
 * to the target at once; each in-flight request may finish until the timeout; whatever is still
 * running at the timeout is closed by force. The target is reported deregistered when its last
 * in-flight request finishes or at the timeout, whichever comes first (at once if none is running).
 */
import type { Explained, Step } from './steps';
import { checkInteger, checkList, checkNonNegative, checkObject, checkOneOf } from './traffic-guards';
import { thousands } from './numbers';

/** CLB connection draining timeout: 1–3600 s, default 300 s (facts row 148). */
export const CLB_DRAINING_MIN_SECONDS = 1;
export const CLB_DRAINING_MAX_SECONDS = 3_600;
export const CLB_DRAINING_DEFAULT_SECONDS = 300;
/** ALB/NLB target-group deregistration delay: 0–3600 s, default 300 s (facts row 148). */
export const DEREGISTRATION_DELAY_MIN_SECONDS = 0;
export const DEREGISTRATION_DELAY_MAX_SECONDS = 3_600;
export const DEREGISTRATION_DELAY_DEFAULT_SECONDS = 300;

/** 'clb' = Classic Load Balancer connection draining; 'target-group' = ALB/NLB deregistration delay. */
export type DrainingKind = 'clb' | 'target-group';
const KINDS: readonly DrainingKind[] = ['clb', 'target-group'];

const BOUNDS: Record<DrainingKind, { min: number; max: number; def: number; name: string }> = {
  clb: { min: CLB_DRAINING_MIN_SECONDS, max: CLB_DRAINING_MAX_SECONDS, def: CLB_DRAINING_DEFAULT_SECONDS, name: 'connection draining timeout' },
  'target-group': {
    min: DEREGISTRATION_DELAY_MIN_SECONDS,
    max: DEREGISTRATION_DELAY_MAX_SECONDS,
    def: DEREGISTRATION_DELAY_DEFAULT_SECONDS,
    name: 'deregistration delay',
  },
};

/**
 * Problems with a draining timeout (empty = valid): a whole number of seconds, 1–3600 for a CLB
 * connection draining timeout, 0–3600 for a target group's deregistration delay (facts row 148).
 */
export function validateDrainingTimeout(seconds: number, kind: DrainingKind = 'clb'): string[] {
  const b = BOUNDS[checkOneOf(kind, 'The load balancer kind', KINDS)];
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < b.min || seconds > b.max) {
    return [`The ${b.name} must be a whole number of seconds from ${b.min} to ${thousands(b.max)} (default ${b.def}), but got ${String(seconds)}.`];
  }
  return [];
}

export interface DrainingOptions {
  /** 'clb' (default) or 'target-group'. */
  kind?: DrainingKind;
  /** The timeout; default 300 s. */
  timeoutSeconds?: number;
  /** Seconds each in-flight request still needs when deregistration starts. */
  inFlightSeconds?: number[];
}

export interface DrainedRequest {
  /** Seconds the request still needed. */
  needsSeconds: number;
  /** When it finished, or null if it was cut off. */
  completedAt: number | null;
  /** When it was closed by force (the timeout), or null if it finished. */
  cutAt: number | null;
}

export interface DrainingTimeline {
  /** New requests stop going to the target at once. */
  newRequestsStopAt: 0;
  /** The timeout: when any request still running is closed by force. */
  timeoutAt: number;
  /** When the target is reported deregistered: the last request's end or the timeout, whichever first. */
  deregisteredAt: number;
  requests: DrainedRequest[];
}

function plan(opts: DrainingOptions | undefined): { kind: DrainingKind; timeline: DrainingTimeline } {
  const o = opts === undefined ? {} : checkObject<DrainingOptions>(opts, 'The draining options');
  const kind = o.kind === undefined ? 'clb' : checkOneOf(o.kind, 'The load balancer kind', KINDS);
  const b = BOUNDS[kind];
  const timeout = o.timeoutSeconds === undefined ? b.def : checkInteger(o.timeoutSeconds, `The ${b.name}`, b.min, b.max, `default ${b.def} s`);
  const inFlight = o.inFlightSeconds === undefined ? [] : checkList<number>(o.inFlightSeconds, 'The in-flight requests');
  const requests = new Array<DrainedRequest>(inFlight.length);
  let lastEnd = 0;
  for (let i = 0; i < inFlight.length; i++) {
    // The label as a function: no message text is built unless the check fails.
    const needs = checkNonNegative(inFlight[i], () => `In-flight request ${i + 1}'s remaining time in seconds`);
    const done = needs <= timeout;
    requests[i] = { needsSeconds: needs, completedAt: done ? needs : null, cutAt: done ? null : timeout };
    lastEnd = Math.max(lastEnd, done ? needs : timeout);
  }
  return { kind, timeline: { newRequestsStopAt: 0, timeoutAt: timeout, deregisteredAt: lastEnd, requests } };
}

/**
 * Timeline of deregistering a target with connection draining (CLB, 1–3600 s, default 300) or a
 * deregistration delay (ALB/NLB target group, 0–3600 s, default 300), facts row 148: new requests
 * stop at 0 s, in-flight requests run until they finish or until the timeout closes them by force,
 * and the target is deregistered when the last one ends or at the timeout, whichever is first.
 */
export function drainingTimeline(opts?: DrainingOptions): DrainingTimeline {
  return plan(opts).timeline;
}

/** `drainingTimeline` with the worked steps. */
export function explainDrainingTimeline(opts?: DrainingOptions): Explained<DrainingTimeline> {
  const { kind, timeline } = plan(opts);
  const b = BOUNDS[kind];
  const cut = timeline.requests.filter((r) => r.cutAt !== null).length;
  const done = timeline.requests.length - cut;
  const steps: Step[] = [
    { text: 'At 0 s deregistration starts: the load balancer stops sending new requests to the target.' },
    {
      text: `The ${b.name} is ${timeline.timeoutAt} s (allowed ${b.min}–${b.max}, default ${b.def}): in-flight requests may run until then.`,
      values: { timeoutSeconds: timeline.timeoutAt },
    },
  ];
  if (timeline.requests.length === 0) {
    steps.push({ text: 'No request is in flight, so the target is deregistered at once (0 s).' });
  } else {
    steps.push({
      text: `${done} of ${timeline.requests.length} in-flight request(s) finish within ${timeline.timeoutAt} s${cut > 0 ? `; ${cut} still running at ${timeline.timeoutAt} s ${cut === 1 ? 'is' : 'are'} closed by force` : ''}.`,
      values: { completed: done, cut },
    });
    steps.push({
      text: `The target is deregistered at ${timeline.deregisteredAt} s: ${cut > 0 ? 'the timeout' : 'when its last request finished, before the timeout'}.`,
      values: { deregisteredAt: timeline.deregisteredAt },
    });
  }
  return { result: timeline, steps };
}
