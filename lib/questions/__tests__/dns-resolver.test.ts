/** dns-resolver: the key is always the primary block's base + 2, never the subnet's or a secondary's. */
import { getGenerator } from '..';
import { addressIn } from '../generators/address-draws';
import type { Question } from '../types';

const g = getGenerator('dns-resolver');

describe('dns-resolver', () => {
  it('answers with base + 2 of the primary block and names the subnet +2 mistake', () => {
    let withSecondary = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const q = g?.generate(seed) as Question;
      if (q.params.variant !== 'resolver') continue;
      const [primary, secondary] = q.params.vpcCidrs as string[];
      const resolver = addressIn(primary ?? '', 2);
      expect(g?.solve(q.params)).toBe(resolver);
      const subnetPlus2 = addressIn(q.params.subnet as string, 2);
      expect(subnetPlus2).not.toBe(resolver);
      if (q.kind === 'text') expect(q.mistakes.find((m) => m.match === subnetPlus2)?.name).toBe("used +2 of the instance's own subnet");
      if (secondary !== undefined) withSecondary++;
    }
    expect(withSecondary).toBeGreaterThan(20);
  });
});
