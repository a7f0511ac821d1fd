/**
 * dataset:inspect's work: load the data the way training will (same loaders, seed and split),
 * then count, hash, thumbnail and check it. Loads sharp and the dataset layer, so the service
 * imports this module lazily.
 */
import type { DatasetInspection } from '../../src-shared/ipc/contract-training.js';
import { SPLIT_NAMES, type ImagePreprocessing, type Normalization, type SplitFractions, type SplitName } from '../../src-shared/training/dataset-types.js';
import type { DataSource } from '../../src-shared/training/protocol.js';
import { loadCsvFile, loadMnist, splitArrayDataset, splitCsvTable, type BatchSource } from '../datasets/index.js';
import { importFolderForInspection } from './dataset-folder.js';
import { healthWarnings, type HealthInput } from './dataset-health.js';
import { classCounts, walkSamples } from './dataset-walk.js';
import { inputToBytes, pngDataUrl } from './image-encode.js';

/** Thumbnails per class in the panel. */
export const THUMBNAILS_PER_CLASS = 8;
/** Image size when the request names none (no Input node yet). */
export const DEFAULT_IMAGE_SHAPE: [number, number, number] = [64, 64, 3];

export interface InspectOptions {
  /** With an absolute path (the service resolved it). */
  source: DataSource;
  sampleShape?: number[];
  seed: number;
  split: SplitFractions;
  cacheDir: string;
  onProgress: (progress: { phase: string; done: number; total: number }) => void;
}

/** The pieces every kind provides before the shared counting, hashing and checks. */
interface Loaded {
  kind: DatasetInspection['kind'];
  task: DatasetInspection['task'];
  classNames: string[];
  splits: Record<SplitName, BatchSource>;
  counts?: Record<SplitName, number[]>;
  sampleShape: number[];
  /** How thumbnails are drawn: image layout and the inverse of the input normalization. */
  image: { height: number; width: number; channels: number; normalization: Normalization | null } | null;
  nameOf: (split: SplitName, index: number) => string;
  extra: Partial<Pick<DatasetInspection, 'sourceSizes' | 'skipped' | 'columns'>> & { emptyClasses?: string[]; target?: HealthInput['target'] };
  unit: string;
}

/** Inspects a dataset; throws DatasetError (the caller maps it) when it cannot be read at all. */
export async function inspectDataset(options: InspectOptions): Promise<DatasetInspection> {
  const loaded = await load(options);
  const classCount = loaded.task === 'classification' ? loaded.classNames.length : 0;
  const counts = loaded.counts ?? (await countAll(loaded.splits, classCount));
  options.onProgress({ phase: 'check', done: 0, total: 1 });
  const walk = await walkSamples(loaded.splits, { classCount: loaded.image ? classCount : 0, perClass: THUMBNAILS_PER_CLASS, nameOf: loaded.nameOf });
  const thumbnails = loaded.image
    ? await Promise.all(
        loaded.classNames.map(async (className, c) => ({
          className,
          images: await Promise.all((walk.thumbnails[c] ?? []).map((row) => thumbnail(row, loaded.image!))),
        })),
      )
    : [];
  const sourceSizes = loaded.extra.sourceSizes ?? [];
  const health = healthWarnings({
    task: loaded.task,
    classNames: loaded.classNames,
    counts,
    emptyClasses: loaded.extra.emptyClasses ?? loaded.classNames.filter((_, c) => SPLIT_NAMES.every((s) => (counts[s][c] ?? 0) === 0)),
    samples: walk.samples,
    sourceSizes,
    ...(loaded.extra.target ? { target: loaded.extra.target } : {}),
    unit: loaded.unit,
  });
  options.onProgress({ phase: 'check', done: 1, total: 1 });
  return {
    kind: loaded.kind,
    task: loaded.task,
    classNames: loaded.classNames,
    counts,
    sampleShape: loaded.sampleShape,
    sourceSizes,
    thumbnails,
    skipped: loaded.extra.skipped ?? [],
    health,
    ...(loaded.extra.columns ? { columns: loaded.extra.columns } : {}),
  };
}

async function load(options: InspectOptions): Promise<Loaded> {
  const { source, seed, split } = options;
  const positional = (noun: string) => (s: SplitName, i: number) => `${s} ${noun} ${i + 1}`;
  switch (source.kind) {
    case 'mnist': {
      options.onProgress({ phase: 'decode', done: 0, total: 1 });
      const data = await loadMnist();
      options.onProgress({ phase: 'decode', done: 1, total: 1 });
      const [height, width, channels] = data.sampleShape as [number, number, number];
      return {
        kind: 'mnist',
        task: 'classification',
        classNames: data.classNames,
        splits: splitArrayDataset(data, split, seed),
        sampleShape: data.sampleShape,
        image: { height, width, channels, normalization: null },
        nameOf: positional('digit'),
        extra: { sourceSizes: [{ width, height, channels, count: data.count }] },
        unit: 'images',
      };
    }
    case 'csv': {
      options.onProgress({ phase: 'decode', done: 0, total: 1 });
      const table = await loadCsvFile(source.path, { ...(source.labelColumn ? { labelColumn: source.labelColumn } : {}), task: source.task ?? 'classification' });
      options.onProgress({ phase: 'decode', done: 1, total: 1 });
      const { task, featureNames, labelName, classNames } = table.info;
      const splits = splitCsvTable(table, split, seed);
      // Regression has no classes: one pseudo-class holds every row.
      const counts = task === 'regression' ? Object.fromEntries(SPLIT_NAMES.map((s) => [s, [splits[s].count]])) as Record<SplitName, number[]> : undefined;
      return {
        kind: 'csv',
        task,
        classNames: task === 'regression' ? ['all'] : classNames,
        splits,
        ...(counts ? { counts } : {}),
        sampleShape: [featureNames.length],
        image: null,
        // Spreadsheet rows are what users look up; the split position is all we have after shuffling.
        nameOf: positional('row'),
        extra: { columns: { features: featureNames, label: labelName } },
        unit: 'rows',
      };
    }
    case 'folder': {
      const target = imageTarget(options.sampleShape, source.resize ?? 'stretch');
      const folder = await importFolderForInspection({
        root: source.path,
        target,
        normalization: source.normalization ?? 'unit',
        seed,
        split,
        cacheDir: options.cacheDir,
        onProgress: options.onProgress,
      });
      const { info, splits } = folder.dataset;
      return {
        kind: 'folder',
        task: 'classification',
        classNames: info.classNames,
        splits,
        counts: info.counts,
        sampleShape: [...info.sampleShape],
        image: { height: target.height, width: target.width, channels: target.channels, normalization: info.normalization },
        nameOf: folder.nameOf,
        extra: { sourceSizes: folder.sourceSizes, skipped: info.skipped, emptyClasses: info.emptyClasses, target },
        unit: 'images',
      };
    }
  }
}

/** The Input's H×W×C when it is an image shape, else the default size. */
function imageTarget(shape: number[] | undefined, resize: ImagePreprocessing['resize']): ImagePreprocessing {
  const [height, width, channels] = shape?.length === 3 && (shape[2] === 1 || shape[2] === 3) ? shape : DEFAULT_IMAGE_SHAPE;
  return { height: height!, width: width!, channels: channels as 1 | 3, resize };
}

async function countAll(splits: Record<SplitName, BatchSource>, classCount: number): Promise<Record<SplitName, number[]>> {
  const [train, validation, test] = await Promise.all(SPLIT_NAMES.map((s) => classCounts(splits[s], classCount)));
  return { train: train!, validation: validation!, test: test! };
}

function thumbnail(row: Float32Array, image: NonNullable<Loaded['image']>): Promise<string> {
  return pngDataUrl(inputToBytes(row, image.normalization, image.channels), image);
}
