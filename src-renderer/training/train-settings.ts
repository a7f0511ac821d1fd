/**
 * The document's training settings (`doc.training`) in the trainer's protocol form, as sent with
 * `training:start` and `training:estimate`. Mirrors the main process's `trainSettingsFromProject`
 * and adds the test fraction, which the document keeps as `testSplit`.
 */
import type { TrainingSettings } from '../../src-shared/graph/document.js';
import type { TrainSettings } from '../../src-shared/training/protocol.js';

export function toTrainSettings(t: TrainingSettings): TrainSettings {
  const settings: TrainSettings = {
    optimizer: t.optimizer,
    learningRate: t.learningRate,
    batchSize: t.batchSize,
    epochs: t.epochs,
    seed: t.seed,
    split: { validation: t.validationSplit, test: t.testSplit ?? t.validationSplit },
  };
  // Momentum and Nesterov mean something only to SGD; other optimizers would reject them.
  if (t.optimizer === 'sgd') {
    if (t.momentum !== undefined) settings.momentum = t.momentum;
    if (t.nesterov !== undefined) settings.nesterov = t.nesterov;
  }
  if (t.schedule !== undefined) settings.schedule = t.schedule;
  if (t.weightDecay !== undefined && t.weightDecay > 0) settings.weightDecay = t.weightDecay;
  if (t.earlyStopping) settings.earlyStopping = t.earlyStopping;
  return settings;
}
