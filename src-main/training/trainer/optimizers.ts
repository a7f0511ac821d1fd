/**
 * Optimizers by name, and changing their learning rate between epochs. tfjs's SGD and momentum
 * optimizers cache −lr in a scalar tensor (so they need `setLearningRate`); Adam, RMSprop and
 * Adagrad read the `learningRate` field on every step.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainSettings } from '../../../src-shared/training/protocol.js';

/** Creates the optimizer the settings ask for, at the base learning rate. */
export function createOptimizer(settings: Pick<TrainSettings, 'optimizer' | 'learningRate' | 'momentum' | 'nesterov'>): tf.Optimizer {
  const lr = settings.learningRate;
  switch (settings.optimizer) {
    case 'sgd': {
      const momentum = settings.momentum ?? 0;
      const nesterov = settings.nesterov ?? false;
      // Plain SGD skips the velocity variables entirely; Nesterov without a momentum means Keras's usual 0.9.
      if (momentum === 0 && !nesterov) return tf.train.sgd(lr);
      return tf.train.momentum(lr, momentum === 0 ? 0.9 : momentum, nesterov);
    }
    case 'adam':
      return tf.train.adam(lr);
    case 'rmsprop':
      return tf.train.rmsprop(lr);
    case 'adagrad':
      return tf.train.adagrad(lr);
  }
}

/** Sets the learning rate used by the next `applyGradients`. */
export function setLearningRate(optimizer: tf.Optimizer, lr: number): void {
  const o = optimizer as unknown as { learningRate: number; setLearningRate?: (lr: number) => void };
  if (typeof o.setLearningRate === 'function') o.setLearningRate(lr);
  else o.learningRate = lr;
}

/** The learning rate the optimizer will use next. */
export function getLearningRate(optimizer: tf.Optimizer): number {
  return (optimizer as unknown as { learningRate: number }).learningRate;
}
