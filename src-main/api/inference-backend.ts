/**
 * Trained models loaded in the app's own process (results, "try it", export). Only the pure-JS
 * backends run here — wasm, else cpu: a native TensorFlow abort would take the whole app down
 * (the reason training has its own process), and inference on a held-out split is cheap.
 * Models are cached per run folder, a few at a time, and disposed when evicted.
 */
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../training/backends/select-backend.js';
import { loadSavedModel, savedLayerTypes } from '../training/trainer/index.js';

/** Loaded models kept at once (each holds its weights in memory). */
const MAX_MODELS = 3;

const models = new Map<string, Promise<tf.LayersModel>>();

/**
 * Activates wasm (when it has every kernel the model needs) or cpu. Models loaded on another
 * backend are dropped when it changes: their weights live in that backend's memory.
 */
export async function activateInferenceBackend(dir: string): Promise<string> {
  const before = tf.getBackend();
  const choice = await selectBackend({ layerTypes: await savedLayerTypes(dir), exclude: ['tfjs-node-gpu', 'tfjs-node'] });
  if (before !== undefined && before !== choice.tfjsBackend) await clearModels();
  return choice.backend;
}

/** The run's trained model (model.json in `dir`), loaded once and shared; callers must not dispose it. */
export async function runModel(dir: string): Promise<tf.LayersModel> {
  const cached = models.get(dir);
  if (cached) {
    // Most recently used last, so eviction takes the oldest.
    models.delete(dir);
    models.set(dir, cached);
    return cached;
  }
  // Before the entry exists: a backend change clears the cache, and must not wait on this load.
  await activateInferenceBackend(dir);
  const again = models.get(dir);
  if (again) return again;
  const loading = loadSavedModel(dir);
  models.set(dir, loading);
  loading.catch(() => models.delete(dir));
  while (models.size > MAX_MODELS) {
    const oldest = models.keys().next().value!;
    void models.get(oldest)!.then((m) => m.dispose(), () => {});
    models.delete(oldest);
  }
  return loading;
}

/** Disposes every cached model (backend change, tests). */
export async function clearModels(): Promise<void> {
  const all = [...models.values()];
  models.clear();
  for (const loading of all) (await loading.catch(() => null))?.dispose();
}
