import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importImageFolder, type ImageFolderOptions } from '../../../../src-main/datasets/import-image-folder.js';
import type { ImportProgress } from '../../../../src-shared/training/dataset-types.js';
import { buildClassFolder, buildSplitFolder, EXPECTED_SKIPS, GOOD_PER_CLASS } from './folder-fixtures.js';
import { tempDir } from './image-fixtures.js';

let dir = '';
let cleanup: () => Promise<void> = async () => {};
let root = '';
const options = (extra: Partial<ImageFolderOptions> = {}): ImageFolderOptions => ({
  root,
  preprocessing: { height: 8, width: 8, channels: 3, resize: 'stretch' },
  cacheDir: path.join(dir, 'cache'),
  ...extra,
});

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  root = path.join(dir, 'animals');
  await buildClassFolder(root);
});
afterAll(() => cleanup());

describe('importImageFolder, class layout', () => {
  it('finds classes, skips broken files with reasons and reports empty classes', async () => {
    const { info } = await importImageFolder(options());
    expect(info.layout).toBe('classes');
    expect(info.classNames).toEqual(['cat', 'dog', 'empty', 'fox']);
    expect(info.emptyClasses).toEqual(['empty']);
    expect(info.sampleShape).toEqual([8, 8, 3]);
    expect(info.skipped.map((s) => path.relative(root, s.path))).toEqual(EXPECTED_SKIPS.map(([p]) => p));
    info.skipped.forEach((s, i) => expect(s.reason).toMatch(EXPECTED_SKIPS[i]![1]));
  });

  it('splits each class 8/1/1 and labels match the pixels', async () => {
    const { info, splits } = await importImageFolder(options());
    expect(info.counts).toEqual({ train: [8, 8, 0, 8], validation: [1, 1, 0, 1], test: [1, 1, 0, 1] });
    expect(GOOD_PER_CLASS).toBe(10);
    const dominant = { 0: 0, 1: 1, 3: 2 } as Record<number, number>; // cat red, dog green, fox blue
    for (const split of Object.values(splits)) {
      const { x, y } = await split.loadAll();
      y.forEach((label, i) => {
        const centre = x.subarray((i * 64 + 36) * 3, (i * 64 + 36) * 3 + 3);
        expect(centre.indexOf(Math.max(...centre))).toBe(dominant[label]);
      });
    }
  });

  it('is reproducible for a seed and differs for another seed', async () => {
    const order = async (seed: number): Promise<string> => {
      const { splits } = await importImageFolder(options({ seed }));
      const { x } = await splits.test.loadAll();
      return Array.from(x.subarray(0, 3 * 64 * 3)).join();
    };
    expect(await order(5)).toBe(await order(5));
    const all = await Promise.all([1, 2, 3, 4].map(order));
    expect(new Set(all).size).toBeGreaterThan(1);
  });

  it('reports progress through scan, decode and pack', async () => {
    const events: ImportProgress[] = [];
    await importImageFolder(
      options({ preprocessing: { height: 5, width: 5, channels: 1, resize: 'pad' }, onProgress: (p) => events.push(p) }),
    );
    const phases = [...new Set(events.map((e) => e.phase))];
    expect(phases).toEqual(['scan', 'decode', 'pack']);
    const lastDecode = events.filter((e) => e.phase === 'decode').at(-1);
    expect(lastDecode).toEqual({ phase: 'decode', done: 33, total: 33 }); // 30 good + 3 broken image files
    expect(events.at(-1)).toEqual({ phase: 'pack', done: 30, total: 30 });
  });

  it('standardizes with train-split statistics and returns them', async () => {
    const unit = await importImageFolder(options());
    const std = await importImageFolder(options({ normalization: 'standardize' }));
    const { x } = await unit.splits.train.loadAll();
    const mean = [0, 1, 2].map((c) => x.filter((_, i) => i % 3 === c).reduce((a, b) => a + b, 0) / (x.length / 3));
    expect(std.info.normalization.kind).toBe('standardize');
    std.info.normalization.mean.forEach((m, c) => expect(m).toBeCloseTo(mean[c]!, 5));
    const z = (await std.splits.train.loadAll()).x;
    for (const c of [0, 1, 2]) {
      const values = z.filter((_, i) => i % 3 === c);
      const m = values.reduce((a, b) => a + b, 0) / values.length;
      const v = values.reduce((a, b) => a + (b - m) ** 2, 0) / values.length;
      expect(m).toBeCloseTo(0, 4);
      expect(Math.sqrt(v)).toBeCloseTo(1, 3);
    }
    expect(unit.info.normalization).toEqual({ kind: 'unit', mean: [0, 0, 0], std: [1, 1, 1] });
  });

  it('stops when aborted and leaves no partial pack behind', async () => {
    const controller = new AbortController();
    const cacheDir = path.join(dir, 'abort-cache');
    const run = importImageFolder(
      options({ cacheDir, onProgress: (p) => p.phase === 'decode' && p.done === 5 && controller.abort(), signal: controller.signal }),
    );
    await expect(run).rejects.toThrow(/aborted/i);
    const packs = await readdir(path.join(cacheDir, 'packs')).catch(() => []);
    expect(packs).toEqual([]);
  });

  it('rejects unusable folders and settings with clear errors', async () => {
    await expect(importImageFolder(options({ root: path.join(dir, 'nope') }))).rejects.toThrow(/cannot be opened \(ENOENT\)/);
    await expect(importImageFolder(options({ root: path.join(root, 'empty') }))).rejects.toThrow(/No class folders/);
    await expect(importImageFolder(options({ preprocessing: { height: 0, width: 8, channels: 3, resize: 'stretch' } }))).rejects.toThrow(
      /Image size/,
    );
  });
});

describe('importImageFolder, split layout', () => {
  it('uses train/valid/test folders as given', async () => {
    const splitRoot = path.join(dir, 'splits');
    await buildSplitFolder(splitRoot, { train: 5, valid: 2, test: 3 });
    const { info, splits } = await importImageFolder(options({ root: splitRoot }));
    expect(info.layout).toBe('splits');
    expect(info.classNames).toEqual(['a', 'b']);
    expect(info.counts).toEqual({ train: [5, 5], validation: [2, 2], test: [3, 3] });
    expect(splits.validation.count).toBe(4);
  });

  it('carves validation out of train when there is no validation folder, and reports stray folders', async () => {
    const splitRoot = path.join(dir, 'splits-no-val');
    await buildSplitFolder(splitRoot, { Train: 10, test: 2, extras: 1 });
    const { info } = await importImageFolder(options({ root: splitRoot, split: { validation: 0.2, test: 0.5 } }));
    expect(info.counts).toEqual({ train: [8, 8], validation: [2, 2], test: [2, 2] });
    expect(info.skipped.map((s) => path.relative(splitRoot, s.path))).toEqual(['extras/a/img0.png', 'extras/b/img0.png']);
    expect(info.skipped[0]!.reason).toMatch(/not inside a train\/validation\/test class folder/);
  });
});
