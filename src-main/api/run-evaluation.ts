/**
 * A finished run scored on its own held-out split, sample by sample: what results:get and
 * results:cell show. The split is rebuilt from run-summary.json exactly as `evaluate` does
 * (same seed, fractions, cache), predictions come from the saved model, and the scores reuse the
 * trainer's confusion-matrix code. Inputs are kept as display bytes (un-normalized) when they fit
 * in memory, so a cell's images cost one PNG encode each and no second pass over the data.
 */
import * as tf from '@tensorflow/tfjs';
import type { PredictedSample, RunResults } from '../../src-shared/ipc/contract-training.js';
import type { SplitName } from '../../src-shared/training/dataset-types.js';
import type { BatchSource } from '../datasets/index.js';
import { confusionMatrix, loadRunData, readRunSummary, scoreConfusion, type RunSummary } from '../training/trainer/index.js';
import { ApiFailure } from './api-failure.js';
import { inputToBytes, pngDataUrl, type ImageShape } from './image-encode.js';
import { runModel } from './inference-backend.js';

/** The most confident mistakes results:get returns. */
export const MISTAKES_SHOWN = 24;
/** Display bytes kept per evaluation at most; beyond it images are re-read from the split. */
const DISPLAY_BUDGET_BYTES = 128 * 1024 * 1024;

/** Per-sample outcome of a classification run on one split. */
export interface RunEvaluation {
  split: SplitName;
  results: RunResults;
  actual: Int32Array;
  predicted: Int32Array;
  confidence: Float32Array;
  source: BatchSource;
  summary: RunSummary;
  image: ImageShape | null;
  /** Display bytes of every sample, concatenated; null when over budget (or not images). */
  display: Uint8Array | null;
  /** PNG data URLs already made, by sample index. */
  pngs: Map<number, string>;
}

/** Scores the run in `dir` on `split` (default: test, or validation when test is empty). */
export async function evaluateRun(dir: string, split: SplitName | undefined, cacheDir: string): Promise<RunEvaluation> {
  const summary = await readRunSummary(dir);
  if (!summary) throw new ApiFailure('NOT_FOUND', `${dir} holds no finished run (no run-summary.json)`);
  const prep = summary.preprocessing;
  const data = await loadRunData(summary.data, {
    inputShape: prep.inputShape,
    seed: summary.settings.seed,
    ...(summary.settings.split ? { split: summary.settings.split } : {}),
    cacheDir,
  });
  if (data.report.classNames.join('\n') !== prep.classNames.join('\n'))
    throw new ApiFailure('BAD_REQUEST', `The data now has classes ${data.report.classNames.join(', ')}, but the model was trained on ${prep.classNames.join(', ')}.`);
  const chosen: SplitName = split ?? (data.splits.test.count > 0 ? 'test' : 'validation');
  const source = data.splits[chosen];
  const model = await runModel(dir);
  const image = imageShapeOf(summary);
  const rowSize = prep.inputShape.reduce((a, b) => a * b, 1);
  const display = image && source.count * rowSize <= DISPLAY_BUDGET_BYTES ? new Uint8Array(source.count * rowSize) : null;

  const n = source.count;
  const actual = new Int32Array(n);
  const predicted = new Int32Array(n);
  const confidence = new Float32Array(n);
  const targets = new Float32Array(n);
  const outputs = new Float32Array(n);
  let row = 0;
  for await (const batch of source.batches({ batchSize: 256 })) {
    const y = tf.tidy(() => (model.predict(tf.tensor(batch.x, [batch.count, ...prep.inputShape])) as tf.Tensor).dataSync() as Float32Array);
    const units = y.length / batch.count;
    for (let i = 0; i < batch.count; i++, row++) {
      const out = y.subarray(i * units, (i + 1) * units);
      if (summary.task === 'regression') {
        targets[row] = batch.y[i]!;
        outputs[row] = out[0]!;
        continue;
      }
      actual[row] = batch.y[i]!;
      // One sigmoid unit is P(class 1).
      const [best, p] = units === 1 ? (out[0]! > 0.5 ? [1, out[0]!] : [0, 1 - out[0]!]) : argmax(out);
      predicted[row] = best;
      confidence[row] = p;
    }
    if (display && image) display.set(inputToBytes(batch.x, prep.normalization, image.channels), (row - batch.count) * rowSize);
  }
  const evaluation: RunEvaluation = { split: chosen, results: regressionResults(targets, outputs), actual, predicted, confidence, source, summary, image, display, pngs: new Map() };
  if (summary.task === 'classification') {
    const scored = scoreConfusion(confusionMatrix(actual, predicted, prep.classNames.length), prep.classNames);
    const mistakes = rank(evaluation, (i) => actual[i] !== predicted[i]).slice(0, MISTAKES_SHOWN);
    evaluation.results = {
      task: 'classification',
      classNames: prep.classNames,
      accuracy: scored.accuracy,
      confusion: scored.confusion,
      perClass: scored.perClass.map((m) => ({ className: m.name, precision: m.precision, recall: m.recall, f1: m.f1, support: m.support })),
      mostConfidentMistakes: await withImages(evaluation, mistakes),
    };
  }
  return evaluation;
}

/** Sample indices passing `keep`, most confident first (ties: lower index first). */
export function rank(evaluation: RunEvaluation, keep: (index: number) => boolean): number[] {
  const picked: number[] = [];
  for (let i = 0; i < evaluation.actual.length; i++) if (keep(i)) picked.push(i);
  return picked.sort((a, b) => evaluation.confidence[b]! - evaluation.confidence[a]! || a - b);
}

/** The samples as PredictedSample records with their images (made once, then cached). */
export async function withImages(evaluation: RunEvaluation, indices: number[]): Promise<PredictedSample[]> {
  const missing = indices.filter((i) => !evaluation.pngs.has(i));
  if (evaluation.image && missing.length > 0) {
    const bytes = evaluation.display ? null : await readRows(evaluation, new Set(missing));
    const size = evaluation.image.height * evaluation.image.width * evaluation.image.channels;
    await Promise.all(
      missing.map(async (i) => {
        const pixels = evaluation.display ? evaluation.display.subarray(i * size, (i + 1) * size) : bytes?.get(i);
        if (pixels) evaluation.pngs.set(i, await pngDataUrl(pixels, evaluation.image!));
      }),
    );
  }
  return indices.map((index) => ({
    index,
    actual: evaluation.actual[index]!,
    predicted: evaluation.predicted[index]!,
    confidence: evaluation.confidence[index]!,
    image: evaluation.pngs.get(index) ?? null,
  }));
}

/** One more pass over the split for datasets too large to keep: only the wanted rows are kept. */
async function readRows(evaluation: RunEvaluation, wanted: Set<number>): Promise<Map<number, Uint8Array>> {
  const { image, summary, source } = evaluation;
  const out = new Map<number, Uint8Array>();
  const size = source.sampleShape.reduce((a, b) => a * b, 1);
  let row = 0;
  for await (const batch of source.batches({ batchSize: 256 })) {
    for (let i = 0; i < batch.count; i++, row++) {
      if (wanted.has(row)) out.set(row, inputToBytes(batch.x.subarray(i * size, (i + 1) * size), summary.preprocessing.normalization, image!.channels));
    }
  }
  return out;
}

/** How a sample is drawn: MNIST is 28×28 grey whatever the Input's shape; folders use the Input's H×W×C; tables are not images. */
function imageShapeOf(summary: RunSummary): ImageShape | null {
  const p = summary.preprocessing;
  if (p.source === 'mnist') return { height: 28, width: 28, channels: 1 };
  if (p.source === 'folder' && p.inputShape.length === 3) return { height: p.inputShape[0]!, width: p.inputShape[1]!, channels: p.inputShape[2]! };
  return null;
}

function argmax(values: Float32Array): [number, number] {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return [best, values[best]!];
}

function regressionResults(targets: Float32Array, outputs: Float32Array): RunResults {
  let abs = 0;
  let sq = 0;
  for (let i = 0; i < targets.length; i++) {
    const d = outputs[i]! - targets[i]!;
    abs += Math.abs(d);
    sq += d * d;
  }
  const n = Math.max(1, targets.length);
  return { task: 'regression', classNames: [], accuracy: null, confusion: [], perClass: [], mostConfidentMistakes: [], mae: abs / n, mse: sq / n };
}
