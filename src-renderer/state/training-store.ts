/**
 * Live training and dataset state, beside the editor store: the current run (status, backend,
 * per-batch and per-epoch series, the latest events), the pre-run estimate and the dataset
 * inspection. None of it is history and none of it is saved: a finished run is saved by
 * appending a `StoredRun` to `doc.runs`, a recorded edit (training/session.ts).
 *
 * While a run streams, the session applies events at most once per animation frame, so
 * subscribers (the dashboard, the Results workspace) update per frame, never per event.
 * Read it with `useTraining(selector)` (app/editor-context.ts).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DatasetInspection, TrainingEstimate } from '../../src-shared/ipc/contract-training.js';
import type { BackendReport, DatasetReport, EpochMetrics, ErrorCode, TrainSettings } from '../../src-shared/training/protocol.js';

/** Where a run is: `starting` until the host answers, then the trainer's states, then how it ended. */
export type RunStatus = 'starting' | 'running' | 'paused' | 'stopping' | 'completed' | 'stopped' | 'early-stopped' | 'failed';

/** Statuses after which no more events come; the run is then in `doc.runs`. */
export const FINAL_STATUSES: ReadonlySet<RunStatus> = new Set(['completed', 'stopped', 'early-stopped', 'failed']);

export const isActive = (status: RunStatus | undefined): boolean => status !== undefined && !FINAL_STATUSES.has(status);

/** One throttled batch event: the running averages of the epoch so far. */
export interface BatchPoint {
  /** Position in epochs (epoch − 1 + batch / batchesPerEpoch), the charts' x axis. */
  x: number;
  epoch: number;
  loss: number;
  accuracy: number | null;
}

/** The latest throughput and resource numbers, for the metric cards. */
export interface RunProgress {
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  samplesPerSecond: number | null;
  elapsedSeconds: number;
  etaSeconds: number | null;
  numTensors: number | null;
  memoryBytes: number | null;
  learningRate: number | null;
  /** Dataset import progress before the first batch. */
  data: { phase: string; done: number; total: number } | null;
}

/** A trainer failure (or a refused start), with the code that decides the advice shown. */
export interface RunError {
  code: ErrorCode | 'START';
  message: string;
  epoch?: number;
  batch?: number;
}

export interface RunLogEntry {
  level: 'info' | 'warning' | 'error';
  message: string;
  at: number;
}

export interface LiveRun {
  /** Null while `starting`, until `training:start` answers. */
  id: string | null;
  runDir: string | null;
  startedAt: string;
  status: RunStatus;
  settings: TrainSettings;
  /** Total epochs planned. */
  epochs: number;
  backend: BackendReport | null;
  dataset: DatasetReport | null;
  params: number | null;
  /** One entry per finished epoch; a new array per epoch (few entries, cheap to copy). */
  history: EpochMetrics[];
  bestEpoch: number | null;
  /**
   * Append-only and shared between successive `LiveRun` objects of one run: copying thousands of
   * points every frame would cost more than drawing them. `batchCount` is the version to watch.
   */
  batches: BatchPoint[];
  batchCount: number;
  progress: RunProgress;
  /** The latest log lines (at most LOG_LIMIT). */
  logs: RunLogEntry[];
  error: RunError | null;
  finished: {
    reason: 'completed' | 'stopped' | 'early-stopped';
    test: { loss: number; accuracy: number | null; mae: number | null } | null;
    seconds: number;
    outDir: string | null;
  } | null;
  /** True once the run is appended to `doc.runs`. */
  stored: boolean;
  /** Page-clock bookkeeping (ms) for the live elapsed time and ETA between epoch events. */
  clock: { start: number | null; pausedAt: number | null };
}

export type LoadState = 'idle' | 'loading' | 'ready' | 'failed';

export interface DatasetState {
  /** The `datasetKey` of the source the inspection describes; stale when the document's differs. */
  key: string | null;
  status: LoadState;
  inspection: DatasetInspection | null;
  progress: { phase: string; done: number; total: number } | null;
  error: string | null;
}

export interface EstimateState {
  status: LoadState;
  value: TrainingEstimate | null;
  error: string | null;
}

export interface TrainingState {
  run: LiveRun | null;
  dataset: DatasetState;
  estimate: EstimateState;
  setRun(run: LiveRun | null): void;
  setDataset(patch: Partial<DatasetState>): void;
  setEstimate(patch: Partial<EstimateState>): void;
}

export type TrainingStore = StoreApi<TrainingState>;

export const LOG_LIMIT = 100;

export const EMPTY_DATASET: DatasetState = { key: null, status: 'idle', inspection: null, progress: null, error: null };
export const EMPTY_ESTIMATE: EstimateState = { status: 'idle', value: null, error: null };

export function createTrainingStore(): TrainingStore {
  return createStore<TrainingState>()((set, get) => ({
    run: null,
    dataset: EMPTY_DATASET,
    estimate: EMPTY_ESTIMATE,
    setRun(run) {
      set({ run });
    },
    setDataset(patch) {
      set({ dataset: { ...get().dataset, ...patch } });
    },
    setEstimate(patch) {
      set({ estimate: { ...get().estimate, ...patch } });
    },
  }));
}
