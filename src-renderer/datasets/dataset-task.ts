/**
 * What the inspected dataset means for the model: the task and the number of outputs that
 * `validateDocument` checks the output layer against (OUTPUT_UNITS, OUTPUT_ACTIVATION), and the
 * key that tells whether an inspection still describes the document's dataset.
 */
import type { DatasetSettings } from '../../src-shared/graph/document.js';
import { taskFromDataset, type TaskInfo } from '../../src-shared/graph/validate.js';
import type { DatasetInspection } from '../../src-shared/ipc/contract-training.js';
import type { DatasetState } from '../state/training-store.js';

/** Identifies a dataset source by what changes its classes and pictures (not its augmentation). */
export function datasetKey(dataset: DatasetSettings | null): string | null {
  if (!dataset) return null;
  if (dataset.kind === 'mnist') return 'mnist';
  if (dataset.kind === 'folder') return JSON.stringify(['folder', dataset.path, dataset.resize ?? 'stretch']);
  return JSON.stringify(['csv', dataset.path, dataset.labelColumn ?? null, dataset.task ?? null]);
}

/** The inspection, when it describes this dataset (not an earlier choice). */
export function currentInspection(dataset: DatasetSettings | null, state: DatasetState): DatasetInspection | null {
  return state.inspection && state.key !== null && state.key === datasetKey(dataset) ? state.inspection : null;
}

/** Outputs the model needs for an inspection: one per class, or one per regression target. */
export function taskOfInspection(inspection: DatasetInspection): TaskInfo {
  return { task: inspection.task, outputs: inspection.task === 'classification' ? inspection.classNames.length : 1 };
}

const byInspection = new WeakMap<DatasetInspection, TaskInfo>();
const byDataset = new WeakMap<object, TaskInfo | null>();

/**
 * The task to validate the model against: from the inspection when there is a current one,
 * else what the dataset implies by itself (MNIST: 10 classes). The same object for the same
 * inputs, so it can be a React dependency or a store selector result.
 */
export function taskFor(dataset: DatasetSettings | null, state: DatasetState): TaskInfo | null {
  const inspection = currentInspection(dataset, state);
  if (inspection) {
    let task = byInspection.get(inspection);
    if (!task) byInspection.set(inspection, (task = taskOfInspection(inspection)));
    return task;
  }
  if (!dataset) return null;
  if (!byDataset.has(dataset)) byDataset.set(dataset, taskFromDataset(dataset));
  return byDataset.get(dataset) ?? null;
}
