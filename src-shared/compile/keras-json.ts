/**
 * The shapes of Keras model JSON as Keras 2, Keras 3 and TF.js write it. The compiler emits the
 * Keras 2 / tfjs form; the importer reads all of them (as `unknown`, checked field by field),
 * so these types document what it expects to find.
 */
import type { Dim } from '../layers/types.js';

/** `[layer name, node index, tensor index]`: one output tensor of one call of a layer. */
export type KerasTensorRef = [string, number, number];

/** Keras 2 / tfjs inbound reference: a tensor ref plus the call's keyword arguments. */
export type KerasInboundRef = [string, number, number, Record<string, unknown>];

/** Keras 2 / tfjs: one call of a layer = the list of tensors it was applied to. */
export type KerasInboundNode = KerasInboundRef[];

/** A layer in a Functional model's `config.layers` (Keras 2 / tfjs form). */
export interface KerasLayerEntry {
  class_name: string;
  name: string;
  config: Record<string, unknown>;
  inbound_nodes: KerasInboundNode[];
}

/** A Functional model (`class_name` "Functional" since TF 2.4, "Model" before and in tfjs). */
export interface KerasFunctionalJson {
  class_name: 'Functional' | 'Model';
  config: {
    name: string;
    layers: KerasLayerEntry[];
    input_layers: KerasTensorRef[];
    output_layers: KerasTensorRef[];
  };
  keras_version?: string;
  backend?: string;
}

/** A Sequential model: layers without inbound_nodes; the first carries `batch_input_shape` unless an InputLayer leads. */
export interface KerasSequentialJson {
  class_name: 'Sequential';
  config: { name: string; layers: { class_name: string; config: Record<string, unknown> }[] };
  keras_version?: string;
  backend?: string;
}

/** What `compileToKeras` produces: always the Functional form, so branches and merges work. */
export type KerasModelJson = KerasFunctionalJson;

// ---- Keras 3 ----

/** A symbolic tensor in a Keras 3 inbound node. */
export interface Keras3TensorJson {
  class_name: '__keras_tensor__';
  config: { shape: Dim[]; dtype: string; keras_history: KerasTensorRef };
}

/** Keras 3: one call of a layer, as its positional and keyword arguments (tensors nested inside). */
export interface Keras3InboundNode {
  args: unknown[];
  kwargs: Record<string, unknown>;
}

/** Keras 3 layer entry: `module`/`registered_name` added, dtype may be a DTypePolicy object. */
export interface Keras3LayerEntry {
  module?: string;
  class_name: string;
  config: Record<string, unknown>;
  registered_name?: string | null;
  build_config?: { input_shape?: Dim[] };
  name?: string;
  inbound_nodes?: Keras3InboundNode[];
}

// ---- TF.js ----

/** What the Python tfjs converter writes as `modelTopology` (the Keras JSON sits in `model_config`). */
export interface TfjsConverterTopology {
  keras_version?: string;
  backend?: string;
  model_config: KerasFunctionalJson | KerasSequentialJson;
  training_config?: unknown;
}

/** A TF.js `model.json` (layers format). The importer ignores the weights. */
export interface TfjsModelJson {
  format?: 'layers-model';
  generatedBy?: string;
  convertedBy?: string | null;
  modelTopology: KerasFunctionalJson | KerasSequentialJson | TfjsConverterTopology;
  weightsManifest?: { paths: string[]; weights: { name: string; shape: number[]; dtype: string }[] }[];
}

/** The tfjs-layers release whose format we write (`keras_version` reads "tfjs-layers 4.22.0"). */
export const TFJS_LAYERS_VERSION = '4.22.0';
/** tfjs snake-cases "TensorFlow.js" when it serializes, so this is literally what it writes. */
export const TFJS_BACKEND = 'tensor_flow.js';
