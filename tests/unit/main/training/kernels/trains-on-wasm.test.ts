/**
 * Models that could not train on the stock wasm backend now do: a small CNN, an Embedding model
 * and a depthwise/separable-conv model, with tf.layers model.fit. With seeded weights and data,
 * the loss per step on wasm (our kernels) must follow the stock cpu backend's to 1e-4 relative,
 * go down, and leave no tensors behind.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { restoreStockKernels } from '../../../../../src-main/training/kernels/register.js';
import { rand, useOurs } from '../kernel-kit.js';

const init = (seed: number) => tf.initializers.glorotUniform({ seed });

interface Task {
  build: () => tf.LayersModel;
  /** Inputs; labels are derived from them so the task is learnable. */
  inputs: () => tf.Tensor;
  classes: number;
  steps: number;
}

/** Labels: the argmax of a fixed random projection of the input. */
function labels(x: tf.Tensor, classes: number): tf.Tensor {
  const flat = tf.reshape(tf.cast(x, 'float32'), [x.shape[0]!, -1]);
  return tf.oneHot(tf.argMax(tf.matMul(flat, rand([flat.shape[1]!, classes], 99)), 1), classes);
}

/** Full-batch fit on the active backend; returns the loss of every step. */
async function losses(task: Task): Promise<number[]> {
  const before = tf.memory().numTensors;
  const x = task.inputs();
  const y = tf.tidy(() => labels(x, task.classes));
  const model = task.build();
  const optimizer = tf.train.adam(0.01);
  model.compile({ optimizer, loss: 'categoricalCrossentropy' });
  const h = await model.fit(x, y, { epochs: task.steps, batchSize: x.shape[0], verbose: 0, shuffle: false });
  model.dispose();
  optimizer.dispose(); // its moment variables are not the model's to free
  tf.dispose([x, y]);
  expect(tf.memory().numTensors).toBe(before);
  return h.history.loss as number[];
}

async function expectTrainsLikeStockCpu(task: Task): Promise<void> {
  restoreStockKernels();
  await tf.setBackend('cpu');
  const reference = await losses(task);
  await useOurs('wasm'); // reinstalls our kernels
  const got = await losses(task);
  expect(got.at(-1)!).toBeLessThan(got[0]!);
  got.forEach((l, i) => expect(Math.abs(l - reference[i]!) / reference[i]!, `step ${i}`).toBeLessThan(1e-4));
}

describe('training on wasm with our kernels', () => {
  it('stock wasm cannot train a CNN (the reason these kernels exist)', async () => {
    await useOurs('wasm');
    restoreStockKernels();
    const x = rand([2, 6, 6, 1], 1) as tf.Tensor4D;
    const f = rand([3, 3, 1, 2], 2) as tf.Tensor4D;
    expect(() => tf.grad((w: tf.Tensor) => tf.sum(tf.conv2d(x, w as tf.Tensor4D, 1, 'same')))(f)).toThrow(/Conv2DBackpropFilter/);
    tf.dispose([x, f]);
  });

  it('a small CNN (conv8-pool-conv16-pool-dense10) trains as on stock cpu', async () => {
    await expectTrainsLikeStockCpu({
      inputs: () => rand([8, 16, 16, 1], 3),
      classes: 10,
      steps: 6,
      build: () =>
        tf.sequential({
          layers: [
            tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [16, 16, 1], kernelInitializer: init(1) }),
            tf.layers.maxPooling2d({ poolSize: 2 }),
            tf.layers.conv2d({ filters: 16, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: init(2) }),
            tf.layers.maxPooling2d({ poolSize: 2 }),
            tf.layers.flatten(),
            tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: init(3) }),
          ],
        }),
    });
  });

  it('an Embedding model trains as on stock cpu', async () => {
    await expectTrainsLikeStockCpu({
      inputs: () =>
        tf.tensor2d(
          Array.from({ length: 32 * 6 }, (_, i) => (i * 7919) % 50),
          [32, 6],
          'int32',
        ),
      classes: 4,
      steps: 8,
      build: () =>
        tf.sequential({
          layers: [
            tf.layers.embedding({
              inputDim: 50,
              outputDim: 8,
              inputLength: 6,
              embeddingsInitializer: tf.initializers.randomUniform({ seed: 4 }),
            }),
            tf.layers.flatten(),
            tf.layers.dense({ units: 4, activation: 'softmax', kernelInitializer: init(5) }),
          ],
        }),
    });
  });

  it('a DepthwiseConv2D + SeparableConv2D model trains as on stock cpu', async () => {
    await expectTrainsLikeStockCpu({
      inputs: () => rand([16, 12, 12, 3], 4),
      classes: 3,
      steps: 8,
      build: () =>
        tf.sequential({
          layers: [
            tf.layers.depthwiseConv2d({
              kernelSize: 3,
              depthMultiplier: 2,
              activation: 'relu',
              inputShape: [12, 12, 3],
              depthwiseInitializer: init(6),
            }),
            tf.layers.separableConv2d({
              filters: 8,
              kernelSize: 3,
              activation: 'relu',
              depthwiseInitializer: init(7),
              pointwiseInitializer: init(8),
            }),
            tf.layers.globalAveragePooling2d({}),
            tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: init(9) }),
          ],
        }),
    });
  });
});
