/**
 * What the Train workspace's buttons do: start a run, pause/resume/stop it, and ask for an
 * estimate. Each is a host call plus a store update; failures become messages in the dashboard
 * (a refused start) or the status bar (a refused pause), never a thrown error.
 */
import type { EditorServices } from '../app/editor-context.js';
import { taskFor } from '../datasets/dataset-task.js';
import { getValidation } from '../state/derived.js';
import { isActive } from '../state/training-store.js';
import { createLiveRun } from './run-reducer.js';
import { toTrainSettings } from './train-settings.js';

export type ControlCommand = 'pause' | 'resume' | 'stop';

/** Why the model cannot be trained as it is, or null when it can. */
export function startBlocker(services: Pick<EditorServices, 'store' | 'training'>): string | null {
  const { doc } = services.store.getState();
  if (!doc.dataset) return 'Choose a dataset in the Data tab first.';
  if (doc.nodes.length === 0) return 'The model is empty: add layers in the Design tab.';
  const validation = getValidation(doc, taskFor(doc.dataset, services.training.getState().dataset));
  if (validation.errors > 0)
    return `The model has ${validation.errors} error${validation.errors === 1 ? '' : 's'}: fix ${validation.errors === 1 ? 'it' : 'them'} in the Design tab first.`;
  return null;
}

export async function startTraining(services: EditorServices): Promise<void> {
  const { store, training, host } = services;
  if (isActive(training.getState().run?.status)) return;
  const { doc, path } = store.getState();
  const settings = toTrainSettings(doc.training);
  const run = createLiveRun(settings, new Date().toISOString());
  const blocker = startBlocker(services);
  if (blocker) {
    training.getState().setRun({ ...run, status: 'failed', error: { code: 'START', message: blocker }, stored: true });
    return;
  }
  training.getState().setRun(run);
  const result = await host.call('training:start', { doc, projectPath: path, settings: { ...settings } });
  const current = training.getState().run;
  // Another run replaced this one meanwhile (cannot happen through the UI, but stay safe).
  if (current?.startedAt !== run.startedAt) return;
  if (!result.ok) {
    training.getState().setRun({ ...current, status: 'failed', error: { code: 'START', message: result.error.message }, stored: true });
    return;
  }
  training.getState().setRun({ ...current, id: result.value.runId, runDir: result.value.runDir, settings: result.value.settings, epochs: result.value.settings.epochs });
}

export async function controlTraining(services: EditorServices, command: ControlCommand): Promise<void> {
  const { training, host, store } = services;
  const run = training.getState().run;
  if (!run?.id || !isActive(run.status)) return;
  // Stopping can take a batch or an evaluation; show it at once so the button is not pressed twice.
  if (command === 'stop') training.getState().setRun({ ...run, status: 'stopping' });
  const result = await host.call('training:control', { runId: run.id, command });
  if (!result.ok) store.getState().notify(`Could not ${command} the run: ${result.error.message}`, 'error');
}

/** Parameters, MACs, memory for the batch size and seconds per epoch measured on a few batches. */
export async function estimateTraining(services: EditorServices): Promise<void> {
  const { store, training, host } = services;
  const blocker = startBlocker(services);
  if (blocker) {
    training.getState().setEstimate({ status: 'failed', error: blocker });
    return;
  }
  const { doc, path } = store.getState();
  training.getState().setEstimate({ status: 'loading', error: null });
  const result = await host.call('training:estimate', { doc, projectPath: path, settings: { ...toTrainSettings(doc.training) } });
  if (result.ok) training.getState().setEstimate({ status: 'ready', value: result.value, error: null });
  else training.getState().setEstimate({ status: 'failed', error: result.error.message });
}
