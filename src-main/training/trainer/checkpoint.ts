/**
 * The best epoch so far: which one it was, when to stop early, and a copy of its weights that
 * survives further training (so a stopped or early-stopped run can put them back).
 */
import * as tf from '@tensorflow/tfjs';

/** Tracks the monitored loss; decides "is best" and "stop early". */
export class BestTracker {
  best = Infinity;
  bestEpoch: number | null = null;
  private wait = 0;

  /** `patience` null: never stop early. An improvement must beat the best by more than `minDelta`. */
  constructor(
    private readonly patience: number | null,
    private readonly minDelta = 0,
  ) {}

  /** Records an epoch's monitored loss. */
  update(loss: number, epoch: number): { improved: boolean; stop: boolean } {
    if (loss < this.best - this.minDelta) {
      this.best = loss;
      this.bestEpoch = epoch;
      this.wait = 0;
      return { improved: true, stop: false };
    }
    this.wait++;
    return { improved: false, stop: this.patience !== null && this.wait >= Math.max(1, this.patience) };
  }
}

/**
 * A copy of every model weight (trainable and not, e.g. BatchNorm statistics). Cloning shares the
 * buffers; the optimizer's updates assign new ones, so the copy keeps the old values for free.
 */
export class WeightSnapshot {
  private tensors: tf.Tensor[] = [];
  epoch: number | null = null;

  /** Replaces the snapshot with the model's current weights. */
  take(model: tf.LayersModel, epoch: number): void {
    this.dispose();
    this.tensors = model.weights.map((w) => tf.keep(w.read().clone()));
    this.epoch = epoch;
  }

  get empty(): boolean {
    return this.tensors.length === 0;
  }

  /** The snapshot's tensors, named like `model.weights` (for saving). */
  named(model: tf.LayersModel): { name: string; tensor: tf.Tensor }[] {
    return model.weights.map((w, i) => ({ name: w.originalName, tensor: this.tensors[i]! }));
  }

  /** Writes the snapshot back into the model. */
  restore(model: tf.LayersModel): void {
    if (this.empty) return;
    model.weights.forEach((w, i) => w.write(this.tensors[i]!));
  }

  dispose(): void {
    tf.dispose(this.tensors);
    this.tensors = [];
    this.epoch = null;
  }
}
