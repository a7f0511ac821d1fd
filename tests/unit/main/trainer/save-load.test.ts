import * as tf from '@tensorflow/tfjs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMnist } from '../../../../src-main/datasets/index.js';
import { evaluateSavedRun, loadSavedModel, readRunSummary, runTraining } from '../../../../src-main/training/trainer/index.js';
import { eventLog, mnistMlp, SMALL_SPLIT, startCommand, tempDir } from './trainer-fixtures.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(async () => {
  await tmp.cleanup();
});

describe('saving a run', () => {
  it('writes model, best/, history and summary; the loaded model predicts exactly like the trained one', async () => {
    const outDir = path.join(tmp.dir, 'run');
    const log = eventLog();
    const cmd = startCommand(mnistMlp(16, 0.2), { epochs: 2, split: SMALL_SPLIT }, { kind: 'mnist' }, { outDir });
    const { final, model } = await runTraining(cmd, log.emit, undefined, { keepModel: true });
    if (final.type !== 'finished' || !model) throw new Error(JSON.stringify(final));
    expect((await readdir(outDir)).sort()).toEqual(['best', 'history.json', 'model.json', 'run-summary.json', 'weights.bin']);
    expect((await readdir(path.join(outDir, 'best'))).sort()).toEqual(['model.json', 'weights.bin']);

    const modelJson = JSON.parse(await readFile(path.join(outDir, 'model.json'), 'utf8'));
    expect(modelJson).toMatchObject({ format: 'layers-model', weightsManifest: [{ paths: ['weights.bin'] }] });

    const loaded = await loadSavedModel(outDir);
    const digits = await loadMnist();
    const x = tf.tensor4d(digits.x.subarray(0, 20 * 784), [20, 28, 28, 1]);
    const a = model.predict(x) as tf.Tensor;
    const b = loaded.predict(x) as tf.Tensor;
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    tf.dispose([x, a, b]);
    loaded.dispose();
    model.dispose();

    expect(JSON.parse(await readFile(path.join(outDir, 'history.json'), 'utf8'))).toEqual(final.history);
    const summary = await readRunSummary(outDir);
    expect(summary).toMatchObject({
      format: 'netwright-run',
      runId: 'test-run',
      reason: 'completed',
      task: 'classification',
      loss: 'categoricalCrossentropy',
      backend: { backend: 'wasm' },
      data: { kind: 'mnist' },
      settings: { epochs: 2, seed: 1 },
      epochsRun: 2,
      savedWeights: 'last',
      test: final.test,
      preprocessing: {
        source: 'mnist',
        inputShape: [28, 28, 1],
        normalization: { kind: 'unit', mean: [0], std: [1] },
        channels: 1,
        classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      },
      files: { model: 'model.json', best: 'best/model.json', history: 'history.json' },
    });
    expect(summary!.final).toEqual(final.history[1]);

    // evaluate rebuilds the same test split from the summary and agrees with the run's own test accuracy.
    const evaluation = await evaluateSavedRun(outDir);
    expect(evaluation.task).toBe('classification');
    if (evaluation.task !== 'classification') return;
    expect(evaluation.count).toBe(8000);
    expect(evaluation.accuracy).toBeCloseTo(final.test!.accuracy!, 10);
    expect(evaluation.confusion.flat().reduce((a, b) => a + b, 0)).toBe(8000);
  });

  it('loadSavedModel says what is missing', async () => {
    await expect(loadSavedModel(path.join(tmp.dir, 'nothing-here'))).rejects.toThrow(/model\.json/);
  });
});
