/**
 * Reproducible randomness for a run. What tfjs 4.22 does (checked in its source and by test):
 *  - Initializers honour a `seed` in their config: same seed → same initial weights.
 *  - Dropout honours its `seed` too literally: every call builds a fresh `alea(seed)`, so a seeded
 *    Dropout drops the SAME units on every batch (no longer dropout). Unseeded, it uses Math.random.
 *  - RNN input/recurrent dropout masks never take a seed (Math.random), but cells accept a
 *    `dropoutFunc` that replaces the mask generator.
 *  - There is no global tfjs seed: unseeded ops fall back to Math.random.
 * So: seeds go into every random initializer's config before loading; Dropout layers and RNN cells
 * get a per-call seed drawn from a stream (base seed + call counter) after loading.
 */
import * as tf from '@tensorflow/tfjs';
import type { KerasModelJson } from '../../../src-shared/compile/keras-json.js';
import { deriveSeed } from '../../../src-shared/training/random.js';

/** Initializers without randomness: a seed would be meaningless (and is dropped by tfjs anyway). */
const DETERMINISTIC_INITIALIZERS = new Set(['Zeros', 'zeros', 'Ones', 'ones', 'Constant', 'constant', 'Identity', 'identity']);

/** A copy of `model` whose random initializers carry seeds derived from `seed`, the layer index and the key. */
export function withInitializerSeeds(model: KerasModelJson, seed: number): KerasModelJson {
  const copy = structuredClone(model);
  copy.config.layers.forEach((layer, index) => {
    for (const [key, value] of Object.entries(layer.config)) {
      if (!key.endsWith('_initializer') || !isInitializer(value)) continue;
      if (DETERMINISTIC_INITIALIZERS.has(value.class_name)) continue;
      value.config = { ...(value.config ?? {}), seed: deriveSeed(seed, 'init', index, key) };
    }
  });
  return copy;
}

function isInitializer(value: unknown): value is { class_name: string; config?: Record<string, unknown> } {
  return typeof value === 'object' && value !== null && typeof (value as { class_name?: unknown }).class_name === 'string';
}

interface DropoutInternals {
  rate: number;
  getNoiseShape(input: tf.Tensor): tf.Shape | undefined;
}

interface RnnCellInternals {
  dropout?: number;
  recurrentDropout?: number;
  dropoutFunc?: (x: tf.Tensor, rate: number) => tf.Tensor;
}

/**
 * Gives every Dropout layer and RNN cell of a loaded model its own seeded stream: call n of
 * layer i uses seed derive(seed, i, n), so masks differ between batches yet repeat across runs.
 */
export function seedDropout(model: tf.LayersModel, seed: number): void {
  model.layers.forEach((layer, index) => {
    if (layer.getClassName() === 'Dropout') patchDropoutLayer(layer, deriveSeed(seed, 'dropout', index));
    const cell = (layer as unknown as { cell?: RnnCellInternals }).cell;
    if (cell && ((cell.dropout ?? 0) > 0 || (cell.recurrentDropout ?? 0) > 0)) {
      const base = deriveSeed(seed, 'rnn-dropout', index);
      let calls = 0;
      cell.dropoutFunc = (x, rate) => tf.dropout(x, rate, undefined, deriveSeed(base, calls++));
    }
  });
}

function patchDropoutLayer(layer: tf.layers.Layer, base: number): void {
  const internals = layer as unknown as DropoutInternals;
  let calls = 0;
  // Same behaviour as tfjs's Dropout.call, except that the seed moves on with every training call.
  layer.call = (inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor =>
    tf.tidy(() => {
      const input = Array.isArray(inputs) ? inputs[0]! : inputs;
      const rate = internals.rate;
      if (!(rate > 0 && rate < 1) || kwargs?.training !== true) return input;
      const noiseShape = internals.getNoiseShape(input) ?? undefined;
      return tf.dropout(input, rate, noiseShape as number[] | undefined, deriveSeed(base, calls++));
    });
}
