import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArraySplit } from '../../../../src-main/datasets/index.js';
import { confusionMatrix, evaluateModel, scoreConfusion } from '../../../../src-main/training/trainer/index.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('confusion matrix and scores', () => {
  it('scores a known tiny case like sklearn', () => {
    const actual = [0, 0, 1, 1, 2, 2];
    const predicted = [0, 1, 1, 1, 2, 0];
    const m = confusionMatrix(actual, predicted, 3);
    expect(m).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 1],
    ]);
    const s = scoreConfusion(m, ['cat', 'dog', 'fox']);
    expect(s.accuracy).toBeCloseTo(4 / 6, 12);
    expect(s.count).toBe(6);
    const [cat, dog, fox] = s.perClass;
    expect(cat).toMatchObject({ name: 'cat', precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(dog!.precision).toBeCloseTo(2 / 3, 12);
    expect(dog!.recall).toBe(1);
    expect(dog!.f1).toBeCloseTo(0.8, 12);
    expect(fox).toMatchObject({ precision: 1, recall: 0.5, support: 2 });
    expect(fox!.f1).toBeCloseTo(2 / 3, 12);
    expect(s.macro.f1).toBeCloseTo((0.5 + 0.8 + 2 / 3) / 3, 12);
  });

  it('gives 0 (not NaN) to a class that is never predicted or never present', () => {
    const s = scoreConfusion(confusionMatrix([0, 0], [0, 0], 2), ['a', 'b']);
    expect(s.perClass[1]).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 0 });
  });
});

describe('evaluateModel', () => {
  /** A fixed linear classifier on 2 features: class = argmax(x0, x1, 0.5). */
  function fixedModel(): tf.LayersModel {
    const input = tf.input({ shape: [2] });
    const dense = tf.layers.dense({ units: 3, activation: 'softmax', name: 'out' });
    const model = tf.model({ inputs: input, outputs: dense.apply(input) as tf.SymbolicTensor });
    dense.setWeights([tf.tensor2d([10, 0, 0, 0, 10, 0], [2, 3]), tf.tensor1d([0, 0, 5])]);
    return model;
  }

  it('runs the model over a source and fills the confusion matrix', async () => {
    const x = Float32Array.from([1, 0, 0, 1, 0, 0, 1, 0.2, 0.9, 0]);
    const y = Int32Array.from([0, 1, 2, 1, 0]); // predictions: 0, 1, 2, 0, 0
    const model = fixedModel();
    const result = await evaluateModel(model, new ArraySplit('test', x, y, [2]), {
      task: 'classification',
      classNames: ['a', 'b', 'c'],
      batchSize: 2,
    });
    expect(result).toMatchObject({
      task: 'classification',
      count: 5,
      accuracy: 0.8,
      confusion: [
        [2, 0, 0],
        [1, 1, 0],
        [0, 0, 1],
      ],
    });
    model.dispose();
  });

  it('reports MAE, MSE and RMSE for regression', async () => {
    const input = tf.input({ shape: [1] });
    const dense = tf.layers.dense({ units: 1, useBias: false });
    const model = tf.model({ inputs: input, outputs: dense.apply(input) as tf.SymbolicTensor });
    dense.setWeights([tf.tensor2d([[2]])]);
    const source = new ArraySplit('test', Float32Array.from([1, 2, 3]), Float32Array.from([2, 5, 6]), [1]); // errors 0, −1, 0
    const result = await evaluateModel(model, source, { task: 'regression' });
    expect(result).toMatchObject({ task: 'regression', count: 3 });
    if (result.task !== 'regression') return;
    expect(result.mae).toBeCloseTo(1 / 3, 6);
    expect(result.mse).toBeCloseTo(1 / 3, 6);
    expect(result.rmse).toBeCloseTo(Math.sqrt(1 / 3), 6);
    model.dispose();
  });
});
