/**
 * nat-sizing — NAT gateway capacity (facts rows 71–73): 55,000 simultaneous connections per IPv4
 * address to one unique destination, up to 8 addresses per gateway (default quota 2 EIPs), and
 * bandwidth from 5 Gbps scaling to 100 Gbps per gateway.
 */
import { NAT_BANDWIDTH, NAT_CONNECTIONS_PER_IP, NAT_DEFAULT_EIPS_PER_GATEWAY, NAT_MAX_IPS_PER_GATEWAY, explainNatGatewaysForBandwidth, explainNatSizing, natGatewaysForBandwidth, natSizing } from '../../calc/nat';
import { defineGenerator, type QuestionBody } from '../define';
import { singleChoice } from '../choices';
import { fmt } from './address-draws';
import type { NamedMistake } from '../types';

type Params =
  | { ask: 'ips'; connections: number }
  | { ask: 'gateways'; connections: number; maxIpsPerGateway: number }
  | { ask: 'bandwidth'; gbps: number };

const LESSON = '/lessons/nat';
const FLEETS = ['web servers', 'batch workers', 'ECS tasks', 'crawler instances', 'payment service containers', 'IoT ingestion workers'];
const DESTINATIONS = ['a partner API at `203.0.113.25` on TCP 443', 'a SaaS logging endpoint at `198.51.100.40` on TCP 6514', 'a payment processor at `192.0.2.80` on TCP 443', 'an on-line market-data feed at `203.0.113.200` on TCP 8443'];


function wrongNumbers(key: number, list: NamedMistake[]): NamedMistake[] {
  const seen: number[] = [key];
  return list.filter((m) => {
    const n = m.match as number;
    if (!Number.isFinite(n) || n <= 0 || seen.includes(n)) return false;
    seen.push(n);
    return true;
  });
}

/** For the address question, keep to one gateway's capacity and more than one address. */
function fitsOneGateway(ask: Params['ask'], n: number): boolean {
  return ask !== 'ips' || (n > NAT_CONNECTIONS_PER_IP && n <= NAT_CONNECTIONS_PER_IP * NAT_MAX_IPS_PER_GATEWAY);
}

export const natSizingGenerator = defineGenerator<Params>({
  id: 'nat-sizing',
  version: 1,
  topic: 'nat',
  title: 'NAT gateway addresses, gateways and bandwidth',
  kinds: ['number', 'single'],
  solve(p) {
    if (p.ask === 'ips') return natSizing(p.connections).ipsNeeded;
    if (p.ask === 'gateways') return natSizing(p.connections, p.maxIpsPerGateway).gatewaysNeeded;
    return natGatewaysForBandwidth(p.gbps);
  },
  build(rng): QuestionBody {
    const ask = rng.pick(['ips', 'ips', 'gateways', 'gateways', 'bandwidth'] as const);
    let params: Params;
    let prompt: string;
    let answer: number;
    let mistakes: NamedMistake[];
    let summary: string;
    let steps;
    let unit: string;
    if (ask === 'bandwidth') {
      const gbps = rng.int(10, 78) * 5;
      params = { ask, gbps };
      const e = explainNatGatewaysForBandwidth(gbps);
      answer = e.result;
      steps = e.steps;
      unit = 'NAT gateways';
      prompt = `Instances in private subnets of one Availability Zone must send a sustained **${gbps} Gbps** to the internet through public NAT gateways. What is the smallest number of NAT gateways (each in its own subnet with its own route table) that can carry this traffic?`;
      summary = `A NAT gateway starts at ${NAT_BANDWIDTH.startGbps} Gbps and scales automatically to ${NAT_BANDWIDTH.maxGbps} Gbps, so ⌈${gbps} / ${NAT_BANDWIDTH.maxGbps}⌉ = **${answer}**.`;
      mistakes = wrongNumbers(answer, [
        { match: Math.ceil(gbps / 45), name: 'used the old 45 Gbps figure', feedback: `NAT gateways used to top out at 45 Gbps; they now scale to ${NAT_BANDWIDTH.maxGbps} Gbps, so ⌈${gbps} / ${NAT_BANDWIDTH.maxGbps}⌉ = ${answer}.` },
        { match: Math.ceil(gbps / NAT_BANDWIDTH.startGbps), name: 'took 5 Gbps as the maximum', feedback: `${NAT_BANDWIDTH.startGbps} Gbps is where a NAT gateway starts; it scales automatically to ${NAT_BANDWIDTH.maxGbps} Gbps.` },
        { match: Math.floor(gbps / NAT_BANDWIDTH.maxGbps), name: 'rounded down', feedback: `${gbps} Gbps does not fit in ${Math.floor(gbps / NAT_BANDWIDTH.maxGbps)} × ${NAT_BANDWIDTH.maxGbps} Gbps; round up: ${answer}.` },
      ]);
    } else {
      const fleet = rng.pick(FLEETS);
      const dest = rng.pick(DESTINATIONS);
      // For the address question, keep to one gateway's capacity and more than one address.
      let instances = 0;
      let per = 0;
      do {
        instances = ask === 'ips' ? rng.int(10, 120) : rng.int(60, 600);
        per = ask === 'ips' ? rng.int(5, 50) * 100 : rng.int(10, 60) * 100;
      } while (!fitsOneGateway(ask, instances * per));
      const connections = instances * per;
      const story = `${instances} ${fleet} in private subnets each keep up to ${fmt(per)} simultaneous connections open to ${dest}, through public NAT gateways in one Availability Zone (${fmt(connections)} connections in all).`;
      if (ask === 'ips') {
        params = { ask, connections };
        const e = explainNatSizing(connections);
        answer = e.result.ipsNeeded;
        steps = e.steps.slice(0, 2);
        unit = 'IPv4 addresses';
        prompt = `${story} They use a single NAT gateway. How many IPv4 addresses (primary and secondary) must it have so that no connection fails with a port allocation error?`;
        summary = `Each NAT gateway address holds ${fmt(NAT_CONNECTIONS_PER_IP)} simultaneous connections to one destination: ⌈${fmt(connections)} / ${fmt(NAT_CONNECTIONS_PER_IP)}⌉ = **${answer}**.`;
        mistakes = wrongNumbers(answer, [
          { match: Math.ceil(connections / 65_535), name: 'divided by 65,535', feedback: `Not every port number is usable: a NAT gateway address holds ${fmt(NAT_CONNECTIONS_PER_IP)} connections to one destination, so ⌈${fmt(connections)} / ${fmt(NAT_CONNECTIONS_PER_IP)}⌉ = ${answer}.` },
          { match: Math.floor(connections / NAT_CONNECTIONS_PER_IP), name: 'rounded down', feedback: `${Math.floor(connections / NAT_CONNECTIONS_PER_IP)} addresses hold only ${fmt(Math.floor(connections / NAT_CONNECTIONS_PER_IP) * NAT_CONNECTIONS_PER_IP)} connections; round up to ${answer}.` },
          { match: 1, name: 'used 55,000 per gateway regardless of addresses', feedback: `The ${fmt(NAT_CONNECTIONS_PER_IP)} limit is per IPv4 address, not per gateway: each secondary address adds ${fmt(NAT_CONNECTIONS_PER_IP)} more, so ${answer} addresses are needed.` },
          { match: Math.ceil(connections / 64_512), name: 'used the 1024–65535 port range', feedback: `AWS gives a NAT gateway address ${fmt(NAT_CONNECTIONS_PER_IP)} connections to one destination, not one per high port: ⌈${fmt(connections)} / ${fmt(NAT_CONNECTIONS_PER_IP)}⌉ = ${answer}.` },
        ]);
      } else {
        const maxIps = rng.pick([NAT_MAX_IPS_PER_GATEWAY, NAT_DEFAULT_EIPS_PER_GATEWAY]);
        const c = connections;
        params = { ask: 'gateways', connections: c, maxIpsPerGateway: maxIps };
        const e = explainNatSizing(c, maxIps);
        const ips = e.result.ipsNeeded;
        answer = e.result.gatewaysNeeded;
        steps = e.steps;
        unit = 'NAT gateways';
        const quota = maxIps === NAT_MAX_IPS_PER_GATEWAY ? `The Elastic IP quota per NAT gateway has been raised to the maximum of ${NAT_MAX_IPS_PER_GATEWAY} addresses.` : `The account keeps the default quota of ${NAT_DEFAULT_EIPS_PER_GATEWAY} Elastic IPs per NAT gateway.`;
        prompt = `${story} ${quota} What is the smallest number of NAT gateways that can hold all these connections?`;
        summary = `⌈${fmt(c)} / ${fmt(NAT_CONNECTIONS_PER_IP)}⌉ = ${ips} addresses, at most ${maxIps} per gateway: ⌈${ips} / ${maxIps}⌉ = **${answer}**.`;
        const other = maxIps === NAT_MAX_IPS_PER_GATEWAY ? NAT_DEFAULT_EIPS_PER_GATEWAY : NAT_MAX_IPS_PER_GATEWAY;
        mistakes = wrongNumbers(answer, [
          { match: ips, name: 'used 55,000 per gateway regardless of addresses', feedback: `${fmt(NAT_CONNECTIONS_PER_IP)} is the limit per IPv4 address, and one gateway can have up to ${maxIps} here: ${ips} addresses fit on ⌈${ips} / ${maxIps}⌉ = ${answer} gateway${answer === 1 ? '' : 's'}.` },
          { match: Math.ceil(Math.ceil(c / 65_535) / maxIps), name: 'divided by 65,535', feedback: `A NAT gateway address holds ${fmt(NAT_CONNECTIONS_PER_IP)} connections to one destination, not 65,535: ${ips} addresses, so ${answer} gateway${answer === 1 ? '' : 's'}.` },
          {
            match: Math.ceil(ips / other),
            name: maxIps === NAT_MAX_IPS_PER_GATEWAY ? 'applied the default 2-address quota' : 'forgot the default quota of 2 Elastic IPs',
            feedback: maxIps === NAT_MAX_IPS_PER_GATEWAY ? `The quota was raised, so each gateway can have ${NAT_MAX_IPS_PER_GATEWAY} addresses: ⌈${ips} / ${NAT_MAX_IPS_PER_GATEWAY}⌉ = ${answer}.` : `Up to ${NAT_MAX_IPS_PER_GATEWAY} addresses is the adjustable maximum; with the default quota of ${NAT_DEFAULT_EIPS_PER_GATEWAY} it is ⌈${ips} / ${NAT_DEFAULT_EIPS_PER_GATEWAY}⌉ = ${answer}.`,
          },
        ]);
      }
    }
    const explanation = { summary, steps, lesson: LESSON };
    const difficulty = params.ask === 'ips' ? 1 : 2;
    if (mistakes.length >= 2 && rng.chance(0.35)) {
      const built = singleChoice(rng, String(answer), mistakes.map((m) => ({ text: String(m.match), mistake: m.name, feedback: m.feedback })));
      return { difficulty, kind: 'single', prompt, params, ...built, explanation, expectedSeconds: 50 };
    }
    return { difficulty, kind: 'number', prompt, params, answer, unit, explanation, mistakes, expectedSeconds: 60 };
  },
});
