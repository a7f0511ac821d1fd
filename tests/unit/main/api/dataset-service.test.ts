/**
 * dataset:inspect and dataset:augmentPreview over real data: the built-in MNIST digits and a
 * generated image folder with the problems real folders have (a corrupt file, copies within and
 * across splits, a tiny class, an empty class, mixed sizes and channel layouts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { DatasetInspection } from '../../../../src-shared/ipc/contract-training.js';
import { errorOf, makeApiFixture, valueOf, type ApiFixture } from './api-fixture.js';

/** A seeded noise image (so no two differ only by chance), RGB or grey. */
async function writeNoise(file: string, seed: number, width: number, height: number, channels: 1 | 3 = 3): Promise<void> {
  let s = seed * 7919 + 17;
  const data = Buffer.alloc(width * height * channels);
  for (let i = 0; i < data.length; i++) data[i] = (s = (s * 16807) % 2147483647) % 256;
  await mkdir(path.dirname(file), { recursive: true });
  const image = sharp(data, { raw: { width, height, channels } });
  // Without b-w, sharp writes one raw channel as an RGB PNG.
  await writeFile(file, await (channels === 1 ? image.toColourspace('b-w') : image).png().toBuffer());
}

/**
 * train/{cats 16, dogs 16, tiny 3, empty 0} + test/{cats 2, dogs 2}: one cat in test is a copy
 * of a training cat, one dog is in train twice, one file is corrupt, dogs are 24×20 (cats
 * 20×20) and two dogs are greyscale.
 */
async function makeFolder(f: ApiFixture): Promise<string> {
  const root = path.join(f.root, 'pets');
  let seed = 1;
  for (let i = 0; i < 16; i++) await writeNoise(path.join(root, 'train', 'cats', `c${i}.png`), seed++, 20, 20);
  for (let i = 0; i < 16; i++) await writeNoise(path.join(root, 'train', 'dogs', `d${i}.png`), seed++, 24, 20, i < 2 ? 1 : 3);
  for (let i = 0; i < 3; i++) await writeNoise(path.join(root, 'train', 'tiny', `t${i}.png`), seed++, 20, 20);
  await mkdir(path.join(root, 'train', 'empty'), { recursive: true });
  await writeNoise(path.join(root, 'train', 'dogs', 'd-copy.png'), 17 + 5, 24, 20); // = d5 (seed 17 + 5)
  await writeFile(path.join(root, 'train', 'cats', 'broken.png'), Buffer.from('not a png at all'));
  await writeNoise(path.join(root, 'test', 'cats', 'leak.png'), 3, 20, 20); // = train/cats/c2
  await writeNoise(path.join(root, 'test', 'cats', 'c-test.png'), 900, 20, 20);
  for (let i = 0; i < 2; i++) await writeNoise(path.join(root, 'test', 'dogs', `dt${i}.png`), 910 + i, 24, 20);
  return root;
}

const kinds = (inspection: DatasetInspection) => inspection.health.map((h) => h.kind).sort();

describe('dataset:inspect', () => {
  it('summarizes MNIST: counts per class and split, thumbnails enlarged to 56×56, no problems', async () => {
    const f = await makeApiFixture();
    const result = valueOf(await f.call('dataset:inspect', { source: { kind: 'mnist' } }));
    expect(result).toMatchObject({ kind: 'mnist', task: 'classification', sampleShape: [28, 28, 1], skipped: [] });
    expect(result.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const total = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
    expect([total(result.counts.train), total(result.counts.validation), total(result.counts.test)]).toEqual([8000, 1000, 1000]);
    expect(result.thumbnails).toHaveLength(10);
    expect(result.thumbnails.every((t) => t.images.length === 8)).toBe(true);
    const png = Buffer.from(result.thumbnails[3]!.images[0]!.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 56, height: 56 });
    expect(result.health).toEqual([]);
    expect(f.events.some((e) => e.event === 'dataset:progress')).toBe(true);
  });

  it('reports every problem of a messy folder with the action taken, and its progress', async () => {
    const f = await makeApiFixture();
    const root = await makeFolder(f);
    const result = valueOf(await f.call('dataset:inspect', { source: { kind: 'folder', path: 'pets' }, sampleShape: [16, 16, 3], split: { validation: 0.25, test: 0.1 }, seed: 3 }));
    expect(result.classNames).toEqual(['cats', 'dogs', 'empty', 'tiny']);
    expect(result.sampleShape).toEqual([16, 16, 3]);
    expect(result.skipped).toEqual([{ path: path.join(root, 'train', 'cats', 'broken.png'), reason: expect.stringMatching(/not a recognized image|corrupt/) }]);
    const sum = (c: number) => result.counts.train[c]! + result.counts.validation[c]!;
    expect([sum(0), sum(1), sum(2), sum(3)]).toEqual([16, 17, 0, 3]);
    expect(result.counts.test).toEqual([2, 2, 0, 0]);
    expect(kinds(result)).toEqual(['cross-split-duplicates', 'duplicates', 'empty-class', 'imbalance', 'mixed-channels', 'mixed-sizes', 'tiny-class']);
    const byKind = Object.fromEntries(result.health.map((h) => [h.kind, h]));
    expect(byKind['cross-split-duplicates']!.message).toMatch(/train\/cats\/c2\.png \(train\) = test\/cats\/leak\.png \(test\)/);
    expect(byKind['duplicates']!.message).toMatch(/train\/dogs\/d-copy\.png = train\/dogs\/d5\.png|train\/dogs\/d5\.png = train\/dogs\/d-copy\.png|\(validation\)/);
    expect(byKind['tiny-class']!.message).toMatch(/"tiny" \(\d\)/);
    expect(byKind['empty-class']!.message).toMatch(/"empty"/);
    expect(byKind['mixed-sizes']!.action).toMatch(/stretched to fit 16×16/);
    expect(byKind['mixed-channels']!.action).toMatch(/RGB \(3 channels\)/);
    for (const warning of result.health) expect(warning.action.length).toBeGreaterThan(10);
    expect(result.sourceSizes).toEqual([
      { width: 20, height: 20, channels: 3, count: 21 },
      { width: 24, height: 20, channels: 3, count: 17 },
      { width: 24, height: 20, channels: 1, count: 2 },
    ]);
    expect(result.thumbnails.map((t) => [t.className, t.images.length])).toEqual([['cats', 8], ['dogs', 8], ['empty', 0], ['tiny', 3]]);
    const phases = new Set(f.events.filter((e) => e.event === 'dataset:progress').map((e) => (e.payload as { phase: string }).phase));
    expect([...phases]).toEqual(expect.arrayContaining(['scan', 'decode', 'pack', 'measure', 'check']));
  });

  it('summarizes a CSV table with its columns', async () => {
    const f = await makeApiFixture();
    const rows = ['x,y,label', ...Array.from({ length: 40 }, (_, i) => `${i},${i % 7},${i % 2 ? 'odd' : 'even'}`)];
    await writeFile(path.join(f.root, 'table.csv'), rows.join('\n'));
    const result = valueOf(await f.call('dataset:inspect', { source: { kind: 'csv', path: 'table.csv' } }));
    expect(result).toMatchObject({ kind: 'csv', task: 'classification', classNames: ['even', 'odd'], sampleShape: [2], thumbnails: [], columns: { features: ['x', 'y'], label: 'label' } });
    expect(result.counts.train.reduce((a, b) => a + b) + result.counts.validation.reduce((a, b) => a + b) + result.counts.test.reduce((a, b) => a + b)).toBe(40);
  });

  it('refuses folders outside the browser-mode roots, and reports unusable data as BAD_REQUEST', async () => {
    const f = await makeApiFixture();
    await writeNoise(path.join(f.outside, 'secret', 'a', 'x.png'), 1, 8, 8);
    expect(errorOf(await f.call('dataset:inspect', { source: { kind: 'folder', path: path.join(f.outside, 'secret') } })).code).toBe('FORBIDDEN');
    expect(errorOf(await f.call('dataset:inspect', { source: { kind: 'folder', path: '../outside/secret' } })).code).toBe('FORBIDDEN');
    expect(errorOf(await f.call('dataset:augmentPreview', { source: { kind: 'folder', path: path.join(f.outside, 'secret') }, augmentation: {}, count: 2 })).code).toBe('FORBIDDEN');
    await mkdir(path.join(f.root, 'flat'));
    await writeNoise(path.join(f.root, 'flat', 'x.png'), 1, 8, 8);
    const flat = errorOf(await f.call('dataset:inspect', { source: { kind: 'folder', path: 'flat' } }));
    expect(flat).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/No class folders/) });
    expect(errorOf(await f.call('dataset:inspect', { source: { kind: 'folder', path: 'missing' } })).code).toBe('NOT_FOUND');
  });
});

describe('dataset:augmentPreview', () => {
  it('returns the original and N augmented versions, the same for the same seed', async () => {
    const f = await makeApiFixture();
    const augmentation = { rotationDeg: 30, shift: 0.1, flipHorizontal: true, brightness: 0.2 };
    const a = valueOf(await f.call('dataset:augmentPreview', { source: { kind: 'mnist' }, augmentation, count: 6, seed: 5 }));
    const b = valueOf(await f.call('dataset:augmentPreview', { source: { kind: 'mnist' }, augmentation, count: 6, seed: 5 }));
    const c = valueOf(await f.call('dataset:augmentPreview', { source: { kind: 'mnist' }, augmentation, count: 6, seed: 6 }));
    expect(a.images).toHaveLength(6);
    expect(a).toEqual(b);
    expect(c.images).not.toEqual(a.images);
    expect(new Set(a.images).size).toBeGreaterThan(1);
    expect(a.images).not.toContain(a.original);
  });

  it('previews a folder image at the Input size, and refuses CSV data', async () => {
    const f = await makeApiFixture();
    await makeFolder(f);
    const result = valueOf(await f.call('dataset:augmentPreview', { source: { kind: 'folder', path: 'pets' }, augmentation: { zoom: 0.3 }, count: 3, seed: 1, sampleShape: [50, 40, 3] }));
    const png = Buffer.from(result.images[0]!.split(',')[1]!, 'base64');
    expect(await sharp(png).metadata()).toMatchObject({ width: 40, height: 50 });
    await writeFile(path.join(f.root, 't.csv'), 'a,b\n1,x\n');
    expect(errorOf(await f.call('dataset:augmentPreview', { source: { kind: 'csv', path: 't.csv' }, augmentation: {}, count: 1 })).code).toBe('BAD_REQUEST');
  });
});
