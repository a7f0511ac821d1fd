/**
 * What a finished run leaves in its folder: the trained model (TF.js layers format), best/ (the
 * best epoch's weights, written as training goes), history.json and run-summary.json, which
 * carries everything exporters and inference need to feed the model as it was trained.
 */
import type * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BackendReport, DataSource, DatasetReport, EpochMetrics, TrainSettings } from '../../../src-shared/training/protocol.js';
import type { PreprocessingInfo } from './data.js';
import type { LossKind } from './loss.js';
import { saveModel, writeAtomic } from './model-io.js';

/** Contents of run-summary.json. */
export interface RunSummary {
  format: 'netwright-run';
  version: 1;
  runId: string;
  reason: 'completed' | 'stopped' | 'early-stopped';
  finishedAt: string;
  seconds: number;
  backend: BackendReport;
  settings: TrainSettings;
  /** Where the data came from, so `evaluate` can rebuild the same splits (same seed and fractions). */
  data: DataSource;
  task: 'classification' | 'regression';
  loss: LossKind;
  params: number;
  dataset: DatasetReport;
  preprocessing: PreprocessingInfo;
  epochsRun: number;
  bestEpoch: number | null;
  /** Whether the saved model holds the best epoch's weights (true) or the last epoch's. */
  savedWeights: 'best' | 'last';
  final: EpochMetrics | null;
  test: { loss: number; accuracy: number | null; mae: number | null } | null;
  files: { model: string; best: string | null; history: string };
}

/** Sub-folder of a run folder holding the best epoch's model. */
export const BEST_DIR = 'best';

/** Writes model, history.json and run-summary.json into `outDir`. */
export async function writeRunOutputs(outDir: string, model: tf.LayersModel, history: EpochMetrics[], summary: RunSummary): Promise<void> {
  await saveModel(model, outDir);
  await writeAtomic(path.join(outDir, 'history.json'), JSON.stringify(history, null, 2));
  await writeAtomic(path.join(outDir, 'run-summary.json'), JSON.stringify(summary, null, 2));
}

/** Reads run-summary.json from a run folder; null when absent (e.g. a model saved elsewhere). */
export async function readRunSummary(dir: string): Promise<RunSummary | null> {
  try {
    return JSON.parse(await readFile(path.join(dir, 'run-summary.json'), 'utf8')) as RunSummary;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
