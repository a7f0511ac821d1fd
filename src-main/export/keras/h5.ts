/**
 * Writes and reads model.h5 in the layout Keras 2's `model.save('model.h5')` produces
 * (keras/saving/legacy/hdf5_format.py: save_model_to_hdf5, save_weights_to_hdf5_group):
 *
 *   /                         attrs keras_version, backend, model_config (JSON)
 *   /model_weights            attrs layer_names (every layer, in model order), backend, keras_version
 *   /model_weights/<layer>    attr weight_names, e.g. ["dense/kernel:0", "dense/bias:0"] (empty when none)
 *   /model_weights/<layer>/dense/kernel:0   the float32 dataset, in Keras's own shape
 *   /model_weights/top_level_model_weights  attr weight_names = [] (Keras ≥ 2.11 writes it)
 */
import path from 'node:path';
import type { WeightArray } from '../model-graph.js';

/** The layer records written to (and read back from) /model_weights. */
export interface H5Layer {
  name: string;
  weightNames: string[];
  weights: WeightArray[];
}

export interface H5Model {
  kerasVersion: string;
  backend: string;
  modelConfig: string;
  layers: H5Layer[];
}

type H5 = (typeof import('h5wasm/node'))['default'];
type Group = InstanceType<H5['Group']>;

async function h5(): Promise<H5> {
  const module = (await import('h5wasm/node')).default;
  await module.ready;
  return module;
}

/** Empty string lists still need an attribute (Keras reads `weight_names` on every layer group). */
function setNames(group: Group, name: string, values: string[]): void {
  if (values.length > 0) group.create_attribute(name, values);
  else group.create_attribute(name, new Float32Array(0), [0]);
}

/** Writes `model` to `file` (absolute or relative to the working directory). */
export async function writeKerasH5(file: string, model: H5Model): Promise<void> {
  const { File } = await h5();
  const f = new File(path.resolve(file), 'w');
  try {
    f.create_attribute('keras_version', model.kerasVersion);
    f.create_attribute('backend', model.backend);
    f.create_attribute('model_config', model.modelConfig);
    const root = f.create_group('model_weights');
    setNames(root, 'layer_names', model.layers.map((l) => l.name));
    root.create_attribute('backend', model.backend);
    root.create_attribute('keras_version', model.kerasVersion);
    for (const layer of model.layers) {
      const g = root.create_group(layer.name);
      setNames(g, 'weight_names', layer.weightNames);
      layer.weightNames.forEach((weightName, i) => {
        // "lstm/lstm_cell/kernel:0" → groups lstm/lstm_cell, dataset kernel:0 (h5py makes the groups implicitly; h5wasm does not).
        const parts = weightName.split('/');
        let parent = g;
        for (const part of parts.slice(0, -1)) parent = (parent.get(part) as Group | null) ?? parent.create_group(part);
        const w = layer.weights[i]!;
        parent.create_dataset({ name: parts.at(-1)!, data: w.data, shape: w.shape, dtype: '<f4' });
      });
    }
    setNames(root.create_group('top_level_model_weights'), 'weight_names', []);
  } finally {
    f.close();
  }
}

/** Reads back what writeKerasH5 wrote (the round-trip check of the export). */
export async function readKerasH5(file: string): Promise<H5Model> {
  const { File, Dataset } = await h5();
  const f = new File(path.resolve(file), 'r');
  try {
    const text = (name: string, group: Group = f) => String(group.attrs[name]?.value ?? '');
    const list = (group: Group, name: string) => ((group.attrs[name]?.value as unknown[] | null) ?? []).map(String);
    const root = f.get('model_weights') as Group;
    const layers = list(root, 'layer_names').map((name): H5Layer => {
      const g = root.get(name) as Group;
      const weightNames = list(g, 'weight_names');
      const weights = weightNames.map((w) => {
        const d = g.get(w);
        if (!(d instanceof Dataset)) throw new Error(`model.h5: ${name}/${w} is missing`);
        return { shape: d.shape ?? [], data: Float32Array.from(d.value as Float32Array) };
      });
      return { name, weightNames, weights };
    });
    return { kerasVersion: text('keras_version'), backend: text('backend'), modelConfig: text('model_config'), layers };
  } finally {
    f.close();
  }
}
