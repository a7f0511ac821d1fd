/**
 * The parity check of each format, run in a runtime independent of the exporter:
 * TF.js — a fresh tf.loadLayersModel of the written files; ONNX — onnxruntime-node; PyTorch —
 * the system Python's torch; Keras — no Keras runtime exists here, so the .h5 file is read back
 * (weights must round-trip bit for bit) and its structure checked with h5py.
 */
import * as tf from '@tensorflow/tfjs';
import type { H5Model } from '../keras/h5.js';
import { checkH5pyStructure, checkH5RoundTrip, readH5WithH5py } from '../keras/check-h5.js';
import { loadTfjsModel } from '../tfjs/export-tfjs.js';
import { compareOutputs, type ParityNumbers, type Predictions, type SampleSet } from './compare.js';
import { predictWithOnnxRuntime } from './onnx-runtime.js';
import { hasPythonModule } from './python.js';
import { predictWithTorch } from './torch-runtime.js';

/** What a parity check concluded. */
export type ParityOutcome =
  | { kind: 'compared'; runtime: string; numbers: ParityNumbers }
  | { kind: 'structure'; runtime: string; ok: boolean; problems: string[] }
  | { kind: 'skipped'; reason: string }
  | { kind: 'error'; reason: string };

/** Whether the outcome lets the export count as good (a skipped check is not a failure). */
export function parityPassed(p: ParityOutcome): boolean {
  return p.kind === 'compared' ? p.numbers.pass : p.kind === 'structure' ? p.ok : p.kind === 'skipped';
}

/** tfjs predictions for samples (the app's own numbers, or a reloaded model's). */
export function predictTfjsModel(model: tf.LayersModel, samples: SampleSet): Predictions {
  return tf.tidy(() => {
    const dtype = samples.x instanceof Int32Array ? 'int32' : 'float32';
    const y = model.predict(tf.tensor(samples.x, [samples.count, ...samples.shape], dtype)) as tf.Tensor;
    const data = Float32Array.from(y.dataSync() as Float32Array);
    return { data, count: samples.count, units: samples.count === 0 ? 0 : data.length / samples.count };
  });
}

async function guard(run: () => Promise<ParityOutcome>): Promise<ParityOutcome> {
  try {
    return await run();
  } catch (e) {
    return { kind: 'error', reason: (e as Error).message };
  }
}

export function tfjsParity(modelJson: string, samples: SampleSet, reference: Predictions): Promise<ParityOutcome> {
  return guard(async () => {
    const reloaded = await loadTfjsModel(modelJson);
    try {
      return { kind: 'compared', runtime: 'TF.js (fresh tf.loadLayersModel of the written files)', numbers: compareOutputs(reference, predictTfjsModel(reloaded, samples)) };
    } finally {
      reloaded.dispose();
    }
  });
}

export function onnxParity(file: string, samples: SampleSet, reference: Predictions): Promise<ParityOutcome> {
  return guard(async () => ({ kind: 'compared', runtime: 'onnxruntime-node', numbers: compareOutputs(reference, await predictWithOnnxRuntime(file, samples)) }));
}

export function pytorchParity(dir: string, samples: SampleSet, reference: Predictions): Promise<ParityOutcome> {
  return guard(async () => {
    if (!(await hasPythonModule('torch'))) return { kind: 'skipped', reason: 'torch not installed (for the system Python)' };
    return { kind: 'compared', runtime: 'PyTorch (system Python)', numbers: compareOutputs(reference, await predictWithTorch(dir, samples)) };
  });
}

export function kerasParity(h5: string, expected: H5Model): Promise<ParityOutcome> {
  return guard(async () => {
    const problems = await checkH5RoundTrip(h5, expected);
    const view = await readH5WithH5py(h5);
    if (view && !view.ok) problems.push(`h5py could not read the file: ${view.reason}`);
    if (view?.ok) problems.push(...checkH5pyStructure(view.structure, expected));
    const runtime = view
      ? 'weights round-trip exact; structure checked with h5py (no Keras runtime on this machine)'
      : 'weights round-trip exact; structure not checked (h5py not installed; no Keras runtime on this machine)';
    return { kind: 'structure', runtime, ok: problems.length === 0, problems };
  });
}
