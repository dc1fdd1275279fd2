/**
 * clb-draining — Classic Load Balancer connection draining (facts row 148): the timeout is
 * 1–3600 s, default 300 s; new requests stop at once, in-flight requests may finish until the
 * timeout, and the rest are closed by force. Through `drainingTimeline` / `validateDrainingTimeout`.
 */
import {
  CLB_DRAINING_DEFAULT_SECONDS,
  CLB_DRAINING_MAX_SECONDS,
  CLB_DRAINING_MIN_SECONDS,
  drainingTimeline,
  explainDrainingTimeline,
  validateDrainingTimeout,
  type DrainingOptions,
} from '../../calc/draining';
import type { Step } from '../../calc/steps';
import { defineGenerator, type QuestionBody } from '../define';
import { multipleChoice, singleChoice, type Distractor } from '../choices';
import type { Rng } from '../rng';
import type { NamedMistake } from '../types';

/** timeoutSeconds null = the default was kept. */
type Params =
  | { variant: 'deregistered-at' | 'cut-off'; timeoutSeconds: number | null; inFlightSeconds: number[] }
  | { variant: 'valid-timeouts'; offered: number[] }
  | { variant: 'default' };

const LESSON = '/lessons/elb';
/** The wrong default students often carry over. */
const WRONG_DEFAULT = 60;

/** The core's options for a CLB: the timeout left out when the default is kept (null). */
function clbOptions(timeout: number | null, inFlightSeconds: number[]): DrainingOptions {
  return timeout === null ? { kind: 'clb', inFlightSeconds } : { kind: 'clb', timeoutSeconds: timeout, inFlightSeconds };
}

function timelineOf(p: { timeoutSeconds: number | null; inFlightSeconds: number[] }, timeout = p.timeoutSeconds) {
  return drainingTimeline(clbOptions(timeout, p.inFlightSeconds));
}

function secondsText(s: number): string {
  return `${s} seconds`;
}

const TIMEOUTS = [30, 45, 60, 90, 120, 180, 240, 600, 900, 1800];
const VALID_TIMEOUTS = [1, 5, 30, 60, 120, 300, 900, 1800, 3600];
const INVALID_TIMEOUTS = [3601, 4000, 7200, 86400];

function drawTimeline(rng: Rng): Params & { variant: 'deregistered-at' | 'cut-off' } {
  const timeoutSeconds = rng.chance(0.4) ? null : rng.pick(TIMEOUTS);
  const t = timeoutSeconds ?? CLB_DRAINING_DEFAULT_SECONDS;
  const n = rng.int(2, 4);
  const inFlightSeconds: number[] = [];
  for (let i = 0; i < n; i++) inFlightSeconds.push(rng.chance(0.5) ? rng.int(1, Math.max(2, t - 1)) : rng.int(t + 1, t * 2 + 60));
  // At least one request outlives the wrong 60 s default, so that mistake shows.
  if (timeoutSeconds === null && inFlightSeconds.every((s) => s <= WRONG_DEFAULT)) inFlightSeconds[0] = rng.int(WRONG_DEFAULT + 5, t - 5);
  return { variant: rng.chance(0.6) ? 'deregistered-at' : 'cut-off', timeoutSeconds, inFlightSeconds };
}

function scenario(p: { timeoutSeconds: number | null; inFlightSeconds: number[] }): string {
  const timeout = p.timeoutSeconds === null ? 'connection draining enabled with its **default** timeout' : `connection draining enabled with a timeout of **${p.timeoutSeconds} seconds**`;
  const list = p.inFlightSeconds.map((s) => `${s} s`).join(', ');
  return `A Classic Load Balancer has ${timeout}. You deregister an instance while ${p.inFlightSeconds.length} requests are in flight on it; they still need ${list} to complete.`;
}

function buildTimeline(p: Params & { variant: 'deregistered-at' | 'cut-off' }): QuestionBody {
  const explained = explainDrainingTimeline(clbOptions(p.timeoutSeconds, p.inFlightSeconds));
  const t = explained.result;
  const longest = Math.max(...p.inFlightSeconds);
  const wrong = p.timeoutSeconds === null ? timelineOf(p, WRONG_DEFAULT) : null;
  const candidates: NamedMistake[] = [];
  const summaryRule = `New requests stop at once; in-flight requests may finish until the timeout (${t.timeoutAt} s${p.timeoutSeconds === null ? ', the default' : ''}), and whatever is still running then is closed by force.`;
  if (p.variant === 'deregistered-at') {
    const answer = t.deregisteredAt;
    if (wrong) candidates.push({ match: wrong.deregisteredAt, name: 'took the default timeout as 60 s', feedback: `The default connection draining timeout is ${CLB_DRAINING_DEFAULT_SECONDS} s, not 60 s.` });
    candidates.push({ match: longest, name: 'thought draining waits for every request (no timeout)', feedback: `Draining is capped by the timeout: at ${t.timeoutAt} s the remaining connections are closed by force.` });
    candidates.push({ match: t.timeoutAt, name: 'thought it always waits the full timeout', feedback: `When the last in-flight request finishes before the timeout, the instance is deregistered at that moment (${answer} s).` });
    candidates.push({ match: 0, name: 'thought deregistration is immediate', feedback: 'With connection draining, the load balancer stops sending NEW requests at once but lets in-flight requests finish first.' });
    return {
      difficulty: 2, kind: 'number', unit: 'seconds',
      prompt: `${scenario(p)}\n\nHow many seconds after you deregister it is the instance reported deregistered (out of service)?`,
      params: p, answer, mistakes: distinct(answer, candidates),
      explanation: { summary: `**${answer} s.** ${summaryRule} The instance is done when its last request ends or at the timeout, whichever comes first.`, steps: explained.steps, lesson: LESSON },
      expectedSeconds: 60,
    };
  }
  const answer = t.requests.filter((r) => r.cutAt !== null).length;
  if (wrong) candidates.push({ match: wrong.requests.filter((r) => r.cutAt !== null).length, name: 'took the default timeout as 60 s', feedback: `The default connection draining timeout is ${CLB_DRAINING_DEFAULT_SECONDS} s, not 60 s.` });
  candidates.push({ match: 0, name: 'thought draining waits for every request (no timeout)', feedback: `Requests still running at ${t.timeoutAt} s are closed by force.` });
  candidates.push({ match: p.inFlightSeconds.length, name: 'thought deregistration drops every in-flight request', feedback: 'Connection draining exists to let in-flight requests finish; only those still running at the timeout are cut.' });
  return {
    difficulty: 2, kind: 'number',
    prompt: `${scenario(p)}\n\nHow many of these requests are closed by force before they complete?`,
    params: p, answer, mistakes: distinct(answer, candidates),
    explanation: { summary: `**${answer}.** ${summaryRule}`, steps: explained.steps, lesson: LESSON },
    expectedSeconds: 45,
  };
}

function distinct(answer: number, candidates: NamedMistake[]): NamedMistake[] {
  const seen: (string | number)[] = [answer];
  return candidates.filter((c) => {
    if (seen.includes(c.match)) return false;
    seen.push(c.match);
    return true;
  });
}

function validMistake(v: number): [string, string] {
  if (v === 0) return ['thought 0 is allowed for a CLB', `0 s is allowed only for an ALB/NLB target group's deregistration delay (0–3600 s); a CLB's connection draining timeout starts at ${CLB_DRAINING_MIN_SECONDS} s.`];
  if (v > CLB_DRAINING_MAX_SECONDS) return ['thought the timeout is unlimited or longer', `The connection draining timeout can be at most ${CLB_DRAINING_MAX_SECONDS} s (1 hour); ${v} s is too long.`];
  return ['misremembered the 1–3600 s range', `${v} s is outside 1–3600 s.`];
}

export const clbDraining = defineGenerator<Params>({
  id: 'clb-draining',
  version: 1,
  topic: 'elb',
  title: 'CLB connection draining: timeline and timeout',
  kinds: ['number', 'multiple', 'single'],
  solve(p) {
    if (p.variant === 'deregistered-at') return timelineOf(p).deregisteredAt;
    if (p.variant === 'cut-off') return timelineOf(p).requests.filter((r) => r.cutAt !== null).length;
    if (p.variant === 'valid-timeouts') return p.offered.filter((v) => validateDrainingTimeout(v, 'clb').length === 0).map(secondsText);
    return secondsText(drainingTimeline({ kind: 'clb' }).timeoutAt);
  },
  build(rng): QuestionBody {
    const roll = rng.int(1, 10);
    if (roll <= 6) return buildTimeline(drawTimeline(rng));
    if (roll <= 9) {
      const valid = rng.sample(VALID_TIMEOUTS, rng.int(1, 3));
      const invalid = rng.sample(INVALID_TIMEOUTS, rng.int(1, 2));
      const offered = rng.shuffle([...valid, 0, ...invalid]);
      const params: Params = { variant: 'valid-timeouts', offered };
      const problems = offered.map((v) => validateDrainingTimeout(v, 'clb'));
      const keys = offered.filter((_, i) => (problems[i] as string[]).length === 0);
      const distractors: Distractor[] = offered
        .filter((v) => !keys.includes(v))
        .map((v) => {
          const [mistake, feedback] = validMistake(v);
          return { text: secondsText(v), mistake, feedback };
        });
      const built = multipleChoice(rng, keys.map(secondsText), distractors, offered.length);
      const steps: Step[] = offered.map((v, i) => {
        const found = problems[i] as string[];
        return { text: found.length === 0 ? `${v} s is within 1–3600 s.` : (found[0] as string), values: { seconds: v, valid: found.length === 0 } };
      });
      return {
        difficulty: 1, kind: 'multiple',
        prompt: 'Which of these values can you set as the **connection draining timeout** of a Classic Load Balancer? Choose all that apply.',
        params, ...built,
        explanation: { summary: `${keys.map((k) => `${k} s`).join(', ')}. The CLB connection draining timeout is 1–3600 s (default 300 s); 0 s exists only for an ALB/NLB target group's deregistration delay.`, steps, lesson: LESSON },
        expectedSeconds: 30,
      };
    }
    const explained = explainDrainingTimeline({ kind: 'clb' });
    const key = secondsText(explained.result.timeoutAt);
    const built = singleChoice(rng, key, [
      { text: secondsText(WRONG_DEFAULT), mistake: 'took the default timeout as 60 s', feedback: `The connection draining default is ${CLB_DRAINING_DEFAULT_SECONDS} s, not 60 s.` },
      { text: secondsText(CLB_DRAINING_MAX_SECONDS), mistake: 'took the maximum for the default', feedback: `${CLB_DRAINING_MAX_SECONDS} s is the longest timeout you can set; the default is ${CLB_DRAINING_DEFAULT_SECONDS} s.` },
      { text: 'No limit: it waits for every request', mistake: 'thought draining is unlimited', feedback: `Draining always has a timeout (1–3600 s, default ${CLB_DRAINING_DEFAULT_SECONDS} s); after it, remaining connections are closed by force.` },
      { text: secondsText(0), mistake: 'thought 0 is allowed for a CLB', feedback: `A CLB's timeout is at least ${CLB_DRAINING_MIN_SECONDS} s; 0 s applies only to an ALB/NLB deregistration delay.` },
    ]);
    return {
      difficulty: 1, kind: 'single',
      prompt: `You enable **connection draining** on a Classic Load Balancer and do not set a timeout. How long does it wait for in-flight requests before closing them?`,
      params: { variant: 'default' }, ...built,
      explanation: { summary: `**${key}.** The connection draining timeout defaults to ${CLB_DRAINING_DEFAULT_SECONDS} s and can be set from 1 to 3600 s.`, steps: explained.steps.slice(0, 2), lesson: LESSON },
      expectedSeconds: 20,
    };
  },
});
