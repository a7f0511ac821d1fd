/**
 * One ordered pass over a dataset's splits: a hash of every sample (for duplicate and leakage
 * checks) and the first few samples of each class (for thumbnails). It reads through the same
 * BatchSource interface the trainer uses, so in-memory (MNIST, CSV) and packed image datasets
 * are walked alike, a batch at a time.
 */
import { createHash } from 'node:crypto';
import { SPLIT_NAMES, type SplitName } from '../../src-shared/training/dataset-types.js';
import type { BatchSource } from '../datasets/index.js';
import type { SampleHash } from './dataset-health.js';

export interface WalkOptions {
  /** Classes to collect thumbnails for (0 for regression). */
  classCount: number;
  /** Samples kept per class, taken from train first, then validation and test. */
  perClass: number;
  /** The user's name for sample `index` of `split` (a file path, "test sample 3"). */
  nameOf: (split: SplitName, index: number) => string;
}

export interface WalkResult {
  samples: SampleHash[];
  /** thumbnails[class] = model-input rows of the kept samples. */
  thumbnails: Float32Array[][];
}

/** Hashes every sample of every split and keeps the first `perClass` of each class. */
export async function walkSamples(splits: Record<SplitName, BatchSource>, options: WalkOptions): Promise<WalkResult> {
  const samples: SampleHash[] = [];
  const thumbnails: Float32Array[][] = Array.from({ length: options.classCount }, () => []);
  for (const split of SPLIT_NAMES) {
    const source = splits[split];
    const rowSize = source.sampleShape.reduce((a, b) => a * b, 1);
    let index = 0;
    // No shuffle: sample k of a split is record k, which is how nameOf maps it back to a file.
    for await (const batch of source.batches({ batchSize: 256 })) {
      for (let i = 0; i < batch.count; i++, index++) {
        const row = batch.x.subarray(i * rowSize, (i + 1) * rowSize);
        // Equal decoded bytes give equal floats (one lookup table per channel), so hashing floats finds the same copies.
        const hash = createHash('sha1').update(new Uint8Array(row.buffer, row.byteOffset, row.byteLength)).digest('base64');
        samples.push({ split, hash, name: options.nameOf(split, index) });
        const label = batch.y[i]!;
        const kept = thumbnails[label];
        if (kept && kept.length < options.perClass) kept.push(row.slice());
      }
    }
  }
  return { samples, thumbnails };
}

/** counts[c] = samples of class c in a split (labels are class indices). */
export async function classCounts(source: BatchSource, classCount: number): Promise<number[]> {
  const counts = new Array<number>(classCount).fill(0);
  for await (const batch of source.batches({ batchSize: 1024 })) {
    for (let i = 0; i < batch.count; i++) {
      const c = batch.y[i]!;
      if (c >= 0 && c < classCount) counts[c]!++;
    }
  }
  return counts;
}
