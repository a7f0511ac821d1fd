/**
 * Every layer type → how it appears in the exported TF.js model. TF.js is the app's own runtime,
 * so most layers are written as they are; a layer Netwright adds to tfjs (registered at run time,
 * unknown to a plain TF.js app) is rewritten into stock layers with identical outputs.
 */
import type { LayerType } from '../../../src-shared/layers/catalog.js';
import type { LayerEntry } from '../errors.js';

/** 'native': stock tfjs-layers class; 'rewrite': replaced by stock layers (see rewrite.ts). */
export type TfjsEntry = { kind: 'native' } | { kind: 'rewrite'; how: string };

const native: TfjsEntry = { kind: 'native' };

export const TFJS_LAYERS: Record<LayerType, LayerEntry<TfjsEntry>> = {
  Input: native,
  Dense: native,
  Activation: native,
  Dropout: native,
  Flatten: native,
  Reshape: native,
  Rescaling: native,
  BatchNormalization: native,
  LayerNormalization: native,
  Conv2D: native,
  DepthwiseConv2D: native,
  SeparableConv2D: native,
  Conv1D: native,
  MaxPooling2D: native,
  AveragePooling2D: native,
  GlobalAveragePooling2D: native,
  GlobalMaxPooling2D: native,
  MaxPooling1D: native,
  AveragePooling1D: native,
  GlobalAveragePooling1D: native,
  GlobalMaxPooling1D: native,
  ZeroPadding2D: native,
  Cropping2D: native,
  UpSampling2D: native,
  SimpleRNN: native,
  LSTM: native,
  GRU: native,
  Embedding: native,
  Concatenate: native,
  Add: native,
  // tfjs 4.22 has no Subtract layer; a − b = a + (−1·b) exactly in IEEE arithmetic.
  Subtract: { kind: 'rewrite', how: 'Add(a, Rescaling(scale=-1)(b))' },
  Multiply: native,
  Average: native,
  Maximum: native,
};
