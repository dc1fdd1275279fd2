/**
 * A small, fast, seeded pseudo-random generator (sfc32, seeded through splitmix32), so that the
 * same seed always yields the same question on every machine. Never Math.random.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** true with probability p. */
  chance(p: number): boolean;
  /** k distinct elements, in random order. */
  sample<T>(items: readonly T[], k: number): T[];
}

/** The k-th (1-based) output of splitmix32 seeded with `seed`. */
function splitmix32At(seed: number, k: number): number {
  let z = (seed + Math.imul(k, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * sfc32 state in a class: methods live on the prototype, so making an Rng allocates no closures.
 * The state is kept as signed 32-bit integers (`| 0`): the same bits as unsigned, but small
 * integers to the engine, where unsigned values above 2^31 would be boxed doubles.
 */
class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 seeding: the k-th output mixes seed + k × 0x9e3779b9
    const s = seed >>> 0;
    this.a = splitmix32At(s, 1) | 0;
    this.b = splitmix32At(s, 2) | 0;
    this.c = splitmix32At(s, 3) | 0;
    this.d = splitmix32At(s, 4) | 0;
    for (let i = 0; i < 12; i++) this.next32();
  }

  /** The next output as a signed 32-bit integer (its bits are sfc32's unsigned output). */
  private next32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t;
  }

  next(): number {
    return (this.next32() >>> 0) / 0x100000000;
  }

  int(min: number, max: number): number {
    if (!(max >= min)) throw new RangeError(`empty range [${min}, ${max}]`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, Math.min(k, items.length)));
  }
}

export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${String(seed)}`);
  return new Sfc32(seed >>> 0 ^ Math.floor(seed / 0x100000000));
}

/** A fresh seed for a new question, derived from an outer generator (e.g. a quiz's own seed). */
export function nextSeed(rng: Rng): number {
  return rng.int(0, 0x7fffffff);
}

/** FNV-1a (32-bit) of a text's UTF-16 code units: a stable number for an id or a content hash. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
