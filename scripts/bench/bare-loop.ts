/**
 * The yardstick for our trainer's overhead: the plainest tfjs training loop someone would write by
 * hand for the same compiled model — shuffle, slice a batch, `optimizer.minimize`, read the loss,
 * and one forward pass over the validation rows per epoch (our trainer validates every epoch too).
 */
import * as tf from '@tensorflow/tfjs';
import type { KerasModelJson } from '../../src-shared/compile/keras-json.js';

export interface BareData {
  x: Float32Array;
  y: Int32Array;
  count: number;
  sampleShape: number[];
  classes: number;
  validation: { x: Float32Array; count: number };
}

/** A model built straight from the Keras JSON with tfjs's own deserializer. */
export async function buildBareModel(json: KerasModelJson): Promise<tf.LayersModel> {
  return tf.models.modelFromJSON({ modelTopology: json as unknown as tf.io.ModelJSON['modelTopology'] });
}

/** A point in wall time and in this process's CPU time (user + system), both in seconds. */
export interface Mark {
  wall: number;
  cpu: number;
}

/** Now, on both clocks. */
export function mark(): Mark {
  const { user, system } = process.cpuUsage();
  return { wall: performance.now() / 1000, cpu: (user + system) / 1e6 };
}

/** Samples per wall second and per CPU second between two marks. */
export interface Rate {
  wall: number;
  cpu: number;
}

/** `samples` over the time between two marks, on both clocks. */
export function rateBetween(samples: number, from: Mark, to: Mark): Rate {
  return { wall: samples / (to.wall - from.wall), cpu: samples / (to.cpu - from.cpu) };
}

/** Trains one epoch (or its first `maxSamples` rows); returns samples per second, validation included. */
export async function trainBareEpoch(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  data: BareData,
  batchSize: number,
  maxSamples = data.count,
): Promise<Rate> {
  const rowSize = data.sampleShape.reduce((a, b) => a * b, 1);
  const samples = Math.min(maxSamples, data.count);
  const order = tf.util.createShuffledIndices(data.count);
  const xBatch = new Float32Array(batchSize * rowSize);
  const yBatch = new Int32Array(batchSize);
  const start = mark();
  for (let offset = 0; offset < samples; offset += batchSize) {
    const n = Math.min(batchSize, samples - offset);
    for (let i = 0; i < n; i++) {
      const row = order[offset + i]!;
      xBatch.set(data.x.subarray(row * rowSize, (row + 1) * rowSize), i * rowSize);
      yBatch[i] = data.y[row]!;
    }
    const loss = tf.tidy(() => {
      const xs = tf.tensor(xBatch.subarray(0, n * rowSize), [n, ...data.sampleShape]);
      const ys = tf.oneHot(tf.tensor1d(yBatch.subarray(0, n), 'int32'), data.classes);
      return optimizer.minimize(
        () => tf.metrics.categoricalCrossentropy(ys, model.apply(xs, { training: true }) as tf.Tensor).mean() as tf.Scalar,
        true,
      )!;
    });
    await loss.data();
    loss.dispose();
  }
  // Validation forward pass, in batches of 256 like a typical evaluate().
  const v = data.validation;
  for (let offset = 0; offset < v.count; offset += 256) {
    const n = Math.min(256, v.count - offset);
    const preds = tf.tidy(
      () => model.predict(tf.tensor(v.x.subarray(offset * rowSize, (offset + n) * rowSize), [n, ...data.sampleShape])) as tf.Tensor,
    );
    await preds.data();
    preds.dispose();
  }
  return rateBetween(samples, start, mark());
}
