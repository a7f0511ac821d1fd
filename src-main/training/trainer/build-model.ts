/**
 * Keras JSON → a tfjs LayersModel ready for the training loop: refuses configurations TF.js 4.22
 * cannot train, seeds all randomness, and reports the facts the rest of the run needs.
 */
import * as tf from '@tensorflow/tfjs';
import type { KerasModelJson } from '../../../src-shared/compile/keras-json.js';
import { KERAS_CLASS_TO_TYPE } from '../../../src-shared/layers/catalog.js';
import { registerCustomLayers } from './custom-layers.js';
import { TrainerError } from './errors.js';
import { seedDropout, withInitializerSeeds } from './seeding.js';

/** What the trainer needs to know about a model beyond the tfjs object. */
export interface ModelFacts {
  /** Per-sample input shape, e.g. [28, 28, 1]. */
  inputShape: number[];
  inputDtype: 'float32' | 'int32';
  outputLayerName: string;
  /** Size of the output's last axis (classes, or regression targets). */
  outputUnits: number;
  /** The output layer's activation ('softmax', 'sigmoid', 'linear', …), or null when it has none. */
  outputActivation: string | null;
  /** Catalog layer types (or raw Keras class names the catalog does not know), for backend selection. */
  layerTypes: string[];
}

const GLOBAL_POOLING = /^Global(Average|Avg|Max)Pool(ing)?[12]D$/;

/** Why the in-app trainer cannot train this JSON, or null. Mirrors the TRAINER_UNSUPPORTED findings. */
export function trainerUnsupported(model: KerasModelJson): string | null {
  const { input_layers: inputs, output_layers: outputs } = model.config;
  if (inputs.length !== 1 || outputs.length !== 1) {
    return `The in-app trainer trains models with one input and one output; this one has ${inputs.length} input(s) and ${outputs.length} output(s).`;
  }
  for (const layer of model.config.layers) {
    const c = layer.config;
    if (GLOBAL_POOLING.test(layer.class_name) && c.keepdims === true) {
      return `${layer.class_name} "${layer.name}" keeps its pooled axes (keepdims), which TensorFlow.js 4.22 cannot train. Turn keepdims off (add a Reshape if you need the 1×1 axes).`;
    }
    if (
      (layer.class_name === 'BatchNormalization' || layer.class_name === 'LayerNormalization') &&
      (c.center === false || c.scale === false)
    ) {
      const off = (['center', 'scale'] as const).filter((k) => c[k] === false).join(' and ');
      return `${layer.class_name} "${layer.name}" has ${off} off, which TensorFlow.js 4.22 cannot train. Turn ${off} on; exported Keras code trains either way.`;
    }
  }
  return null;
}

/** Builds the model with seeded initializers and dropout; throws TrainerError('MODEL') when it cannot. */
export async function buildModel(json: KerasModelJson, seed: number): Promise<{ model: tf.LayersModel; facts: ModelFacts }> {
  const refusal = trainerUnsupported(json);
  if (refusal) throw new TrainerError('MODEL', refusal);
  registerCustomLayers();
  let model: tf.LayersModel;
  try {
    model = await tf.models.modelFromJSON(withInitializerSeeds(json, seed) as unknown as Parameters<typeof tf.models.modelFromJSON>[0]);
  } catch (e) {
    throw new TrainerError('MODEL', `TensorFlow.js could not build the model: ${(e as Error).message}`);
  }
  seedDropout(model, seed);
  return { model, facts: modelFacts(model, json) };
}

/** Reads input/output facts from a built model (and its JSON, for the layer list). */
export function modelFacts(model: tf.LayersModel, json?: KerasModelJson): ModelFacts {
  const input = model.inputs[0]!;
  const output = model.outputs[0]!;
  const inputShape = input.shape.slice(1);
  if (inputShape.some((d) => d === null)) {
    throw new TrainerError(
      'MODEL',
      `The input shape [${inputShape.map((d) => d ?? '?').join(', ')}] has unknown sizes; the trainer needs every size fixed.`,
    );
  }
  const outputLayer = model.outputLayers[0]!;
  const config = outputLayer.getConfig();
  const activation = typeof config.activation === 'string' ? config.activation : null;
  return {
    inputShape: inputShape as number[],
    inputDtype: input.dtype === 'int32' ? 'int32' : 'float32',
    outputLayerName: outputLayer.name,
    outputUnits: output.shape[output.shape.length - 1] ?? 1,
    outputActivation: activation,
    layerTypes: json
      ? layerTypesOf(json)
      : [...new Set(model.layers.map((l) => KERAS_CLASS_TO_TYPE.get(l.getClassName()) ?? l.getClassName()))],
  };
}

/** Catalog layer types in the JSON (Keras class names the catalog does not know are kept as they are). */
export function layerTypesOf(json: KerasModelJson): string[] {
  return [...new Set(json.config.layers.map((l) => KERAS_CLASS_TO_TYPE.get(l.class_name) ?? l.class_name))];
}
