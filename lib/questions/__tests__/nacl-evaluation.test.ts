/**
 * nacl-evaluation: lowest rule number first, first match wins, final implicit deny; the table is
 * shown shuffled, and the "most specific rule" slip is named.
 */
import { naclEvaluationGenerator } from '../generators/nacl-evaluation';
import { score } from '../score';
import type { Question } from '../types';
import type { NaclRule } from '../../calc/nacl';

const questions: Question[] = Array.from({ length: 300 }, (_, i) => naclEvaluationGenerator.generate(i + 1));
const RULES: NaclRule[] = [
  { ruleNumber: 200, action: 'allow', protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '203.0.113.7/32' },
  { ruleNumber: 100, action: 'deny', protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' },
  { ruleNumber: 150, action: 'allow', protocol: 'udp', fromPort: 53, toPort: 53, cidr: '0.0.0.0/0' },
];
const PACKET = { protocol: 'tcp' as const, port: 443, address: '203.0.113.7' };

describe('nacl-evaluation', () => {
  it('carries the core rules and packet in its params', () => {
    for (const q of questions) {
      expect(Array.isArray(q.params.rules)).toBe(true);
      expect(q.params.packet).toHaveProperty('address');
    }
  });

  it('the lowest-numbered matching rule decides, not the most specific one', () => {
    expect(naclEvaluationGenerator.solve({ variant: 'verdict', direction: 'inbound', rules: RULES, packet: PACKET })).toBe('Denied by rule 100');
    expect(naclEvaluationGenerator.solve({ variant: 'rule-number', direction: 'inbound', rules: RULES, packet: PACKET })).toBe(100);
  });

  it('a packet no rule matches meets the implicit deny', () => {
    expect(naclEvaluationGenerator.solve({ variant: 'verdict', direction: 'inbound', rules: RULES, packet: { protocol: 'icmp', address: '198.51.100.1' } })).toBe('Denied by the implicit deny (*)');
  });

  it('orders the rules by number and puts * last', () => {
    const order = naclEvaluationGenerator.solve({ variant: 'order', direction: 'inbound', rules: RULES, packet: PACKET }) as string[];
    expect(order.map((t) => t.split(':')[0])).toEqual(['Rule 100', 'Rule 150', 'Rule 200', '*']);
  });

  it('shows the rules in the table in their shuffled params order, often not sorted', () => {
    let unsorted = 0;
    for (const q of questions) {
      const numbers = (q.params.rules as NaclRule[]).map((r) => r.ruleNumber);
      const rows = [...q.prompt.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
      expect(rows).toEqual(numbers);
      if (numbers.some((n, i) => i > 0 && n < (numbers[i - 1] as number))) unsorted++;
    }
    expect(unsorted).toBeGreaterThan(200);
  });

  it('never asks for a rule number when the implicit deny decides', () => {
    for (const q of questions.filter((x) => x.kind === 'number')) expect(typeof q.answer).toBe('number');
  });

  it('names the most-specific-rule mistake with the rule numbers of the question', () => {
    const q = questions.find((x) => x.kind === 'single' && x.mistakes.some((m) => m.name.startsWith('picked the most specific'))) as Question;
    const m = q.mistakes.find((x) => x.name.startsWith('picked the most specific'));
    const r = score(q, m?.match);
    expect(r).toMatchObject({ correct: false, mistake: { name: 'picked the most specific CIDR rule instead of the lowest number' } });
    expect(m?.feedback).toMatch(/Rule \d+ has the narrowest block/);
  });
});
