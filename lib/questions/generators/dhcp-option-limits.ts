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

function v4(rng: Rng): string {
  return rng.pick([`10.${rng.int(0, 250)}.${rng.int(0, 250)}.${rng.int(2, 250)}`, `172.${rng.int(16, 31)}.${rng.int(0, 250)}.${rng.int(2, 250)}`, `192.168.${rng.int(0, 250)}.${rng.int(2, 250)}`]);
}

function v6(rng: Rng, role: 'dns' | 'ntp'): string {
  return `2001:db8:${rng.int(1, 0xfff).toString(16)}::${role === 'dns' ? '53' : '123'}${rng.int(0, 9)}`;
}

function servers(count: number, make: () => string): string[] {
  const out = new Set<string>();
  while (out.size < count) out.add(make());
  return [...out];
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
  const dns = [...(amazon ? [AMAZON_PROVIDED_DNS] : []), ...servers(dns4, () => v4(rng)), ...servers(dns6, () => v6(rng, 'dns'))];
  const ntpV4 = servers(ntp4, () => v4(rng));
  if (ntpV4.length > 0 && rng.chance(0.5)) ntpV4[0] = AMAZON_TIME_SYNC_IPV4;
  const ntpV6 = servers(ntp6, () => v6(rng, 'ntp'));
  if (ntpV6.length > 0 && rng.chance(0.5)) ntpV6[0] = AMAZON_TIME_SYNC_IPV6_NITRO;
  return { domainName: rng.pick(DOMAINS), domainNameServers: dns, ntpServers: [...ntpV4, ...ntpV6] };
}

function serverList(xs: string[]): string {
  return xs.length === 0 ? '(not set)' : xs.map((x) => `\`${x}\``).join(', ');
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
    const order: Outcome[] = ['valid', 'dns4', 'ntp4', 'warning', 'dns6', 'ntp6'];
    const tempting = order.filter((o) => o !== target).sort((a, b) => Number(why[b].mistake.startsWith('thought') || why[b].mistake.startsWith('forgot')) - Number(why[a].mistake.startsWith('thought') || why[a].mistake.startsWith('forgot')));
    const distractors: Distractor[] = tempting.map((o) => ({ text: OUTCOME_TEXT[o], ...why[o] }));
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
    if (validateDhcpOptions(options).some((p) => p.severity === 'error')) continue;
    const slot = rng.pick<Slot>(['dns4', 'dns4', 'dns6', 'ntp4', 'ntp6']);
    const key = room(options, slot);
    const c = counts(options);
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
    const explained = explainValidateDhcpOptions(options);
    const used = slot === 'dns4' ? c.dns4 + c.amazon : c[slot];
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
