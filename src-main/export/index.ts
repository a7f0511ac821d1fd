/**
 * Export: a trained tfjs model → TF.js / ONNX / Keras / PyTorch, each into its own folder with
 * preprocessing.json, each followed by a parity check in an independent runtime. A format that
 * cannot express a layer fails alone (its report names the layer and why); the others still export.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { FORMAT_LABEL, UnsupportedLayerError } from './errors.js';
import { exportKeras } from './keras/export-keras.js';
import { readModelGraph } from './model-graph.js';
import { exportOnnx } from './onnx/export-onnx.js';
import { formatParity, type Predictions, type SampleSet } from './parity/compare.js';
import { kerasParity, onnxParity, parityPassed, predictTfjsModel, pytorchParity, tfjsParity, type ParityOutcome } from './parity/run-parity.js';
import { writePreprocessingJson, type ExportFormat, type Preprocessing } from './preprocessing.js';
import { exportPytorch } from './pytorch/export-pytorch.js';
import { defaultRecipe, type TrainingRecipe } from './recipe.js';
import { randomSamples } from './samples.js';
import { exportTfjs } from './tfjs/export-tfjs.js';

export { EXPORT_FORMATS, type ExportFormat, type Preprocessing } from './preprocessing.js';
export type { TrainingRecipe } from './recipe.js';
export type { SampleSet } from './parity/compare.js';
export { loadRunForExport, runTestSamples } from './from-run.js';

export interface ExportOptions {
  model: tf.LayersModel;
  preprocessing: Preprocessing;
  formats: readonly ExportFormat[];
  /** Each format goes to `<outDir>/<format>/`. */
  outDir: string;
  /** Held-out samples for parity (and train.py's data.npz); seeded random inputs when absent. */
  samples?: SampleSet;
  recipe?: TrainingRecipe;
  /** Skip the parity checks (default: run them). */
  skipParity?: boolean;
  /** Told when a format starts exporting, when its parity check starts, and how it ended (the app's progress events). */
  onProgress?: (format: ExportFormat, stage: 'exporting' | 'checking' | 'done' | 'failed', report: FormatReport) => void;
}

/** One format's result. */
export interface FormatReport {
  format: ExportFormat;
  ok: boolean;
  dir: string;
  files: string[];
  /** Why the format failed (names the layer when a layer could not be expressed). */
  error?: string;
  /** The unsupported layer, when that was the reason. */
  unsupportedLayer?: { name: string; type: string; reason: string };
  parity: ParityOutcome | null;
  notes: string[];
}

export interface ExportReport {
  ok: boolean;
  samples: { count: number; source: string };
  formats: FormatReport[];
}

/** Exports `model` in every requested format; never throws for a format's own failure. */
export async function exportModel(options: ExportOptions): Promise<ExportReport> {
  const { model, preprocessing: prep, outDir } = options;
  const graph = readModelGraph(model);
  let samples = options.samples ?? randomSamples(graph, prep);
  if (prep.inputDtype === 'int32' && !(samples.x instanceof Int32Array)) samples = { ...samples, x: Int32Array.from(samples.x) };
  const reference: Predictions = predictTfjsModel(model, samples);
  const output = graph.layers.find((l) => l.name === graph.outputs[0])!;
  const recipe = options.recipe ?? defaultRecipe((output.config.activation as string | undefined) ?? null, output.outputShape.at(-1) ?? 1);

  const reports: FormatReport[] = [];
  for (const format of options.formats) {
    const dir = path.join(outDir, format);
    const report: FormatReport = { format, ok: false, dir, files: [], parity: null, notes: [] };
    reports.push(report);
    try {
      options.onProgress?.(format, 'exporting', report);
      await rm(dir, { recursive: true, force: true }); // a stale file from an earlier export must not survive
      await mkdir(dir, { recursive: true });
      let check: () => Promise<ParityOutcome>;
      switch (format) {
        case 'tfjs': {
          const { file, notes } = await exportTfjs(model, dir);
          report.files.push(file);
          report.notes.push(...notes);
          check = () => tfjsParity(file, samples, reference);
          break;
        }
        case 'onnx': {
          const file = await exportOnnx(graph, dir);
          report.files.push(file);
          check = () => onnxParity(file, samples, reference);
          break;
        }
        case 'keras': {
          const { h5, json, content } = await exportKeras(graph, dir);
          report.files.push(json, h5);
          check = () => kerasParity(h5, content);
          break;
        }
        case 'pytorch': {
          const { files, notes } = await exportPytorch(graph, dir, { recipe, samples, reference });
          report.files.push(...files);
          report.notes.push(...notes);
          check = () => pytorchParity(dir, samples, reference);
          break;
        }
      }
      report.files.push(await writePreprocessingJson(dir, prep));
      if (!options.skipParity) options.onProgress?.(format, 'checking', report);
      report.parity = options.skipParity ? { kind: 'skipped', reason: 'parity check not requested' } : await check();
      report.ok = parityPassed(report.parity);
    } catch (e) {
      report.error = (e as Error).message;
      if (e instanceof UnsupportedLayerError) report.unsupportedLayer = { name: e.layerName, type: e.layerType, reason: e.reason };
      await rm(dir, { recursive: true, force: true }); // no half-written format folder
      report.files = [];
    }
    options.onProgress?.(format, report.ok ? 'done' : 'failed', report);
  }
  return { ok: reports.every((r) => r.ok), samples: { count: samples.count, source: samples.source }, formats: reports };
}

/** Human-readable report lines (the CLI prints these). */
export function formatExportReport(report: ExportReport): string[] {
  const lines = [`Parity samples: ${report.samples.source}`];
  for (const r of report.formats) {
    const label = FORMAT_LABEL[r.format].padEnd(8);
    if (r.error) {
      lines.push(`${label} FAILED: ${r.error}`);
      continue;
    }
    lines.push(`${label} ${r.dir}`, `         ${formatParityOutcome(r.parity)}`, ...r.notes.map((n) => `         note: ${n}`));
  }
  return lines;
}

/** One format's parity verdict in words ("onnxruntime-node: 64 samples, top-1 agreement 100.0%, …: pass"). */
export function formatParityOutcome(p: ParityOutcome | null): string {
  return p === null ? 'not checked'
    : p.kind === 'compared' ? `${p.runtime}: ${formatParity(p.numbers)}`
    : p.kind === 'structure' ? `${p.runtime}: ${p.ok ? 'pass' : `FAIL (${p.problems.join('; ')})`}`
    : p.kind === 'skipped' ? `parity skipped: ${p.reason}`
    : `parity check failed to run: ${p.reason}`;
}
