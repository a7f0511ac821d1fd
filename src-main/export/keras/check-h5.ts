/**
 * Verifies an exported model.h5 without a Keras runtime (there is no TensorFlow for Python
 * here): read back with h5wasm, every weight must equal the app's bit for bit; then, when the
 * system Python has h5py, an independent reader confirms the Keras 2 structure.
 */
import { readKerasH5, type H5Model } from './h5.js';
import { hasPythonModule, runPython } from '../parity/python.js';

/** Differences between what was meant to be written and what the file holds (empty = round trip exact). */
export async function checkH5RoundTrip(file: string, expected: H5Model): Promise<string[]> {
  const actual = await readKerasH5(file);
  const problems: string[] = [];
  for (const key of ['kerasVersion', 'backend', 'modelConfig'] as const) if (actual[key] !== expected[key]) problems.push(`root attribute ${key} differs`);
  if (actual.layers.map((l) => l.name).join() !== expected.layers.map((l) => l.name).join()) problems.push('layer_names differ');
  for (const want of expected.layers) {
    const got = actual.layers.find((l) => l.name === want.name);
    if (!got) continue;
    if (got.weightNames.join() !== want.weightNames.join()) problems.push(`${want.name}: weight_names differ`);
    want.weights.forEach((w, i) => {
      const g = got.weights[i];
      if (!g || g.shape.join() !== w.shape.join()) problems.push(`${want.weightNames[i]}: shape [${g?.shape.join(', ')}] ≠ [${w.shape.join(', ')}]`);
      else if (g.data.some((v, j) => !Object.is(v, w.data[j]))) problems.push(`${want.weightNames[i]}: values differ`);
    });
  }
  return problems;
}

/** Prints the file's structure as JSON: what Keras 2's load_model reads, read by h5py. */
export const H5PY_STRUCTURE_SCRIPT = `
import json, sys
import h5py
def text(v):
    return v.decode('utf8') if hasattr(v, 'decode') else str(v)
with h5py.File(sys.argv[1], 'r') as f:
    mw = f['model_weights']
    out = {
        'root_attrs': sorted(f.attrs.keys()),
        'keras_version': text(f.attrs['keras_version']),
        'backend': text(f.attrs['backend']),
        'model_config': json.loads(text(f.attrs['model_config'])),
        'model_weights_attrs': sorted(mw.attrs.keys()),
        'layer_names': [text(n) for n in mw.attrs['layer_names']],
        'layers': {},
    }
    for name in out['layer_names']:
        g = mw[name]
        names = [text(n) for n in g.attrs['weight_names']]
        out['layers'][name] = [{'name': n, 'shape': list(g[n].shape), 'dtype': str(g[n].dtype)} for n in names]
    print(json.dumps(out))
`;

/** The h5py view of the file, or why it could not be taken (null = h5py not installed). */
export async function readH5WithH5py(file: string): Promise<{ ok: true; structure: H5pyStructure } | { ok: false; reason: string } | null> {
  if (!(await hasPythonModule('h5py'))) return null;
  const r = await runPython(['-c', H5PY_STRUCTURE_SCRIPT, file]);
  if (r.code !== 0) return { ok: false, reason: r.stderr.trim().split('\n').at(-1) ?? 'h5py failed' };
  return { ok: true, structure: JSON.parse(r.stdout) as H5pyStructure };
}

export interface H5pyStructure {
  root_attrs: string[];
  keras_version: string;
  backend: string;
  model_config: { class_name: string; config: { layers: { name: string; class_name: string }[] } };
  model_weights_attrs: string[];
  layer_names: string[];
  layers: Record<string, { name: string; shape: number[]; dtype: string }[]>;
}

/** Structure problems in the h5py view against what was written. */
export function checkH5pyStructure(s: H5pyStructure, expected: H5Model): string[] {
  const problems: string[] = [];
  for (const a of ['backend', 'keras_version', 'model_config']) if (!s.root_attrs.includes(a)) problems.push(`root attribute ${a} missing`);
  for (const a of ['backend', 'keras_version', 'layer_names']) if (!s.model_weights_attrs.includes(a)) problems.push(`model_weights attribute ${a} missing`);
  if (s.model_config.class_name !== 'Functional') problems.push(`model_config class_name is ${s.model_config.class_name}`);
  for (const layer of expected.layers) {
    const got = s.layers[layer.name];
    if (!got) problems.push(`layer group ${layer.name} missing`);
    else if (got.map((w) => `${w.name}:${w.shape.join('x')}:${w.dtype}`).join() !== layer.weightNames.map((n, i) => `${n}:${layer.weights[i]!.shape.join('x')}:float32`).join()) {
      problems.push(`layer ${layer.name}: weights differ from Keras layout`);
    }
  }
  return problems;
}
