/**
 * Held-out samples for parity checks and train.py's sample data: the run's own test split when
 * the data can be loaded, otherwise seeded random inputs shaped like real ones (bytes normalized
 * the way the app does for images, valid token ids for an Embedding).
 */
import type { BatchSource } from '../datasets/batch-source.js';
import type { ModelGraph } from './model-graph.js';
import type { SampleSet } from './parity/compare.js';
import type { Preprocessing } from './preprocessing.js';

/** How many samples parity uses unless told otherwise. */
export const DEFAULT_SAMPLE_COUNT = 64;

/** A small deterministic generator (LCG, Numerical Recipes constants): parity runs are reproducible. */
function uniform(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Random model inputs: normalized random bytes for images, ids below the vocabulary for tokens, N(0,1)-ish otherwise. */
export function randomSamples(graph: ModelGraph, prep: Preprocessing, count = DEFAULT_SAMPLE_COUNT, seed = 1234): SampleSet {
  const next = uniform(seed);
  const shape = prep.inputShape;
  const size = count * shape.reduce((a, b) => a * b, 1);
  if (prep.inputDtype === 'int32') {
    const vocab = Math.min(...graph.layers.filter((l) => l.type === 'Embedding').map((l) => Number(l.config.input_dim)), 2 ** 31 - 1);
    const top = Number.isFinite(vocab) && vocab < 2 ** 31 - 1 ? vocab : 100;
    return { x: Int32Array.from({ length: size }, () => Math.floor(next() * top)), count, shape, source: `${count} seeded random token ids` };
  }
  const x = new Float32Array(size);
  const norm = prep.normalization;
  const channels = shape.at(-1) ?? 1;
  for (let i = 0; i < size; i++) {
    if (norm) {
      const c = i % channels;
      x[i] = (Math.floor(next() * 256) / 255 - (norm.mean[c] ?? 0)) / (norm.std[c] ?? 1);
    } else x[i] = 2 * (next() + next() + next()) - 3; // roughly bell-shaped in [-3, 3]
  }
  return { x, count, shape, source: `${count} seeded random inputs (the run's data was not available)` };
}

/** The first `count` samples of a split (in order), with labels. */
export async function samplesFromSplit(split: BatchSource, count = DEFAULT_SAMPLE_COUNT, label: string = split.split): Promise<SampleSet | null> {
  const n = Math.min(count, split.count);
  if (n === 0) return null;
  for await (const batch of split.batches({ batchSize: n })) {
    const per = batch.x.length / batch.count;
    return {
      x: batch.x.slice(0, n * per),
      y: batch.y.slice(0, n),
      count: n,
      shape: [...split.sampleShape],
      source: `the first ${n} samples of the ${label} split`,
    };
  }
  return null;
}
