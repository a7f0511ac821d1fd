/**
 * Walking a split in batches: one training epoch (with throttled batch events, pause/stop between
 * batches, NaN detection) and inference-mode evaluation. Between batches the loop yields to the
 * event loop every few milliseconds, so IPC messages (pause, stop) are seen within one batch.
 */
import type { AugmentationOptions } from '../../../src-shared/training/dataset-types.js';
import type { TrainerEvent } from '../../../src-shared/training/protocol.js';
import type { BatchSource } from '../../datasets/index.js';
import type { TrainingControl } from './control.js';
import { TrainerError } from './errors.js';
import type { LossPlan } from './loss.js';
import type { Stepper } from './step.js';

/** What the loop needs from the run. */
export interface LoopEnv {
  runId: string;
  emit: (event: TrainerEvent) => void;
  control: TrainingControl;
  stepper: Stepper;
  plan: LossPlan;
  batchSize: number;
  seed: number;
  /** Batch events per second at most (the last batch of an epoch is always sent). */
  batchEventsPerSecond: number;
  /** Trial runs: the epoch ends (as a stop) after this many batches. */
  maxBatches?: number;
}

/** Loss and metric of a split (or a training epoch), averaged over its samples. */
export interface SplitResult {
  loss: number;
  /** Accuracy (classification) or mean absolute error (regression). */
  metric: number;
  samples: number;
}

/** A training epoch's outcome; `stopped` when a stop arrived mid-epoch (the result is partial). */
export interface EpochRun extends SplitResult {
  stopped: boolean;
  /** Seconds spent training, pauses excluded. */
  activeSeconds: number;
}

const YIELD_EVERY_MS = 15;

/** Lets timers and I/O callbacks (IPC messages) run; awaiting a promise alone only drains microtasks. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Average metric of summed results, per the task. */
function metricOf(plan: LossPlan, metricSum: number, samples: number): number {
  return plan.task === 'classification' ? metricSum / samples : metricSum / (samples * plan.outputUnits);
}

/** Trains one epoch (1-based `epoch`) at `learningRate` (for messages). */
export async function trainEpoch(
  env: LoopEnv,
  source: BatchSource,
  epoch: number,
  learningRate: number,
  augment?: AugmentationOptions,
): Promise<EpochRun> {
  const batchesPerEpoch = Math.ceil(source.count / env.batchSize);
  const minInterval = env.batchEventsPerSecond > 0 ? 1000 / env.batchEventsPerSecond : Infinity;
  const start = performance.now();
  let paused = 0;
  let lastEmit = -Infinity;
  let lastYield = start;
  let lossSum = 0;
  let metricSum = 0;
  let samples = 0;
  let batch = 0;
  let stopped = false;
  const options = { batchSize: env.batchSize, shuffle: true, seed: env.seed, epoch: epoch - 1, ...(augment ? { augment } : {}) };
  // A pause that arrived between epochs (or while the data loaded) holds before the first batch.
  if (env.control.paused) paused += await env.control.waitWhilePaused();
  if (env.control.stopRequested) return { loss: 0, metric: 0, samples: 0, stopped: true, activeSeconds: 0 };
  for await (const data of source.batches(options)) {
    batch++;
    const step = env.stepper.train(data);
    const loss = step.lossSum / step.count;
    if (!Number.isFinite(loss)) throw nanLoss(loss, epoch, batch, learningRate);
    lossSum += step.lossSum;
    metricSum += step.metricSum;
    samples += step.count;

    const now = performance.now();
    const trialDone = env.maxBatches !== undefined && batch >= env.maxBatches;
    if (batch === batchesPerEpoch || trialDone || now - lastEmit >= minInterval) {
      lastEmit = now;
      env.emit({
        type: 'batch',
        runId: env.runId,
        epoch,
        batch,
        batchesPerEpoch,
        // Running epoch averages: batches skipped by the throttle still count.
        loss: lossSum / samples,
        accuracy: env.plan.task === 'classification' ? metricSum / samples : null,
        samplesPerSecond: samples / Math.max(1e-9, (now - start - paused) / 1000),
      });
    }
    if (now - lastYield >= YIELD_EVERY_MS) {
      await yieldToEventLoop();
      lastYield = performance.now();
    }
    if (env.control.paused) paused += await env.control.waitWhilePaused();
    // A finished trial ends like a stop: the caller wanted timings, not a trained model.
    if (env.control.stopRequested || trialDone) {
      stopped = true;
      break;
    }
  }
  const activeSeconds = (performance.now() - start - paused) / 1000;
  return {
    loss: lossSum / Math.max(1, samples),
    metric: metricOf(env.plan, metricSum, Math.max(1, samples)),
    samples,
    stopped,
    activeSeconds,
  };
}

/** Inference-mode loss (plus the regularization penalty, as Keras reports it) and metric; null for an empty split or on stop. */
export async function evaluateSource(env: LoopEnv, source: BatchSource, honourStop = true): Promise<SplitResult | null> {
  if (source.count === 0) return null;
  let lossSum = 0;
  let metricSum = 0;
  let samples = 0;
  let lastYield = performance.now();
  for await (const data of source.batches({ batchSize: evaluationBatchSize(env.batchSize, source.sampleShape) })) {
    const step = env.stepper.evaluate(data);
    lossSum += step.lossSum;
    metricSum += step.metricSum;
    samples += step.count;
    if (performance.now() - lastYield >= YIELD_EVERY_MS) {
      await yieldToEventLoop();
      lastYield = performance.now();
    }
    if (honourStop && env.control.stopRequested) return null;
  }
  return { loss: lossSum / samples + env.stepper.penaltyValue(), metric: metricOf(env.plan, metricSum, samples), samples };
}

/**
 * Inference keeps no activations for backprop, so it can take bigger batches than training (fewer,
 * larger kernel calls): up to 256 samples while a batch's input stays within 4 Mi floats (16 MB).
 */
export function evaluationBatchSize(trainBatch: number, sampleShape: readonly number[]): number {
  const sampleSize = sampleShape.reduce((a, b) => a * b, 1);
  return Math.max(trainBatch, Math.min(256, Math.floor((4 * 1024 * 1024) / sampleSize)));
}

/** The NAN_LOSS error, naming where it happened and suggesting a rate 10x lower. */
export function nanLoss(loss: number, epoch: number, batch: number, learningRate: number): TrainerError {
  const what = Number.isNaN(loss) ? 'NaN' : 'infinite';
  return new TrainerError(
    'NAN_LOSS',
    `Loss became ${what} at epoch ${epoch}, batch ${batch} (learning rate ${formatRate(learningRate)}). Try a lower learning rate, e.g. ${formatRate(learningRate / 10)}.`,
    epoch,
    batch,
  );
}

/** A learning rate as a person writes it: 5, 0.5, 0.001, 1e-5. */
export function formatRate(lr: number): string {
  return String(Number(lr.toPrecision(3)));
}
