/**
 * Every layer type → the PyTorch code that reproduces it. `Record<LayerType, …>` makes a new
 * catalog layer a compile error here until someone writes (or refuses) its PyTorch form.
 */
import type { LayerType } from '../../../src-shared/layers/catalog.js';
import type { LayerEntry } from '../errors.js';
import type { TorchEmitter } from './context.js';
import {
  torchActivation,
  torchBatchNorm,
  torchConcatenate,
  torchDense,
  torchDropout,
  torchEmbedding,
  torchFlatten,
  torchLayerNorm,
  torchMerge,
  torchRescaling,
  torchReshape,
} from './layers-core.js';
import { torchRecurrent } from './layers-recurrent.js';
import {
  torchConv,
  torchCrop,
  torchDepthwise,
  torchGlobalPool,
  torchPool,
  torchSeparable,
  torchUpSampling,
  torchZeroPad,
} from './layers-spatial.js';

export const TORCH_LAYERS: Record<LayerType, LayerEntry<{ emit: TorchEmitter }>> = {
  Input: { unsupported: 'an Input is the forward() argument, not a module (internal error if this is reached)' },
  Dense: { emit: torchDense },
  Activation: { emit: torchActivation },
  Dropout: { emit: torchDropout },
  Flatten: { emit: torchFlatten },
  Reshape: { emit: torchReshape },
  Rescaling: { emit: torchRescaling },
  BatchNormalization: { emit: torchBatchNorm },
  LayerNormalization: { emit: torchLayerNorm },
  Conv2D: { emit: torchConv(2) },
  DepthwiseConv2D: { emit: torchDepthwise },
  SeparableConv2D: { emit: torchSeparable },
  Conv1D: { emit: torchConv(1) },
  MaxPooling2D: { emit: torchPool('max', 2) },
  AveragePooling2D: { emit: torchPool('average', 2) },
  GlobalAveragePooling2D: { emit: torchGlobalPool('average') },
  GlobalMaxPooling2D: { emit: torchGlobalPool('max') },
  MaxPooling1D: { emit: torchPool('max', 1) },
  AveragePooling1D: { emit: torchPool('average', 1) },
  GlobalAveragePooling1D: { emit: torchGlobalPool('average') },
  GlobalMaxPooling1D: { emit: torchGlobalPool('max') },
  ZeroPadding2D: { emit: torchZeroPad },
  Cropping2D: { emit: torchCrop },
  UpSampling2D: { emit: torchUpSampling },
  SimpleRNN: { emit: torchRecurrent('SimpleRNN') },
  LSTM: { emit: torchRecurrent('LSTM') },
  GRU: { emit: torchRecurrent('GRU') },
  Embedding: { emit: torchEmbedding },
  Concatenate: { emit: torchConcatenate },
  Add: { emit: torchMerge('add') },
  Subtract: { emit: torchMerge('subtract') },
  Multiply: { emit: torchMerge('multiply') },
  Average: { emit: torchMerge('average') },
  Maximum: { emit: torchMerge('maximum') },
};
