/**
 * Plain data types describing datasets, shared by the trainer process (which builds them) and the
 * renderer (which shows import reports). Nothing here touches Node, files or tensors.
 */

/** The three parts every dataset is divided into. */
export type SplitName = 'train' | 'validation' | 'test';

/** All split names, in the order they are reported. */
export const SPLIT_NAMES: readonly SplitName[] = ['train', 'validation', 'test'];

/** Fractions of each class sent to validation and test; train receives the rest. */
export interface SplitFractions {
  validation: number;
  test: number;
}

/** The 80/10/10 split used when the user picks nothing else. */
export const DEFAULT_SPLIT_FRACTIONS: SplitFractions = { validation: 0.1, test: 0.1 };

/** How an image is fitted into the target size: distort, cut the overflow, or letterbox with black. */
export type ResizeMode = 'stretch' | 'crop' | 'pad';

/** `unit` maps bytes to [0, 1]; `standardize` also subtracts the train-split mean and divides by its std, per channel. */
export type NormalizationKind = 'unit' | 'standardize';

/** Everything that changes the decoded pixels (and therefore the cache key). */
export interface ImagePreprocessing {
  height: number;
  width: number;
  /** 1 = grayscale, 3 = RGB. */
  channels: 1 | 3;
  resize: ResizeMode;
}

/**
 * The exact input transform, kept so exported models and inference apply the same one:
 * value = (byte / 255 - mean[c]) / std[c].
 */
export interface Normalization {
  kind: NormalizationKind;
  mean: number[];
  std: number[];
}

/** Progress of a long import; `total` may grow during `scan`. */
export interface ImportProgress {
  phase: 'scan' | 'decode' | 'pack';
  done: number;
  total: number;
}

/** A file left out of the dataset and why, in words a user can act on. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** Random image changes applied to training batches only; each field off when absent or 0. */
export interface AugmentationOptions {
  /** Mirror left–right with probability 0.5. */
  flipHorizontal?: boolean;
  /** Rotate by a uniform angle in [-rotationDeg, rotationDeg] degrees. */
  rotationDeg?: number;
  /** Translate by up to this fraction of width / height in each direction. */
  shift?: number;
  /** Scale by a factor in [1 - zoom, 1 + zoom]. */
  zoom?: number;
  /** Add a uniform offset in [-brightness, brightness] to every value (images in [0, 1]). */
  brightness?: number;
}

/** One batch of samples; `x` is row-major [count, ...sampleShape]. */
export interface Batch {
  x: Float32Array;
  /** Class indices (classification) or targets (regression). */
  y: Int32Array | Float32Array;
  count: number;
}

/** How a split is walked in batches. */
export interface BatchOptions {
  batchSize: number;
  /** Shuffle order (different each epoch when `epoch` changes). */
  shuffle?: boolean;
  seed?: number;
  epoch?: number;
  /** Applied only to the train split, so evaluation always sees real images. */
  augment?: AugmentationOptions;
  /** Drop the last batch when it is smaller than `batchSize`. */
  dropRemainder?: boolean;
}

/** Where decoded images came from in an import; proves the cache works. */
export interface ImportStats {
  /** Images decoded from their original files in this run. */
  decoded: number;
  /** Images (or failures) taken from the disk cache instead. */
  fromCache: number;
  /** Whether the whole packed dataset was reused without touching individual images. */
  packReused: boolean;
}

/** Serializable summary of an imported image dataset, shown to the user and stored next to the cache. */
export interface ImageDatasetInfo {
  root: string;
  layout: 'classes' | 'splits';
  classNames: string[];
  /** [height, width, channels]. */
  sampleShape: [number, number, number];
  preprocessing: ImagePreprocessing;
  normalization: Normalization;
  /** counts[split][classIndex] = number of images. */
  counts: Record<SplitName, number[]>;
  skipped: SkippedFile[];
  /** Classes with a folder but no usable image. */
  emptyClasses: string[];
  stats: ImportStats;
}

/** Summary of a CSV table import. */
export interface TableDatasetInfo {
  task: 'classification' | 'regression';
  featureNames: string[];
  labelName: string;
  /** Distinct label values for classification (sorted); empty for regression. */
  classNames: string[];
  rows: number;
}
