/**
 * The learning-rate schedules' formulas (the trainer's schedules.ts computes the same), for the
 * settings preview curve and the demo run. Plateau depends on the validation loss, so ahead of a
 * run it is drawn flat.
 */
import type { TrainSettings } from '../../src-shared/training/protocol.js';

/** The learning rate of epoch `epochIndex` (0-based) under the settings' schedule. */
export function scheduledRate(settings: Pick<TrainSettings, 'learningRate' | 'schedule' | 'epochs'>, epochIndex: number): number {
  const lr = settings.learningRate;
  const s = settings.schedule;
  switch (s?.kind) {
    case 'step':
      return lr * s.factor ** Math.floor(epochIndex / Math.max(1, s.everyEpochs));
    case 'exponential':
      return lr * s.decay ** epochIndex;
    case 'cosine': {
      const min = s.minLearningRate ?? 0;
      return min + 0.5 * (lr - min) * (1 + Math.cos((Math.PI * epochIndex) / Math.max(1, settings.epochs)));
    }
    default:
      return lr;
  }
}

/** One rate per epoch, for a preview. */
export function scheduleCurve(settings: Pick<TrainSettings, 'learningRate' | 'schedule' | 'epochs'>): number[] {
  return Array.from({ length: Math.max(1, settings.epochs) }, (_, i) => scheduledRate(settings, i));
}
