/**
 * From a project document to what a trainer's 'start' command needs: the training settings in
 * protocol form and a data source with absolute paths. Shared by the CLI and the app's API, so a
 * project trains the same way from either door.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { DatasetSettings, TrainingSettings } from '../../../src-shared/graph/document.js';
import type { DataSource, TrainSettings } from '../../../src-shared/training/protocol.js';

/** Optional settings a project may carry beyond the required ones; passed through for the trainer to check. */
const PASS_THROUGH = [
  'momentum',
  'nesterov',
  'schedule',
  'loss',
  'weightDecay',
  'earlyStopping',
  'backend',
  'batchEventsPerSecond',
] as const;

/** The document's settings as the protocol's; `validationSplit` holds out that fraction for validation and `testSplit` (default: the same) for test. */
export function trainSettingsFromProject(training: TrainingSettings): TrainSettings {
  const settings: TrainSettings = {
    optimizer: training.optimizer,
    learningRate: training.learningRate,
    batchSize: training.batchSize,
    epochs: training.epochs,
    seed: training.seed,
    // A project without its own test fraction holds out the validation fraction again for test.
    split: { validation: training.validationSplit, test: typeof training.testSplit === 'number' ? training.testSplit : training.validationSplit },
  };
  for (const key of PASS_THROUGH) {
    if (training[key] !== undefined) (settings as unknown as Record<string, unknown>)[key] = training[key];
  }
  return settings;
}

/** Thrown when a dataset path does not lead to what its kind needs. */
export class DataSourceError extends Error {
  override name = 'DataSourceError';
}

/**
 * Makes the data source's path absolute (relative to `baseDir`, the project file's folder) and
 * checks it exists with the right kind (folder or file), so a typo fails before a process starts.
 */
export async function resolveDataSource(dataset: DatasetSettings | DataSource, baseDir: string): Promise<DataSource> {
  if (dataset.kind === 'mnist') return { kind: 'mnist' };
  const absolute = path.resolve(baseDir, dataset.path);
  const info = await stat(absolute).catch(() => null);
  if (!info) throw new DataSourceError(`the data ${dataset.kind === 'csv' ? 'file' : 'folder'} ${absolute} does not exist`);
  if (dataset.kind === 'folder' && !info.isDirectory())
    throw new DataSourceError(`${absolute} is not a folder (an image dataset is a folder with one sub-folder per class)`);
  if (dataset.kind === 'csv' && !info.isFile()) throw new DataSourceError(`${absolute} is not a file (expected a .csv file)`);
  return { ...dataset, path: absolute };
}

/**
 * Reads a `--data` argument: `mnist`, a `.csv` file or an image folder. A CSV keeps the project's
 * label column and task when the project's own dataset is a CSV too.
 */
export function dataSourceFromArgument(arg: string, projectDataset: DatasetSettings | null): DatasetSettings {
  if (arg.toLowerCase() === 'mnist') return { kind: 'mnist' };
  if (/\.(csv|tsv|txt)$/i.test(arg)) {
    const keep = projectDataset?.kind === 'csv' ? { labelColumn: projectDataset.labelColumn, task: projectDataset.task } : {};
    return { kind: 'csv', path: arg, ...Object.fromEntries(Object.entries(keep).filter(([, v]) => v !== undefined)) };
  }
  return { kind: 'folder', path: arg };
}
