/**
 * LAYER_KERNELS against reality: profile a real fit step of each layer type on the cpu backend
 * and check every kernel it ran is listed. A trainable layer goes before the layer under test,
 * so its input-side gradient (MaxPoolGrad, Conv2DBackpropInput, …) runs too.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  BASE_TRAINING_KERNELS,
  kernelsForLayers,
  LAYER_KERNELS,
  missingKernels,
  traceKernels,
} from '../../../../../src-main/training/backends/layer-kernels.js';
import { registerNetwrightKernels, restoreStockKernels } from '../../../../../src-main/training/kernels/register.js';
import { ensureWasmBackend } from '../../../../../src-main/training/backends/wasm-setup.js';

const L = tf.layers;
type Kind = 'image' | 'sequence' | 'vector' | 'tokens';
const INPUT: Record<Kind, number[]> = { image: [8, 8, 2], sequence: [6, 3], vector: [8], tokens: [5] };
/** The trainable layer in front, by input kind, and its catalog type. */
const FRONT: Record<Exclude<Kind, 'tokens'>, [string, () => tf.layers.Layer]> = {
  image: ['Conv2D', () => L.conv2d({ filters: 2, kernelSize: 1, inputShape: INPUT.image })],
  sequence: ['Conv1D', () => L.conv1d({ filters: 3, kernelSize: 1, inputShape: INPUT.sequence })],
  vector: ['Dense', () => L.dense({ units: 8, inputShape: INPUT.vector })],
};

const CASES: [string, Kind, () => tf.layers.Layer[]][] = [
  ['Conv2D', 'image', () => [L.conv2d({ filters: 3, kernelSize: 3, activation: 'relu' }), L.flatten()]],
  ['DepthwiseConv2D', 'image', () => [L.depthwiseConv2d({ kernelSize: 3 }), L.flatten()]],
  ['SeparableConv2D', 'image', () => [L.separableConv2d({ filters: 3, kernelSize: 3 }), L.flatten()]],
  ['MaxPooling2D', 'image', () => [L.maxPooling2d({ poolSize: 2 }), L.flatten()]],
  ['AveragePooling2D', 'image', () => [L.averagePooling2d({ poolSize: 2 }), L.flatten()]],
  ['GlobalMaxPooling2D', 'image', () => [L.globalMaxPooling2d({})]],
  ['GlobalAveragePooling2D', 'image', () => [L.globalAveragePooling2d({})]],
  ['ZeroPadding2D', 'image', () => [L.zeroPadding2d({ padding: 1 }), L.flatten()]],
  ['Cropping2D', 'image', () => [L.cropping2D({ cropping: 1 }), L.flatten()]],
  ['UpSampling2D', 'image', () => [L.upSampling2d({ size: [2, 2] }), L.flatten()]],
  ['BatchNormalization', 'image', () => [L.batchNormalization({}), L.flatten()]],
  ['Conv1D', 'sequence', () => [L.conv1d({ filters: 3, kernelSize: 3 }), L.flatten()]],
  ['MaxPooling1D', 'sequence', () => [L.maxPooling1d({ poolSize: 2 }), L.flatten()]],
  ['AveragePooling1D', 'sequence', () => [L.averagePooling1d({ poolSize: 2 }), L.flatten()]],
  ['GlobalMaxPooling1D', 'sequence', () => [L.globalMaxPooling1d({})]],
  ['SimpleRNN', 'sequence', () => [L.simpleRNN({ units: 4 })]],
  ['LSTM', 'sequence', () => [L.lstm({ units: 4 })]],
  ['GRU', 'sequence', () => [L.gru({ units: 4 })]],
  ['LayerNormalization', 'vector', () => [L.layerNormalization({})]],
  ['Dropout', 'vector', () => [L.dropout({ rate: 0.5 })]],
  ['Activation', 'vector', () => [L.activation({ activation: 'softmax' })]],
  ['Reshape', 'vector', () => [L.reshape({ targetShape: [2, 4] }), L.flatten()]],
  ['Embedding', 'tokens', () => [L.embedding({ inputDim: 10, outputDim: 4, inputLength: 5 }), L.flatten()]],
];

describe('LAYER_KERNELS', () => {
  for (const [type, kind, layers] of CASES) {
    it(`lists every kernel a fit step of ${type} runs`, async () => {
      await tf.setBackend('cpu');
      registerNetwrightKernels();
      const model = tf.sequential();
      let front = 'Input';
      if (kind === 'tokens') model.add(L.inputLayer({ inputShape: INPUT.tokens }));
      else {
        const [frontType, make] = FRONT[kind];
        front = frontType;
        model.add(make());
      }
      layers().forEach((l) => model.add(l));
      model.add(L.dense({ units: 2, activation: 'softmax' }));
      model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const x = kind === 'tokens' ? tf.randomUniform([4, ...INPUT.tokens], 0, 10, 'int32') : tf.randomNormal([4, ...INPUT[kind]]);
      const y = tf.oneHot(tf.tensor1d([0, 1, 1, 0], 'int32'), 2);
      const fit = () => model.fit(x, y, { epochs: 1, batchSize: 4, verbose: 0 });
      await fit(); // the first step also creates the optimizer's variables
      const traced = await traceKernels(fit);
      const { kernels } = kernelsForLayers([front, type, 'Dense']);
      expect(traced.filter((k) => !kernels.includes(k))).toEqual([]);
      model.dispose();
      tf.dispose([x, y]);
    });
  }

  it('after our kernels are installed, wasm has every kernel of every catalog layer type', async () => {
    await ensureWasmBackend();
    restoreStockKernels();
    const all = kernelsForLayers(Object.keys(LAYER_KERNELS)).kernels;
    // What forced cpu before: filter gradients of (depthwise) convs and the Embedding gradient.
    expect(missingKernels(all, 'wasm')).toEqual([
      'Conv2DBackpropFilter',
      'DepthwiseConv2dNativeBackpropFilter',
      'DepthwiseConv2dNativeBackpropInput',
      'UnsortedSegmentSum',
    ]);
    registerNetwrightKernels();
    expect(missingKernels(all, 'wasm')).toEqual([]);
    expect(missingKernels(BASE_TRAINING_KERNELS, 'cpu')).toEqual([]);
  });
});
