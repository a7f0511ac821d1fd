/**
 * Seeded train/validation/test splits. Classification data is split per class (stratified) so
 * every split keeps the class balance; regression data is split at random.
 */
import type { SplitFractions, SplitName } from '../../src-shared/training/dataset-types.js';
import { createRng, deriveSeed } from '../../src-shared/training/random.js';
import { DatasetError } from './dataset-error.js';

/** Indices of the samples in each split, each list in shuffled order. */
export type SplitIndices = Record<SplitName, Int32Array>;

/** Throws when the fractions cannot describe a split (negative, or nothing left for train). */
export function checkFractions(fractions: SplitFractions): void {
  const { validation, test } = fractions;
  const ok = (f: number): boolean => Number.isFinite(f) && f >= 0 && f < 1;
  if (!ok(validation) || !ok(test) || validation + test >= 1) {
    throw new DatasetError(`Split fractions must be in [0, 1) and leave something for training (validation ${validation}, test ${test}).`);
  }
}

/**
 * Splits per class: each class sends ⌊n·fraction⌋ or ⌈n·fraction⌉ samples to validation and to
 * test, chosen so split totals match round(N·fraction) overall (80/10/10 of 10,000 is exactly
 * 8,000/1,000/1,000). Members are picked by a seeded shuffle; each split is then shuffled so classes mix.
 */
export function stratifiedSplit(labels: ArrayLike<number>, classCount: number, fractions: SplitFractions, seed: number): SplitIndices {
  checkFractions(fractions);
  const byClass: number[][] = Array.from({ length: classCount }, () => []);
  for (let i = 0; i < labels.length; i++) {
    const bucket = byClass[labels[i] as number];
    if (!bucket) throw new DatasetError(`Label ${labels[i]} at sample ${i} is outside 0..${classCount - 1}.`);
    bucket.push(i);
  }
  const sizes = byClass.map((m) => m.length);
  const nVal = allocate(sizes, fractions.validation);
  const nTest = allocate(sizes, fractions.test);
  const rng = createRng(deriveSeed(seed, 'stratified-split'));
  const parts: Record<SplitName, number[]> = { train: [], validation: [], test: [] };
  byClass.forEach((members, c) => {
    rng.shuffle(members);
    const v = nVal[c] as number;
    // Tiny classes with large fractions could round past their size; test gives way.
    const t = Math.min(nTest[c] as number, members.length - v);
    parts.validation.push(...members.slice(0, v));
    parts.test.push(...members.slice(v, v + t));
    parts.train.push(...members.slice(v + t));
  });
  return finish(parts, rng);
}

/** Largest-remainder apportionment of round(total·fraction) over classes of the given sizes. */
function allocate(sizes: number[], fraction: number): number[] {
  const exact = sizes.map((n) => n * fraction);
  const counts = exact.map(Math.floor);
  const total = sizes.reduce((a, b) => a + b, 0);
  let missing = Math.round(total * fraction) - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, c) => ({ c, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.c - b.c);
  for (const { c, r } of byRemainder) {
    if (missing <= 0 || r <= 0) break;
    counts[c]!++;
    missing--;
  }
  return counts;
}

/** Splits `count` samples at random (for regression targets, where classes do not exist). */
export function randomSplit(count: number, fractions: SplitFractions, seed: number): SplitIndices {
  checkFractions(fractions);
  const rng = createRng(deriveSeed(seed, 'random-split'));
  const order = rng.shuffle(Array.from({ length: count }, (_, i) => i));
  const nVal = Math.round(count * fractions.validation);
  const nTest = Math.min(Math.round(count * fractions.test), count - nVal);
  return finish({ validation: order.slice(0, nVal), test: order.slice(nVal, nVal + nTest), train: order.slice(nVal + nTest) }, rng);
}

function finish(parts: Record<SplitName, number[]>, rng: ReturnType<typeof createRng>): SplitIndices {
  return {
    train: Int32Array.from(rng.shuffle(parts.train)),
    validation: Int32Array.from(rng.shuffle(parts.validation)),
    test: Int32Array.from(rng.shuffle(parts.test)),
  };
}

/** Copies the rows `indices` of a row-major array whose rows hold `rowSize` values. */
export function gatherRows<T extends Float32Array | Int32Array>(source: T, rowSize: number, indices: ArrayLike<number>): T {
  const out = new (source.constructor as new (n: number) => T)(indices.length * rowSize);
  for (let i = 0; i < indices.length; i++) {
    const start = (indices[i] as number) * rowSize;
    out.set(source.subarray(start, start + rowSize), i * rowSize);
  }
  return out;
}
