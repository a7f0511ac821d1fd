/**
 * How the app trained (or would train) the model, written as training.json for the exported
 * train.py: the same loss, optimizer, learning-rate schedule, batch size and epochs.
 */
import type { LearningRateSchedule, OptimizerName } from '../../src-shared/training/protocol.js';

export interface TrainingRecipe {
  loss: 'categoricalCrossentropy' | 'binaryCrossentropy' | 'meanSquaredError';
  optimizer: OptimizerName;
  learningRate: number;
  momentum?: number;
  nesterov?: boolean;
  schedule?: LearningRateSchedule;
  batchSize: number;
  epochs: number;
  /** Extra L2 decay on every kernel (on top of per-layer kernel_regularizer). */
  weightDecay?: number;
  seed: number;
}

/** The app's defaults (DEFAULT_TRAINING) with the loss Netwright's 'auto' picks for this output. */
export function defaultRecipe(outputActivation: string | null, outputUnits: number): TrainingRecipe {
  const loss = outputActivation === 'softmax' && outputUnits > 1 ? 'categoricalCrossentropy' : outputActivation === 'sigmoid' && outputUnits === 1 ? 'binaryCrossentropy' : 'meanSquaredError';
  return { loss, optimizer: 'adam', learningRate: 0.001, batchSize: 64, epochs: 3, seed: 42 };
}
