/**
 * Wording shared by the traffic generators (load balancing, NACLs, security groups): percentages
 * rounded for the student, zone letters, firewall rules as table rows and sentences, and number
 * mistakes that never collide with the key. Presentation only — every AWS rule stays in lib/calc.
 */
import type { NaclRule } from '../../calc/nacl';
import { upperName } from '../../calc/traffic-guards';
import type { Distractor } from '../choices';
import type { NamedMistake } from '../types';

/** Percentages are asked to two decimal places, so answers within 0.01 count. */
export const PERCENT_TOLERANCE = 0.01;

/** A value rounded to two decimal places (half up), as the prompts ask. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Zone label by index: A, B, C … */
export function zoneLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

export interface NumberMistake {
  value: number;
  name: string;
  feedback: string;
}

/**
 * Named wrong numbers for a number question: rounded like the key, dropping any within the
 * tolerance of the key or of an earlier mistake (first named wins).
 */
export function numberMistakes(answer: number, tolerance: number, candidates: readonly NumberMistake[], round = round2): NamedMistake[] {
  const out: NamedMistake[] = [];
  const taken = [answer];
  for (const c of candidates) {
    const v = round(c.value);
    if (!Number.isFinite(v) || taken.some((t) => Math.abs(t - v) <= tolerance + 1e-9)) continue;
    taken.push(v);
    out.push({ match: v, name: c.name, feedback: c.feedback });
  }
  return out;
}

/** The same wrong numbers as distractors of a single-choice question (text = the number). */
export function numberDistractors(candidates: readonly NumberMistake[], round = round2): Distractor[] {
  return candidates.filter((c) => Number.isFinite(c.value)).map((c) => ({ text: String(round(c.value)), mistake: c.name, feedback: c.feedback }));
}

/** A rule's protocol as the console shows it: 'All' for every protocol, otherwise in capitals. */
export function protocolText(protocol: string): string {
  return protocol === 'all' ? 'All' : upperName(protocol);
}

/** A NACL rule's action as the console shows it: ALLOW or DENY. */
function actionText(action: string): string {
  return action === 'allow' ? 'ALLOW' : action === 'deny' ? 'DENY' : action.toUpperCase();
}

/** A tcp/udp port range as text: one port, a range, or All. */
export function portRangeText(protocol: string, fromPort: number | undefined, toPort: number | undefined): string {
  if (protocol !== 'tcp' && protocol !== 'udp') return 'All';
  if (fromPort === undefined || toPort === undefined) return 'All';
  if (fromPort === 0 && toPort === 65535) return '0–65535 (all)';
  return fromPort === toPort ? String(fromPort) : `${fromPort}–${toPort}`;
}

/** NACL rules as a Markdown table, in the order given (the peer column is Source or Destination). */
export function naclTable(rules: readonly NaclRule[], direction: 'inbound' | 'outbound'): string {
  // one string built row by row (no array per row)
  let out = `| Rule # | Protocol | Port range | ${direction === 'inbound' ? 'Source' : 'Destination'} | Allow/Deny |\n|---|---|---|---|---|`;
  for (const r of rules) {
    out += `\n| ${r.ruleNumber} | ${protocolText(r.protocol)} | ${portRangeText(r.protocol, r.fromPort, r.toPort)} | \`${r.cidr}\` | ${actionText(r.action)} |`;
  }
  return out;
}

/** One NACL rule as a sentence, e.g. "Rule 100: ALLOW TCP 443 from 0.0.0.0/0". */
export function naclRuleSentence(r: NaclRule, direction: 'inbound' | 'outbound'): string {
  const ports = r.protocol === 'tcp' || r.protocol === 'udp' ? ` ${portRangeText(r.protocol, r.fromPort, r.toPort)}` : '';
  const what = r.protocol === 'all' ? 'all traffic' : `${protocolText(r.protocol)}${ports}`;
  return `Rule ${r.ruleNumber}: ${actionText(r.action)} ${what} ${direction === 'inbound' ? 'from' : 'to'} ${r.cidr}`;
}
