import { getGenerator, score } from '..';
import type { Question } from '../types';

const g = getGenerator('route-lookup');
const questions: Question[] = Array.from({ length: 400 }, (_, i) => g?.generate(i * 13 + 5)).filter((q): q is Question => q !== undefined);

function mistakeChoice(q: Question, name: string): string | undefined {
  return q.mistakes.find((m) => m.name === name)?.match as string | undefined;
}

describe('route-lookup', () => {
  it('shows the route table as a Markdown table', () => {
    for (const q of questions.slice(0, 20)) expect(q.prompt).toMatch(/\| Destination \| Target \|\n\|---\|---\|/);
  });

  it('teaches that a route more specific than local wins (facts row 61)', () => {
    const q = questions.find((x) => x.kind === 'single' && mistakeChoice(x, 'thought the local route always wins') !== undefined);
    expect(q).toBeDefined();
    if (!q) return;
    const id = mistakeChoice(q, 'thought the local route always wins') ?? '';
    expect(q.choices?.find((c) => c.id === id)?.text).toBe('local');
    expect(score(q, id)).toMatchObject({ correct: false, mistake: { name: 'thought the local route always wins' } });
  });

  it('names 0.0.0.0/0 used for an IPv6 destination, including when no IPv6 route matches', () => {
    const q = questions.find((x) => x.kind === 'single' && x.choices?.find((c) => c.id === x.answer)?.text.startsWith('No route'));
    expect(q).toBeDefined();
    if (!q) return;
    expect(q.params.destination).toContain(':');
    expect(q.mistakes.map((m) => m.name)).toContain('used 0.0.0.0/0 for an IPv6 destination');
  });

  it('asks for the matching CIDR as text, compared as a CIDR', () => {
    const q = questions.find((x) => x.kind === 'text');
    expect(q?.textMatch).toBe('cidr');
    expect(q && score(q, ` ${String(q.answer).toUpperCase()} `)).toMatchObject({ correct: true });
  });
});
