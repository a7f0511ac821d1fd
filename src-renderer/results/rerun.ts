/**
 * "Train again": put a past run's settings back into the project (one recorded edit, so Undo
 * restores the settings that were there) and start a run with them through the Train
 * workspace's own command, which then streams it live. The network is the current one: a run
 * records settings, not the graph it trained.
 */
import type { StoredRun } from '../../src-shared/ipc/contract-training.js';
import type { EditorServices } from '../app/editor-context.js';
import { startTraining } from '../training/training-commands.js';
import { patchTraining, type TrainingPatch } from '../training/training-edits.js';

/** The document-side settings a run was started with (the inverse of toTrainSettings). */
export function settingsPatch(run: StoredRun): TrainingPatch {
  const s = run.settings;
  return {
    optimizer: s.optimizer,
    learningRate: s.learningRate,
    batchSize: s.batchSize,
    epochs: s.epochs,
    seed: s.seed,
    ...(s.split ? { validationSplit: s.split.validation, testSplit: s.split.test } : {}),
    momentum: s.optimizer === 'sgd' ? s.momentum : undefined,
    nesterov: s.optimizer === 'sgd' ? s.nesterov : undefined,
    schedule: s.schedule,
    weightDecay: s.weightDecay,
    earlyStopping: s.earlyStopping ?? undefined,
  };
}

/** A record whose settings are complete enough to train with (old or damaged records may not be). */
export function canTrainAgain(run: StoredRun): boolean {
  const s = run.settings;
  return Number.isFinite(s.learningRate) && s.learningRate > 0 && s.batchSize >= 1 && s.epochs >= 1 && Number.isInteger(s.seed);
}

export async function trainAgain(services: EditorServices, run: StoredRun): Promise<void> {
  const st = services.store.getState();
  st.apply(patchTraining(st.doc, settingsPatch(run)));
  st.setWorkspace('train');
  await startTraining(services);
}
