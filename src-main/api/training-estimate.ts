/**
 * training:estimate's numbers. Parameters, multiply-adds and memory come from the shared model
 * summary (no process needed); seconds per epoch are measured: a trainer process runs a few real
 * batches (`maxBatches`) on the backend a real run would get, and the steady per-batch time —
 * the first batch, which pays for kernel setup, is left out — is scaled to a whole epoch.
 */
import type { TrainingEstimate } from '../../src-shared/ipc/contract-training.js';
import type { TrainerEvent, TrainSettings } from '../../src-shared/training/protocol.js';
import type { StartCommand, TrainingHost } from '../training/host/index.js';
import { ApiFailure } from './api-failure.js';
import type { PreparedRun } from './run-prepare.js';

/** Batches timed after the first (warm-up) batch. */
export const TRIAL_BATCHES = 5;
/** Inference costs about a third of a training step (no backward pass, no update). */
const FORWARD_SHARE = 1 / 3;

/** Bytes of optimizer state per weight, in weights: the weights themselves plus each slot the optimizer keeps. */
export function stateCopies(settings: Pick<TrainSettings, 'optimizer' | 'momentum'>): number {
  const momentum = (settings.momentum ?? 0) > 0 ? 1 : 0;
  switch (settings.optimizer) {
    case 'adam':
      return 3; // weights, first and second moments
    case 'rmsprop':
      return 2 + momentum;
    case 'adagrad':
      return 2;
    case 'sgd':
      return 1 + momentum;
  }
}

/** float32 weights × optimizer copies + one batch of activations. */
export function memoryEstimate(prepared: PreparedRun): number {
  const { summary, settings } = prepared;
  return summary.totalParams * 4 * stateCopies(settings) + summary.activationBytes * settings.batchSize;
}

/** What the trial measured. */
export interface TrialTiming {
  secondsPerEpoch: number;
  batchesPerEpoch: number;
  samplesPerEpoch: number;
  backend: string;
}

/** Runs the trial in a fresh trainer process; throws ApiFailure when the trainer refuses the run. */
export async function measureTrial(host: TrainingHost, prepared: PreparedRun, cacheDir: string, runId: string): Promise<TrialTiming> {
  const settings: TrainSettings = {
    ...prepared.settings,
    epochs: 1,
    maxBatches: TRIAL_BATCHES + 1,
    // Every batch event, so the first batch's time can be told apart from the rest.
    batchEventsPerSecond: 10_000,
    earlyStopping: null,
  };
  const command: StartCommand = { type: 'start', runId, model: prepared.model, data: prepared.data, settings, cacheDir };
  const run = host.startRun(command);
  let started: Extract<TrainerEvent, { type: 'started' }> | null = null;
  const batches: Extract<TrainerEvent, { type: 'batch' }>[] = [];
  for await (const event of run) {
    if (event.type === 'started') started = event;
    else if (event.type === 'batch') batches.push(event);
  }
  const final = await run.done;
  if (final.type === 'error') throw new ApiFailure(final.code === 'DATA' || final.code === 'MODEL' ? 'BAD_REQUEST' : 'INTERNAL', `The time estimate could not run the model: ${final.message}`);
  if (!started || batches.length === 0) throw new ApiFailure('INTERNAL', 'The time estimate ended before a single batch was trained.');
  const trainCount = started.dataset.counts.train;
  const batchSize = settings.batchSize;
  const perBatch = steadyBatchSeconds(batches, batchSize);
  const trainSeconds = perBatch * started.batchesPerEpoch;
  const validationSeconds = (perBatch / batchSize) * started.dataset.counts.validation * FORWARD_SHARE;
  return {
    secondsPerEpoch: trainSeconds + validationSeconds,
    batchesPerEpoch: started.batchesPerEpoch,
    samplesPerEpoch: trainCount,
    backend: started.backend.backend,
  };
}

/**
 * Seconds per batch from the running averages in batch events: batch b arrives after
 * b·size / samplesPerSecond(b) seconds, so batches 2..n took t(n) − t(1).
 */
export function steadyBatchSeconds(batches: readonly { batch: number; samplesPerSecond: number }[], batchSize: number): number {
  const elapsed = (e: { batch: number; samplesPerSecond: number }) => (e.batch * batchSize) / Math.max(1e-9, e.samplesPerSecond);
  const first = batches[0]!;
  const last = batches.at(-1)!;
  if (last.batch <= first.batch) return elapsed(first) / first.batch;
  return Math.max(1e-6, (elapsed(last) - elapsed(first)) / (last.batch - first.batch));
}

/** The full estimate from a prepared run and its trial timing. */
export function estimateFrom(prepared: PreparedRun, timing: TrialTiming): TrainingEstimate {
  return {
    params: prepared.summary.totalParams,
    macsPerSample: prepared.summary.macs,
    memoryBytes: memoryEstimate(prepared),
    batchesPerEpoch: timing.batchesPerEpoch,
    samplesPerEpoch: timing.samplesPerEpoch,
    secondsPerEpoch: timing.secondsPerEpoch,
    backend: timing.backend,
  };
}
