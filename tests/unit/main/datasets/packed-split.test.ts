import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArraySplit } from '../../../../src-main/datasets/batch-source.js';
import { importImageFolder, type ImageFolderDataset } from '../../../../src-main/datasets/import-image-folder.js';
import type { Batch, BatchOptions } from '../../../../src-shared/training/dataset-types.js';
import { buildClassFolder } from './folder-fixtures.js';
import { tempDir } from './image-fixtures.js';

let cleanup: () => Promise<void> = async () => {};
let data: ImageFolderDataset;
const RECORD = 8 * 8 * 3;

beforeAll(async () => {
  const t = await tempDir();
  cleanup = t.cleanup;
  await buildClassFolder(path.join(t.dir, 'animals'));
  data = await importImageFolder({
    root: path.join(t.dir, 'animals'),
    preprocessing: { height: 8, width: 8, channels: 3, resize: 'pad' },
    cacheDir: path.join(t.dir, 'cache'),
    split: { validation: 0.2, test: 0.1 },
  });
});
afterAll(() => cleanup());

async function collect(source: { batches(o: BatchOptions): AsyncGenerator<Batch> }, options: BatchOptions): Promise<Batch[]> {
  const out: Batch[] = [];
  for await (const b of source.batches(options)) out.push(b);
  return out;
}
const rows = (batches: Batch[]): string[] =>
  batches.flatMap((b) => Array.from({ length: b.count }, (_, i) => `${b.y[i]}:${b.x.subarray(i * RECORD, (i + 1) * RECORD).join()}`));

describe('PackedSplit batches', () => {
  it('reads one batch at a time and never buffers more than a batch', async () => {
    const train = data.splits.train;
    expect(train.count).toBe(21);
    const before = { ...train.stats };
    const batches = await collect(train, { batchSize: 4 });
    expect(batches.map((b) => b.count)).toEqual([4, 4, 4, 4, 4, 1]);
    expect(train.stats.maxBufferBytes).toBeLessThanOrEqual(4 * RECORD);
    expect(train.stats.reads - before.reads).toBe(6); // unshuffled: one contiguous read per batch
    expect(train.stats.bytesRead - before.bytesRead).toBe(21 * RECORD);
  });

  it('matches the in-memory data, in order and shuffled', async () => {
    const train = data.splits.train;
    const all = await train.loadAll();
    const memory = new ArraySplit('train', all.x, all.y, train.sampleShape);
    expect(rows(await collect(train, { batchSize: 5 }))).toEqual(rows(await collect(memory, { batchSize: 5 })));
    const shuffled = { batchSize: 5, shuffle: true, seed: 3, epoch: 2 };
    const fromDisk = rows(await collect(train, shuffled));
    expect(fromDisk).toEqual(rows(await collect(memory, shuffled)));
    expect(fromDisk).not.toEqual(rows(await collect(memory, { batchSize: 5 })));
    expect([...fromDisk].sort()).toEqual(rows(await collect(memory, { batchSize: 5 })).sort());
  });

  it('reshuffles per epoch, reproducibly, and can drop the remainder', async () => {
    const train = data.splits.train;
    const epoch = (n: number): Promise<string[]> => collect(train, { batchSize: 8, shuffle: true, seed: 1, epoch: n }).then(rows);
    expect(await epoch(0)).toEqual(await epoch(0));
    expect(await epoch(0)).not.toEqual(await epoch(1));
    const dropped = await collect(train, { batchSize: 8, dropRemainder: true });
    expect(dropped.map((b) => b.count)).toEqual([8, 8]);
  });

  it('augments the train split only, deterministically, identically to the in-memory path', async () => {
    const augment = { flipHorizontal: true, shift: 0.2, brightness: 0.2 };
    const options = { batchSize: 6, shuffle: true, seed: 9, augment };
    const train = data.splits.train;
    const a = rows(await collect(train, options));
    expect(a).toEqual(rows(await collect(train, options)));
    expect(a).not.toEqual(rows(await collect(train, { ...options, augment: undefined })));
    const all = await train.loadAll();
    expect(a).toEqual(rows(await collect(new ArraySplit('train', all.x, all.y, train.sampleShape), options)));
    const val = data.splits.validation;
    expect(rows(await collect(val, { batchSize: 6, augment }))).toEqual(rows(await collect(val, { batchSize: 6 })));
  });

  it('validates the batch size', async () => {
    await expect(collect(data.splits.test, { batchSize: 0 })).rejects.toThrow(/batchSize must be a positive integer/);
  });
});
