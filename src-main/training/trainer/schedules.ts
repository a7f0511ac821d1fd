/**
 * Learning-rate schedules, evaluated once per epoch (epoch index 0 = the first epoch, which always
 * runs at the base rate). Plateau is the one stateful schedule: it reacts to the monitored loss.
 */
import type { LearningRateSchedule } from '../../../src-shared/training/protocol.js';

/** Gives the learning rate for each epoch; `observe` feeds it the epoch's monitored loss. */
export interface LearningRateScheduler {
  rateFor(epochIndex: number): number;
  observe(loss: number): void;
}

/** The scheduler for `schedule` (constant when absent) starting from `base` over `epochs` epochs. */
export function createScheduler(schedule: LearningRateSchedule | undefined, base: number, epochs: number): LearningRateScheduler {
  const s = schedule ?? { kind: 'constant' };
  switch (s.kind) {
    case 'constant':
      return { rateFor: () => base, observe: () => {} };
    case 'step':
      return { rateFor: (e) => base * s.factor ** Math.floor(e / Math.max(1, s.everyEpochs)), observe: () => {} };
    case 'exponential':
      return { rateFor: (e) => base * s.decay ** e, observe: () => {} };
    case 'cosine': {
      const min = s.minLearningRate ?? 0;
      return { rateFor: (e) => min + 0.5 * (base - min) * (1 + Math.cos((Math.PI * e) / Math.max(1, epochs))), observe: () => {} };
    }
    case 'plateau':
      return plateau(base, s.factor, s.patience, s.minLearningRate ?? 0);
  }
}

/** Keras's ReduceLROnPlateau (mode min, no cooldown): cut by `factor` after `patience` epochs without improvement. */
function plateau(base: number, factor: number, patience: number, min: number): LearningRateScheduler {
  let lr = base;
  let best = Infinity;
  let wait = 0;
  return {
    rateFor: () => lr,
    observe(loss) {
      if (loss < best) {
        best = loss;
        wait = 0;
        return;
      }
      if (++wait >= Math.max(1, patience)) {
        lr = Math.max(min, lr * factor);
        wait = 0;
      }
    },
  };
}
