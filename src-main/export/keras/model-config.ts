/**
 * tfjs's Keras JSON → the `model_config` Keras 2 writes into model.h5 (`{"class_name": "Functional",
 * "config": {...}}`, keras/saving/legacy/hdf5_format.py save_model_to_hdf5), and the weight names
 * Keras 2 gives each layer.
 */
import type { KerasLayerEntry } from '../../../src-shared/compile/keras-json.js';
import { requireEntry, UnsupportedLayerError } from '../errors.js';
import type { GraphLayer, ModelGraph } from '../model-graph.js';
import { KERAS_LAYERS, type KerasEntry } from './table.js';

function entryOf(layer: { name: string; className: string; type: GraphLayer['type'] }): KerasEntry {
  if (layer.type === null) throw new UnsupportedLayerError('keras', layer.name, layer.className, 'it is not a layer type Netwright knows');
  return requireEntry('keras', KERAS_LAYERS[layer.type], { name: layer.name, type: layer.className });
}

/** The Keras 2 model config for `graph`. */
export function kerasModelConfig(graph: ModelGraph): { class_name: 'Functional'; config: Record<string, unknown> } {
  const topology = graph.topology as { config: { name?: string; layers: KerasLayerEntry[]; input_layers: unknown; output_layers: unknown } };
  const byName = new Map(graph.layers.map((l) => [l.name, l]));
  const layers = topology.config.layers.map((entry) => {
    const layer = byName.get(entry.name)!;
    const adapt = entryOf(layer).adapt ?? ((c: Record<string, unknown>) => c);
    const base = entry.class_name === 'InputLayer' ? { name: entry.name } : { name: entry.name, trainable: true, dtype: 'float32' };
    return { class_name: entry.class_name, config: adapt({ ...entry.config, ...base }), name: entry.name, inbound_nodes: entry.inbound_nodes };
  });
  return {
    class_name: 'Functional',
    config: { name: topology.config.name ?? graph.name, layers, input_layers: topology.config.input_layers, output_layers: topology.config.output_layers },
  };
}

/** Keras 2's names for the layer's weights, in order: "dense/kernel:0", "lstm/lstm_cell/bias:0". */
export function kerasWeightNames(layer: GraphLayer): string[] {
  const { cell } = entryOf(layer);
  const scope = cell ? `${layer.name}/${cell}` : layer.name;
  return [...layer.weights.keys()].map((short) => `${scope}/${short}:0`);
}
