/**
 * Site-to-Site VPN dead peer detection (DPD): when AWS probes a silent customer gateway with
 * R-U-THERE messages, when it declares the peer dead, and what the tunnel's DPD timeout action
 * then does. Facts sheet section 15, rows 122, 125, 129 and 130.
 */
import type { Explained, Step } from './steps';
import { checkInteger, checkObject, checkOneOf, fail } from './traffic-guards';
import { thousands } from './numbers';

/** Seconds without traffic before AWS sends the first R-U-THERE (facts row 130). */
export const DPD_IDLE_SECONDS = 10;
/** Seconds between R-U-THERE probes, so 3 probes fit in the default 30 s timeout (facts row 130). */
export const DPD_PROBE_INTERVAL_SECONDS = 10;
/** Missed replies after which the peer is dead with the default settings (facts row 130). */
export const DPD_MISSED_REPLIES = 3;
/** Default DPD timeout of a tunnel, in seconds (facts row 130). */
export const DPD_TIMEOUT_DEFAULT_SECONDS = 30;
/** Smallest DPD timeout a tunnel accepts, in seconds (facts row 130). */
export const DPD_TIMEOUT_MIN_SECONDS = 30;
/** netprep's own sanity cap on any DPD duration (not an AWS limit): one day. */
export const DPD_MAX_SECONDS = 86_400;
/** Most R-U-THERE probes one timeline may list (a guard against a 1 s interval over a day). */
export const DPD_MAX_PROBES = 10_000;

/** What AWS does when the DPD timeout expires (facts row 130). */
export type DpdTimeoutAction = 'clear' | 'restart' | 'none';
export const DPD_TIMEOUT_ACTIONS: readonly DpdTimeoutAction[] = ['clear', 'restart', 'none'];
/** Default DPD timeout action (facts row 130). */
export const DPD_TIMEOUT_ACTION_DEFAULT: DpdTimeoutAction = 'clear';

export interface DpdOptions {
  /** Seconds of silence before the first probe; default 10. */
  idleSeconds?: number;
  /** Seconds between probes; default 10. */
  probeIntervalSeconds?: number;
  /** The tunnel's DPD timeout, at least 30; default 30. */
  dpdTimeoutSeconds?: number;
  /** The tunnel's DPD timeout action; default 'clear'. */
  timeoutAction?: DpdTimeoutAction;
}

export interface DpdTimeline {
  /** Seconds after the peer fell silent at which AWS sends each R-U-THERE. */
  probesAt: number[];
  /** Second at which AWS declares the peer dead: idle + DPD timeout. */
  deadAt: number;
  /** What happens to the tunnel then, in one sentence. */
  outcome: string;
}

/** The sentence for each timeout action (rows 129 and 130); constants, so no string is built per call. */
const OUTCOMES: Record<DpdTimeoutAction, string> = {
  clear:
    'AWS clears the IKE session and the tunnel goes down; it stays down until the customer gateway ' +
    'starts IKE again (or AWS does, when the tunnel startup action is Start).',
  restart: 'AWS restarts the IKE negotiation itself to bring the tunnel back up.',
  none: 'AWS takes no action: the tunnel is not torn down, although the peer has stopped answering.',
};

interface DpdPlan {
  idle: number;
  interval: number;
  timeout: number;
  action: DpdTimeoutAction;
  probesAt: number[];
  deadAt: number;
}

/** The one implementation of the DPD rule, shared by the plain and explained forms. */
function planDpd(opts: DpdOptions | undefined): DpdPlan {
  const o: DpdOptions = opts === undefined ? {} : checkObject<DpdOptions>(opts, 'The DPD options');
  const idle =
    o.idleSeconds === undefined
      ? DPD_IDLE_SECONDS
      : checkInteger(o.idleSeconds, 'The idle time before the first R-U-THERE', 1, DPD_MAX_SECONDS);
  const interval =
    o.probeIntervalSeconds === undefined
      ? DPD_PROBE_INTERVAL_SECONDS
      : checkInteger(o.probeIntervalSeconds, 'The interval between R-U-THERE probes', 1, DPD_MAX_SECONDS);
  let timeout = DPD_TIMEOUT_DEFAULT_SECONDS;
  if (o.dpdTimeoutSeconds !== undefined) {
    const t = o.dpdTimeoutSeconds;
    if (typeof t === 'number' && Number.isInteger(t) && t < DPD_TIMEOUT_MIN_SECONDS) {
      fail(
        `A DPD timeout of ${t} s is too short: AWS accepts ${DPD_TIMEOUT_MIN_SECONDS} s or more ` +
          `(the default is ${DPD_TIMEOUT_DEFAULT_SECONDS} s).`,
      );
    }
    timeout = checkInteger(t, 'The DPD timeout', DPD_TIMEOUT_MIN_SECONDS, DPD_MAX_SECONDS, 'seconds; AWS requires at least 30');
  }
  const action =
    o.timeoutAction === undefined
      ? DPD_TIMEOUT_ACTION_DEFAULT
      : checkOneOf(o.timeoutAction, 'The DPD timeout action', DPD_TIMEOUT_ACTIONS);
  const count = Math.ceil(timeout / interval);
  if (count > DPD_MAX_PROBES) {
    fail(
      `A ${timeout} s timeout with a probe every ${interval} s would mean ${count} probes; ` +
        `netprep lists at most ${thousands(DPD_MAX_PROBES)}. Use a longer interval.`,
    );
  }
  const deadAt = idle + timeout;
  const probesAt = new Array<number>(count);
  for (let k = 0; k < count; k++) probesAt[k] = idle + k * interval;
  return { idle, interval, timeout, action, probesAt, deadAt };
}

/**
 * Dead peer detection timeline, in seconds after the customer gateway falls silent. AWS sends the
 * first R-U-THERE after `idleSeconds` (10) of silence and another every `probeIntervalSeconds` (10)
 * while no reply comes; the peer is declared dead at idle + DPD timeout (default 30 s, minimum 30),
 * and the timeout action (clear by default, restart, or none) decides the tunnel's fate.
 * Defaults: probes at 10, 20, 30; dead at 40 — the "3 missed replies" of facts row 130.
 * A DPD timeout below 30 s is a CalcError.
 */
export function dpdTimeline(opts?: DpdOptions): DpdTimeline {
  const plan = planDpd(opts);
  return { probesAt: plan.probesAt, deadAt: plan.deadAt, outcome: OUTCOMES[plan.action] };
}

/** `dpdTimeline` with the worked steps (facts rows 129, 130; the two tunnels of rows 122 and 125). */
export function explainDpdTimeline(opts?: DpdOptions): Explained<DpdTimeline> {
  const plan = planDpd(opts);
  const { idle, interval, timeout, action, probesAt, deadAt } = plan;
  const listed = probesAt.length <= 12 ? probesAt.join(', ') : `${probesAt.slice(0, 10).join(', ')}, … ${probesAt[probesAt.length - 1]}`;
  const steps: Step[] = [
    {
      text: `The customer gateway falls silent at 0 s. After ${idle} s without traffic, AWS sends the first R-U-THERE.`,
      values: { idleSeconds: idle },
    },
    {
      text: `With no reply, AWS sends another R-U-THERE every ${interval} s until the DPD timeout runs out: ${probesAt.length} probe${probesAt.length === 1 ? '' : 's'} at ${listed} s.`,
      math: `\\lceil ${timeout} / ${interval} \\rceil = ${probesAt.length}`,
      values: { probeIntervalSeconds: interval, probes: probesAt.length },
    },
    {
      text: `The DPD timeout is ${timeout} s (the default is ${DPD_TIMEOUT_DEFAULT_SECONDS} s, the minimum ${DPD_TIMEOUT_MIN_SECONDS} s), so the peer is declared dead at ${idle} + ${timeout} = ${deadAt} s.`,
      math: `${idle} + ${timeout} = ${deadAt}`,
      values: { dpdTimeoutSeconds: timeout, deadAt },
    },
    { text: `Timeout action '${action}': ${OUTCOMES[action]}`, values: { timeoutAction: action } },
    {
      text: 'Each VPN connection has two tunnels ending in different Availability Zones, so traffic can fail over to the other tunnel if it is up.',
    },
  ];
  return { result: { probesAt, deadAt, outcome: OUTCOMES[action] }, steps };
}
