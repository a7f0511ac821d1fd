/**
 * Tiny builders for hand-written Keras model JSON in tests (Keras 2 and Keras 3 spellings).
 * Configs are minimal: the importer must accept what Keras writes, including defaults left out.
 */
type Json = Record<string, unknown>;

/** Keras 2 functional layer entry. */
export const k2 = (class_name: string, name: string, config: Json, inputs: string[][] = []): Json => ({
  class_name,
  config: { name, trainable: true, dtype: 'float32', ...config },
  name,
  inbound_nodes: inputs.map((call) => call.map((i) => [i.split(':')[0], Number(i.split(':')[1] ?? 0), 0, {}])),
});

export const k2Input = (name: string, shape: (number | null)[]): Json => ({
  class_name: 'InputLayer',
  config: { batch_input_shape: [null, ...shape], dtype: 'float32', sparse: false, ragged: false, name },
  name,
  inbound_nodes: [],
});

export const k2Functional = (layers: Json[], inputs: string[], outputs: string[], className = 'Functional'): Json => ({
  class_name: className,
  config: { name: 'model', layers, input_layers: inputs.map((i) => [i, 0, 0]), output_layers: outputs.map((o) => [o, 0, 0]) },
  keras_version: '2.15.0',
  backend: 'tensorflow',
});

export const dense = (units: number, activation = 'linear'): Json => ({ units, activation, use_bias: true });

const policy = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };

/** A Keras 3 symbolic tensor reference. */
export const k3Tensor = (layer: string, shape: (number | null)[], node = 0): Json => ({
  class_name: '__keras_tensor__',
  config: { shape, dtype: 'float32', keras_history: [layer, node, 0] },
});

/** Keras 3 functional layer entry: `calls` are the inbound nodes' `args`. */
export const k3 = (class_name: string, name: string, config: Json, calls: unknown[][] = []): Json => ({
  module: 'keras.layers',
  class_name,
  config: { name, trainable: true, dtype: policy, ...config },
  registered_name: null,
  name,
  inbound_nodes: calls.map((args) => ({ args, kwargs: {} })),
});

export const k3Input = (name: string, shape: (number | null)[]): Json => ({
  module: 'keras.layers',
  class_name: 'InputLayer',
  config: { batch_shape: [null, ...shape], dtype: 'float32', sparse: false, name },
  registered_name: null,
  name,
  inbound_nodes: [],
});
