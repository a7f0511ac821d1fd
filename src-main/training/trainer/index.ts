/**
 * The trainer: what runs inside a trainer process (trainer-main.ts is the process entry), plus
 * the in-process API for tests, benchmarks and the CLI's evaluate/predict. Import from here.
 */
export { TrainingControl } from './control.js';
export { runTraining, type EmitFn, type FinalEvent, type RunOptions, type RunOutcome, type StartCommand } from './run-training.js';
export { loadSavedModel, saveModel, savedLayerTypes } from './model-io.js';
export { chooseBackend } from './backend-choice.js';
export { BEST_DIR, readRunSummary, type RunSummary } from './run-outputs.js';
export { loadRunData, type PreprocessingInfo, type RunData } from './data.js';
export {
  confusionMatrix,
  evaluateModel,
  evaluateSavedRun,
  scoreConfusion,
  type ClassificationEvaluation,
  type ClassMetrics,
  type Evaluation,
  type RegressionEvaluation,
} from './evaluate.js';
export { registerCustomLayers, Subtract } from './custom-layers.js';
export { buildModel, trainerUnsupported } from './build-model.js';
