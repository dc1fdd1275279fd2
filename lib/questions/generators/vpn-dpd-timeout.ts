/**
 * vpn-dpd-timeout — Site-to-Site VPN dead peer detection (facts row 130): when AWS declares a
 * silent customer gateway dead, how many R-U-THERE probes it sends first, and what the tunnel's
 * DPD timeout action then does. Params are exactly the core's `dpdTimeline` options, plus `ask`.
 */
import { DPD_TIMEOUT_ACTIONS, DPD_TIMEOUT_MIN_SECONDS, dpdTimeline, explainDpdTimeline, type DpdTimeoutAction } from '../../calc/dpd';
import type { Step } from '../../calc/steps';
import { defineGenerator, type QuestionBody } from '../define';
import { singleChoice, type Distractor } from '../choices';
import type { NamedMistake } from '../types';

type Ask = 'dead-at' | 'probes' | 'action';

interface Params {
  idleSeconds: number;
  probeIntervalSeconds: number;
  dpdTimeoutSeconds: number;
  timeoutAction: DpdTimeoutAction;
  ask: Ask;
}

const LESSON = '/lessons/vpn';
/** AWS's fixed behaviour: first probe after 10 s of silence, then one every 10 s (row 130). */
const IDLE = 10;
const INTERVAL = 10;
const TIMEOUTS = [30, 30, 30, 35, 40, 45, 50, 55, 60, 75, 90, 120];
const ACTION_NAMES: Record<DpdTimeoutAction, string> = { clear: 'Clear', restart: 'Restart', none: 'None' };
const SITES = ['a branch office in Lyon', 'the Denver data center', 'a retail store', 'the Osaka factory', 'a partner colocation rack', 'the head office', 'a warehouse in Leeds', 'the disaster-recovery site'];
const DEVICES = ['Cisco ASR', 'Palo Alto firewall', 'strongSwan server', 'FortiGate', 'Juniper SRX', 'pfSense appliance'];

/** Why a student might expect another action's outcome: [mistake, feedback] by actual action, then by picked action. */
const CONFUSION: Record<DpdTimeoutAction, Record<DpdTimeoutAction, [string, string]>> = {
  clear: {
    clear: ['', ''],
    restart: ['confused Clear and Restart', 'Restart is the action that makes AWS renegotiate IKE. Clear ends the session and leaves the tunnel down until IKE is started again.'],
    none: ['thought Clear leaves the tunnel alone', 'None is the action that does nothing. Clear, the default, tears the IKE session down.'],
  },
  restart: {
    restart: ['', ''],
    clear: ['confused Clear and Restart', 'Clear ends the IKE session and waits for IKE to be started again. Restart makes AWS renegotiate IKE itself.'],
    none: ['thought Restart means no action', 'None is the action that does nothing. Restart makes AWS restart the IKE negotiation.'],
  },
  none: {
    none: ['', ''],
    clear: ['assumed the default action applies', 'Clear is only the default. With the action set to None, AWS leaves the tunnel as it is when DPD times out.'],
    restart: ['thought None still restarts IKE', 'Restart is a separate action. With None, AWS does nothing when DPD times out.'],
  },
};

function options(p: Params) {
  return { idleSeconds: p.idleSeconds, probeIntervalSeconds: p.probeIntervalSeconds, dpdTimeoutSeconds: p.dpdTimeoutSeconds, timeoutAction: p.timeoutAction };
}

/** Named wrong numbers, without the key and without duplicates. */
function numberMistakes(key: number, list: NamedMistake[]): NamedMistake[] {
  const seen: number[] = [key];
  return list.filter((m) => {
    const n = m.match as number;
    if (n <= 0 || seen.includes(n)) return false;
    seen.push(n);
    return true;
  });
}

function explanationOf(steps: Step[], summary: string): { summary: string; steps: Step[]; lesson: string } {
  return { summary, steps, lesson: LESSON };
}

/** What the same tunnel would do with another timeout action, by the core. */
function outcomeWith(params: Params, a: DpdTimeoutAction): string {
  return dpdTimeline({ ...options(params), timeoutAction: a }).outcome;
}

export const vpnDpdTimeout = defineGenerator<Params>({
  id: 'vpn-dpd-timeout',
  version: 1,
  topic: 'vpn',
  title: 'VPN dead peer detection: probes, timeout and action',
  kinds: ['number', 'single'],
  solve(p) {
    const t = dpdTimeline(options(p));
    if (p.ask === 'dead-at') return t.deadAt;
    if (p.ask === 'probes') return t.probesAt.length;
    return t.outcome;
  },
  build(rng): QuestionBody {
    const ask = rng.pick<Ask>(['dead-at', 'dead-at', 'probes', 'action']);
    const timeout = rng.pick(TIMEOUTS);
    const timeoutAction = rng.pick(DPD_TIMEOUT_ACTIONS);
    const params: Params = { idleSeconds: IDLE, probeIntervalSeconds: INTERVAL, dpdTimeoutSeconds: timeout, timeoutAction, ask };
    const explained = explainDpdTimeline(options(params));
    const { deadAt, probesAt, outcome } = explained.result;
    const site = rng.pick(SITES);
    const device = rng.pick(DEVICES);
    const tunnel = rng.pick(['Tunnel 1', 'Tunnel 2']);
    // A 30 s timeout may be described as the default, the minimum, or plainly.
    const wording = timeout === DPD_TIMEOUT_MIN_SECONDS ? rng.pick(['default', 'minimum', 'plain'] as const) : 'plain';
    const timeoutText =
      wording === 'default' ? 'left at its default value' : wording === 'minimum' ? 'set to the shortest value AWS accepts' : `set to **${timeout} seconds**`;
    const setup =
      `A Site-to-Site VPN connects your VPC to ${site} through a ${device}. On ${tunnel}, the DPD timeout is ${timeoutText} ` +
      `and the DPD timeout action is **${ACTION_NAMES[timeoutAction]}**. AWS sends the first R-U-THERE after ${IDLE} seconds without traffic ` +
      `and repeats it every ${INTERVAL} seconds while no reply comes.\n\nAt 0 s the ${device} loses power and stops answering.`;
    const last = probesAt[probesAt.length - 1] ?? 0;

    if (ask === 'dead-at') {
      const mistakes = numberMistakes(deadAt, [
        { match: timeout, name: 'forgot the idle period', feedback: `The DPD timeout only starts once AWS begins probing, after ${IDLE} s of silence: ${IDLE} + ${timeout} = ${deadAt} s, not ${timeout} s.` },
        { match: last, name: 'declared the peer dead at the last probe', feedback: `The last R-U-THERE goes out at ${last} s; the peer is declared dead when the ${timeout} s timeout runs out, at ${IDLE} + ${timeout} = ${deadAt} s.` },
        { match: IDLE + 3 * INTERVAL, name: 'used the fixed "3 missed replies" rule', feedback: `Three missed replies only match the default 30 s timeout. This tunnel's timeout is ${timeout} s, so the peer is dead at ${IDLE} + ${timeout} = ${deadAt} s.` },
        { match: IDLE + 10, name: 'thought the timeout can be below 30 s', feedback: `The DPD timeout cannot be shorter than ${DPD_TIMEOUT_MIN_SECONDS} s, so the earliest the peer can be declared dead is ${IDLE} + ${DPD_TIMEOUT_MIN_SECONDS} = ${IDLE + DPD_TIMEOUT_MIN_SECONDS} s.` },
        { match: timeout + 2 * IDLE, name: 'added the idle period twice', feedback: `Only the first ${IDLE} s of silence come before the timeout starts: ${IDLE} + ${timeout} = ${deadAt} s.` },
      ]).filter((m) => wording === 'minimum' || m.name !== 'thought the timeout can be below 30 s');
      return {
        difficulty: wording === 'plain' ? 1 : 2,
        kind: 'number',
        prompt: `${setup}\n\nHow many seconds after 0 s does AWS declare the peer dead?`,
        params: { ...params },
        answer: deadAt,
        unit: 'seconds',
        explanation: explanationOf(explained.steps, `AWS starts probing after ${IDLE} s and waits the ${timeout} s DPD timeout, so the peer is dead at **${deadAt} s**.`),
        mistakes,
        expectedSeconds: 45,
      };
    }

    if (ask === 'probes') {
      const n = probesAt.length;
      const floor = Math.floor(timeout / INTERVAL);
      const mistakes = numberMistakes(n, [
        { match: n + 1, name: 'counted one probe too many (off by one)', feedback: `Probes go out at ${probesAt.join(', ')} s. The peer is declared dead at ${deadAt} s and no further probe goes out, so there are ${n}.` },
        { match: n - 1, name: 'counted one probe too few (off by one)', feedback: `The first R-U-THERE goes out at ${IDLE} s, when the timeout starts; counting it, the probes are at ${probesAt.join(', ')} s: ${n} in all.` },
        { match: floor, name: 'rounded the division down', feedback: `A probe is sent at the start of every ${INTERVAL} s slot within the ${timeout} s timeout, including a partial last slot: ⌈${timeout} / ${INTERVAL}⌉ = ${n}.` },
        { match: 3, name: 'assumed always 3 probes', feedback: `Three R-U-THERE messages go with the default 30 s timeout. With ${timeout} s, AWS sends ⌈${timeout} / ${INTERVAL}⌉ = ${n}.` },
      ]);
      return {
        difficulty: 2,
        kind: 'number',
        prompt: `${setup}\n\nHow many R-U-THERE messages does AWS send before it declares the peer dead?`,
        params: { ...params },
        answer: n,
        unit: 'messages',
        explanation: explanationOf(explained.steps, `Probes go out every ${INTERVAL} s from ${IDLE} s until the timeout ends at ${deadAt} s: **${n}** R-U-THERE messages (at ${probesAt.join(', ')} s).`),
        mistakes,
        expectedSeconds: 50,
      };
    }

    const others = DPD_TIMEOUT_ACTIONS.filter((a) => a !== timeoutAction);
    const distractors: Distractor[] = others.map((a) => {
      const [mistake, feedback] = CONFUSION[timeoutAction][a];
      return { text: outcomeWith(params, a), mistake, feedback };
    });
    distractors.push({
      text: 'AWS deletes the VPN connection, and a new one must be created with new tunnel addresses.',
      mistake: 'thought DPD deletes the connection',
      feedback: 'DPD only acts on the IKE session of the tunnel; the VPN connection and its tunnel addresses stay in place.',
    });
    const built = singleChoice(rng, outcome, distractors);
    return {
      difficulty: 1,
      kind: 'single',
      prompt: `${setup}\n\nAWS declares the peer dead at ${deadAt} s. What happens to ${tunnel} then?`,
      params: { ...params },
      ...built,
      explanation: explanationOf(explained.steps, `The timeout action is ${ACTION_NAMES[timeoutAction]}: ${outcome}`),
      expectedSeconds: 30,
    };
  },
});
