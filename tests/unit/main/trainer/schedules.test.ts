import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createOptimizer, getLearningRate, setLearningRate } from '../../../../src-main/training/trainer/optimizers.js';
import { createScheduler } from '../../../../src-main/training/trainer/schedules.js';

const rates = (s: Parameters<typeof createScheduler>[0], epochs = 6, base = 0.1) => {
  const sched = createScheduler(s, base, epochs);
  return Array.from({ length: epochs }, (_, e) => sched.rateFor(e));
};

describe('learning-rate schedules', () => {
  it('constant (also the default)', () => {
    expect(rates(undefined)).toEqual([0.1, 0.1, 0.1, 0.1, 0.1, 0.1]);
    expect(rates({ kind: 'constant' })).toEqual(rates(undefined));
  });

  it('step: lr · factor^floor(epoch / everyEpochs)', () => {
    expect(rates({ kind: 'step', everyEpochs: 2, factor: 0.5 })).toEqual([0.1, 0.1, 0.05, 0.05, 0.025, 0.025]);
  });

  it('exponential: lr · decay^epoch', () => {
    const got = rates({ kind: 'exponential', decay: 0.5 }, 4);
    got.forEach((r, e) => expect(r).toBeCloseTo(0.1 * 0.5 ** e, 12));
  });

  it('cosine: from lr down towards the minimum over the run', () => {
    const got = rates({ kind: 'cosine', minLearningRate: 0.01 }, 4);
    const want = [0, 1, 2, 3].map((e) => 0.01 + 0.5 * (0.1 - 0.01) * (1 + Math.cos((Math.PI * e) / 4)));
    got.forEach((r, i) => expect(r).toBeCloseTo(want[i]!, 12));
    expect(got[0]).toBeCloseTo(0.1, 12);
  });

  it('plateau: cut by factor after `patience` epochs without improvement, never below the minimum', () => {
    const sched = createScheduler({ kind: 'plateau', factor: 0.5, patience: 2, minLearningRate: 0.02 }, 0.1, 10);
    const seen: number[] = [];
    for (const loss of [1.0, 0.9, 0.95, 0.93, 0.92, 0.91, 0.99, 0.99, 0.99]) {
      seen.push(sched.rateFor(0));
      sched.observe(loss);
    }
    expect(seen).toEqual([0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.02]);
  });
});

describe('optimizers', () => {
  it.each(['sgd', 'adam', 'rmsprop', 'adagrad'] as const)('%s takes a new learning rate', (name) => {
    const opt = createOptimizer({ optimizer: name, learningRate: 0.1 });
    expect(getLearningRate(opt)).toBe(0.1);
    setLearningRate(opt, 0.025);
    expect(getLearningRate(opt)).toBe(0.025);
    opt.dispose();
  });

  it('SGD uses the new rate in its update (it caches −lr in a tensor)', () => {
    // First step from v = 1 with gradient 1 at lr 0.1: plain and momentum 1 − 0.1; Nesterov 1 − 0.1·(1 + 0.9).
    const cases: Array<[object, number]> = [
      [{}, 0.9],
      [{ momentum: 0.9 }, 0.9],
      [{ momentum: 0.9, nesterov: true }, 0.81],
    ];
    for (const [settings, want] of cases) {
      const v = tf.variable(tf.scalar(1));
      const opt = createOptimizer({ optimizer: 'sgd', learningRate: 0.5, ...settings });
      setLearningRate(opt, 0.1);
      opt.minimize(() => v.mul(1).sum() as tf.Scalar, false, [v]); // gradient 1
      expect(v.dataSync()[0]).toBeCloseTo(want, 6);
      opt.dispose();
      v.dispose();
    }
  });
});
