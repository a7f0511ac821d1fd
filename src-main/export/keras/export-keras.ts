/**
 * Keras 2 export: `model.json` (what `model.to_json()` returns, for `model_from_json`) and
 * `model.h5` (architecture + weights, for `keras.models.load_model('model.h5')`).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GraphLayer, ModelGraph } from '../model-graph.js';
import { writeKerasH5, type H5Model } from './h5.js';
import { kerasModelConfig, kerasWeightNames } from './model-config.js';

/**
 * The Keras release whose layout we write. The HDF5 layout has been stable from Keras 2.0 through
 * 2.15 (and Keras 3 reads it as a legacy file); loaders only special-case version "1".
 */
export const KERAS_VERSION = '2.15.0';
export const KERAS_BACKEND = 'tensorflow';

/** Builds the in-memory .h5 content (also used by the round-trip check). */
export function kerasH5Model(graph: ModelGraph): H5Model {
  const config = kerasModelConfig(graph);
  const byName = new Map(graph.layers.map((l) => [l.name, l]));
  const order = (config.config.layers as { name: string }[]).map((l) => byName.get(l.name)!);
  return {
    kerasVersion: KERAS_VERSION,
    backend: KERAS_BACKEND,
    modelConfig: JSON.stringify(config),
    layers: order.map((layer: GraphLayer) => ({ name: layer.name, weightNames: kerasWeightNames(layer), weights: [...layer.weights.values()] })),
  };
}

/** Writes model.json and model.h5 into `dir`. */
export async function exportKeras(graph: ModelGraph, dir: string): Promise<{ h5: string; json: string; content: H5Model }> {
  const content = kerasH5Model(graph);
  const config = JSON.parse(content.modelConfig) as Record<string, unknown>;
  const json = path.join(dir, 'model.json');
  await writeFile(json, JSON.stringify({ ...config, keras_version: KERAS_VERSION, backend: KERAS_BACKEND }, null, 1));
  const h5 = path.join(dir, 'model.h5');
  await writeKerasH5(h5, content);
  return { h5, json, content };
}
