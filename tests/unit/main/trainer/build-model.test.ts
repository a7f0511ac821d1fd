import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileToKeras } from '../../../../src-shared/compile/to-keras.js';
import type { GraphNode } from '../../../../src-shared/graph/document.js';
import { getSpec, type LayerType } from '../../../../src-shared/layers/catalog.js';
import { withDefaults } from '../../../../src-shared/layers/common.js';
import type { Params } from '../../../../src-shared/layers/types.js';
import { buildModel, modelFacts } from '../../../../src-main/training/trainer/build-model.js';
import { TrainerError } from '../../../../src-main/training/trainer/errors.js';
import { planLoss } from '../../../../src-main/training/trainer/loss.js';
import { chainModel, mnistMlp } from './trainer-fixtures.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const weightsOf = (m: tf.LayersModel): number[][] => m.getWeights().map((w) => Array.from(w.dataSync()));

/** Input(4) → a, b (Dense 3 each) → Subtract(a, b) → Dense(2, softmax). */
function subtractModel() {
  const node = (id: string, type: LayerType, params: Params): GraphNode => ({
    id,
    type,
    name: id,
    params: withDefaults(getSpec(type).params, params),
    position: { x: 0, y: 0 },
  });
  const nodes = [
    node('x', 'Input', { dataKind: 'vector', shape: [4] }),
    node('a', 'Dense', { units: 3, activation: 'linear' }),
    node('b', 'Dense', { units: 3, activation: 'linear' }),
    node('diff', 'Subtract', {}),
    node('out', 'Dense', { units: 2, activation: 'softmax' }),
  ];
  const edge = (source: string, target: string, targetIndex = 0) => ({ id: `${source}-${target}`, source, target, targetIndex });
  const result = compileToKeras({
    name: 'subtract',
    nodes,
    edges: [edge('x', 'a'), edge('x', 'b'), edge('a', 'diff', 0), edge('b', 'diff', 1), edge('diff', 'out')],
  });
  if (!result.ok) throw new Error('compile failed');
  return result.model;
}

describe('buildModel', () => {
  it('seeds initializers: same seed → identical initial weights, another seed → different', async () => {
    const [a, b, c] = await Promise.all([buildModel(mnistMlp(), 7), buildModel(mnistMlp(), 7), buildModel(mnistMlp(), 8)]);
    expect(weightsOf(a.model)).toEqual(weightsOf(b.model));
    expect(weightsOf(a.model)[0]).not.toEqual(weightsOf(c.model)[0]);
    [a, b, c].forEach((m) => m.model.dispose());
    // Layers of the same shape get different streams (the seed depends on the layer index).
    const square = chainModel([
      ['Input', { dataKind: 'vector', shape: [8] }],
      ['Dense', { units: 8 }],
      ['Dense', { units: 8, activation: 'softmax' }],
    ]);
    const { model } = await buildModel(square, 7);
    const [k1, , k2] = weightsOf(model);
    expect(k1).not.toEqual(k2);
    model.dispose();
  });

  it('gives Dropout a fresh mask per training call, repeatable across builds with the same seed', async () => {
    const masks = async (seed: number) => {
      const { model } = await buildModel(mnistMlp(16, 0.5), seed);
      const dropout = model.layers.find((l) => l.getClassName() === 'Dropout')!;
      const x = tf.ones([1, 64]);
      const out = [1, 2, 3].map(() => Array.from((dropout.apply(x, { training: true }) as tf.Tensor).dataSync()));
      const inference = Array.from((dropout.apply(x, { training: false }) as tf.Tensor).dataSync());
      x.dispose();
      model.dispose();
      return { out, inference };
    };
    const first = await masks(3);
    const again = await masks(3);
    expect(first.out[0]).not.toEqual(first.out[1]); // stock tfjs with a seed would repeat the mask
    expect(first.out).toEqual(again.out);
    expect(new Set(first.out[0])).toEqual(new Set([0, 2])); // rate 0.5: dropped or scaled by 2
    expect(first.inference.every((v) => v === 1)).toBe(true);
  });

  it('builds and trains a Subtract (which tfjs 4.22 lacks) and computes a − b', async () => {
    const { model } = await buildModel(subtractModel(), 1);
    const x = tf.tensor2d([[1, 2, 3, 4]]);
    const a = model.getLayer('a').apply(x) as tf.Tensor;
    const b = model.getLayer('b').apply(x) as tf.Tensor;
    const diff = tf.model({ inputs: model.inputs, outputs: model.getLayer('diff').output as tf.SymbolicTensor });
    const got = diff.predict(x) as tf.Tensor;
    expect(Array.from(got.dataSync())).toEqual(Array.from(tf.sub(a, b).dataSync()));
    tf.dispose([a, b, got]);
    // One SGD step changes both branches' kernels: gradients flow through the subtraction.
    const before = weightsOf(model);
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    tf.train
      .sgd(0.1)
      .minimize(() => tf.sum(tf.mul(model.apply(x, { training: true }) as tf.Tensor, tf.tensor2d([[1, -1]]))) as tf.Scalar, false, vars);
    const after = weightsOf(model);
    for (const layer of ['a', 'b']) {
      const i = model.weights.findIndex((w) => w.originalName === `${layer}/kernel`);
      expect(after[i]).not.toEqual(before[i]);
    }
    x.dispose();
    model.dispose();
  });

  it('refuses configurations TF.js 4.22 cannot train, saying what to change', async () => {
    const keepdims = chainModel([
      ['Input', { dataKind: 'image', shape: [8, 8, 1] }],
      ['Conv2D', { filters: 2, kernelSize: [3, 3] }],
      ['GlobalAveragePooling2D', { keepdims: true }],
      ['Flatten', {}],
      ['Dense', { units: 2, activation: 'softmax' }],
    ]);
    await expect(buildModel(keepdims, 1)).rejects.toMatchObject({
      code: 'MODEL',
      message: expect.stringMatching(/keepdims.*Turn keepdims off/),
    });
    const bn = chainModel([
      ['Input', { dataKind: 'vector', shape: [4] }],
      ['BatchNormalization', { scale: false }],
      ['Dense', { units: 2, activation: 'softmax' }],
    ]);
    await expect(buildModel(bn, 1)).rejects.toMatchObject({ code: 'MODEL', message: expect.stringMatching(/scale off.*Turn scale on/) });
  });
});

describe('planLoss', () => {
  const facts = async (json = mnistMlp()) => {
    const { model } = await buildModel(json, 1);
    const f = modelFacts(model);
    model.dispose();
    return f;
  };
  const digits = { task: 'classification' as const, classNames: Array.from({ length: 10 }, (_, i) => String(i)) };

  it("'auto' picks categorical cross-entropy for softmax, binary for one sigmoid unit, MSE for regression", async () => {
    expect(planLoss('auto', await facts(), digits)).toMatchObject({ loss: 'categoricalCrossentropy', targets: 'one-hot', classCount: 10 });
    const sigmoid = chainModel([
      ['Input', { dataKind: 'vector', shape: [3] }],
      ['Dense', { units: 1, activation: 'sigmoid' }],
    ]);
    expect(planLoss(undefined, await facts(sigmoid), { task: 'classification', classNames: ['no', 'yes'] })).toMatchObject({
      loss: 'binaryCrossentropy',
      targets: 'binary',
    });
    const linear = chainModel([
      ['Input', { dataKind: 'vector', shape: [3] }],
      ['Dense', { units: 1, activation: 'linear' }],
    ]);
    expect(planLoss('auto', await facts(linear), { task: 'regression', classNames: [] })).toMatchObject({
      loss: 'meanSquaredError',
      targets: 'values',
    });
    expect(planLoss('meanSquaredError', await facts(), digits)).toMatchObject({ loss: 'meanSquaredError', targets: 'one-hot' });
  });

  it('refuses a class-count mismatch with the numbers and the fix', async () => {
    const five = chainModel([
      ['Input', { dataKind: 'image', shape: [28, 28, 1] }],
      ['Flatten', {}],
      ['Dense', { units: 5, activation: 'softmax' }],
    ]);
    const error = (() => {
      try {
        planLoss('auto', modelFactsSync(five), digits);
      } catch (e) {
        return e as TrainerError;
      }
      return null;
    })();
    expect(error).toMatchObject({ code: 'DATA' });
    expect(error!.message).toMatch(
      /^The model outputs 5 classes but the dataset has 10 \(0, 1, 2, 3, 4, …, 9\)\. Set the output layer "dense_2" to 10 units\.$/,
    );
  });

  it('refuses a linear output for classification', async () => {
    const linear = chainModel([
      ['Input', { dataKind: 'vector', shape: [3] }],
      ['Dense', { units: 3, activation: 'linear' }],
    ]);
    expect(() => planLoss('auto', modelFactsSync(linear), { task: 'classification', classNames: ['a', 'b', 'c'] })).toThrow(
      /activation linear; for 3-class classification it needs softmax/,
    );
  });
});

/** Facts without seeding (shape-only), built synchronously through tfjs's layers API. */
function modelFactsSync(json: ReturnType<typeof chainModel>) {
  const last = json.config.layers.at(-1)!;
  return {
    inputShape: (json.config.layers[0]!.config.batch_input_shape as number[]).slice(1),
    inputDtype: 'float32' as const,
    outputLayerName: last.name,
    outputUnits: last.config.units as number,
    outputActivation: last.config.activation as string,
    layerTypes: [],
  };
}
