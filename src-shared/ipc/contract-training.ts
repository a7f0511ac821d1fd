/**
 * The training loop's part of the API: datasets, runs, results, "try it" and export.
 * Merged into CALL_SCHEMAS / CallResponses / EventPayloads by contract.ts.
 */
import { z } from 'zod';
import type { EpochMetrics, TrainerEvent, TrainSettings } from '../training/protocol.js';
import type { SkippedFile } from '../training/dataset-types.js';

const path = z.string().min(1).max(4096);
const runDir = z.string().min(1).max(4096);

const augmentation = z
  .object({
    flipHorizontal: z.boolean().optional(),
    rotationDeg: z.number().min(0).max(180).optional(),
    shift: z.number().min(0).max(0.5).optional(),
    zoom: z.number().min(0).max(0.9).optional(),
    brightness: z.number().min(0).max(1).optional(),
  })
  .strict();

/** Same shape as protocol.ts DataSource, validated (paths must be inside allowed roots in browser mode). */
export const dataSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mnist') }),
  z.object({
    kind: z.literal('folder'),
    path,
    resize: z.enum(['stretch', 'crop', 'pad']).optional(),
    normalization: z.enum(['unit', 'standardize']).optional(),
    augmentation: augmentation.optional(),
  }),
  z.object({ kind: z.literal('csv'), path, labelColumn: z.string().optional(), task: z.enum(['classification', 'regression']).optional() }),
]);

/** Overrides on top of the project's stored training settings (the renderer sends the full set it shows). */
const settingsSchema = z.looseObject({}).optional();

export const TRAINING_CALL_SCHEMAS = {
  /**
   * Imports (with progress events) and summarizes a dataset for the dataset panel; `sampleShape` = [H, W, C] from the
   * Input node (folders; default 64×64×3). A relative path is relative to `projectPath`'s folder. `seed` and `split`
   * (the project's seed and validation/test fractions; default 42 and 0.1/0.1) make the counts, and the cached import,
   * exactly those of training.
   */
  'dataset:inspect': z.object({
    source: dataSourceSchema,
    sampleShape: z.array(z.number().int().positive().max(4096)).max(3).optional(),
    projectPath: path.nullable().optional(),
    seed: z.number().int().optional(),
    split: z.object({ validation: z.number().min(0).lt(1), test: z.number().min(0).lt(1) }).optional(),
  }),
  /** A few augmented versions of one training image, for the live preview (at `sampleShape` when given). */
  'dataset:augmentPreview': z.object({
    source: dataSourceSchema,
    augmentation,
    count: z.number().int().min(1).max(24),
    seed: z.number().int().optional(),
    projectPath: path.nullable().optional(),
    sampleShape: z.array(z.number().int().positive().max(4096)).max(3).optional(),
  }),
  /** Compiles the document, spawns a trainer, streams `training:event`; the run is stored beside the project. */
  'training:start': z.object({ doc: z.unknown(), projectPath: path.nullable(), settings: settingsSchema }),
  'training:control': z.object({ runId: z.string().min(1), command: z.enum(['pause', 'resume', 'stop']) }),
  /** Parameters, MACs, memory for the batch size, and seconds per epoch measured on a few real batches. */
  'training:estimate': z.object({ doc: z.unknown(), projectPath: path.nullable(), settings: settingsSchema }),
  /** Confusion matrix, per-class precision/recall/F1 and the most confident mistakes of a finished run. */
  'results:get': z.object({ runDir, split: z.enum(['test', 'validation']).optional() }),
  /** The samples in one confusion-matrix cell, with their images. */
  'results:cell': z.object({ runDir, actual: z.number().int().min(0), predicted: z.number().int().min(0), limit: z.number().int().min(1).max(200).optional(), split: z.enum(['test', 'validation']).optional() }),
  /** "Try it": top-k probabilities for one image (a file path or a data: URL dropped on the app). */
  'predict:image': z.object({ runDir, image: z.union([z.object({ path }), z.object({ dataUrl: z.string().max(20_000_000) })]), top: z.number().int().min(1).max(20).optional() }),
  /** Exports a run to the chosen formats with a parity report each; progress arrives as `export:progress`. */
  'export:run': z.object({ runDir, formats: z.array(z.enum(['tfjs', 'onnx', 'keras', 'pytorch'])).min(1), outDir: path }),
  /** Opens a folder in the system file manager (Electron); browser mode answers UNSUPPORTED. */
  'shell:openPath': z.object({ path }),
} as const;

export interface DatasetHealthWarning {
  kind: 'tiny-class' | 'imbalance' | 'duplicates' | 'cross-split-duplicates' | 'mixed-sizes' | 'mixed-channels' | 'empty-class';
  message: string;
  /** What the app will do about it, in words. */
  action: string;
}

export interface DatasetInspection {
  kind: 'mnist' | 'folder' | 'csv';
  task: 'classification' | 'regression';
  classNames: string[];
  /** Per class, per split (classification); regression has one pseudo-class "all". */
  counts: { train: number[]; validation: number[]; test: number[] };
  sampleShape: number[];
  /** Original image sizes seen (folder datasets), most common first. */
  sourceSizes: { width: number; height: number; channels: number; count: number }[];
  /** Up to 8 PNG data URLs per class, at the training resolution. */
  thumbnails: { className: string; images: string[] }[];
  skipped: SkippedFile[];
  health: DatasetHealthWarning[];
  /** Regression targets (CSV): label column name and feature names. */
  columns?: { features: string[]; label: string };
}

export interface TrainingEstimate {
  params: number;
  macsPerSample: number;
  /** Weights + optimizer state + activations for one batch, float32. */
  memoryBytes: number;
  batchesPerEpoch: number;
  samplesPerEpoch: number;
  /** Measured on a few real batches in a trainer process, on the backend a run would use. */
  secondsPerEpoch: number;
  backend: string;
}

export interface ClassMetrics {
  className: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface PredictedSample {
  index: number;
  actual: number;
  predicted: number;
  confidence: number;
  /** PNG data URL of the input as the model saw it (un-normalized for display). */
  image: string | null;
}

export interface RunResults {
  task: 'classification' | 'regression';
  classNames: string[];
  accuracy: number | null;
  confusion: number[][];
  perClass: ClassMetrics[];
  mostConfidentMistakes: PredictedSample[];
  /** Regression: mean absolute and squared error. */
  mae?: number;
  mse?: number;
}

export interface FormatExportResult {
  format: 'tfjs' | 'onnx' | 'keras' | 'pytorch';
  ok: boolean;
  dir: string | null;
  /** The parity report line ("onnxruntime-node: 64 samples, top-1 100.0%, max |Δ| 2.4e-7: pass"), or the error. */
  report: string;
  topOneAgreement: number | null;
  maxAbsDiff: number | null;
}

export interface TrainingCallResponses {
  'dataset:inspect': DatasetInspection;
  'dataset:augmentPreview': { original: string; images: string[] };
  'training:start': { runId: string; runDir: string; settings: TrainSettings };
  'training:control': Record<string, never>;
  'training:estimate': TrainingEstimate;
  'results:get': RunResults;
  'results:cell': { items: PredictedSample[]; total: number };
  'predict:image': { top: { className: string; probability: number }[]; image: string };
  'export:run': { outDir: string; results: FormatExportResult[] };
  'shell:openPath': Record<string, never>;
}

export interface TrainingEventPayloads {
  /** Every trainer event of every run, tagged by runId inside the event. */
  'training:event': TrainerEvent;
  'dataset:progress': { phase: string; done: number; total: number };
  'export:progress': { format: string; stage: 'exporting' | 'checking' | 'done' | 'failed'; message: string };
}

/**
 * What the document keeps of a run (`doc.runs`): enough to list, compare and re-open it.
 * Weights, the model and per-batch data stay in `runDir`.
 */
export interface StoredRun {
  id: string;
  startedAt: string;
  finishedAt?: string;
  status: 'running' | 'completed' | 'stopped' | 'early-stopped' | 'failed';
  runDir: string;
  settings: TrainSettings;
  backend?: string;
  history: EpochMetrics[];
  bestEpoch: number | null;
  test: { loss: number; accuracy: number | null; mae: number | null } | null;
  classNames?: string[];
  error?: string;
}
