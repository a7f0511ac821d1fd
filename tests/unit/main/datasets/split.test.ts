import { describe, expect, it } from 'vitest';
import { gatherRows, randomSplit, stratifiedSplit } from '../../../../src-main/datasets/split.js';

// 3 classes of 100, 50 and 10 samples, interleaved.
const labels = Int32Array.from([...Array(100).fill(0), ...Array(50).fill(1), ...Array(10).fill(2)]);

function perClass(indices: Int32Array): number[] {
  const counts = [0, 0, 0];
  for (const i of indices) counts[labels[i]!]!++;
  return counts;
}

describe('stratifiedSplit', () => {
  it('keeps the class balance in every split', () => {
    const s = stratifiedSplit(labels, 3, { validation: 0.1, test: 0.2 }, 1);
    expect(perClass(s.validation)).toEqual([10, 5, 1]);
    expect(perClass(s.test)).toEqual([20, 10, 2]);
    expect(perClass(s.train)).toEqual([70, 35, 7]);
  });

  it('uses every sample exactly once', () => {
    const s = stratifiedSplit(labels, 3, { validation: 0.1, test: 0.1 }, 3);
    const all = [...s.train, ...s.validation, ...s.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: labels.length }, (_, i) => i));
  });

  it('is reproducible for a seed and changes with the seed', () => {
    const a = stratifiedSplit(labels, 3, { validation: 0.1, test: 0.1 }, 7);
    const b = stratifiedSplit(labels, 3, { validation: 0.1, test: 0.1 }, 7);
    const c = stratifiedSplit(labels, 3, { validation: 0.1, test: 0.1 }, 8);
    expect(Array.from(a.test)).toEqual(Array.from(b.test));
    expect(Array.from(a.test)).not.toEqual(Array.from(c.test));
  });

  it('rejects fractions that leave nothing for training or labels out of range', () => {
    expect(() => stratifiedSplit(labels, 3, { validation: 0.5, test: 0.5 }, 1)).toThrow(/leave something for training/);
    expect(() => stratifiedSplit(labels, 3, { validation: -0.1, test: 0 }, 1)).toThrow();
    expect(() => stratifiedSplit(Int32Array.from([0, 5]), 3, { validation: 0, test: 0 }, 1)).toThrow(/outside 0\.\.2/);
  });
});

describe('randomSplit and gatherRows', () => {
  it('splits counts by fraction', () => {
    const s = randomSplit(100, { validation: 0.15, test: 0.05 }, 2);
    expect([s.train.length, s.validation.length, s.test.length]).toEqual([80, 15, 5]);
  });

  it('copies whole rows in the given order', () => {
    const x = Float32Array.from([0, 1, 10, 11, 20, 21]);
    expect(Array.from(gatherRows(x, 2, [2, 0]))).toEqual([20, 21, 0, 1]);
  });
});
