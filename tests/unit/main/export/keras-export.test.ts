/**
 * Keras export: model.h5 has Keras 2's `model.save('model.h5')` layout — root attributes,
 * model_weights/layer_names, per-layer weight_names, datasets at <layer>/<weight name> — read by
 * h5py from the system Python (an independent HDF5 reader), with weights equal to tfjs's.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkH5RoundTrip } from '../../../../src-main/export/keras/check-h5.js';
import { exportKeras, KERAS_VERSION } from '../../../../src-main/export/keras/export-keras.js';
import { readModelGraph, type ModelGraph } from '../../../../src-main/export/model-graph.js';
import { runPython } from '../../../../src-main/export/parity/python.js';
import { trainedCase } from './export-kit.js';
import { ZOO } from './model-zoo.js';
import { missingPython } from './python-gate.js';

const skip = await missingPython('h5py');
const root = mkdtempSync(path.join(os.tmpdir(), 'netwright-keras-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const MODELS = ['lstm', 'gru', 'batchnorm', 'merge'] as const;
const graphs = new Map<string, ModelGraph>();

/** Everything Keras's hdf5 loader reads, with every weight's values, as JSON. */
const DUMP = `
import json, sys
import h5py
def text(v):
    return v.decode('utf8') if hasattr(v, 'decode') else str(v)
out = {}
for file in sys.argv[1:]:
    with h5py.File(file, 'r') as f:
        mw = f['model_weights']
        layers = {}
        for name in mw.attrs['layer_names']:
            g = mw[text(name)]
            layers[text(name)] = [{'name': text(n), 'shape': list(g[text(n)].shape), 'dtype': str(g[text(n)].dtype),
                                   'values': g[text(n)][()].reshape(-1).tolist()} for n in g.attrs['weight_names']]
        out[file] = {'attrs': {k: text(v) for k, v in f.attrs.items()}, 'mw_attrs': sorted(mw.attrs.keys()),
                     'layer_names': [text(n) for n in mw.attrs['layer_names']], 'layers': layers,
                     'top_level': 'top_level_model_weights' in mw}
print(json.dumps(out))
`;

interface Dump {
  attrs: Record<string, string>;
  mw_attrs: string[];
  layer_names: string[];
  layers: Record<string, { name: string; shape: number[]; dtype: string; values: number[] }[]>;
  top_level: boolean;
}
const dumps = new Map<string, Dump>();
const files = new Map<string, string>();

beforeAll(async () => {
  for (const name of MODELS) {
    const c = await trainedCase(name, ZOO[name].layers);
    const graph = readModelGraph(c.model);
    graphs.set(name, graph);
    const { content, h5 } = await exportKeras(graph, mkdtempSync(path.join(root, `${name}-`)));
    expect(await checkH5RoundTrip(h5, content)).toEqual([]);
    files.set(name, h5);
  }
  if (skip) return;
  const r = await runPython(['-c', DUMP, ...files.values()]);
  expect(r.code, r.stderr).toBe(0);
  const all = JSON.parse(r.stdout) as Record<string, Dump>;
  for (const [name, file] of files) dumps.set(name, all[file]!);
});

describe('Keras .h5 export', () => {
  it.skipIf(skip)('has the root and model_weights attributes Keras writes', () => {
    const d = dumps.get('lstm')!;
    expect(Object.keys(d.attrs).sort()).toEqual(['backend', 'keras_version', 'model_config']);
    expect(d.attrs.keras_version).toBe(KERAS_VERSION);
    expect(d.attrs.backend).toBe('tensorflow');
    expect(d.mw_attrs).toEqual(['backend', 'keras_version', 'layer_names']);
    expect(d.top_level).toBe(true);
    const config = JSON.parse(d.attrs.model_config!) as { class_name: string; config: { layers: { name: string; class_name: string; config: Record<string, unknown> }[] } };
    expect(config.class_name).toBe('Functional');
    expect(config.config.layers.map((l) => l.name)).toEqual(d.layer_names);
    const gru = JSON.parse(dumps.get('gru')!.attrs.model_config!) as typeof config;
    expect(gru.config.layers.filter((l) => l.class_name === 'GRU').map((l) => [l.config.reset_after, l.config.implementation])).toEqual([[false, 2], [false, 2]]);
  });

  for (const name of MODELS) {
    it.skipIf(skip)(`${name}: groups, weight names, shapes and values follow Keras's layout`, () => {
      const d = dumps.get(name)!;
      const graph = graphs.get(name)!;
      expect(d.layer_names).toEqual(graph.layers.map((l) => l.name)); // every layer, weights or not
      for (const layer of graph.layers) {
        const cell = { LSTM: 'lstm_cell/', GRU: 'gru_cell/', SimpleRNN: 'simple_rnn_cell/' }[layer.className] ?? '';
        const written = d.layers[layer.name]!;
        expect(written.map((w) => w.name)).toEqual([...layer.weights.keys()].map((k) => `${layer.name}/${cell}${k}:0`));
        [...layer.weights.values()].forEach((w, i) => {
          expect(written[i]!.shape).toEqual(w.shape);
          expect(written[i]!.dtype).toBe('float32');
          expect(Float32Array.from(written[i]!.values)).toEqual(w.data);
        });
      }
    });
  }

  it.skipIf(skip)('names BatchNormalization weights in Keras order', () => {
    expect(dumps.get('batchnorm')!.layers.bn!.map((w) => w.name)).toEqual(['bn/gamma:0', 'bn/beta:0', 'bn/moving_mean:0', 'bn/moving_variance:0']);
  });

  it('writes model.json as Keras to_json() does', () => {
    const dir = mkdtempSync(path.join(root, 'json-'));
    return exportKeras(graphs.get('merge')!, dir).then(({ json }) => {
      const model = JSON.parse(readFileSync(json, 'utf8')) as { class_name: string; keras_version: string; config: { layers: { class_name: string }[] } };
      expect(model.class_name).toBe('Functional');
      expect(model.keras_version).toBe(KERAS_VERSION);
      expect(model.config.layers.map((l) => l.class_name)).toContain('Subtract');
    });
  });
});
