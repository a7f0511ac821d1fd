/**
 * Scoring a trained model on a batch source: accuracy, per-class precision / recall / F1 and the
 * confusion matrix for classification; MAE / MSE / RMSE for regression. Used at the end of runs
 * by the UI's results view and by `netwright evaluate`.
 */
import * as tf from '@tensorflow/tfjs';
import type { SplitName } from '../../../src-shared/training/dataset-types.js';
import type { BackendName, DataSource } from '../../../src-shared/training/protocol.js';
import { DatasetError, type BatchSource } from '../../datasets/index.js';
import { loadRunData } from './data.js';
import { chooseBackend } from './backend-choice.js';
import { loadSavedModel, savedLayerTypes } from './model-io.js';
import { readRunSummary } from './run-outputs.js';

/** Scores of one class (sklearn's definitions; 0 where a denominator is 0). */
export interface ClassMetrics {
  name: string;
  precision: number;
  recall: number;
  f1: number;
  /** Samples whose true class this is. */
  support: number;
}

/** Classification results; confusion[true][predicted] counts samples. */
export interface ClassificationEvaluation {
  task: 'classification';
  count: number;
  accuracy: number;
  classNames: string[];
  perClass: ClassMetrics[];
  /** Unweighted mean over classes. */
  macro: { precision: number; recall: number; f1: number };
  confusion: number[][];
}

/** Regression results. */
export interface RegressionEvaluation {
  task: 'regression';
  count: number;
  mae: number;
  mse: number;
  rmse: number;
}

/** Either kind of evaluation, by `task`. */
export type Evaluation = ClassificationEvaluation | RegressionEvaluation;

/** confusion[actual][predicted] over `classCount` classes. */
export function confusionMatrix(actual: ArrayLike<number>, predicted: ArrayLike<number>, classCount: number): number[][] {
  const m = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  for (let i = 0; i < actual.length; i++) m[actual[i]!]![predicted[i]!]!++;
  return m;
}

/** Accuracy, per-class and macro scores from a confusion matrix. */
export function scoreConfusion(confusion: number[][], classNames: string[]): ClassificationEvaluation {
  const k = confusion.length;
  const count = confusion.reduce((n, row) => n + row.reduce((a, b) => a + b, 0), 0);
  const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  let correct = 0;
  const perClass = confusion.map((row, c) => {
    const tp = row[c]!;
    correct += tp;
    const predicted = confusion.reduce((n, r) => n + r[c]!, 0);
    const support = row.reduce((a, b) => a + b, 0);
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    return { name: classNames[c] ?? String(c), precision, recall, f1: ratio(2 * precision * recall, precision + recall), support };
  });
  const mean = (f: (m: ClassMetrics) => number): number =>
    ratio(
      perClass.reduce((s, m) => s + f(m), 0),
      k,
    );
  return {
    task: 'classification',
    count,
    accuracy: ratio(correct, count),
    classNames,
    perClass,
    macro: { precision: mean((m) => m.precision), recall: mean((m) => m.recall), f1: mean((m) => m.f1) },
    confusion,
  };
}

/** Runs the model over every sample of `source` (inference mode) and scores it. */
export async function evaluateModel(
  model: tf.LayersModel,
  source: BatchSource,
  options: { task: 'classification' | 'regression'; classNames?: string[]; batchSize?: number },
): Promise<Evaluation> {
  const inputShape = model.inputs[0]!.shape.slice(1) as number[];
  const dtype = model.inputs[0]!.dtype === 'int32' ? 'int32' : 'float32';
  const units = model.outputs[0]!.shape.at(-1) ?? 1;
  const actual: number[] = [];
  const predicted: number[] = [];
  for await (const batch of source.batches({ batchSize: options.batchSize ?? 256 })) {
    const out = tf.tidy(() => {
      const y = model.apply(tf.tensor(batch.x, [batch.count, ...inputShape], dtype), { training: false }) as tf.Tensor;
      if (options.task === 'regression') return y.reshape([-1]);
      // One sigmoid unit is a two-class model: class 1 above 0.5.
      return units === 1 ? tf.cast(tf.greater(y.reshape([-1]), 0.5), 'int32') : tf.argMax(y, -1);
    });
    predicted.push(...out.dataSync());
    out.dispose();
    actual.push(...batch.y.subarray(0, batch.count));
  }
  if (options.task === 'regression') {
    let abs = 0;
    let sq = 0;
    actual.forEach((a, i) => {
      const d = predicted[i]! - a;
      abs += Math.abs(d);
      sq += d * d;
    });
    const n = Math.max(1, actual.length);
    return { task: 'regression', count: actual.length, mae: abs / n, mse: sq / n, rmse: Math.sqrt(sq / n) };
  }
  const classNames = options.classNames ?? Array.from({ length: Math.max(units, 2) }, (_, i) => String(i));
  return scoreConfusion(confusionMatrix(actual, predicted, classNames.length), classNames);
}

/**
 * Evaluates a saved run folder on one of its splits (default test), rebuilt from run-summary.json
 * with the training seed and fractions, so "test" is the same held-out set as in training.
 * `data` swaps in another source with the same classes (split the same way). The backend is
 * chosen as for training (or forced; 'active' keeps whatever tfjs backend is set).
 */
export async function evaluateSavedRun(
  dir: string,
  options: { split?: SplitName; data?: DataSource; cacheDir?: string; backend?: BackendName | 'active' } = {},
): Promise<Evaluation> {
  const summary = await readRunSummary(dir);
  if (!summary) throw new Error(`${dir} has no run-summary.json: it is not a Netwright run folder.`);
  // The model's variables live on whichever backend is active when it loads, so choose first.
  if (options.backend !== 'active') await chooseBackend(await savedLayerTypes(dir), options.backend);
  const model = await loadSavedModel(dir);
  try {
    const data = await loadRunData(options.data ?? summary.data, {
      inputShape: summary.preprocessing.inputShape,
      seed: summary.settings.seed,
      ...(summary.settings.split ? { split: summary.settings.split } : {}),
      ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    });
    const classNames = summary.preprocessing.classNames;
    if (data.report.classNames.join('\n') !== classNames.join('\n')) {
      throw new DatasetError(
        `The data has classes ${data.report.classNames.join(', ')} but the model was trained on ${classNames.join(', ')}.`,
      );
    }
    return await evaluateModel(model, data.splits[options.split ?? 'test'], {
      task: summary.task,
      classNames,
      batchSize: summary.settings.batchSize,
    });
  } finally {
    model.dispose();
  }
}
