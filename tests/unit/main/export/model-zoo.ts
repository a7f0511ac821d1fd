/**
 * The graphs the export tests train and export: the brief's MLP, CNN ('same' padding, stride 2,
 * odd sizes), BatchNormalization, LSTM, GRU and merge models, plus models that together use every
 * other layer type the exporters map.
 */
import type { LayerLine } from '../../../../src-shared/graph/build.js';

export interface ZooModel {
  layers: LayerLine[];
  /** Vocabulary size for token inputs. */
  vocab?: number;
}

const image = (h: number, w: number, c: number): LayerLine => ({ type: 'Input', name: 'image', params: { dataKind: 'image', shape: [h, w, c] } });
const sequence = (t: number, f: number): LayerLine => ({ type: 'Input', name: 'seq', params: { dataKind: 'sequence', shape: [t, f] } });
const classes = (n: number, name = 'probs'): LayerLine => ({ type: 'Dense', name, params: { units: n, activation: 'softmax' } });

export type ZooName = 'mlp' | 'cnn' | 'batchnorm' | 'lstm' | 'gru' | 'merge' | 'spatial' | 'sequence1d' | 'text';

export const ZOO: Record<ZooName, ZooModel> = {
  mlp: {
    layers: [
      { type: 'Input', name: 'features', params: { dataKind: 'vector', shape: [12] } },
      { type: 'Dense', name: 'hidden', params: { units: 16, activation: 'relu' } },
      { type: 'Dropout', name: 'drop', params: { rate: 0.2 } },
      { type: 'Dense', name: 'hidden2', params: { units: 8, activation: 'tanh' } },
      classes(5),
    ],
  },
  cnn: {
    layers: [
      image(11, 9, 3),
      { type: 'Conv2D', name: 'conv1', params: { filters: 6, kernelSize: [3, 3], strides: [2, 2], padding: 'same' } },
      { type: 'Conv2D', name: 'conv2', params: { filters: 5, kernelSize: [4, 2], strides: [1, 2], padding: 'same', activation: 'elu' } },
      { type: 'MaxPooling2D', name: 'pool', params: { poolSize: [2, 2], strides: [2, 2], padding: 'same' } },
      { type: 'AveragePooling2D', name: 'avg', params: { poolSize: [3, 3], strides: [1, 1], padding: 'same' } },
      { type: 'Flatten', name: 'flat' },
      classes(4),
    ],
  },
  batchnorm: {
    layers: [
      image(7, 7, 2),
      { type: 'Conv2D', name: 'conv', params: { filters: 4, kernelSize: [3, 3], activation: 'linear' } },
      { type: 'BatchNormalization', name: 'bn', params: { momentum: 0.5 } },
      { type: 'Activation', name: 'relu', params: { activation: 'relu' } },
      { type: 'GlobalAveragePooling2D', name: 'gap' },
      { type: 'Dense', name: 'dense', params: { units: 6, activation: 'linear' } },
      { type: 'BatchNormalization', name: 'bn_dense', params: { momentum: 0.5, epsilon: 0.01 } },
      classes(3),
    ],
  },
  lstm: {
    layers: [
      sequence(7, 3),
      { type: 'LSTM', name: 'lstm_seq', params: { units: 5, returnSequences: true } },
      { type: 'LSTM', name: 'lstm_last', params: { units: 6, goBackwards: true, recurrentActivation: 'hardSigmoid' } },
      classes(3),
    ],
  },
  gru: {
    layers: [
      sequence(6, 4),
      { type: 'GRU', name: 'gru_seq', params: { units: 5, returnSequences: true } },
      { type: 'GRU', name: 'gru_last', params: { units: 4 } },
      classes(3),
    ],
  },
  merge: {
    layers: [
      image(8, 8, 3),
      { type: 'Conv2D', name: 'a', params: { filters: 4, kernelSize: [3, 3], padding: 'same' }, inputs: ['image'] },
      { type: 'Conv2D', name: 'b', params: { filters: 4, kernelSize: [1, 1], activation: 'sigmoid' }, inputs: ['image'] },
      { type: 'Add', name: 'sum', inputs: ['a', 'b'] },
      { type: 'Subtract', name: 'diff', inputs: ['a', 'b'] },
      { type: 'Multiply', name: 'prod', inputs: ['sum', 'diff', 'b'] },
      { type: 'Average', name: 'mean', inputs: ['sum', 'prod'] },
      { type: 'Maximum', name: 'max', inputs: ['mean', 'a'] },
      { type: 'Concatenate', name: 'cat', inputs: ['max', 'b', 'image'] },
      { type: 'GlobalMaxPooling2D', name: 'gmp' },
      classes(3),
    ],
  },
  spatial: {
    layers: [
      image(9, 8, 3),
      { type: 'Rescaling', name: 'rescale', params: { scale: 0.5, offset: -0.25 } },
      { type: 'ZeroPadding2D', name: 'pad', params: { padding: [1, 2, 0, 1] } },
      { type: 'DepthwiseConv2D', name: 'dw', params: { kernelSize: [3, 3], depthMultiplier: 2, strides: [2, 1], padding: 'same' } },
      { type: 'Activation', name: 'leaky', params: { activation: 'leakyRelu' } },
      { type: 'SeparableConv2D', name: 'sep', params: { filters: 5, kernelSize: [2, 3], depthMultiplier: 2, activation: 'linear' } },
      { type: 'Activation', name: 'relu6', params: { activation: 'relu6' } },
      { type: 'UpSampling2D', name: 'up', params: { size: [2, 3], interpolation: 'nearest' } },
      { type: 'Cropping2D', name: 'crop', params: { cropping: [1, 0, 6, 6] } }, // square: tfjs's cpu ResizeBilinear gradient swaps H and W otherwise
      { type: 'UpSampling2D', name: 'up_bilinear', params: { size: [2, 2], interpolation: 'bilinear' } },
      { type: 'AveragePooling2D', name: 'avg_valid', params: { poolSize: [3, 2], strides: [2, 2] } },
      { type: 'GlobalAveragePooling2D', name: 'gap' },
      classes(4),
    ],
  },
  sequence1d: {
    layers: [
      sequence(13, 4),
      { type: 'Conv1D', name: 'conv1d', params: { filters: 6, kernelSize: 3, strides: 2, padding: 'same' } },
      { type: 'MaxPooling1D', name: 'maxpool1d', params: { poolSize: 2, padding: 'same' } },
      { type: 'LayerNormalization', name: 'ln' },
      { type: 'SimpleRNN', name: 'rnn', params: { units: 5, returnSequences: true, activation: 'relu' } },
      { type: 'AveragePooling1D', name: 'avgpool1d', params: { poolSize: 2 } },
      { type: 'Dense', name: 'per_step', params: { units: 4, activation: 'sigmoid' } },
      { type: 'GlobalMaxPooling1D', name: 'gmp1d' },
      classes(3),
    ],
  },
  text: {
    vocab: 20,
    layers: [
      { type: 'Input', name: 'tokens', params: { dataKind: 'tokens', shape: [9] } },
      { type: 'Embedding', name: 'embed', params: { inputDim: 20, outputDim: 6 } },
      { type: 'SimpleRNN', name: 'rnn', params: { units: 5, returnSequences: true } },
      { type: 'GlobalAveragePooling1D', name: 'gap1d' },
      { type: 'Reshape', name: 'grid', params: { targetShape: [5, 1] } },
      { type: 'Flatten', name: 'flat' },
      { type: 'Dense', name: 'out', params: { units: 1, activation: 'sigmoid' } },
    ],
  },
};
