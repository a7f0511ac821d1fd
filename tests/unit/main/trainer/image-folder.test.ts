import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRunSummary, runTraining } from '../../../../src-main/training/trainer/index.js';
import { pattern, writeImage, type Rgb } from '../datasets/image-fixtures.js';
import { chainModel, eventLog, startCommand, tempDir } from './trainer-fixtures.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let root: string;

/** 16 images per class: reddish vs bluish 12×10 pictures with per-pixel noise. */
beforeAll(async () => {
  tmp = await tempDir();
  root = path.join(tmp.dir, 'images');
  let s = 99;
  const noise = () => (s = (s * 16807) % 2147483647) % 60;
  const tint: Record<string, (n: number) => Rgb> = { red: (n) => [180 + n, 40 + n, 40], blue: (n) => [40, 40 + n, 180 + n] };
  for (const [name, colour] of Object.entries(tint)) {
    for (let i = 0; i < 16; i++)
      await writeImage(
        path.join(root, name, `${i}.png`),
        12,
        10,
        pattern(12, 10, () => colour(noise())),
      );
  }
});
afterAll(async () => {
  await tmp.cleanup();
});

describe('training on an image folder', () => {
  it('imports at the model input size (with progress), trains a small CNN and records the preprocessing', async () => {
    const model = chainModel([
      ['Input', { dataKind: 'image', shape: [8, 8, 3] }],
      ['Conv2D', { filters: 4, kernelSize: [3, 3], activation: 'relu' }],
      ['MaxPooling2D', { poolSize: [2, 2] }],
      ['Flatten', {}],
      ['Dense', { units: 2, activation: 'softmax' }],
    ]);
    const outDir = path.join(tmp.dir, 'run');
    const data = { kind: 'folder' as const, path: root, augmentation: { flipHorizontal: true } };
    const settings = { backend: undefined, epochs: 8, batchSize: 8, learningRate: 0.01, split: { validation: 0.25, test: 0.25 } };
    const log = eventLog();
    const { final } = await runTraining(startCommand(model, settings, data, { outDir, cacheDir: path.join(tmp.dir, 'cache') }), log.emit);
    if (final.type !== 'finished') throw new Error(JSON.stringify(final));
    expect(new Set(log.of('data-progress').map((p) => p.progress.phase))).toEqual(new Set(['scan', 'decode', 'pack']));
    expect(log.of('started')[0]!.dataset).toMatchObject({
      kind: 'folder',
      classNames: ['blue', 'red'],
      sampleShape: [8, 8, 3],
      counts: { train: 16, validation: 8, test: 8 },
    });
    expect(final.test!.accuracy).toBeGreaterThanOrEqual(0.875);
    const summary = await readRunSummary(outDir);
    expect(summary!.preprocessing).toMatchObject({
      source: 'folder',
      inputShape: [8, 8, 3],
      resize: 'stretch',
      channels: 3,
      normalization: { kind: 'unit' },
      classNames: ['blue', 'red'],
    });
  });

  it('refuses an image folder for a model without an image input', async () => {
    const vector = chainModel([
      ['Input', { dataKind: 'vector', shape: [64] }],
      ['Dense', { units: 2, activation: 'softmax' }],
    ]);
    const { final } = await runTraining(startCommand(vector, {}, { kind: 'folder', path: root }), () => {});
    expect(final).toMatchObject({
      type: 'error',
      code: 'DATA',
      message: expect.stringMatching(/needs an image input .* model's input is 64/),
    });
  });
});
