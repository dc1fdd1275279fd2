/**
 * dhcp-option-limits — is a DHCP option set within AWS's limits? Up to 4 IPv4 DNS servers
 * (AmazonProvidedDNS takes one of them) and 4 IPv6 (facts row 34; not 4 in total), up to 4
 * IPv4 and 4 IPv6 NTP servers (row 35); mixing AmazonProvidedDNS with custom servers is
 * discouraged. The core's validateDhcpOptions decides.
 */
import {
  AMAZON_PROVIDED_DNS,
  AMAZON_TIME_SYNC_IPV4,
  AMAZON_TIME_SYNC_IPV6_NITRO,
  DHCP_MAX_IPV4_DNS_SERVERS,
  DHCP_MAX_IPV6_DNS_SERVERS,
  DHCP_MAX_IPV4_NTP_SERVERS,
  DHCP_MAX_IPV6_NTP_SERVERS,
  explainValidateDhcpOptions,
  validateDhcpOptions,
  type DhcpProblem,
} from '../../calc/dns';
import { defineGenerator, type QuestionBody } from '../define';
import { singleChoice, type Distractor } from '../choices';
import type { NamedMistake } from '../types';
import type { Rng } from '../rng';

type Options = { domainName: string; domainNameServers: string[]; ntpServers: string[] };
type Outcome = 'valid' | 'warning' | 'dns4' | 'dns6' | 'ntp4' | 'ntp6';
type Slot = 'dns4' | 'dns6' | 'ntp4' | 'ntp6';

type Params = { variant: 'verdict'; options: Options } | { variant: 'room'; options: Options; slot: Slot };

const LESSON = '/lessons/dhcp-dns';
const DOMAINS = ['corp.example.com', 'ad.example.internal', 'prod.example.org', 'eu-west-1.compute.internal', 'example.net', 'lab.example.com'];

const OUTCOME_TEXT: Record<Outcome, string> = {
  valid: 'The option set is valid',
  warning: 'It is accepted, but mixing AmazonProvidedDNS with custom DNS servers is discouraged',
  dns4: 'It is refused: too many IPv4 DNS servers',
  dns6: 'It is refused: too many IPv6 DNS servers',
  ntp4: 'It is refused: too many IPv4 NTP servers',
  ntp6: 'It is refused: too many IPv6 NTP servers',
};

/** Outcomes in the order distractors are offered (before the tempting ones are moved up). */
const ORDER: readonly Outcome[] = ['valid', 'dns4', 'ntp4', 'warning', 'dns6', 'ntp6'];

const LIMIT: Record<Slot, number> = { dns4: DHCP_MAX_IPV4_DNS_SERVERS, dns6: DHCP_MAX_IPV6_DNS_SERVERS, ntp4: DHCP_MAX_IPV4_NTP_SERVERS, ntp6: DHCP_MAX_IPV6_NTP_SERVERS };
const SLOT_TEXT: Record<Slot, string> = { dns4: 'IPv4 DNS servers', dns6: 'IPv6 DNS servers', ntp4: 'IPv4 NTP servers', ntp6: 'IPv6 NTP servers' };

function outcomeOf(problems: DhcpProblem[]): Outcome {
  const error = problems.find((p) => p.severity === 'error');
  if (error !== undefined) {
    const v6 = error.message.includes('IPv6');
    if (error.field === 'domainNameServers') return v6 ? 'dns6' : 'dns4';
    if (error.field === 'ntpServers') return v6 ? 'ntp6' : 'ntp4';
    throw new Error(`dhcp-option-limits: unexpected problem "${error.message}"`);
  }
  return problems.length > 0 ? 'warning' : 'valid';
}

/**
 * A private IPv4 address from one of the three RFC 1918 blocks, as a number that `v4Text` turns
 * into the address (block × 2^24 + its drawn numbers, each below 256: one number per address).
 * Every block's numbers are drawn first (10.x.x.x, then 172.x.x.x, then 192.168.x.x) and then the
 * block picked, as always; only the picked address is kept.
 */
function drawV4(rng: Rng): number {
  const a1 = rng.int(0, 250);
  const a2 = rng.int(0, 250);
  const a3 = rng.int(2, 250);
  const b1 = rng.int(16, 31);
  const b2 = rng.int(0, 250);
  const b3 = rng.int(2, 250);
  const c2 = rng.int(0, 250);
  const c3 = rng.int(2, 250);
  switch (rng.int(0, 2)) {
    case 0:
      return (a1 << 16) | (a2 << 8) | a3;
    case 1:
      return (1 << 24) | (b1 << 16) | (b2 << 8) | b3;
    default:
      return (2 << 24) | (c2 << 8) | c3;
  }
}

function v4Text(key: number): string {
  const block = key >>> 24;
  const x = (key >>> 16) & 0xff;
  const y = (key >>> 8) & 0xff;
  const z = key & 0xff;
  return block === 0 ? `10.${x}.${y}.${z}` : block === 1 ? `172.${x}.${y}.${z}` : `192.168.${y}.${z}`;
}

/** An IPv6 address for a role, 2001:db8:<x>::53<d> or ::123<d>, as the number x × 10 + d. */
function drawV6(rng: Rng): number {
  const x = rng.int(1, 0xfff);
  return x * 10 + rng.int(0, 9);
}

function v6Text(key: number, role: 'dns' | 'ntp'): string {
  return `2001:db8:${Math.floor(key / 10).toString(16)}::${role === 'dns' ? '53' : '123'}${key % 10}`;
}

/**
 * `count` distinct addresses, in draw order (a repeat is drawn again). Two addresses are the same
 * text exactly when their numbers are equal, so repeats are found among the numbers: a short
 * list, scanned, before any text is made.
 */
function distinct(rng: Rng, count: number, draw: (rng: Rng) => number): number[] {
  const out: number[] = [];
  while (out.length < count) {
    const k = draw(rng);
    if (!out.includes(k)) out.push(k);
  }
  return out;
}

/** Add `k` more servers of a slot to a copy of the options. */
function withMore(o: Options, slot: Slot, k: number): Options {
  const extra = Array.from({ length: k }, (_, i) => (slot.endsWith('4') ? `198.51.100.${i + 1}` : `2001:db8:ffff::${(i + 1).toString(16)}`));
  return slot.startsWith('dns') ? { ...o, domainNameServers: [...o.domainNameServers, ...extra] } : { ...o, ntpServers: [...o.ntpServers, ...extra] };
}

/** How many more servers of a slot the core accepts (searching upwards through validateDhcpOptions). */
function room(o: Options, slot: Slot): number {
  let k = 0;
  while (k < 16 && !validateDhcpOptions(withMore(o, slot, k + 1)).some((p) => p.severity === 'error')) k++;
  return k;
}

function draw(rng: Rng, target: Outcome): Options {
  const amazon = target === 'warning' || (target === 'dns4' && rng.chance(0.5)) || (target === 'valid' && rng.chance(0.3));
  let dns4 = target === 'dns4' ? (amazon ? 4 : 5) : target === 'warning' ? rng.int(1, 3) : amazon ? 0 : rng.int(1, 4);
  let dns6 = target === 'dns6' ? 5 : rng.int(0, 4);
  if (target === 'valid' && amazon) dns6 = 0;
  if (target === 'warning' && rng.chance(0.5)) dns6 = 0;
  if (target === 'valid' && !amazon && dns4 + dns6 <= 4 && rng.chance(0.6)) {
    dns4 = Math.max(dns4, 2);
    dns6 = 4 - dns4 + rng.int(1, 2);
  }
  const ntp4 = target === 'ntp4' ? 5 : rng.int(0, 4);
  const ntp6 = target === 'ntp6' ? 5 : rng.int(0, target === 'valid' ? 4 : 3);
  const dns: string[] = amazon ? [AMAZON_PROVIDED_DNS] : [];
  for (const k of distinct(rng, dns4, drawV4)) dns.push(v4Text(k));
  for (const k of distinct(rng, dns6, drawV6)) dns.push(v6Text(k, 'dns'));
  const ntp = distinct(rng, ntp4, drawV4).map(v4Text);
  if (ntp.length > 0 && rng.chance(0.5)) ntp[0] = AMAZON_TIME_SYNC_IPV4;
  const ntpV6 = distinct(rng, ntp6, drawV6);
  const timeSync6 = ntpV6.length > 0 && rng.chance(0.5);
  for (let i = 0; i < ntpV6.length; i++) ntp.push(i === 0 && timeSync6 ? AMAZON_TIME_SYNC_IPV6_NITRO : v6Text(ntpV6[i] as number, 'ntp'));
  return { domainName: rng.pick(DOMAINS), domainNameServers: dns, ntpServers: ntp };
}

function serverList(xs: string[]): string {
  if (xs.length === 0) return '(not set)';
  let out = `\`${xs[0] as string}\``;
  for (let i = 1; i < xs.length; i++) out += `, \`${xs[i] as string}\``;
  return out;
}

function table(o: Options): string {
  return `| Option | Value |\n|---|---|\n| domain-name | \`${o.domainName}\` |\n| domain-name-servers | ${serverList(o.domainNameServers)} |\n| ntp-servers | ${serverList(o.ntpServers)} |`;
}

function counts(o: Options): { amazon: number; dns4: number; dns6: number; ntp4: number; ntp6: number } {
  let amazon = 0;
  let dns4 = 0;
  let dns6 = 0;
  for (const s of o.domainNameServers) {
    if (s === AMAZON_PROVIDED_DNS) amazon = 1;
    else if (s.includes(':')) dns6++;
    else dns4++;
  }
  let ntp4 = 0;
  let ntp6 = 0;
  for (const s of o.ntpServers) {
    if (s.includes(':')) ntp6++;
    else ntp4++;
  }
  return { amazon, dns4, dns6, ntp4, ntp6 };
}

/** Add a named wrong number unless it is negative, the key, or already named. */
function addWrong(wrong: NamedMistake[], key: number, v: number, name: string, feedback: string): void {
  if (v >= 0 && v !== key && !wrong.some((w) => w.match === v)) wrong.push({ match: v, name, feedback });
}

function buildVerdict(rng: Rng): QuestionBody {
  for (;;) {
    const target = rng.pick<Outcome>(['valid', 'valid', 'warning', 'dns4', 'dns4', 'dns6', 'ntp4', 'ntp6']);
    const options = draw(rng, target);
    const explained = explainValidateDhcpOptions(options);
    if (explained.result.filter((p) => p.severity === 'error').length > 1 || outcomeOf(explained.result) !== target) continue;
    const c = counts(options);
    const why: Record<Outcome, { mistake: string; feedback: string }> = {
      valid:
        target === 'dns4' && c.amazon === 1
          ? { mistake: 'forgot AmazonProvidedDNS takes an IPv4 slot', feedback: `AmazonProvidedDNS counts as one of the ${DHCP_MAX_IPV4_DNS_SERVERS} IPv4 DNS servers, so with ${c.dns4} more the set has ${c.dns4 + 1}.` }
          : target === 'warning'
            ? { mistake: 'missed the AmazonProvidedDNS mix', feedback: 'The set is accepted, but mixing AmazonProvidedDNS with your own servers is discouraged: instances may get different answers depending on which server they ask.' }
            : { mistake: 'misremembered the limits', feedback: `The limits are ${DHCP_MAX_IPV4_DNS_SERVERS} IPv4 + ${DHCP_MAX_IPV6_DNS_SERVERS} IPv6 DNS servers and ${DHCP_MAX_IPV4_NTP_SERVERS} IPv4 + ${DHCP_MAX_IPV6_NTP_SERVERS} IPv6 NTP servers; this set exceeds one of them.` },
      warning:
        c.amazon === 1 && c.dns4 + c.dns6 > 0
          ? { mistake: 'stopped at the warning', feedback: `Mixing AmazonProvidedDNS with custom servers is only discouraged, but this set also breaks a hard limit, so it is refused.` }
          : { mistake: 'saw a mix that is not there', feedback: c.amazon === 1 ? 'AmazonProvidedDNS is the only DNS entry, so nothing is mixed.' : 'AmazonProvidedDNS is not in this set, so nothing is mixed.' },
      dns4:
        c.dns4 + c.amazon <= DHCP_MAX_IPV4_DNS_SERVERS && c.dns4 + c.amazon + c.dns6 > DHCP_MAX_IPV4_DNS_SERVERS
          ? { mistake: 'thought 4 DNS servers in total', feedback: `The limit is ${DHCP_MAX_IPV4_DNS_SERVERS} IPv4 and, separately, ${DHCP_MAX_IPV6_DNS_SERVERS} IPv6 DNS servers (8 in all); this set has ${c.dns4 + c.amazon} IPv4 and ${c.dns6} IPv6.` }
          : { mistake: 'miscounted the IPv4 DNS servers', feedback: `The set has ${c.dns4 + c.amazon} IPv4 DNS server${c.dns4 + c.amazon === 1 ? '' : 's'} (AmazonProvidedDNS included), within the limit of ${DHCP_MAX_IPV4_DNS_SERVERS}.` },
      dns6: { mistake: 'miscounted the IPv6 DNS servers', feedback: `The set has ${c.dns6} IPv6 DNS server${c.dns6 === 1 ? '' : 's'}; up to ${DHCP_MAX_IPV6_DNS_SERVERS} are allowed.` },
      ntp4:
        c.ntp4 <= DHCP_MAX_IPV4_NTP_SERVERS && c.ntp4 + c.ntp6 > DHCP_MAX_IPV4_NTP_SERVERS
          ? { mistake: 'thought 4 NTP servers in total', feedback: `NTP servers are limited to ${DHCP_MAX_IPV4_NTP_SERVERS} IPv4 and ${DHCP_MAX_IPV6_NTP_SERVERS} IPv6 (8 in all); this set has ${c.ntp4} IPv4 and ${c.ntp6} IPv6.` }
          : { mistake: 'miscounted the IPv4 NTP servers', feedback: `The set has ${c.ntp4} IPv4 NTP server${c.ntp4 === 1 ? '' : 's'}; up to ${DHCP_MAX_IPV4_NTP_SERVERS} are allowed.` },
      ntp6: { mistake: 'miscounted the IPv6 NTP servers', feedback: `The set has ${c.ntp6} IPv6 NTP server${c.ntp6 === 1 ? '' : 's'}; up to ${DHCP_MAX_IPV6_NTP_SERVERS} are allowed.` },
    };
    // The other outcomes in ORDER, those whose mistake starts with "thought"/"forgot" first
    // (a stable partition: what the stable sort on that flag gave).
    const tempting: Outcome[] = [];
    const rest: Outcome[] = [];
    for (const o of ORDER) {
      if (o === target) continue;
      const m = why[o].mistake;
      (m.startsWith('thought') || m.startsWith('forgot') ? tempting : rest).push(o);
    }
    for (const o of rest) tempting.push(o);
    const distractors: Distractor[] = tempting.map((o) => ({ text: OUTCOME_TEXT[o], mistake: why[o].mistake, feedback: why[o].feedback }));
    const problem = explained.result[0];
    return {
      difficulty: 2,
      kind: 'single',
      prompt: `You create this DHCP option set for a VPC:\n\n${table(options)}\n\nWhat happens?`,
      params: { variant: 'verdict', options },
      ...singleChoice(rng, OUTCOME_TEXT[target], distractors),
      explanation: {
        summary: problem === undefined ? '**Valid**: every list is within the limits (4 IPv4 + 4 IPv6 DNS servers, 4 IPv4 + 4 IPv6 NTP servers).' : `${problem.severity === 'error' ? '**Refused**' : '**Accepted, with a warning**'}: ${problem.message}`,
        steps: explained.steps,
        lesson: LESSON,
      },
      expectedSeconds: 60,
    };
  }
}

function buildRoom(rng: Rng): QuestionBody {
  for (;;) {
    const options = draw(rng, rng.pick<Outcome>(['valid', 'warning']));
    const explained = explainValidateDhcpOptions(options);
    if (explained.result.some((p) => p.severity === 'error')) continue;
    const slot = rng.pick<Slot>(['dns4', 'dns4', 'dns6', 'ntp4', 'ntp6']);
    const c = counts(options);
    const used = slot === 'dns4' ? c.dns4 + c.amazon : c[slot];
    // The set has no error, so the only limit more servers of this slot can break is the slot's
    // own: room(options, slot) — the core's answer, which solve() uses — is LIMIT − used
    // (the contract test checks the two agree), without validating the set once per extra server.
    const key = LIMIT[slot] - used;
    const wrong: NamedMistake[] = [];
    if (slot === 'dns4') {
      addWrong(wrong, key, key + c.amazon, 'forgot AmazonProvidedDNS takes an IPv4 slot', `AmazonProvidedDNS uses one of the ${DHCP_MAX_IPV4_DNS_SERVERS} IPv4 DNS slots, so only ${key} remain.`);
      addWrong(wrong, key, Math.max(0, DHCP_MAX_IPV4_DNS_SERVERS - c.dns4 - c.amazon - c.dns6), 'thought 4 DNS servers in total', `IPv6 DNS servers have their own ${DHCP_MAX_IPV6_DNS_SERVERS} slots; they do not use IPv4 ones.`);
      addWrong(wrong, key, key + DHCP_MAX_IPV4_DNS_SERVERS, 'thought 8 IPv4 DNS servers are allowed', `8 is IPv4 and IPv6 together; IPv4 alone is limited to ${DHCP_MAX_IPV4_DNS_SERVERS}.`);
    } else if (slot === 'dns6') {
      addWrong(wrong, key, Math.max(0, DHCP_MAX_IPV6_DNS_SERVERS - c.dns6 - c.dns4 - c.amazon), 'thought 4 DNS servers in total', `IPv4 and IPv6 DNS servers have separate limits of ${DHCP_MAX_IPV4_DNS_SERVERS} each.`);
      addWrong(wrong, key, key + DHCP_MAX_IPV6_DNS_SERVERS, 'thought 8 IPv6 DNS servers are allowed', `8 is IPv4 and IPv6 together; IPv6 alone is limited to ${DHCP_MAX_IPV6_DNS_SERVERS}.`);
      addWrong(wrong, key, 0, 'thought DHCP options take no IPv6 DNS servers', `An option set takes up to ${DHCP_MAX_IPV6_DNS_SERVERS} IPv6 DNS servers.`);
    } else {
      const mine = slot === 'ntp4' ? c.ntp4 : c.ntp6;
      const other = slot === 'ntp4' ? c.ntp6 : c.ntp4;
      addWrong(wrong, key, Math.max(0, DHCP_MAX_IPV4_NTP_SERVERS - mine - other), 'thought 4 NTP servers in total', `NTP servers are limited to ${DHCP_MAX_IPV4_NTP_SERVERS} IPv4 and ${DHCP_MAX_IPV6_NTP_SERVERS} IPv6 separately, 8 in all.`);
      addWrong(wrong, key, key + 4, `thought 8 ${SLOT_TEXT[slot]} are allowed`, `8 is IPv4 and IPv6 together; each version alone is limited to 4.`);
    }
    if (wrong.length === 0) continue;
    return {
      difficulty: 2,
      kind: 'number',
      prompt: `A VPC uses this DHCP option set:\n\n${table(options)}\n\nYou will replace it with a copy that lists more ${SLOT_TEXT[slot]}. How many more ${SLOT_TEXT[slot]} can the new set list at most?`,
      params: { variant: 'room', options, slot },
      answer: key,
      explanation: {
        summary: `An option set may list at most ${LIMIT[slot]} ${SLOT_TEXT[slot]}${slot === 'dns4' ? ' (AmazonProvidedDNS takes one of those slots)' : ''}; this one uses ${used} of them, so **${key}** more fit.`,
        steps: explained.steps,
        lesson: LESSON,
      },
      mistakes: wrong,
      expectedSeconds: 50,
    };
  }
}

export const dhcpOptionLimits = defineGenerator<Params>({
  id: 'dhcp-option-limits',
  version: 1,
  topic: 'dhcp-dns',
  title: 'DHCP option set limits',
  kinds: ['single', 'number'],
  solve(params) {
    if (params.variant === 'verdict') return OUTCOME_TEXT[outcomeOf(validateDhcpOptions(params.options))];
    return room(params.options, params.slot);
  },
  build(rng): QuestionBody {
    return rng.chance(0.6) ? buildVerdict(rng) : buildRoom(rng);
  },
});
