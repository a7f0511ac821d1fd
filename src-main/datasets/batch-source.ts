/**
 * The one interface the trainer iterates, whether samples live in memory (MNIST, CSV) or in
 * packed files on disk (image folders larger than memory).
 */
import type { Batch, BatchOptions, SplitName } from '../../src-shared/training/dataset-types.js';
import { createRng, deriveSeed } from '../../src-shared/training/random.js';
import { augmentImage, hasAugmentation } from './augment.js';

/** A split that can be walked in batches. */
export interface BatchSource {
  readonly split: SplitName;
  readonly count: number;
  /** Shape of one sample, e.g. [28, 28, 1] or [featureCount]. */
  readonly sampleShape: readonly number[];
  batches(options: BatchOptions): AsyncGenerator<Batch>;
}

/** The sample order of one epoch: 0..count-1, or a seeded shuffle that changes with the epoch. */
export function epochOrder(count: number, options: BatchOptions): Int32Array {
  const order = Int32Array.from({ length: count }, (_, i) => i);
  if (options.shuffle) createRng(deriveSeed(options.seed ?? 0, 'epoch', options.epoch ?? 0)).shuffle(order);
  return order;
}

/** Cuts an epoch order into per-batch index lists. */
export function* batchIndices(order: Int32Array, options: BatchOptions): Generator<Int32Array> {
  const size = Math.floor(options.batchSize);
  if (!(size >= 1)) throw new RangeError(`batchSize must be a positive integer, got ${options.batchSize}`);
  for (let start = 0; start < order.length; start += size) {
    const end = Math.min(order.length, start + size);
    if (options.dropRemainder && end - start < size) return;
    yield order.subarray(start, end);
  }
}

/** Augments every image of a batch in place; a no-op unless this is the train split and options ask for it. */
export function augmentBatch(
  x: Float32Array,
  count: number,
  split: SplitName,
  sampleShape: readonly number[],
  options: BatchOptions,
  batchNumber: number,
): void {
  if (split !== 'train' || !hasAugmentation(options.augment) || sampleShape.length !== 3) return;
  const shape = sampleShape as readonly [number, number, number];
  const size = shape[0] * shape[1] * shape[2];
  // One stream per batch keeps results independent of how far an earlier epoch got.
  const rng = createRng(deriveSeed(options.seed ?? 0, 'augment', options.epoch ?? 0, batchNumber));
  for (let i = 0; i < count; i++) {
    const image = x.subarray(i * size, (i + 1) * size);
    image.set(augmentImage(image, shape, options.augment!, rng));
  }
}

/** A split held in memory as flat arrays (MNIST, CSV tables, small image sets). */
export class ArraySplit implements BatchSource {
  readonly count: number;

  constructor(
    readonly split: SplitName,
    readonly x: Float32Array,
    readonly y: Int32Array | Float32Array,
    readonly sampleShape: readonly number[],
  ) {
    this.count = y.length;
    const rowSize = sampleShape.reduce((a, b) => a * b, 1);
    if (x.length !== this.count * rowSize) throw new RangeError(`x has ${x.length} values; expected ${this.count} × ${rowSize}`);
  }

  /** Yields copies, so augmentation never alters the stored samples. Augmentation assumes values in [0, 1]. */
  async *batches(options: BatchOptions): AsyncGenerator<Batch> {
    const rowSize = this.sampleShape.reduce((a, b) => a * b, 1);
    let batchNumber = 0;
    for (const indices of batchIndices(epochOrder(this.count, options), options)) {
      const x = new Float32Array(indices.length * rowSize);
      const y = new (this.y.constructor as new (n: number) => Int32Array | Float32Array)(indices.length);
      for (let i = 0; i < indices.length; i++) {
        const row = indices[i] as number;
        x.set(this.x.subarray(row * rowSize, (row + 1) * rowSize), i * rowSize);
        y[i] = this.y[row] as number;
      }
      augmentBatch(x, indices.length, this.split, this.sampleShape, options, batchNumber++);
      yield { x, y, count: indices.length };
    }
  }
}
