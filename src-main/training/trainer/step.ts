/**
 * One training step and one evaluation step as tensor programs. Each packs the loss and the
 * predictions into one tensor read with one dataSync, so the per-batch cost beyond tfjs's own
 * work is one upload of x/y, two cheap ops and one readback; the metric is computed in JS.
 */
import * as tf from '@tensorflow/tfjs';
import type { Batch } from '../../../src-shared/training/dataset-types.js';
import type { ModelFacts } from './build-model.js';
import { lossTensor, metricSum, targetTensor, type LossPlan } from './loss.js';

/** Summed results of a batch: loss × samples and the metric sum (correct count or |error| sum). */
export interface StepResult {
  lossSum: number;
  metricSum: number;
  count: number;
}

/** Runs training and evaluation steps for one model, loss plan and optimizer. */
export class Stepper {
  private readonly variables: tf.Variable[];
  private readonly kernels: tf.Variable[];
  private readonly hasPenalty: boolean;

  constructor(
    private readonly model: tf.LayersModel,
    private readonly optimizer: tf.Optimizer,
    private readonly plan: LossPlan,
    private readonly facts: ModelFacts,
    private readonly weightDecay = 0,
  ) {
    this.variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    // "Kernels" in the Keras sense: dense/conv/recurrent/depthwise weight matrices, never biases or norms.
    this.kernels = model.trainableWeights.filter((w) => /kernel$/.test(w.originalName)).map((w) => w.read() as tf.Variable);
    // Skipping a zero penalty saves two ops per step.
    this.hasPenalty = model.layers.some((l) => l.losses.length > 0) || (weightDecay > 0 && this.kernels.length > 0);
  }

  /** Forward + backward + update on one batch; lossSum/count is the batch's mean total loss. */
  train(batch: Batch): StepResult {
    const packed = tf.tidy(() => {
      const [x, y] = this.tensors(batch);
      const kept: { pred?: tf.Tensor } = {};
      const loss = this.optimizer.minimize(
        () => {
          const pred = this.model.apply(x, { training: true }) as tf.Tensor;
          // Kept past minimize's scope: the metric comes from this same forward pass (as in Keras).
          kept.pred = tf.keep(pred);
          const data = lossTensor(this.plan, y, pred);
          return this.hasPenalty ? tf.add(data, this.penalty()) : data;
        },
        true,
        this.variables,
      )!;
      const out = pack(loss, kept.pred!);
      kept.pred!.dispose();
      return out;
    });
    return this.read(packed, batch);
  }

  /** Inference-mode loss and metric on one batch (no dropout, BatchNorm uses moving statistics). */
  evaluate(batch: Batch): StepResult {
    const packed = tf.tidy(() => {
      const [x, y] = this.tensors(batch);
      const pred = this.model.apply(x, { training: false }) as tf.Tensor;
      return pack(lossTensor(this.plan, y, pred), pred);
    });
    return this.read(packed, batch);
  }

  /** Regularization penalty as a number (added once to a split's mean data loss). */
  penaltyValue(): number {
    const t = tf.tidy(() => this.penalty());
    const value = t.dataSync()[0]!;
    t.dispose();
    return value;
  }

  /** Per-layer L2 (from the model JSON) plus the global weight decay; the scalar 0 when neither is set. */
  private penalty(): tf.Scalar {
    const terms: tf.Scalar[] = this.model.calculateLosses();
    if (this.weightDecay > 0 && this.kernels.length > 0) {
      terms.push(tf.mul(this.weightDecay, tf.addN(this.kernels.map((k) => tf.sum(tf.square(k))))) as tf.Scalar);
    }
    if (terms.length === 0) return tf.scalar(0);
    return terms.length === 1 ? terms[0]! : (tf.addN(terms) as tf.Scalar);
  }

  private tensors(batch: Batch): [tf.Tensor, tf.Tensor] {
    const x = tf.tensor(batch.x, [batch.count, ...this.facts.inputShape], this.facts.inputDtype);
    return [x, targetTensor(this.plan, batch.y, batch.count)];
  }

  /** One readback for the whole step: [loss, ...predictions]. */
  private read(packed: tf.Tensor, batch: Batch): StepResult {
    const values = packed.dataSync() as Float32Array;
    packed.dispose();
    const count = batch.count;
    return { lossSum: values[0]! * count, metricSum: metricSum(this.plan, values.subarray(1), batch.y, count), count };
  }
}

/** The loss scalar followed by the flattened predictions, so one dataSync reads both. */
function pack(loss: tf.Scalar, pred: tf.Tensor): tf.Tensor1D {
  return tf.concat([tf.reshape(loss, [1]), tf.reshape(pred, [-1])]) as tf.Tensor1D;
}
