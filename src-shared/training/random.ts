/**
 * Seeded pseudo-random numbers for everything that must be reproducible: dataset splits, shuffles,
 * augmentation. Math.random is never used there, so a run with the same seed sees the same data order.
 */

/** A seeded source of uniform numbers plus the few helpers the data pipeline needs. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Shuffles in place (Fisher–Yates) and returns the same array. */
  shuffle<T extends { length: number; [i: number]: unknown }>(items: T): T;
}

/**
 * mulberry32: a tiny 32-bit generator with good statistical quality for data shuffling
 * (not for cryptography). Returns a function yielding uniform numbers in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Creates an Rng from a seed (any finite number; fractional parts are folded in). */
export function createRng(seed: number): Rng {
  const next = mulberry32(deriveSeed(seed));
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(i + 1);
        const tmp = items[i];
        items[i] = items[j];
        items[j] = tmp;
      }
      return items;
    },
  };
}

/**
 * Mixes a base seed with extra parts (an epoch number, a split name) into a new 32-bit seed, so
 * independent streams never share a sequence just because their seeds are close (seed 1 vs seed 2).
 */
export function deriveSeed(seed: number, ...parts: Array<number | string>): number {
  // FNV-1a over the textual form keeps this stable across platforms and independent of float layout.
  let h = 0x811c9dc5;
  const text = [String(seed), ...parts.map(String)].join('\u0000');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // A final avalanche so that nearby inputs land far apart.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
