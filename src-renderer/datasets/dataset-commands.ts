/**
 * Inspecting the document's dataset through the host (`dataset:inspect`), with its import
 * progress (`dataset:progress`), into the training store's dataset state. A newer choice of
 * dataset supersedes an inspection still running: its late answer is dropped.
 */
import type { EditorServices } from '../app/editor-context.js';
import { datasetKey } from './dataset-task.js';
import { inputShape } from './dataset-edits.js';

export async function inspectDataset(services: Pick<EditorServices, 'store' | 'training' | 'host'>, opts: { force?: boolean } = {}): Promise<void> {
  const { store, training, host } = services;
  const { doc, path } = store.getState();
  const key = datasetKey(doc.dataset);
  const state = training.getState().dataset;
  if (!doc.dataset || key === null) {
    training.getState().setDataset({ key: null, status: 'idle', inspection: null, progress: null, error: null });
    return;
  }
  if (!opts.force && state.key === key && state.status !== 'idle') return;
  training.getState().setDataset({ key, status: 'loading', progress: null, error: null, inspection: state.key === key ? state.inspection : null });
  const off = host.on('dataset:progress', (progress) => {
    if (training.getState().dataset.key === key) training.getState().setDataset({ progress });
  });
  try {
    // Folder images are decoded at the Input's size, so thumbnails show what the model will see.
    const sampleShape = inputShape(doc);
    const result = await host.call('dataset:inspect', {
      source: doc.dataset,
      ...(sampleShape && sampleShape.length <= 3 ? { sampleShape } : {}),
      projectPath: path,
    });
    if (training.getState().dataset.key !== key) return;
    if (result.ok) training.getState().setDataset({ status: 'ready', inspection: result.value, progress: null, error: null });
    else training.getState().setDataset({ status: 'failed', inspection: null, progress: null, error: result.error.message });
  } finally {
    off();
  }
}
