/**
 * Every layer type → how it becomes ONNX. `Record<LayerType, …>` makes a layer added to the
 * catalog a compile error here until someone decides how (or whether) ONNX expresses it.
 */
import type { LayerType } from '../../../src-shared/layers/catalog.js';
import type { LayerEntry } from '../errors.js';
import type { OnnxEmitter } from './context.js';
import {
  emitActivation,
  emitBatchNorm,
  emitConcatenate,
  emitDense,
  emitEmbedding,
  emitFlatten,
  emitIdentity,
  emitLayerNorm,
  emitMerge,
  emitRescaling,
  emitReshape,
} from './layers-core.js';
import { emitRecurrent } from './layers-recurrent.js';
import {
  emitConv,
  emitCrop,
  emitDepthwise,
  emitGlobalPool,
  emitPool,
  emitSeparable,
  emitUpSampling,
  emitZeroPad,
} from './layers-spatial.js';

/** The emitter per layer type; Input is the graph input itself and never reaches the table. */
export const ONNX_LAYERS: Record<LayerType, LayerEntry<{ emit: OnnxEmitter }>> = {
  Input: { unsupported: 'an Input is a graph input, not a node (internal error if this is reached)' },
  Dense: { emit: emitDense },
  Activation: { emit: emitActivation },
  Dropout: { emit: emitIdentity },
  Flatten: { emit: emitFlatten },
  Reshape: { emit: emitReshape },
  Rescaling: { emit: emitRescaling },
  BatchNormalization: { emit: emitBatchNorm },
  LayerNormalization: { emit: emitLayerNorm },
  Conv2D: { emit: emitConv(2) },
  DepthwiseConv2D: { emit: emitDepthwise },
  SeparableConv2D: { emit: emitSeparable },
  Conv1D: { emit: emitConv(1) },
  MaxPooling2D: { emit: emitPool('max', 2) },
  AveragePooling2D: { emit: emitPool('average', 2) },
  GlobalAveragePooling2D: { emit: emitGlobalPool('average') },
  GlobalMaxPooling2D: { emit: emitGlobalPool('max') },
  MaxPooling1D: { emit: emitPool('max', 1) },
  AveragePooling1D: { emit: emitPool('average', 1) },
  GlobalAveragePooling1D: { emit: emitGlobalPool('average') },
  GlobalMaxPooling1D: { emit: emitGlobalPool('max') },
  ZeroPadding2D: { emit: emitZeroPad },
  Cropping2D: { emit: emitCrop },
  UpSampling2D: { emit: emitUpSampling },
  SimpleRNN: { emit: emitRecurrent('SimpleRNN') },
  LSTM: { emit: emitRecurrent('LSTM') },
  GRU: { emit: emitRecurrent('GRU') },
  Embedding: { emit: emitEmbedding },
  Concatenate: { emit: emitConcatenate },
  Add: { emit: emitMerge('Sum') },
  Subtract: { emit: emitMerge('Sub') },
  Multiply: { emit: emitMerge('Mul') },
  Average: { emit: emitMerge('Mean') },
  Maximum: { emit: emitMerge('Max') },
};
