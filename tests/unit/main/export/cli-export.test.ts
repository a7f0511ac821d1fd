/**
 * `netwright export` and `netwright predict` on a real finished run: a CNN trained by the trainer
 * on an image folder (standardized inputs, BatchNormalization), exported to every format with
 * parity checked on the run's own held-out test images, then used to classify image files.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src-main/cli/main.js';
import { runTraining } from '../../../../src-main/training/trainer/index.js';
import { pattern, writeImage, type Rgb } from '../datasets/image-fixtures.js';
import { chainModel, startCommand, tempDir } from '../trainer/trainer-fixtures.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let images = '';
let runDir = '';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  tmp = await tempDir('netwright-cli-export-');
  images = path.join(tmp.dir, 'images');
  let s = 7;
  const noise = () => (s = (s * 16807) % 2147483647) % 70;
  const tint: Record<string, (n: number) => Rgb> = { red: (n) => [170 + n, 30 + n, 40], blue: (n) => [40, 30 + n, 170 + n] };
  for (const [name, colour] of Object.entries(tint)) {
    for (let i = 0; i < 12; i++) await writeImage(path.join(images, name, `${i}.png`), 13, 11, pattern(13, 11, () => colour(noise())));
  }
  const model = chainModel([
    ['Input', { dataKind: 'image', shape: [9, 9, 3] }],
    ['Conv2D', { filters: 4, kernelSize: [3, 3], strides: [2, 2], padding: 'same', activation: 'linear' }],
    ['BatchNormalization', { momentum: 0.5 }],
    ['Activation', { activation: 'relu' }],
    ['Flatten', {}],
    ['Dense', { units: 2, activation: 'softmax' }],
  ]);
  runDir = path.join(tmp.dir, 'run');
  const data = { kind: 'folder' as const, path: images, normalization: 'standardize' as const };
  const settings = { backend: 'cpu' as const, epochs: 4, batchSize: 8, learningRate: 0.02, split: { validation: 0.25, test: 0.25 } };
  const { final } = await runTraining(startCommand(model, settings, data, { outDir: runDir, cacheDir: path.join(tmp.dir, 'cache') }), () => {});
  if (final.type !== 'finished') throw new Error(JSON.stringify(final));
});
afterAll(async () => {
  await tmp.cleanup();
});

describe('netwright export', () => {
  it('exports every format of a run with parity on its held-out test images', async () => {
    const out = path.join(tmp.dir, 'exported');
    const r = await cli('export', runDir, '--out', out, '--json');
    const report = JSON.parse(r.out) as { ok: boolean; samples: { count: number; source: string }; formats: { format: string; ok: boolean; parity: { kind: string } }[] };
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(report.samples).toEqual({ count: 6, source: 'the first 6 samples of the held-out test split' });
    expect(report.formats.map((f) => [f.format, f.ok])).toEqual([['tfjs', true], ['onnx', true], ['keras', true], ['pytorch', true]]);
    const prep = JSON.parse(readFileSync(path.join(out, 'onnx', 'preprocessing.json'), 'utf8')) as { normalization: { kind: string; mean: number[] }; classNames: string[]; resize: string };
    expect(prep.normalization.kind).toBe('standardize');
    expect(prep.normalization.mean).toHaveLength(3);
    expect(prep.classNames).toEqual(['blue', 'red']);
    expect(prep.resize).toBe('stretch');
    const training = JSON.parse(readFileSync(path.join(out, 'pytorch', 'training.json'), 'utf8')) as Record<string, unknown>;
    expect(training).toMatchObject({ loss: 'categoricalCrossentropy', optimizer: 'adam', learningRate: 0.02, batchSize: 8, epochs: 4, sampleData: { labels: 'dataset labels' } });
  });

  it('prints a readable report and refuses unknown formats', async () => {
    const r = await cli('export', path.join(runDir, 'model.json'), '--format', 'onnx', '--out', path.join(tmp.dir, 'onnx-only'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ONNX\s+.*onnx\n\s+onnxruntime-node: 6 samples, top-1 agreement 100\.0%, max \|Δ\| .*: pass/);
    expect(existsSync(path.join(tmp.dir, 'onnx-only', 'tfjs'))).toBe(false);
    const bad = await cli('export', runDir, '--format', 'onnx,caffe');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown --format "caffe"');
  });
});

describe('netwright predict', () => {
  it('classifies images with the run preprocessing, top-k', async () => {
    const r = await cli('predict', runDir, path.join(images, 'red', '0.png'), path.join(images, 'blue'), '--top', '2', '--json');
    expect(r.code).toBe(0);
    const results = JSON.parse(r.out) as { file: string; top: { className: string; probability: number }[] }[];
    expect(results).toHaveLength(13);
    expect(results[0]!.top.map((t) => t.className).sort()).toEqual(['blue', 'red']);
    expect(results[0]!.top[0]!.probability).toBeGreaterThanOrEqual(results[0]!.top[1]!.probability);
    const correct = results.filter((x) => x.top[0]!.className === path.basename(path.dirname(x.file))).length;
    expect(correct).toBeGreaterThanOrEqual(11); // two clearly separable colours
    const text = await cli('predict', runDir, path.join(images, 'red', '1.png'), '--top', '1');
    expect(text.out).toMatch(/1\.png: (red|blue) \d+\.\d%$/);
  });
});
