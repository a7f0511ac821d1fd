import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTraining } from '../../../../src-main/training/trainer/index.js';
import { chainModel, eventLog, mnistMlp, SMALL_SPLIT, startCommand, tempDir, writeCsv } from './trainer-fixtures.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(async () => {
  await tmp.cleanup();
});

/** y = 2a − b + 0.5 (+ a little noise), features in [−1, 1]. */
async function regressionCsv(rows = 400): Promise<string> {
  let s = 12345;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const data = Array.from({ length: rows }, () => {
    const a = rand();
    const b = rand();
    return [a.toFixed(4), b.toFixed(4), (2 * a - b + 0.5 + 0.01 * rand()).toFixed(4)];
  });
  return writeCsv(tmp.dir, 'regression.csv', ['a', 'b', 'y'], data);
}

const regressionModel = () =>
  chainModel([
    ['Input', { dataKind: 'vector', shape: [2] }],
    ['Dense', { units: 16, activation: 'relu' }],
    ['Dense', { units: 1, activation: 'linear' }],
  ]);

describe('training runs', () => {
  it('an MLP learns MNIST digits in one epoch, with throttled batch events and full epoch events', async () => {
    const log = eventLog();
    const { final } = await runTraining(startCommand(mnistMlp(32), { batchEventsPerSecond: 4 }), log.emit);
    expect(final).toMatchObject({ type: 'finished', reason: 'completed', bestEpoch: 1, outDir: null });
    const [started] = log.of('started');
    expect(started).toMatchObject({
      backend: { backend: 'wasm', device: 'cpu' },
      params: 784 * 32 + 32 + 32 * 10 + 10,
      batchesPerEpoch: 125,
    });
    expect(started!.dataset).toMatchObject({
      kind: 'mnist',
      task: 'classification',
      counts: { train: 8000, validation: 1000, test: 1000 },
    });
    const [epoch] = log.of('epoch');
    expect(epoch!.metrics.valAccuracy).toBeGreaterThan(0.85); // chance is 0.1
    expect(epoch!.metrics.accuracy).toBeGreaterThan(0.7);
    expect(epoch).toMatchObject({ epochs: 1, isBest: true, etaSeconds: 0, metrics: { mae: null, valMae: null, learningRate: 0.001 } });
    expect(epoch!.samplesPerSecond).toBeGreaterThan(0);
    expect(epoch!.numTensors).toBeGreaterThan(0);
    expect(epoch!.memoryBytes).toBeGreaterThan(0);
    if (final.type !== 'finished') throw new Error('not finished');
    expect(final.test!.accuracy).toBeGreaterThan(0.85);
    // Throttled to 4/s: far fewer than 125 batch events, and always the epoch's last batch.
    const batches = log.of('batch');
    const seconds = epoch!.elapsedSeconds;
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 2);
    expect(batches.at(-1)).toMatchObject({ epoch: 1, batch: 125, batchesPerEpoch: 125 });
    expect(batches.at(-1)!.loss).toBeCloseTo(epoch!.metrics.loss, 5);
    expect(log.of('data-progress').at(-1)!.progress).toMatchObject({ done: 1, total: 1 });
  });

  it('a regression run on a CSV reports MAE (and no accuracy)', async () => {
    const log = eventLog();
    const data = { kind: 'csv' as const, path: await regressionCsv(), labelColumn: 'y', task: 'regression' as const };
    const { final } = await runTraining(startCommand(regressionModel(), { epochs: 15, batchSize: 32, learningRate: 0.01 }, data), log.emit);
    if (final.type !== 'finished') throw new Error(JSON.stringify(final));
    const first = final.history[0]!;
    const last = final.history.at(-1)!;
    expect(first.accuracy).toBeNull();
    expect(last.valMae).not.toBeNull();
    expect(last.mae!).toBeLessThan(first.mae!);
    expect(last.valMae!).toBeLessThan(0.2); // targets spread over about ±3.5
    expect(final.test).toMatchObject({ accuracy: null });
    expect(final.test!.mae!).toBeLessThan(0.2);
    expect(log.of('started')[0]!.dataset).toMatchObject({ kind: 'csv', task: 'regression', classNames: [], sampleShape: [2] });
  });

  it('a two-class CSV with one sigmoid unit trains with binary cross-entropy and reports accuracy', async () => {
    let s = 7;
    const rand = () => ((s = (s * 48271) % 2147483647) / 2147483647) * 2 - 1;
    const rows = Array.from({ length: 300 }, () => {
      const [a, b] = [rand(), rand()];
      return [a.toFixed(3), b.toFixed(3), a + b > 0 ? 'yes' : 'no'];
    });
    const file = await writeCsv(tmp.dir, 'binary.csv', ['a', 'b', 'label'], rows);
    const model = chainModel([
      ['Input', { dataKind: 'vector', shape: [2] }],
      ['Dense', { units: 8, activation: 'relu' }],
      ['Dense', { units: 1, activation: 'sigmoid' }],
    ]);
    const log = eventLog();
    const { final } = await runTraining(
      startCommand(model, { epochs: 20, batchSize: 16, learningRate: 0.03 }, { kind: 'csv', path: file }),
      log.emit,
    );
    if (final.type !== 'finished') throw new Error(JSON.stringify(final));
    expect(log.of('started')[0]!.dataset.classNames).toEqual(['no', 'yes']);
    expect(final.history.at(-1)!.valAccuracy!).toBeGreaterThan(0.9);
    expect(final.test!.accuracy!).toBeGreaterThan(0.9);
    expect(final.test!.mae).toBeNull();
  });

  it('refuses a model whose class count differs from the dataset, before training', async () => {
    const five = chainModel([
      ['Input', { dataKind: 'image', shape: [28, 28, 1] }],
      ['Flatten', {}],
      ['Dense', { units: 5, activation: 'softmax' }],
    ]);
    const log = eventLog();
    const { final } = await runTraining(startCommand(five), log.emit);
    expect(final).toMatchObject({
      type: 'error',
      code: 'DATA',
      message: expect.stringContaining('The model outputs 5 classes but the dataset has 10 (0, 1, 2, 3, 4, …, 9)'),
    });
    expect(log.of('started')).toHaveLength(0);
  });

  it('refuses an input shape that does not fit the data', async () => {
    const wrong = chainModel([
      ['Input', { dataKind: 'vector', shape: [100] }],
      ['Dense', { units: 10, activation: 'softmax' }],
    ]);
    const { final } = await runTraining(startCommand(wrong), () => {});
    expect(final).toMatchObject({
      type: 'error',
      code: 'DATA',
      message: expect.stringMatching(/MNIST digits are 28×28×1 = 784 values .* input is 100 = 100 values/),
    });
  });

  it('leaks no tensors: the count is flat across epochs and back to the start after the run', async () => {
    await tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    const log = eventLog();
    const { final } = await runTraining(startCommand(mnistMlp(16, 0.2), { epochs: 4, split: SMALL_SPLIT, weightDecay: 1e-4 }), log.emit);
    expect(final.type).toBe('finished');
    const counts = log.of('epoch').map((e) => e.numTensors);
    expect(counts).toHaveLength(4);
    expect(new Set(counts).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('follows the learning-rate schedule and reports the rate of every epoch', async () => {
    const log = eventLog();
    const schedule = { kind: 'step' as const, everyEpochs: 2, factor: 0.5 };
    await runTraining(startCommand(mnistMlp(8), { epochs: 5, split: SMALL_SPLIT, learningRate: 0.004, schedule }), log.emit);
    expect(log.of('epoch').map((e) => e.metrics.learningRate)).toEqual([0.004, 0.004, 0.002, 0.002, 0.001]);
  });

  it('stops with NAN_LOSS naming epoch, batch and a lower learning rate when the loss blows up', async () => {
    const data = { kind: 'csv' as const, path: await regressionCsv(), labelColumn: 'y', task: 'regression' as const };
    const log = eventLog();
    const { final } = await runTraining(
      startCommand(regressionModel(), { optimizer: 'sgd', learningRate: 1000, batchSize: 16 }, data),
      log.emit,
    );
    expect(final).toMatchObject({ type: 'error', code: 'NAN_LOSS', epoch: 1 });
    if (final.type !== 'error') throw new Error('no error');
    expect(final.batch).toBeGreaterThanOrEqual(1);
    expect(final.message).toBe(
      `Loss became ${final.message.includes('NaN') ? 'NaN' : 'infinite'} at epoch 1, batch ${final.batch} (learning rate 1000). Try a lower learning rate, e.g. 100.`,
    );
    expect(log.of('finished')).toHaveLength(0);
  });
});
