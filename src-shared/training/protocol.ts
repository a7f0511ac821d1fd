/**
 * The message protocol between the training host (main process / CLI) and a trainer process.
 * One trainer process per run: in Electron a utilityProcess, in plain Node a child_process.fork;
 * both speak exactly these messages, so the host code is the same.
 */
import type { KerasModelJson } from '../compile/keras-json.js';
import type { AugmentationOptions, ImportProgress, NormalizationKind, ResizeMode, SkippedFile, SplitFractions } from './dataset-types.js';

export type BackendName = 'tfjs-node-gpu' | 'tfjs-node' | 'wasm' | 'cpu';

/** Where the data comes from. Paths are absolute (the host resolves them against the project). */
export type DataSource =
  | { kind: 'mnist' }
  | {
      kind: 'folder';
      path: string;
      resize?: ResizeMode;
      normalization?: NormalizationKind;
      augmentation?: AugmentationOptions;
    }
  | { kind: 'csv'; path: string; labelColumn?: string; task?: 'classification' | 'regression' };

export type OptimizerName = 'sgd' | 'adam' | 'rmsprop' | 'adagrad';
export type LossName = 'auto' | 'categoricalCrossentropy' | 'binaryCrossentropy' | 'meanSquaredError';

export type LearningRateSchedule =
  | { kind: 'constant' }
  /** lr · factor^floor(epoch / everyEpochs) */
  | { kind: 'step'; everyEpochs: number; factor: number }
  /** lr · decay^epoch */
  | { kind: 'exponential'; decay: number }
  /** lr_min + ½(lr − lr_min)(1 + cos(π·epoch/epochs)) */
  | { kind: 'cosine'; minLearningRate?: number }
  /** lr · factor when validation loss has not improved for `patience` epochs */
  | { kind: 'plateau'; factor: number; patience: number; minLearningRate?: number };

export interface EarlyStopping {
  /** Epochs without a validation-loss improvement (by more than minDelta) before stopping. */
  patience: number;
  minDelta?: number;
  /** Put back the weights of the best epoch when stopping (and at the end). */
  restoreBest?: boolean;
}

export interface TrainSettings {
  optimizer: OptimizerName;
  learningRate: number;
  /** SGD only. */
  momentum?: number;
  nesterov?: boolean;
  schedule?: LearningRateSchedule;
  batchSize: number;
  epochs: number;
  /** Seeds shuffling, splits, initialization and dropout: same seed + same backend → same curve. */
  seed: number;
  /** Fraction of the data held out for validation (and the same again for test) when the data has no split of its own. */
  split?: SplitFractions;
  loss?: LossName;
  /** Extra L2 weight decay on every kernel, on top of per-layer `l2`. */
  weightDecay?: number;
  earlyStopping?: EarlyStopping | null;
  /** Force a backend (tests, benchmarks); otherwise the best available is chosen. */
  backend?: BackendName;
  /** At most this many batch events per second (default 20). */
  batchEventsPerSecond?: number;
  /**
   * A trial run (the app's time estimate): end after this many training batches of the first
   * epoch, as a stopped run — no validation, no test, no saved model unless `outDir` is given.
   */
  maxBatches?: number;
}

/** host → trainer */
export type TrainerCommand =
  | {
      type: 'start';
      runId: string;
      model: KerasModelJson;
      data: DataSource;
      settings: TrainSettings;
      /** Where the trainer writes the model, history and summary; none = keep in memory only. */
      outDir?: string;
      cacheDir?: string;
    }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' };

export interface BackendReport {
  backend: BackendName;
  device: 'gpu' | 'cpu';
  /** Why each faster backend is not the one running. */
  notUsed: { backend: BackendName; why: string }[];
  threads: number;
}

export interface DatasetReport {
  kind: DataSource['kind'];
  task: 'classification' | 'regression';
  classNames: string[];
  sampleShape: number[];
  counts: { train: number; validation: number; test: number };
  skipped: SkippedFile[];
}

export interface EpochMetrics {
  epoch: number;
  loss: number;
  valLoss: number | null;
  /** Classification accuracy, or null for regression. */
  accuracy: number | null;
  valAccuracy: number | null;
  /** Regression mean absolute error, or null for classification. */
  mae: number | null;
  valMae: number | null;
  learningRate: number;
}

export type ErrorCode =
  | 'NAN_LOSS'
  | 'DATA'
  | 'MODEL'
  | 'BACKEND'
  | 'OUT_OF_MEMORY'
  | 'CRASHED'
  | 'BAD_COMMAND'
  | 'INTERNAL';

/** trainer → host */
export type TrainerEvent =
  | { type: 'ready'; pid: number }
  | { type: 'data-progress'; runId: string; progress: ImportProgress }
  | { type: 'started'; runId: string; backend: BackendReport; dataset: DatasetReport; params: number; batchesPerEpoch: number }
  | {
      type: 'batch';
      runId: string;
      epoch: number;
      batch: number;
      batchesPerEpoch: number;
      loss: number;
      accuracy: number | null;
      samplesPerSecond: number;
    }
  | {
      type: 'epoch';
      runId: string;
      epochs: number;
      metrics: EpochMetrics;
      samplesPerSecond: number;
      elapsedSeconds: number;
      etaSeconds: number;
      numTensors: number;
      memoryBytes: number;
      isBest: boolean;
    }
  | { type: 'state'; runId: string; state: 'paused' | 'running' | 'stopping' }
  | { type: 'log'; runId: string; level: 'info' | 'warning'; message: string }
  | { type: 'error'; runId: string; code: ErrorCode; message: string; epoch?: number; batch?: number }
  | {
      type: 'finished';
      runId: string;
      reason: 'completed' | 'stopped' | 'early-stopped';
      history: EpochMetrics[];
      bestEpoch: number | null;
      test: { loss: number; accuracy: number | null; mae: number | null } | null;
      seconds: number;
      outDir: string | null;
    };

export type TrainerEventType = TrainerEvent['type'];

/** Narrow helper for message handlers that receive `unknown` from a process boundary. */
export function isTrainerEvent(value: unknown): value is TrainerEvent {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
