/**
 * Which loss and metric a run uses, derived from the output layer and the dataset ('auto') or
 * given in the settings, and the tensor functions for them. Mismatches between model and data are
 * refused here with messages that say what to change.
 */
import * as tf from '@tensorflow/tfjs';
import type { LossName } from '../../../src-shared/training/protocol.js';
import type { ModelFacts } from './build-model.js';
import { TrainerError } from './errors.js';

/** A concrete loss (what 'auto' resolves to). */
export type LossKind = Exclude<LossName, 'auto'>;

/** Everything the loop needs to turn labels into targets and score predictions. */
export interface LossPlan {
  loss: LossKind;
  task: 'classification' | 'regression';
  /** Number of classes (2 for a one-unit sigmoid); 0 for regression. */
  classCount: number;
  outputUnits: number;
  /** Target layout: one-hot rows, a 0/1 column (one-unit binary), or the raw values. */
  targets: 'one-hot' | 'binary' | 'values';
}

/** The dataset facts the plan depends on. */
export interface LabelFacts {
  task: 'classification' | 'regression';
  classNames: string[];
}

const listClasses = (names: string[]): string =>
  names.length <= 6 ? names.join(', ') : `${names.slice(0, 5).join(', ')}, …, ${names.at(-1)}`;

/** Resolves the loss and checks that model output and labels fit together. */
export function planLoss(requested: LossName | undefined, facts: ModelFacts, data: LabelFacts): LossPlan {
  const { outputUnits: units, outputActivation: activation, outputLayerName: layer } = facts;
  if (data.task === 'regression') {
    if (requested === 'categoricalCrossentropy' || requested === 'binaryCrossentropy') {
      throw new TrainerError(
        'DATA',
        `The ${requested} loss needs class labels, but this dataset has numeric targets (regression). Use mean squared error or "auto".`,
      );
    }
    if (activation === 'softmax') {
      throw new TrainerError(
        'MODEL',
        `The output layer "${layer}" ends in softmax, but this dataset has numeric targets (regression). Use a linear activation with 1 unit.`,
      );
    }
    if (units !== 1) {
      throw new TrainerError(
        'DATA',
        `The model outputs ${units} values per sample but the dataset has one numeric target. Set the output layer "${layer}" to 1 unit.`,
      );
    }
    return { loss: 'meanSquaredError', task: 'regression', classCount: 0, outputUnits: 1, targets: 'values' };
  }

  const k = data.classNames.length;
  if (k < 2)
    throw new TrainerError(
      'DATA',
      `The dataset has ${k} class${k === 1 ? '' : 'es'} (${listClasses(data.classNames)}); classification needs at least 2.`,
    );
  const binaryUnit = units === 1;
  if (binaryUnit && k !== 2) {
    throw new TrainerError(
      'DATA',
      `The model outputs 1 unit (two classes) but the dataset has ${k} classes (${listClasses(data.classNames)}). Set the output layer "${layer}" to ${k} units with softmax.`,
    );
  }
  if (!binaryUnit && units !== k) {
    throw new TrainerError(
      'DATA',
      `The model outputs ${units} classes but the dataset has ${k} (${listClasses(data.classNames)}). Set the output layer "${layer}" to ${k} units.`,
    );
  }
  let loss: LossKind;
  if (requested && requested !== 'auto') loss = requested;
  else if (activation === 'softmax' && !binaryUnit) loss = 'categoricalCrossentropy';
  else if (activation === 'sigmoid' && binaryUnit) loss = 'binaryCrossentropy';
  else {
    const want = binaryUnit ? 'sigmoid' : 'softmax';
    throw new TrainerError(
      'MODEL',
      `The output layer "${layer}" has activation ${activation ?? 'none'}; for ${k}-class classification it needs ${want} (or pick a loss explicitly).`,
    );
  }
  if (loss === 'categoricalCrossentropy' && binaryUnit) {
    throw new TrainerError(
      'MODEL',
      `Categorical cross-entropy needs one output unit per class; the output layer "${layer}" has 1. Use binary cross-entropy or 2 softmax units.`,
    );
  }
  return { loss, task: 'classification', classCount: k, outputUnits: units, targets: binaryUnit ? 'binary' : 'one-hot' };
}

/** Mean loss over the batch (Keras semantics: cross-entropy on probabilities, clipped by ε). */
export function lossTensor(plan: LossPlan, yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  switch (plan.loss) {
    case 'categoricalCrossentropy':
      return tf.mean(tf.metrics.categoricalCrossentropy(yTrue, yPred));
    case 'binaryCrossentropy':
      return tf.mean(tf.metrics.binaryCrossentropy(yTrue, yPred));
    case 'meanSquaredError':
      return tf.mean(tf.metrics.meanSquaredError(yTrue, yPred));
  }
}

/**
 * Summed metric of a batch from predictions read back to JS (row-major [count, outputUnits]):
 * correct predictions for classification, absolute error for regression. Done in JS because the
 * predictions ride along with the loss in the step's single readback, and a loop over a few
 * hundred numbers costs less than the five tensor ops it replaces.
 */
export function metricSum(plan: LossPlan, predictions: Float32Array, y: Int32Array | Float32Array, count: number): number {
  const units = plan.outputUnits;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const label = y[i] as number;
    if (plan.targets === 'values') {
      sum += Math.abs((predictions[i] as number) - label);
    } else if (plan.targets === 'binary') {
      if (((predictions[i] as number) > 0.5 ? 1 : 0) === label) sum++;
    } else {
      const row = i * units;
      let best = 0;
      for (let c = 1; c < units; c++) if ((predictions[row + c] as number) > (predictions[row + best] as number)) best = c;
      if (best === label) sum++;
    }
  }
  return sum;
}

/** Builds the target tensor for a batch of labels (class indices or values). */
export function targetTensor(plan: LossPlan, y: Int32Array | Float32Array, count: number): tf.Tensor2D {
  if (plan.targets === 'one-hot') {
    // One-hot in JS: cheaper than an upload plus a OneHot kernel for these sizes, and backend-agnostic.
    const k = plan.classCount;
    const data = new Float32Array(count * k);
    for (let i = 0; i < count; i++) data[i * k + (y[i] as number)] = 1;
    return tf.tensor2d(data, [count, k]);
  }
  const data = y instanceof Float32Array ? y.subarray(0, count) : Float32Array.from(y.subarray(0, count));
  return tf.tensor2d(data, [count, 1]);
}
