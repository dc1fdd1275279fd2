/**
 * The number forms of the address draws: each makes the same draws from the rng as the text form
 * it stands in for, and gives the same block — so a question from a seed does not change.
 */
import fc from 'fast-check';
import { cidrsOverlap, hostMask, parseCidrRange } from '../../calc/cidr';
import { formatIpv4Number, formatIpv6 } from '../../calc/ip';
import { freeRandomBlockIn, freeRandomIpv4BlockFirst, randomBlockIn, randomIpv4BlockFirst, randomIpv6Block } from '../generators/address-draws';
import { createRng, type Rng } from '../rng';

const RUNS = { numRuns: 300 };

/** Dotted quad of an IPv4 value, with bigint arithmetic. */
function refIpv4(v: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => ((v >> s) & 255n).toString()).join('.');
}

/** The reference draw: one rng.int over the block indexes (at most 2^30 of them), in bigints. */
function refBlock(rng: Rng, parentFirst: bigint, parentPrefix: number, prefix: number): bigint {
  const count = 1n << BigInt(prefix - parentPrefix);
  const index = rng.int(0, Number(count > 1n << 30n ? 1n << 30n : count) - 1);
  return parentFirst + (BigInt(index) << BigInt(32 - prefix));
}

/** A parent block (its first address and prefix) and a prefix from the parent's own up to /32. */
const split = fc
  .tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 32 }))
  .map(([v, parentPrefix, extra]) => {
    const parentFirst = v - (v % 2 ** (32 - parentPrefix));
    return { parentFirst, parentPrefix, prefix: Math.min(32, parentPrefix + extra), parent: `${refIpv4(BigInt(parentFirst))}/${parentPrefix}` };
  });

const seed = fc.integer({ min: 0, max: 2 ** 40 });

describe('randomIpv4BlockFirst', () => {
  it('draws as randomBlockIn does: same block, same rng state afterwards', () => {
    fc.assert(
      fc.property(split, seed, ({ parentFirst, parentPrefix, prefix, parent }, s) => {
        const a = createRng(s);
        const b = createRng(s);
        const c = createRng(s);
        const first = randomIpv4BlockFirst(a, parentFirst, parentPrefix, prefix);
        const text = randomBlockIn(b, parent, prefix);
        const ref = refBlock(c, BigInt(parentFirst), parentPrefix, prefix);
        expect(`${formatIpv4Number(first)}/${prefix}`).toBe(text);
        expect(BigInt(first)).toBe(ref);
        expect(parseCidrRange(text).first).toBe(ref); // aligned and inside the parent
        const next = a.next();
        expect(b.next()).toBe(next);
        expect(c.next()).toBe(next);
      }),
      RUNS,
    );
  });
  it('fixed examples: the whole space, a /32 parent, more than 2^30 blocks', () => {
    for (const [pf, pp, p] of [
      [0, 0, 0],
      [0xffffffff, 32, 32],
      [0, 0, 32],
      [0x0a000000, 8, 31],
      [0xc0a80100, 24, 28],
    ] as const) {
      const a = createRng(42);
      const b = createRng(42);
      expect(`${formatIpv4Number(randomIpv4BlockFirst(a, pf, pp, p))}/${p}`).toBe(randomBlockIn(b, `${refIpv4(BigInt(pf))}/${pp}`, p));
      expect(a.next()).toBe(b.next());
    }
  });
});

describe('freeRandomIpv4BlockFirst', () => {
  /** The reference: up to 50 reference draws, the first that overlaps none of `avoid` (tested on the texts). */
  function reference(rng: Rng, parentFirst: number, parentPrefix: number, prefix: number, avoid: readonly string[]): string | null {
    for (let i = 0; i < 50; i++) {
      const b = `${refIpv4(refBlock(rng, BigInt(parentFirst), parentPrefix, prefix))}/${prefix}`;
      if (!avoid.some((x) => cidrsOverlap(x, b))) return b;
    }
    return null;
  }
  it('draws as freeRandomBlockIn does, avoiding the same blocks, with the same rng state afterwards', () => {
    fc.assert(
      fc.property(
        split,
        seed,
        // blocks to avoid: near the parent (so some draws hit them), the parent itself (nothing free), IPv6 (ignored)
        fc.array(
          fc.oneof(
            fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 })).map(([off, p]) => ({ off, p })),
            fc.constantFrom('parent', '2001:db8::/32'),
          ),
          { maxLength: 5 },
        ),
        ({ parentFirst, parentPrefix, prefix, parent }, s, spec) => {
          const parentSize = 2 ** (32 - parentPrefix);
          const avoid = spec.map((x) => {
            if (typeof x === 'string') return x === 'parent' ? parent : x;
            const v = parentFirst + (x.off % parentSize);
            return `${refIpv4(BigInt(v - (v % 2 ** (32 - x.p))))}/${x.p}`;
          });
          const bounds: number[] = [];
          for (const t of avoid) {
            const r = parseCidrRange(t);
            if (r.version === 4) bounds.push(Number(r.first), Number(r.last));
          }
          const a = createRng(s);
          const b = createRng(s);
          const c = createRng(s);
          const first = freeRandomIpv4BlockFirst(a, parentFirst, parentPrefix, prefix, bounds);
          const text = freeRandomBlockIn(b, parent, prefix, avoid);
          const ref = reference(c, parentFirst, parentPrefix, prefix, avoid);
          expect(first === null ? null : `${formatIpv4Number(first)}/${prefix}`).toBe(text);
          expect(text).toBe(ref);
          const next = a.next();
          expect(b.next()).toBe(next);
          expect(c.next()).toBe(next);
        },
      ),
      RUNS,
    );
  });
  it('fixed examples: nothing to avoid is randomIpv4BlockFirst\'s draw; a full parent gives null after 50 draws', () => {
    const a = createRng(7);
    const b = createRng(7);
    expect(freeRandomIpv4BlockFirst(a, 0x0a000000, 16, 24, [])).toBe(randomIpv4BlockFirst(b, 0x0a000000, 16, 24));
    const c = createRng(7);
    const d = createRng(7);
    expect(freeRandomIpv4BlockFirst(c, 0x0a000000, 16, 24, [0x0a000000, 0x0a00ffff])).toBeNull();
    expect(freeRandomBlockIn(d, '10.0.0.0/16', 24, ['10.0.0.0/16'])).toBeNull();
    expect(c.next()).toBe(d.next());
  });
});

describe('randomIpv6Block', () => {
  // The ranges address-draws.ts draws from (its IPV6_BASES), in its order.
  const BASES = ['2600:1f14::/32', '2600:1f18::/32', '2a05:d018::/32', '2406:da1c::/32', '2001:db8::/32'].map((c) => parseCidrRange(c).first);
  /** The general form: base | high | mid, cut to /prefix, in RFC 5952 text (hostMask refuses a bad prefix). */
  function reference(rng: Rng, prefix: number): string {
    const base = BASES[rng.int(0, BASES.length - 1)] as bigint;
    const high = BigInt(rng.int(0, 0xffff)) << 80n;
    const mid = BigInt(rng.int(0, 0xffff)) << 64n;
    return `${formatIpv6((base | high | mid) & ~hostMask(6, prefix))}/${prefix}`;
  }
  const outcome = (f: () => string) => {
    try {
      return { value: f() };
    } catch (e) {
      return { error: (e as Error).constructor.name, message: (e as Error).message };
    }
  };
  it('writes the block the general bigint form writes, from the same draws', () => {
    fc.assert(
      fc.property(seed, fc.oneof({ arbitrary: fc.integer({ min: 32, max: 128 }), weight: 9 }, { arbitrary: fc.constantFrom(0, 31, 129, 40.5, -1), weight: 1 }), (s, prefix) => {
        const a = createRng(s);
        const b = createRng(s);
        expect(outcome(() => randomIpv6Block(a, prefix))).toEqual(outcome(() => reference(b, prefix)));
        expect(a.next()).toBe(b.next());
      }),
      RUNS,
    );
  });
  it('fixed examples: the zero run reaching back to the base, prefixes inside a group', () => {
    for (const s of [1, 2, 3, 99]) {
      for (const prefix of [32, 33, 47, 48, 49, 56, 63, 64, 65, 128]) {
        expect(randomIpv6Block(createRng(s), prefix)).toBe(reference(createRng(s), prefix));
      }
    }
  });
});
