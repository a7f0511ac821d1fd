/**
 * Trained test models for the exporters: a small graph compiled with compileToKeras, built by
 * tfjs, fitted for a few steps on seeded random data (so weights and BatchNormalization moving
 * statistics are far from their initial values), plus held-out samples and tfjs's predictions.
 */
import * as tf from '@tensorflow/tfjs';
import { compileToKeras } from '../../../../src-shared/compile/to-keras.js';
import { buildDocument, type LayerLine } from '../../../../src-shared/graph/build.js';
import { registerCustomLayers } from '../../../../src-main/training/trainer/custom-layers.js';
import type { Predictions, SampleSet } from '../../../../src-main/export/parity/compare.js';

/** Deterministic values in [lo, hi) from a small LCG. */
export function seeded(size: number, seed: number, lo = -1, hi = 1): Float32Array {
  const out = new Float32Array(size);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = lo + ((hi - lo) * s) / 2 ** 32;
  }
  return out;
}

export interface TrainedCase {
  model: tf.LayersModel;
  samples: SampleSet;
  reference: Predictions;
}

/** Seeded random samples for `model`'s input (token ids below `vocab` for int32 inputs). */
export function randomSamples(model: tf.LayersModel, count: number, seed: number, vocab = 0): SampleSet {
  const shape = model.inputs[0]!.shape.slice(1) as number[];
  const size = count * shape.reduce((a, b) => a * b, 1);
  const x = model.inputs[0]!.dtype === 'int32' ? Int32Array.from(seeded(size, seed, 0, vocab), Math.floor) : seeded(size, seed, -1, 1);
  return { x, count, shape, source: 'seeded random inputs' };
}

/** tfjs's own outputs for the samples (the app's predictions: the parity reference). */
export function predictTfjs(model: tf.LayersModel, samples: SampleSet): Predictions {
  return tf.tidy(() => {
    const x = tf.tensor(samples.x, [samples.count, ...samples.shape], samples.x instanceof Int32Array ? 'int32' : 'float32');
    const y = model.predict(x) as tf.Tensor;
    const data = Float32Array.from(y.dataSync() as Float32Array);
    return { data, count: samples.count, units: data.length / samples.count };
  });
}

/** Compiles `layers` (first line an Input), fits `epochs` on random data, returns the model and 64 held-out samples. */
export async function trainedCase(name: string, layers: LayerLine[], options: { epochs?: number; vocab?: number; seed?: number } = {}): Promise<TrainedCase> {
  await tf.setBackend('cpu');
  registerCustomLayers();
  const compiled = compileToKeras(buildDocument(name, layers));
  if (!compiled.ok) throw new Error(`test model ${name} does not compile: ${compiled.findings.map((f) => f.message).join('; ')}`);
  const model = await tf.models.modelFromJSON(compiled.model as unknown as tf.io.ModelJSON['modelTopology'] as never);
  const seed = options.seed ?? 7;
  const units = model.outputs[0]!.shape.at(-1)!;
  const train = randomSamples(model, 48, seed, options.vocab);
  const labels = Int32Array.from(seeded(48, seed + 1, 0, units), Math.floor);
  const x = tf.tensor(train.x, [train.count, ...train.shape], train.x instanceof Int32Array ? 'int32' : 'float32');
  const y = units === 1 ? tf.tensor2d(Float32Array.from(labels, (v) => v % 2), [48, 1]) : tf.oneHot(tf.tensor1d(labels, 'int32'), units);
  const activation = (model.outputLayers[0]!.getConfig().activation as string | undefined) ?? 'linear';
  const loss = activation === 'softmax' ? 'categoricalCrossentropy' : activation === 'sigmoid' ? 'binaryCrossentropy' : 'meanSquaredError';
  model.compile({ optimizer: tf.train.adam(0.01), loss });
  await model.fit(x, y, { epochs: options.epochs ?? 3, batchSize: 16, shuffle: false, verbose: 0 });
  tf.dispose([x, y]);
  const samples = randomSamples(model, 64, seed + 2, options.vocab);
  return { model, samples, reference: predictTfjs(model, samples) };
}
