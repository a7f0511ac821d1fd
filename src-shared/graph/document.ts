/**
 * The network document: the source of truth for a project. React Flow state, compiled
 * Keras JSON and summaries are all derived from it.
 */
import type { LayerType } from '../layers/catalog.js';
import type { Params } from '../layers/types.js';
import type { AugmentationOptions, NormalizationKind, ResizeMode } from '../training/dataset-types.js';
import type { EarlyStopping, LearningRateSchedule } from '../training/protocol.js';

export const PROJECT_FORMAT = 'netwright-project';
/** Bump together with a new entry in `MIGRATIONS` (migrations.ts). */
export const PROJECT_VERSION = 1;

export interface GraphNode {
  id: string;
  type: LayerType;
  /** Unique within the document; becomes the Keras layer name. */
  name: string;
  params: Params;
  position: { x: number; y: number };
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** Input slot on the target: the order of a merge layer's inputs (Concatenate, Subtract). */
  targetIndex: number;
}

export type DatasetSettings =
  | { kind: 'mnist' }
  | {
      kind: 'folder';
      path: string;
      /** How images are fitted to the Input's H×W (default stretch). */
      resize?: ResizeMode;
      /** Pixel scaling (default unit: bytes → [0, 1]). */
      normalization?: NormalizationKind;
      /** Random changes to training images only; the trainer reads it from the data source. */
      augmentation?: AugmentationOptions;
    }
  | { kind: 'csv'; path: string; labelColumn?: string; task?: 'classification' | 'regression' };

/** Training settings; the training engine owns their meaning, the document only stores them. */
export interface TrainingSettings {
  optimizer: 'sgd' | 'adam' | 'rmsprop' | 'adagrad';
  learningRate: number;
  batchSize: number;
  epochs: number;
  seed: number;
  validationSplit: number;
  /** Fraction held out for the final test; absent = the same as `validationSplit`. */
  testSplit?: number;
  /** SGD only. */
  momentum?: number;
  nesterov?: boolean;
  schedule?: LearningRateSchedule;
  /** Extra L2 penalty on every kernel. */
  weightDecay?: number;
  earlyStopping?: EarlyStopping | null;
  [extra: string]: unknown;
}

export interface RunRecord {
  id: string;
  startedAt: string;
  [extra: string]: unknown;
}

export interface ImportOrigin {
  /** Where the graph came from, so summaries can follow that tool's conventions. */
  format: 'keras' | 'tfjs';
  modelClass: 'Sequential' | 'Functional';
  kerasVersion?: string;
}

export interface ProjectDocument {
  format: typeof PROJECT_FORMAT;
  version: typeof PROJECT_VERSION;
  name: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  dataset: DatasetSettings | null;
  training: TrainingSettings;
  runs: RunRecord[];
  importedFrom?: ImportOrigin;
}

export const DEFAULT_TRAINING: TrainingSettings = {
  optimizer: 'adam',
  learningRate: 0.001,
  batchSize: 64,
  epochs: 3,
  seed: 42,
  validationSplit: 0.1,
};

export function createEmptyDocument(name = 'Untitled'): ProjectDocument {
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name,
    nodes: [],
    edges: [],
    dataset: { kind: 'mnist' },
    training: { ...DEFAULT_TRAINING },
    runs: [],
  };
}
