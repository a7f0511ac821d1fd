import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Batch } from '../../../../src-shared/training/dataset-types.js';
import { buildModel } from '../../../../src-main/training/trainer/build-model.js';
import { planLoss } from '../../../../src-main/training/trainer/loss.js';
import { Stepper } from '../../../../src-main/training/trainer/step.js';
import { chainModel } from './trainer-fixtures.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const batch: Batch = { x: Float32Array.from([1, 2, 3, 4, -1, 0.5, 2, -3, 0, 1, 1, 0]), y: Int32Array.from([0, 1, 2]), count: 3 };
const labels = { task: 'classification' as const, classNames: ['a', 'b', 'c'] };

async function setup(layers: Parameters<typeof chainModel>[0], weightDecay = 0, learningRate = 0) {
  const { model, facts } = await buildModel(chainModel(layers), 1);
  const optimizer = tf.train.sgd(learningRate);
  return { model, optimizer, stepper: new Stepper(model, optimizer, planLoss('auto', facts, labels), facts, weightDecay) };
}

describe('Stepper', () => {
  it("adds the layers' L2 and the global weight decay to the training loss (Keras convention: λ·Σw²)", async () => {
    const { model, optimizer, stepper } = await setup(
      [
        ['Input', { dataKind: 'vector', shape: [4] }],
        ['Dense', { units: 5, l2: 0.01 }],
        ['Dense', { units: 3, activation: 'softmax' }],
      ],
      0.001,
    );
    const [k1, , k2] = model.getWeights();
    const sq = (t: tf.Tensor) => tf.sum(tf.square(t)).dataSync()[0]!;
    const want = 0.01 * sq(k1!) + 0.001 * (sq(k1!) + sq(k2!));
    expect(stepper.penaltyValue()).toBeCloseTo(want, 5);
    // lr 0: the training step changes nothing, so train loss = data loss (evaluate) + penalty.
    const train = stepper.train(batch);
    const data = stepper.evaluate(batch);
    expect(train.lossSum / 3).toBeCloseTo(data.lossSum / 3 + want, 5);
    model.dispose();
    optimizer.dispose();
  });

  it('counts correct predictions from the same forward pass and leaks nothing', async () => {
    const { model, optimizer, stepper } = await setup([
      ['Input', { dataKind: 'vector', shape: [4] }],
      ['Dense', { units: 3, activation: 'softmax' }],
    ]);
    stepper.train(batch); // the first step creates the optimizer's state
    const before = tf.memory().numTensors;
    const result = stepper.evaluate(batch);
    stepper.train(batch);
    expect(tf.memory().numTensors).toBe(before);
    const pred = tf.tidy(() => (model.predict(tf.tensor2d(batch.x, [3, 4])) as tf.Tensor).argMax(-1).dataSync());
    const correct = Array.from(pred).filter((p, i) => p === batch.y[i]).length;
    expect(result.metricSum).toBe(correct);
    model.dispose();
    optimizer.dispose();
  });

  it('updates BatchNormalization moving statistics in training steps only', async () => {
    const { model, optimizer, stepper } = await setup(
      [
        ['Input', { dataKind: 'vector', shape: [4] }],
        ['BatchNormalization', {}],
        ['Dense', { units: 3, activation: 'softmax' }],
      ],
      0,
      0.1,
    );
    const movingMean = () =>
      Array.from(
        model.weights
          .find((w) => w.originalName.endsWith('moving_mean'))!
          .read()
          .dataSync(),
      );
    stepper.evaluate(batch);
    expect(movingMean()).toEqual([0, 0, 0, 0]);
    stepper.train(batch);
    expect(movingMean().some((v) => v !== 0)).toBe(true);
    model.dispose();
    optimizer.dispose();
  });
});
