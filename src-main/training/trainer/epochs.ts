/**
 * The epoch loop of a run: learning-rate schedule, training, validation, best-epoch tracking
 * (with a checkpoint in memory and in outDir/best/), early stopping, and the epoch events.
 */
import * as tf from '@tensorflow/tfjs';
import path from 'node:path';
import type { EpochMetrics, TrainSettings } from '../../../src-shared/training/protocol.js';
import { BestTracker, WeightSnapshot } from './checkpoint.js';
import type { RunData } from './data.js';
import { evaluateSource, trainEpoch, type LoopEnv, type SplitResult } from './fit-loop.js';
import { saveModelWithWeights } from './model-io.js';
import { setLearningRate } from './optimizers.js';
import { BEST_DIR } from './run-outputs.js';
import { createScheduler } from './schedules.js';

/** How the epochs ended, with what the run needs to finish. */
export interface EpochsOutcome {
  reason: 'completed' | 'stopped' | 'early-stopped';
  history: EpochMetrics[];
  bestEpoch: number | null;
}

/** Everything the loop reads besides the LoopEnv. */
export interface EpochsInput {
  model: tf.LayersModel;
  optimizer: tf.Optimizer;
  data: RunData;
  settings: TrainSettings;
  /** Holds the best epoch's weights when the loop returns (the caller disposes it). */
  snapshot: WeightSnapshot;
  outDir?: string;
}

/** Runs up to settings.epochs epochs (1-based numbering in events and history). */
export async function runEpochs(env: LoopEnv, input: EpochsInput): Promise<EpochsOutcome> {
  const { model, optimizer, data, settings, snapshot } = input;
  const scheduler = createScheduler(settings.schedule, settings.learningRate, settings.epochs);
  const es = settings.earlyStopping ?? null;
  const tracker = new BestTracker(es ? es.patience : null, es?.minDelta ?? 0);
  const history: EpochMetrics[] = [];
  const start = performance.now();
  const classification = env.plan.task === 'classification';
  const pick = (r: SplitResult | null, want: boolean): number | null => (r && want ? r.metric : null);

  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    if (env.control.stopRequested) return { reason: 'stopped', history, bestEpoch: tracker.bestEpoch };
    const learningRate = scheduler.rateFor(epoch - 1);
    setLearningRate(optimizer, learningRate);
    const train = await trainEpoch(env, data.splits.train, epoch, learningRate, data.augment);
    if (train.stopped) return { reason: 'stopped', history, bestEpoch: tracker.bestEpoch };
    const validation = await evaluateSource(env, data.splits.validation);
    if (env.control.stopRequested) return { reason: 'stopped', history, bestEpoch: tracker.bestEpoch };

    // Without a validation split, the training loss is the best available signal.
    const monitored = validation?.loss ?? train.loss;
    scheduler.observe(monitored);
    const { improved, stop } = tracker.update(monitored, epoch);
    if (improved) {
      snapshot.take(model, epoch);
      if (input.outDir) await saveModelWithWeights(model, snapshot.named(model), path.join(input.outDir, BEST_DIR));
    }
    const metrics: EpochMetrics = {
      epoch,
      loss: train.loss,
      valLoss: validation?.loss ?? null,
      accuracy: classification ? train.metric : null,
      valAccuracy: pick(validation, classification),
      mae: classification ? null : train.metric,
      valMae: pick(validation, !classification),
      learningRate,
    };
    history.push(metrics);
    const elapsedSeconds = (performance.now() - start - env.control.pausedMs) / 1000;
    const memory = tf.memory();
    env.emit({
      type: 'epoch',
      runId: env.runId,
      epochs: settings.epochs,
      metrics,
      samplesPerSecond: train.samples / Math.max(1e-9, train.activeSeconds),
      elapsedSeconds,
      etaSeconds: (elapsedSeconds / epoch) * (settings.epochs - epoch),
      numTensors: memory.numTensors,
      memoryBytes: memory.numBytes,
      isBest: improved,
    });
    if (stop) return { reason: 'early-stopped', history, bestEpoch: tracker.bestEpoch };
  }
  return { reason: 'completed', history, bestEpoch: tracker.bestEpoch };
}
