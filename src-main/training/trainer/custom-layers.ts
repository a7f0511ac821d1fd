/**
 * Layer classes Keras has and TF.js 4.22 lacks, registered with tfjs's serialization registry so
 * `tf.models.modelFromJSON` (and `tf.loadLayersModel` for saved runs) can build them.
 */
import * as tf from '@tensorflow/tfjs';
import type { Add } from '@tensorflow/tfjs-layers/dist/layers/merge.js';

// tfjs exports the Add layer's factory but not its class; Subtract reuses everything Add
// inherits from tfjs's Merge base (broadcasting, shape inference, masks) and only swaps the op.
const AddLayer = tf.layers.add({ name: 'netwright_add_probe' }).constructor as typeof Add;

/** Keras `Subtract`: exactly two inputs, output = first − second (broadcast like Add). */
export class Subtract extends AddLayer {
  /** The Keras class name, written to and read from model JSON. */
  static override className = 'Subtract';

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    if (!Array.isArray(inputShape[0]) || inputShape.length !== 2) {
      throw new Error(`Subtract "${this.name}" needs exactly 2 inputs, got ${Array.isArray(inputShape[0]) ? inputShape.length : 1}`);
    }
    super.build(inputShape);
  }

  protected override mergeFunction(inputs: tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => tf.sub(inputs[0]!, inputs[1]!));
  }
}

let registered = false;

/** Registers the custom classes once per process (before building or loading any model). */
export function registerCustomLayers(): void {
  if (registered) return;
  tf.serialization.registerClass(Subtract);
  registered = true;
}
