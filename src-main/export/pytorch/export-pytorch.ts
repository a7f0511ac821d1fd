/**
 * PyTorch export: model.py (generated module + loader), weights.npz (Keras-layout arrays keyed
 * "layer/weight"), train.py with training.json (the app's recipe), and data.npz (held-out samples
 * as model-ready x and labels y) so train.py runs out of the box.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ModelGraph } from '../model-graph.js';
import type { Predictions, SampleSet } from '../parity/compare.js';
import type { TrainingRecipe } from '../recipe.js';
import { generateModelPy } from './model-py.js';
import { encodeNpz, type NpyArray } from './npz.js';
import { TRAIN_PY } from './train-py.js';

export interface PytorchExportOptions {
  recipe: TrainingRecipe;
  /** Sample data for train.py (data.npz); labels fall back to the model's own predictions. */
  samples?: SampleSet;
  reference?: Predictions;
}

/** Writes the PyTorch files into `dir` (which also receives preprocessing.json from the caller). */
export async function exportPytorch(graph: ModelGraph, dir: string, options: PytorchExportOptions): Promise<{ files: string[]; notes: string[] }> {
  const source = generateModelPy(graph); // first: refuses unsupported layers before anything is written
  const notes: string[] = [];
  const weights: Record<string, NpyArray> = {};
  for (const layer of graph.layers) for (const [short, w] of layer.weights) weights[`${layer.name}/${short}`] = w;
  const files = ['model.py', 'weights.npz', 'train.py', 'training.json'];
  await writeFile(path.join(dir, 'model.py'), source);
  await writeFile(path.join(dir, 'weights.npz'), encodeNpz(weights));
  await writeFile(path.join(dir, 'train.py'), TRAIN_PY);
  const { samples, reference } = options;
  let labels = 'none';
  if (samples && samples.count > 0) {
    const y = samples.y ?? (reference ? pseudoLabels(reference, options.recipe) : undefined);
    if (y) {
      labels = samples.y ? 'dataset labels' : "the trained model's own predictions (no labels were available)";
      await writeFile(path.join(dir, 'data.npz'), encodeNpz({ x: { shape: [samples.count, ...samples.shape], data: samples.x }, y: { shape: [samples.count], data: y } }));
      files.push('data.npz');
      if (!samples.y) notes.push('data.npz labels are the model\'s own predictions (the samples had no labels)');
    }
  }
  const training = { ...options.recipe, sampleData: { file: files.includes('data.npz') ? 'data.npz' : null, samples: samples?.count ?? 0, source: samples?.source ?? null, labels } };
  await writeFile(path.join(dir, 'training.json'), `${JSON.stringify(training, null, 2)}\n`);
  return { files: files.map((f) => path.join(dir, f)), notes };
}

/** Class index (or the value itself for regression) of each predicted row. */
function pseudoLabels(p: Predictions, recipe: TrainingRecipe): Int32Array | Float32Array {
  if (recipe.loss === 'meanSquaredError') return Float32Array.from({ length: p.count }, (_, i) => p.data[i * p.units]!);
  if (p.units === 1) return Int32Array.from({ length: p.count }, (_, i) => (p.data[i]! > 0.5 ? 1 : 0));
  return Int32Array.from({ length: p.count }, (_, i) => {
    const row = p.data.subarray(i * p.units, (i + 1) * p.units);
    return row.indexOf(Math.max(...row));
  });
}
