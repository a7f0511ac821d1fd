/**
 * Ground truth for the layer catalog: builds a one-layer Keras functional model from the
 * spec's own Keras JSON, loads it with real tfjs `modelFromJSON`, and reads back what tfjs
 * computes for output shape and weights. Our inference must agree exactly.
 *
 * The spec-based functions do not import the catalog, so a layer's tests can run before every
 * catalog entry exists; `tfjsFacts` loads the catalog lazily for callers that name a LayerType.
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerType } from '../../src-shared/layers/catalog.js';
import { withDefaults } from '../../src-shared/layers/common.js';
import type { LayerSpec, Params, Shape } from '../../src-shared/layers/types.js';

export interface TfjsFacts {
  outputShape: (number | null)[];
  trainable: number;
  nonTrainable: number;
}

export interface TfjsProbeOptions {
  /** dtype of the probe's inputs; defaults to int32 for Embedding (token ids), float32 otherwise. */
  inputDtype?: 'float32' | 'int32';
}

/** tfjs's facts for the layer of `type` (looked up in the catalog) with the given params and input shapes. */
export async function tfjsFacts(type: LayerType, given: Params, inputShapes: readonly Shape[]): Promise<TfjsFacts> {
  const { getSpec } = await import('../../src-shared/layers/catalog.js');
  return tfjsFactsForSpec(getSpec(type), given, inputShapes);
}

/** tfjs's symbolic output shape and weight counts for `spec`, built from `spec.keras.toKeras`. */
export async function tfjsFactsForSpec(
  spec: LayerSpec,
  given: Params,
  inputShapes: readonly Shape[],
  options: TfjsProbeOptions = {},
): Promise<TfjsFacts> {
  const model = await probeModel(spec, given, inputShapes, options);
  try {
    const layer = model.getLayer('probe');
    const size = (ws: tf.LayerVariable[]) => ws.reduce((n, w) => n + w.shape.reduce((a: number, b) => a * (b ?? 0), 1), 0);
    const out = model.outputs[0]!.shape;
    return { outputShape: out.slice(1), trainable: size(layer.trainableWeights), nonTrainable: size(layer.nonTrainableWeights) };
  } finally {
    model.dispose();
  }
}

/**
 * The per-sample output shape tfjs actually produces when the layer runs on a batch of zeros.
 * Needed where tfjs's symbolic shape is weaker than its runtime (Reshape leaves a -1 as null and
 * checks sizes only when it runs). All input dims must be known.
 */
export async function tfjsRunShape(
  spec: LayerSpec,
  given: Params,
  inputShapes: readonly Shape[],
  options: TfjsProbeOptions = {},
): Promise<number[]> {
  const model = await probeModel(spec, given, inputShapes, options);
  const dtype = inputDtype(spec, options);
  const xs = inputShapes.map((shape) => {
    if (shape.some((d) => d === null)) throw new Error(`tfjsRunShape needs known dims, got [${shape.join(', ')}]`);
    return tf.zeros([2, ...(shape as number[])], dtype);
  });
  try {
    const y = model.predict(xs.length === 1 ? xs[0]! : xs) as tf.Tensor;
    const shape = y.shape.slice(1);
    y.dispose();
    return shape;
  } finally {
    xs.forEach((x) => x.dispose());
    model.dispose();
  }
}

function inputDtype(spec: LayerSpec, options: TfjsProbeOptions): 'float32' | 'int32' {
  return options.inputDtype ?? (spec.kind === 'Embedding' ? 'int32' : 'float32');
}

async function probeModel(
  spec: LayerSpec,
  given: Params,
  inputShapes: readonly Shape[],
  options: TfjsProbeOptions,
): Promise<tf.LayersModel> {
  const params = withDefaults(spec.params, given);
  const keras = spec.keras.toKeras(params, { inputShapes });
  const dtype = inputDtype(spec, options);
  const inputLayers = inputShapes.map((shape, i) => ({
    class_name: 'InputLayer',
    name: `in${i}`,
    config: { name: `in${i}`, batch_input_shape: [null, ...shape], dtype, sparse: false },
    inbound_nodes: [],
  }));
  const probe = {
    class_name: keras.class_name,
    name: 'probe',
    config: { ...keras.config, name: 'probe', trainable: true },
    inbound_nodes: [inputShapes.map((_, i) => [`in${i}`, 0, 0, {}])],
  };
  const topology = {
    class_name: 'Model',
    config: {
      name: 'reference',
      layers: [...inputLayers, probe],
      input_layers: inputShapes.map((_, i) => [`in${i}`, 0, 0]),
      output_layers: [['probe', 0, 0]],
    },
  };
  return tf.models.modelFromJSON({ modelTopology: topology } as unknown as tf.io.ModelJSON);
}
