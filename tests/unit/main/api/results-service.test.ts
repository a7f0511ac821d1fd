/**
 * results:*, predict:image, export:run and shell:openPath on one real finished run: the MLP
 * template trained for an epoch on MNIST in a trainer process, as an untitled project (so its
 * folder is the app's own user-data runs folder, which browser mode may read).
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnist, splitArrayDataset } from '../../../../src-main/datasets/index.js';
import { readRunSummary, type RunSummary } from '../../../../src-main/training/trainer/index.js';
import { errorOf, makeApiFixture, readTemplate, valueOf, type ApiFixture } from './api-fixture.js';
import { finalEvent } from './training-fixture.js';

let f: ApiFixture;
let runDir: string;
let summary: RunSummary;

beforeAll(async () => {
  f = await makeApiFixture();
  const run = valueOf(await f.call('training:start', { doc: await readTemplate('mlp-mnist'), projectPath: null, settings: { epochs: 1 } }));
  expect((await finalEvent(f, run.runId)).type).toBe('finished');
  runDir = run.runDir;
  summary = (await readRunSummary(runDir))!;
}, 120_000);

const pngSize = async (dataUrl: string) => sharp(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64')).metadata();

describe('results:get', () => {
  it("scores the run's own test split: the confusion matrix sums to the test count and accuracy matches the run", async () => {
    const results = valueOf(await f.call('results:get', { runDir }));
    expect(results.task).toBe('classification');
    expect(results.classNames).toEqual(summary.preprocessing.classNames);
    expect(results.confusion.flat().reduce((a, b) => a + b, 0)).toBe(summary.dataset.counts.test);
    expect(results.accuracy).toBe(summary.test!.accuracy);
    expect(results.perClass.map((c) => c.support)).toEqual(results.confusion.map((row) => row.reduce((a, b) => a + b, 0)));
    expect(results.perClass.every((c) => c.f1 >= 0 && c.f1 <= 1)).toBe(true);
    const mistakes = results.mostConfidentMistakes;
    expect(mistakes).toHaveLength(24);
    expect(mistakes.every((m) => m.actual !== m.predicted && m.image?.startsWith('data:image/png;base64,'))).toBe(true);
    expect(mistakes.map((m) => m.confidence)).toEqual([...mistakes.map((m) => m.confidence)].sort((a, b) => b - a));
    expect(await pngSize(mistakes[0]!.image!)).toMatchObject({ width: 56, height: 56 });
  });

  it('scores the validation split on request', async () => {
    const results = valueOf(await f.call('results:get', { runDir, split: 'validation' }));
    expect(results.confusion.flat().reduce((a, b) => a + b, 0)).toBe(summary.dataset.counts.validation);
  });

  it('answers NOT_FOUND for a folder without a run and FORBIDDEN outside the roots', async () => {
    await mkdir(path.join(f.root, 'empty-run'));
    expect(errorOf(await f.call('results:get', { runDir: path.join(f.root, 'empty-run') })).code).toBe('NOT_FOUND');
    expect(errorOf(await f.call('results:get', { runDir: f.outside })).code).toBe('FORBIDDEN');
    expect(errorOf(await f.call('results:get', { runDir: path.join(f.userData, 'runs', '..') })).code).toBe('FORBIDDEN');
  });
});

describe('results:cell', () => {
  it('lists the samples of one cell, most confident first, with images; instantly once evaluated', async () => {
    const { confusion } = valueOf(await f.call('results:get', { runDir }));
    let worst = [0, 1];
    confusion.forEach((row, a) => row.forEach((n, p) => a !== p && n > confusion[worst[0]!]![worst[1]!]! && (worst = [a, p])));
    const [actual, predicted] = worst as [number, number];
    const started = performance.now();
    const cell = valueOf(await f.call('results:cell', { runDir, actual, predicted }));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(cell.total).toBe(confusion[actual]![predicted]);
    expect(cell.items).toHaveLength(Math.min(50, cell.total));
    expect(cell.items.every((i) => i.actual === actual && i.predicted === predicted && i.image !== null)).toBe(true);
    const diagonal = valueOf(await f.call('results:cell', { runDir, actual: 1, predicted: 1, limit: 5 }));
    expect(diagonal.total).toBe(confusion[1]![1]);
    expect(diagonal.items.map((i) => [i.actual, i.predicted])).toEqual(Array(5).fill([1, 1]));
    expect(errorOf(await f.call('results:cell', { runDir, actual: 10, predicted: 0 })).code).toBe('BAD_REQUEST');
  });
});

describe('predict:image', () => {
  it('classifies a real MNIST digit PNG, by path or as a data URL, with the preprocessed image', async () => {
    const data = await loadMnist();
    const test = splitArrayDataset(data, summary.settings.split, summary.settings.seed).test;
    const bytes = Uint8Array.from(test.x.subarray(0, 784), (v) => Math.round(v * 255));
    const png = await sharp(Buffer.from(bytes), { raw: { width: 28, height: 28, channels: 1 } }).toColourspace('b-w').png().toBuffer();
    const file = path.join(f.root, 'digit.png');
    await writeFile(file, png);
    const byPath = valueOf(await f.call('predict:image', { runDir, image: { path: file }, top: 10 }));
    expect(byPath.top).toHaveLength(10);
    expect(byPath.top.reduce((s, t) => s + t.probability, 0)).toBeCloseTo(1, 5);
    expect(new Set(byPath.top.map((t) => t.className))).toEqual(new Set(summary.preprocessing.classNames));
    expect(byPath.top.map((t) => t.probability)).toEqual([...byPath.top.map((t) => t.probability)].sort((a, b) => b - a));
    expect(await pngSize(byPath.image)).toMatchObject({ width: 56, height: 56 });
    const byUrl = valueOf(await f.call('predict:image', { runDir, image: { dataUrl: `data:image/png;base64,${png.toString('base64')}` }, top: 3 }));
    expect(byUrl.top).toEqual(byPath.top.slice(0, 3));
  });

  it('refuses images outside the roots and data that is not an image', async () => {
    await writeFile(path.join(f.outside, 'x.png'), await readFile(path.join(f.root, 'digit.png')).catch(() => Buffer.from('x')));
    expect(errorOf(await f.call('predict:image', { runDir, image: { path: path.join(f.outside, 'x.png') } })).code).toBe('FORBIDDEN');
    expect(errorOf(await f.call('predict:image', { runDir, image: { dataUrl: 'data:image/png;base64,AAAA' } })).code).toBe('BAD_REQUEST');
    expect(errorOf(await f.call('predict:image', { runDir, image: { dataUrl: 'hello' } })).code).toBe('BAD_REQUEST');
  });
});

describe('export:run', () => {
  it('exports ONNX and TF.js with passing parity reports and progress events', async () => {
    const outDir = path.join(f.root, 'exported');
    const result = valueOf(await f.call('export:run', { runDir, formats: ['onnx', 'tfjs'], outDir }));
    expect(result.outDir).toBe(outDir);
    expect(result.results.map((r) => [r.format, r.ok])).toEqual([['onnx', true], ['tfjs', true]]);
    for (const r of result.results) {
      expect(r.dir).toBe(path.join(outDir, r.format));
      expect(r.topOneAgreement).toBe(100);
      expect(r.maxAbsDiff).toBeLessThan(1e-4);
      expect(r.report).toMatch(/64 samples, top-1 agreement 100\.0%.*: pass$/);
    }
    expect((await stat(path.join(outDir, 'onnx', 'model.onnx'))).size).toBeGreaterThan(100_000);
    expect((await stat(path.join(outDir, 'tfjs', 'model.json'))).isFile()).toBe(true);
    const progress = f.events.flatMap((e) => (e.event === 'export:progress' ? [`${e.payload.format}:${e.payload.stage}`] : []));
    expect(progress).toEqual(['onnx:exporting', 'onnx:checking', 'onnx:done', 'tfjs:exporting', 'tfjs:checking', 'tfjs:done']);
    expect(errorOf(await f.call('export:run', { runDir, formats: ['tfjs'], outDir: path.join(f.outside, 'x') })).code).toBe('FORBIDDEN');
  });
});

describe('shell:openPath', () => {
  it('is UNSUPPORTED in browser mode and uses the shell’s opener when there is one', async () => {
    expect(errorOf(await f.call('shell:openPath', { path: f.root })).code).toBe('UNSUPPORTED');
    const opened: string[] = [];
    const g = await makeApiFixture({ openPath: async (p) => void opened.push(p) });
    valueOf(await g.call('shell:openPath', { path: '.' }));
    expect(opened).toEqual([g.root]);
    expect(errorOf(await g.call('shell:openPath', { path: g.outside })).code).toBe('FORBIDDEN');
  });
});
