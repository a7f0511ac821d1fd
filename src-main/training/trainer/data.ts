/**
 * DataSource → the three batch sources of a run, checked against the model's input shape, plus
 * the preprocessing record exporters and inference need to feed the trained model the same way.
 */
import type {
  AugmentationOptions,
  ImportProgress,
  Normalization,
  ResizeMode,
  SplitFractions,
  SplitName,
} from '../../../src-shared/training/dataset-types.js';
import type { DataSource, DatasetReport } from '../../../src-shared/training/protocol.js';
import { importImageFolder, loadCsvFile, loadMnist, splitArrayDataset, splitCsvTable, type BatchSource } from '../../datasets/index.js';
import { TrainerError } from './errors.js';

/** How raw data becomes model input; stored in run-summary.json for exporters and predict. */
export interface PreprocessingInfo {
  source: DataSource['kind'];
  /** Per-sample model input shape. */
  inputShape: number[];
  /** Pixel transform (images); null for tables, whose features go in as written. */
  normalization: Normalization | null;
  resize: ResizeMode | null;
  channels: number | null;
  classNames: string[];
  /** Tables: the feature columns in input order, and the label column. */
  featureNames?: string[];
  labelName?: string;
}

/** A run's data, ready to iterate. */
export interface RunData {
  report: DatasetReport;
  splits: Record<SplitName, BatchSource>;
  preprocessing: PreprocessingInfo;
  /** Applied to training batches only. */
  augment?: AugmentationOptions;
}

/** What loading needs besides the source. */
export interface LoadDataOptions {
  inputShape: number[];
  seed: number;
  split?: SplitFractions;
  cacheDir?: string;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

const UNIT: Normalization = { kind: 'unit', mean: [0], std: [1] };
const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);
const showShape = (shape: readonly number[]): string => shape.join('×');

/** Loads and splits the data; throws DatasetError / TrainerError('DATA') with a user-facing message. */
export async function loadRunData(source: DataSource, options: LoadDataOptions): Promise<RunData> {
  const { inputShape, seed } = options;
  const progress = options.onProgress ?? (() => {});
  switch (source.kind) {
    case 'mnist': {
      progress({ phase: 'decode', done: 0, total: 1 });
      const data = await loadMnist();
      progress({ phase: 'decode', done: 1, total: 1 });
      checkSize(
        inputShape,
        data.sampleShape,
        `MNIST digits are ${showShape(data.sampleShape)}`,
        'Set the Input shape to 28×28×1 (or 784).',
      );
      const splits = splitArrayDataset(data, options.split, seed);
      return {
        splits,
        report: report('mnist', 'classification', data.classNames, data.sampleShape, splits, []),
        preprocessing: { source: 'mnist', inputShape, normalization: UNIT, resize: null, channels: 1, classNames: data.classNames },
      };
    }
    case 'folder': {
      const [height, width, channels] = inputShape;
      if (inputShape.length !== 3 || (channels !== 1 && channels !== 3)) {
        throw new TrainerError(
          'DATA',
          `An image folder needs an image input (height × width × 1 or 3 channels), but the model's input is ${showShape(inputShape)}.`,
        );
      }
      const resize = source.resize ?? 'stretch';
      const imported = await importImageFolder({
        root: source.path,
        preprocessing: { height: height!, width: width!, channels, resize },
        normalization: source.normalization ?? 'unit',
        seed,
        ...(options.split ? { split: options.split } : {}),
        ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: progress,
      });
      const { info, splits } = imported;
      if (info.classNames.length === 0) throw new TrainerError('DATA', `${source.path} has no class folders with images.`);
      const data: RunData = {
        splits,
        report: report('folder', 'classification', info.classNames, info.sampleShape, splits, info.skipped),
        preprocessing: { source: 'folder', inputShape, normalization: info.normalization, resize, channels, classNames: info.classNames },
      };
      if (source.augmentation) data.augment = source.augmentation;
      return data;
    }
    case 'csv': {
      progress({ phase: 'decode', done: 0, total: 1 });
      const table = await loadCsvFile(source.path, {
        ...(source.labelColumn ? { labelColumn: source.labelColumn } : {}),
        task: source.task ?? 'classification',
      });
      progress({ phase: 'decode', done: 1, total: 1 });
      const { featureNames, labelName, classNames, task } = table.info;
      checkSize(
        inputShape,
        [featureNames.length],
        `The CSV has ${featureNames.length} feature column(s) (${featureNames.slice(0, 5).join(', ')}${featureNames.length > 5 ? ', …' : ''})`,
        `Set the Input shape to ${featureNames.length}.`,
      );
      const splits = splitCsvTable(table, options.split, seed);
      return {
        splits,
        report: report('csv', task, classNames, [featureNames.length], splits, []),
        preprocessing: {
          source: 'csv',
          inputShape,
          normalization: null,
          resize: null,
          channels: null,
          classNames,
          featureNames,
          labelName,
        },
      };
    }
  }
}

function checkSize(inputShape: number[], sampleShape: readonly number[], what: string, fix: string): void {
  if (size(inputShape) === size(sampleShape)) return;
  throw new TrainerError(
    'DATA',
    `${what} = ${size(sampleShape)} values per sample, but the model's input is ${showShape(inputShape)} = ${size(inputShape)} values. ${fix}`,
  );
}

function report(
  kind: DataSource['kind'],
  task: DatasetReport['task'],
  classNames: string[],
  sampleShape: readonly number[],
  splits: Record<SplitName, BatchSource>,
  skipped: DatasetReport['skipped'],
): DatasetReport {
  if (splits.train.count === 0)
    throw new TrainerError(
      'DATA',
      'The training split is empty: the dataset has too few samples for the chosen validation/test fractions.',
    );
  const counts = { train: splits.train.count, validation: splits.validation.count, test: splits.test.count };
  return { kind, task, classNames, sampleShape: [...sampleShape], counts, skipped };
}
