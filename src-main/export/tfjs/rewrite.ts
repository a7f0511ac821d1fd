/**
 * Rewrites the saved Keras topology so that a stock TF.js app can load it: every layer whose
 * table entry is 'rewrite' is replaced by stock layers computing the same values.
 */
import { KERAS_CLASS_TO_TYPE } from '../../../src-shared/layers/catalog.js';
import type { KerasInboundRef, KerasLayerEntry } from '../../../src-shared/compile/keras-json.js';
import { requireEntry } from '../errors.js';
import { TFJS_LAYERS } from './table.js';

interface Topology {
  config: { layers: KerasLayerEntry[] };
}

/** Returns a rewritten copy of `topology` (tfjs's `modelTopology`: Keras JSON) and the notes on what changed. */
export function rewriteForStockTfjs(topology: unknown): { topology: unknown; notes: string[] } {
  const copy = structuredClone(topology) as Topology;
  const names = new Set(copy.config.layers.map((l) => l.name));
  const notes: string[] = [];
  const layers: KerasLayerEntry[] = [];
  for (const layer of copy.config.layers) {
    const type = KERAS_CLASS_TO_TYPE.get(layer.class_name);
    const entry = type ? requireEntry('tfjs', TFJS_LAYERS[type], { name: layer.name, type: layer.class_name }) : { kind: 'native' as const };
    if (entry.kind === 'native' || type !== 'Subtract') {
      layers.push(layer);
      continue;
    }
    const [a, b] = layer.inbound_nodes[0] as [KerasInboundRef, KerasInboundRef];
    let negName = `${layer.name}_negate`;
    for (let i = 2; names.has(negName); i++) negName = `${layer.name}_negate_${i}`;
    names.add(negName);
    const base = { trainable: true, dtype: layer.config.dtype ?? 'float32' };
    layers.push({ class_name: 'Rescaling', name: negName, config: { ...base, name: negName, scale: -1, offset: 0 }, inbound_nodes: [[b]] });
    layers.push({ class_name: 'Add', name: layer.name, config: { ...base, name: layer.name }, inbound_nodes: [[a, [negName, 0, 0, {}]]] });
    notes.push(`Subtract "${layer.name}" written as ${entry.how} (TF.js has no Subtract layer)`);
  }
  copy.config.layers = layers;
  return { topology: copy, notes };
}
