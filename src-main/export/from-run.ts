/**
 * A finished run folder (written by the trainer: model.json + weights, run-summary.json) turned
 * into what the exporters take: the model, its Preprocessing, the TrainingRecipe, and held-out
 * test samples rebuilt with the run's seed and split fractions.
 */
import type * as tf from '@tensorflow/tfjs';
import { loadRunData, loadSavedModel, readRunSummary, type RunSummary } from '../training/trainer/index.js';
import type { SampleSet } from './parity/compare.js';
import { layoutForShape, plainPreprocessing, type Preprocessing } from './preprocessing.js';
import { defaultRecipe, type TrainingRecipe } from './recipe.js';
import { DEFAULT_SAMPLE_COUNT, samplesFromSplit } from './samples.js';

export interface LoadedRun {
  model: tf.LayersModel;
  summary: RunSummary | null;
  preprocessing: Preprocessing;
  recipe: TrainingRecipe;
}

/** Loads a run folder (or any folder holding a TF.js model.json with its weights). */
export async function loadRunForExport(dir: string): Promise<LoadedRun> {
  const model = await loadSavedModel(dir);
  const summary = await readRunSummary(dir);
  const inputShape = model.inputs[0]!.shape.slice(1) as number[];
  const inputDtype = model.inputs[0]!.dtype === 'int32' ? 'int32' : 'float32';
  const outputUnits = model.outputs[0]!.shape.at(-1) ?? 1;
  const activation = (model.outputLayers[0]!.getConfig().activation as string | undefined) ?? null;
  if (!summary) return { model, summary, preprocessing: plainPreprocessing(inputShape, inputDtype, outputUnits), recipe: defaultRecipe(activation, outputUnits) };
  const p = summary.preprocessing;
  const image = p.inputShape.length === 3;
  const preprocessing: Preprocessing = {
    inputShape: p.inputShape,
    inputDtype,
    layout: layoutForShape(p.inputShape, inputDtype),
    channelOrder: image ? (p.channels === 1 ? 'L' : 'RGB') : null,
    resize: p.resize,
    normalization: p.normalization,
    task: summary.task,
    classNames: p.classNames,
  };
  const s = summary.settings;
  const recipe: TrainingRecipe = {
    loss: summary.loss,
    optimizer: s.optimizer,
    learningRate: s.learningRate,
    ...(s.momentum !== undefined ? { momentum: s.momentum } : {}),
    ...(s.nesterov !== undefined ? { nesterov: s.nesterov } : {}),
    ...(s.schedule ? { schedule: s.schedule } : {}),
    batchSize: s.batchSize,
    epochs: s.epochs,
    ...(s.weightDecay ? { weightDecay: s.weightDecay } : {}),
    seed: s.seed,
  };
  return { model, summary, preprocessing, recipe };
}

/** The run's test split (first `count` samples), or null when its data cannot be loaded here; `cacheDir` = the image cache the run used. */
export async function runTestSamples(summary: RunSummary, count = DEFAULT_SAMPLE_COUNT, cacheDir?: string): Promise<SampleSet | null> {
  try {
    const data = await loadRunData(summary.data, {
      inputShape: summary.preprocessing.inputShape,
      seed: summary.settings.seed,
      ...(summary.settings.split ? { split: summary.settings.split } : {}),
      ...(cacheDir ? { cacheDir } : {}),
    });
    return (await samplesFromSplit(data.splits.test, count, 'held-out test')) ?? (await samplesFromSplit(data.splits.validation, count, 'validation'));
  } catch {
    return null;
  }
}
