/**
 * A trained tfjs model read once into plain data (topology, Keras configs, weights as arrays),
 * so that every exporter works on the same snapshot and none of them touches tensors.
 */
import type * as tf from '@tensorflow/tfjs';
import { KERAS_CLASS_TO_TYPE, type LayerType } from '../../src-shared/layers/catalog.js';

/** One weight array, row-major, in Keras's own layout (e.g. Dense kernel [in, out]). */
export interface WeightArray {
  shape: number[];
  data: Float32Array;
}

/** One layer of the model, with everything an exporter needs to rebuild it. */
export interface GraphLayer {
  name: string;
  /** The catalog type, or null for a Keras class Netwright does not know. */
  type: LayerType | null;
  className: string;
  /** Keras config (snake_case), as tfjs serializes it. */
  config: Record<string, unknown>;
  /** Names of the layers feeding this one, in input order. */
  inputs: string[];
  /** Per-sample shapes (no batch axis; null = unknown, e.g. a variable sequence length). */
  inputShapes: (number | null)[][];
  outputShape: (number | null)[];
  /** Weights by their Keras short name (kernel, bias, gamma, moving_mean, …), in Keras order. */
  weights: Map<string, WeightArray>;
}

/** The whole model: layers in topological order, plus the input and output layer names. */
export interface ModelGraph {
  name: string;
  layers: GraphLayer[];
  inputs: string[];
  outputs: string[];
  /** The model's Keras JSON as tfjs writes it (`model.toJSON(null, false)`). */
  topology: Record<string, unknown>;
}

interface TopologyLayer {
  name: string;
  class_name: string;
  config: Record<string, unknown>;
  inbound_nodes: [string, number, number, unknown][][];
}

/** Snapshots `model`. Throws for shapes an exporter cannot follow (shared layers, multi-output layers). */
export function readModelGraph(model: tf.LayersModel): ModelGraph {
  const topology = model.toJSON(null, false) as unknown as { config: { layers: TopologyLayer[] } };
  const entries = new Map(topology.config.layers.map((l) => [l.name, l]));
  const layers = model.layers.map((layer): GraphLayer => {
    const entry = entries.get(layer.name);
    if (!entry) throw new Error(`layer "${layer.name}" is missing from the model's JSON`);
    // Netwright graphs call every layer once; a shared layer (two calls) has no single place in an export.
    if (entry.inbound_nodes.length > 1) throw new Error(`layer "${layer.name}" is shared (called ${entry.inbound_nodes.length} times), which export does not support`);
    const refs = entry.inbound_nodes[0] ?? [];
    if (refs.some((r) => r[1] !== 0 || r[2] !== 0)) throw new Error(`layer "${layer.name}" reads a second output of another layer, which export does not support`);
    const shapes = (s: tf.Shape | tf.Shape[]): (number | null)[][] => (Array.isArray(s[0]) ? (s as tf.Shape[]) : [s as tf.Shape]).map((x) => x.slice(1));
    // getWeights() hands out the variables' own tensors (no copies): read them, never dispose them.
    const values = layer.getWeights();
    const weights = new Map<string, WeightArray>();
    layer.weights.forEach((w, i) => {
      // originalName is the unsuffixed "layer/kernel"; `name` may carry "_1" when a model was built twice in one process.
      const short = w.originalName.split('/').at(-1)!;
      const t = values[i]!;
      weights.set(short, { shape: t.shape.slice(), data: Float32Array.from(t.dataSync() as Float32Array) });
    });
    return {
      name: layer.name,
      type: KERAS_CLASS_TO_TYPE.get(entry.class_name) ?? null,
      className: entry.class_name,
      config: entry.config,
      inputs: refs.map((r) => r[0]),
      inputShapes: refs.map((r) => shapes(model.getLayer(r[0]).outputShape)[0]!),
      outputShape: shapes(layer.outputShape)[0]!,
      weights,
    };
  });
  return {
    name: model.name,
    layers,
    inputs: model.inputLayers.map((l) => l.name),
    outputs: model.outputLayers.map((l) => l.name),
    topology: topology as unknown as Record<string, unknown>,
  };
}

/** The weight named `short` of `layer`, or a clear error when the layer lacks it. */
export function weightOf(layer: GraphLayer, short: string): WeightArray {
  const w = layer.weights.get(short);
  if (!w) throw new Error(`${layer.className} "${layer.name}" has no weight "${short}" (has: ${[...layer.weights.keys()].join(', ') || 'none'})`);
  return w;
}

/** The per-sample shape with every dimension known, or an error naming the layer. */
export function knownShape(layer: GraphLayer, shape: (number | null)[]): number[] {
  if (shape.some((d) => d === null)) throw new Error(`${layer.className} "${layer.name}" needs known sizes, got [${shape.map((d) => d ?? '?').join(', ')}]`);
  return shape as number[];
}
