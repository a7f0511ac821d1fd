import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, mulberry32 } from '../../../../src-shared/training/random.js';

describe('seeded random numbers', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const c = mulberry32(124);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const rng = createRng(1);
    const buckets = new Array(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 20_000; i++) {
      const v = rng.next();
      if (v < 0 || v >= 1) outside++;
      else buckets[Math.floor(v * 10)]++;
    }
    expect(outside).toBe(0);
    for (const n of buckets) expect(n).toBeGreaterThan(1800);
  });

  it('shuffles into a permutation, reproducibly', () => {
    const one = createRng(9).shuffle(Array.from({ length: 50 }, (_, i) => i));
    const two = createRng(9).shuffle(Array.from({ length: 50 }, (_, i) => i));
    expect(one).toEqual(two);
    expect([...one].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(one).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('derives unrelated seeds from related inputs', () => {
    expect(deriveSeed(1, 'epoch', 0)).not.toBe(deriveSeed(1, 'epoch', 1));
    expect(deriveSeed(1, 'epoch', 0)).toBe(deriveSeed(1, 'epoch', 0));
    expect(createRng(5).int(10)).toBeLessThan(10);
  });
});
