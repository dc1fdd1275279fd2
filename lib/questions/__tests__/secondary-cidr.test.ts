/** secondary-cidr: the quota trap names the notes' wrong 6 and the core's 5. */
import { getGenerator, score } from '..';
import type { Question } from '../types';

const g = getGenerator('secondary-cidr');
const questions: Question[] = Array.from({ length: 400 }, (_, i) => g?.generate(i + 1) as Question);
const text = (q: Question, id: string) => q.choices?.find((c) => c.id === id)?.text ?? '';

describe('secondary-cidr', () => {
  it('a VPC with 5 blocks and the default quota is refused, and "Yes" is the old-6-blocks mistake', () => {
    const q = questions.find((x) => x.kind === 'single' && text(x, x.answer as string).includes('quota') && (x.params.vpcCidrs as string[]).length === 5);
    expect(q).toBeDefined();
    if (!q) return;
    expect(q.params.quota).toBe(5);
    const yes = q.choices?.find((c) => c.text.startsWith('Yes'));
    expect(yes).toBeDefined();
    const r = score(q, yes?.id);
    expect(r).toMatchObject({ status: 'scored', correct: false, mistake: { name: 'used the old quota of 6 blocks' } });
    if (r.status === 'scored') expect(r.mistake?.feedback).toMatch(/default quota is 5 IPv4 CIDR blocks per VPC, primary included \(not 6\)/);
  });

  it('a raised quota lets a sixth block in', () => {
    const q = questions.find((x) => x.kind === 'single' && (x.params.vpcCidrs as string[]).length === 5 && (x.params.quota as number) > 5);
    expect(q).toBeDefined();
    if (q) expect(text(q, q.answer as string)).toMatch(/^Yes/);
  });

  it('a block more specific than a route destination is accepted, one equal to or larger is not', () => {
    const routeKeys = questions.filter((x) => x.kind === 'single' && text(x, x.answer as string).includes("route's destination"));
    expect(routeKeys.length).toBeGreaterThan(5);
  });
});
