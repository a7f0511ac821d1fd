/**
 * Every layer type → how Keras 2 names its weights in an HDF5 file and which config changes it
 * needs. Weight order inside a layer is tfjs's, which is Keras's (trainable, then non-trainable:
 * BatchNormalization gamma, beta, moving_mean, moving_variance). Recurrent layers keep their
 * weights in a cell whose default names Keras 2 uses ("lstm/lstm_cell/kernel:0").
 */
import type { LayerType } from '../../../src-shared/layers/catalog.js';
import type { LayerEntry } from '../errors.js';

export interface KerasEntry {
  /** The cell sub-scope of a recurrent layer's weights. */
  cell?: string;
  /** Config edits from tfjs's serialization to what Keras 2 reads. */
  adapt?: (config: Record<string, unknown>) => Record<string, unknown>;
}

/** tfjs writes `implementation: null` for RNNs; Keras 2 expects 1 or 2 (2 is its default). */
const recurrent = (cell: string, extra: Record<string, unknown> = {}): KerasEntry => ({
  cell,
  adapt: (c) => ({ ...c, ...('implementation' in c ? { implementation: c.implementation ?? 2 } : {}), ...extra }),
});

const plain: KerasEntry = {};

export const KERAS_LAYERS: Record<LayerType, LayerEntry<KerasEntry>> = {
  Input: { adapt: (c) => ({ ...c, ragged: false }) },
  Dense: plain,
  Activation: plain,
  Dropout: plain,
  Flatten: plain,
  Reshape: plain,
  Rescaling: plain,
  BatchNormalization: plain,
  LayerNormalization: plain,
  Conv2D: plain,
  DepthwiseConv2D: plain,
  SeparableConv2D: plain,
  Conv1D: plain,
  MaxPooling2D: plain,
  AveragePooling2D: plain,
  GlobalAveragePooling2D: plain,
  GlobalMaxPooling2D: plain,
  MaxPooling1D: plain,
  AveragePooling1D: plain,
  GlobalAveragePooling1D: plain,
  GlobalMaxPooling1D: plain,
  ZeroPadding2D: plain,
  Cropping2D: plain,
  UpSampling2D: plain,
  SimpleRNN: recurrent('simple_rnn_cell'),
  LSTM: recurrent('lstm_cell'),
  // Keras 2 defaults to reset_after = true (the cuDNN form); tfjs only has the original form.
  GRU: recurrent('gru_cell', { reset_after: false }),
  Embedding: plain,
  Concatenate: plain,
  Add: plain,
  Subtract: plain, // a Keras class, registered in tfjs by Netwright
  Multiply: plain,
  Average: plain,
  Maximum: plain,
};
