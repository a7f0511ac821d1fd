/**
 * The layer catalog: the single source of layer knowledge. Palette, inspector, validation,
 * compile, import and the exporters all read it. `satisfies Record<LayerType, LayerSpec>`
 * makes a layer that is listed but not defined (or vice versa) a compile error.
 */
import type { LayerSpec } from './types.js';
import { inputSpec } from './defs/input.js';
import { denseSpec } from './defs/dense.js';
import { activationSpec } from './defs/activation.js';
import { dropoutSpec } from './defs/dropout.js';
import { flattenSpec } from './defs/flatten.js';
import { reshapeSpec } from './defs/reshape.js';
import { rescalingSpec } from './defs/rescaling.js';
import { batchNormalizationSpec } from './defs/batch-normalization.js';
import { layerNormalizationSpec } from './defs/layer-normalization.js';
import { embeddingSpec } from './defs/embedding.js';
import { concatenateSpec } from './defs/concatenate.js';
import { addSpec, averageSpec, maximumSpec, multiplySpec, subtractSpec } from './defs/elementwise-merge.js';
import { conv2dSpec } from './defs/conv2d.js';
import { depthwiseConv2dSpec } from './defs/depthwise-conv2d.js';
import { separableConv2dSpec } from './defs/separable-conv2d.js';
import { conv1dSpec } from './defs/conv1d.js';
import { maxPooling2dSpec, averagePooling2dSpec } from './defs/pooling2d.js';
import { maxPooling1dSpec, averagePooling1dSpec } from './defs/pooling1d.js';
import {
  globalAveragePooling2dSpec,
  globalMaxPooling2dSpec,
  globalAveragePooling1dSpec,
  globalMaxPooling1dSpec,
} from './defs/global-pooling.js';
import { zeroPadding2dSpec } from './defs/zero-padding2d.js';
import { cropping2dSpec } from './defs/cropping2d.js';
import { upSampling2dSpec } from './defs/up-sampling2d.js';
import { simpleRnnSpec } from './defs/simple-rnn.js';
import { lstmSpec } from './defs/lstm.js';
import { gruSpec } from './defs/gru.js';

/** Every layer type, in palette order. */
export const LAYER_TYPES = [
  'Input',
  'Dense',
  'Activation',
  'Dropout',
  'Flatten',
  'Reshape',
  'Rescaling',
  'BatchNormalization',
  'LayerNormalization',
  'Conv2D',
  'DepthwiseConv2D',
  'SeparableConv2D',
  'Conv1D',
  'MaxPooling2D',
  'AveragePooling2D',
  'GlobalAveragePooling2D',
  'GlobalMaxPooling2D',
  'MaxPooling1D',
  'AveragePooling1D',
  'GlobalAveragePooling1D',
  'GlobalMaxPooling1D',
  'ZeroPadding2D',
  'Cropping2D',
  'UpSampling2D',
  'SimpleRNN',
  'LSTM',
  'GRU',
  'Embedding',
  'Concatenate',
  'Add',
  'Subtract',
  'Multiply',
  'Average',
  'Maximum',
] as const;

export type LayerType = (typeof LAYER_TYPES)[number];

export const CATALOG = {
  Input: inputSpec,
  Dense: denseSpec,
  Activation: activationSpec,
  Dropout: dropoutSpec,
  Flatten: flattenSpec,
  Reshape: reshapeSpec,
  Rescaling: rescalingSpec,
  BatchNormalization: batchNormalizationSpec,
  LayerNormalization: layerNormalizationSpec,
  Conv2D: conv2dSpec,
  DepthwiseConv2D: depthwiseConv2dSpec,
  SeparableConv2D: separableConv2dSpec,
  Conv1D: conv1dSpec,
  MaxPooling2D: maxPooling2dSpec,
  AveragePooling2D: averagePooling2dSpec,
  GlobalAveragePooling2D: globalAveragePooling2dSpec,
  GlobalMaxPooling2D: globalMaxPooling2dSpec,
  MaxPooling1D: maxPooling1dSpec,
  AveragePooling1D: averagePooling1dSpec,
  GlobalAveragePooling1D: globalAveragePooling1dSpec,
  GlobalMaxPooling1D: globalMaxPooling1dSpec,
  ZeroPadding2D: zeroPadding2dSpec,
  Cropping2D: cropping2dSpec,
  UpSampling2D: upSampling2dSpec,
  SimpleRNN: simpleRnnSpec,
  LSTM: lstmSpec,
  GRU: gruSpec,
  Embedding: embeddingSpec,
  Concatenate: concatenateSpec,
  Add: addSpec,
  Subtract: subtractSpec,
  Multiply: multiplySpec,
  Average: averageSpec,
  Maximum: maximumSpec,
} as const satisfies { [K in LayerType]: LayerSpec<K> };

export function isLayerType(value: string): value is LayerType {
  return Object.prototype.hasOwnProperty.call(CATALOG, value);
}

export function getSpec(type: LayerType): LayerSpec {
  return CATALOG[type] as LayerSpec;
}

/** Keras class name → our layer type, built from every spec's `keras.classNames`. */
export const KERAS_CLASS_TO_TYPE: ReadonlyMap<string, LayerType> = new Map(
  LAYER_TYPES.flatMap((t) => getSpec(t).keras.classNames.map((c) => [c, t] as const)),
);
