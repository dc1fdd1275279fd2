/** dhcp-option-limits: 4 IPv4 + 4 IPv6 DNS servers, not 4 in total; AmazonProvidedDNS takes an IPv4 slot. */
import { getGenerator, score } from '..';
import type { Question } from '../types';

const g = getGenerator('dhcp-option-limits');
const questions: Question[] = Array.from({ length: 400 }, (_, i) => g?.generate(i + 1) as Question);

describe('dhcp-option-limits', () => {
  it('a valid set with more than 4 DNS servers in total calls "too many IPv4 DNS servers" the 4-in-total mistake', () => {
    const q = questions.find((x) => x.kind === 'single' && x.choices?.find((c) => c.id === x.answer)?.text === 'The option set is valid' && x.mistakes.some((m) => m.name === 'thought 4 DNS servers in total'));
    expect(q).toBeDefined();
    if (!q) return;
    const servers = (q.params.options as { domainNameServers: string[] }).domainNameServers;
    expect(servers.length).toBeGreaterThan(4);
    const wrong = q.choices?.find((c) => c.text === 'It is refused: too many IPv4 DNS servers');
    expect(score(q, wrong?.id)).toMatchObject({ correct: false, mistake: { name: 'thought 4 DNS servers in total' } });
  });

  it('AmazonProvidedDNS plus 4 IPv4 servers is refused', () => {
    const q = questions.find((x) => x.kind === 'single' && x.mistakes.some((m) => m.name === 'forgot AmazonProvidedDNS takes an IPv4 slot'));
    expect(q).toBeDefined();
    if (q) expect(q.choices?.find((c) => c.id === q.answer)?.text).toBe('It is refused: too many IPv4 DNS servers');
  });
});
