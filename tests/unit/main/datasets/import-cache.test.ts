import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importImageFolder, type ImageFolderOptions } from '../../../../src-main/datasets/import-image-folder.js';
import { buildClassFolder } from './folder-fixtures.js';
import { tempDir, writeSolid } from './image-fixtures.js';

let dir = '';
let cleanup: () => Promise<void> = async () => {};
const options = (extra: Partial<ImageFolderOptions> = {}): ImageFolderOptions => ({
  root: path.join(dir, 'animals'),
  preprocessing: { height: 8, width: 8, channels: 3, resize: 'crop' },
  cacheDir: path.join(dir, 'cache'),
  ...extra,
});
const TOTAL = 33; // 30 decodable images + corrupt + truncated + zero-byte (failures are cached too)

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await buildClassFolder(path.join(dir, 'animals'));
});
afterAll(() => cleanup());

describe('image cache', () => {
  it('decodes everything once, then reuses the packed dataset without decoding', async () => {
    const first = await importImageFolder(options());
    expect(first.info.stats).toEqual({ decoded: TOTAL, fromCache: 0, packReused: false });
    const second = await importImageFolder(options());
    expect(second.info.stats).toEqual({ decoded: 0, fromCache: TOTAL, packReused: true });
    expect(second.info.skipped).toEqual(first.info.skipped);
    expect(await second.splits.train.loadAll()).toEqual(await first.splits.train.loadAll());
  });

  it('rebuilds a lost pack from per-image entries without decoding', async () => {
    const before = await (await importImageFolder(options())).splits.validation.loadAll();
    await rm(path.join(dir, 'cache', 'packs'), { recursive: true });
    const again = await importImageFolder(options());
    expect(again.info.stats).toEqual({ decoded: 0, fromCache: TOTAL, packReused: false });
    expect(await again.splits.validation.loadAll()).toEqual(before);
  });

  it('decodes only the file whose modification time changed', async () => {
    const file = path.join(dir, 'animals', 'dog', 'img0.png');
    await utimes(file, new Date(), new Date(Date.now() + 5_000));
    const result = await importImageFolder(options());
    expect(result.info.stats).toEqual({ decoded: 1, fromCache: TOTAL - 1, packReused: false });
  });

  it('sees new contents of a replaced file', async () => {
    const file = path.join(dir, 'animals', 'cat', 'img0.png');
    await writeSolid(file, 12, 10, [255, 255, 255]);
    const result = await importImageFolder(options({ split: { validation: 0, test: 0 } }));
    expect(result.info.stats.decoded).toBeGreaterThanOrEqual(1);
    const { x } = await result.splits.train.loadAll();
    const white = Array.from({ length: result.splits.train.count }, (_, i) => x.subarray(i * 192, (i + 1) * 192).every((v) => v === 1));
    expect(white.filter(Boolean).length).toBe(1);
  });

  it('misses the cache when preprocessing changes, and ignores damaged entries', async () => {
    const other = await importImageFolder(options({ preprocessing: { height: 8, width: 8, channels: 1, resize: 'crop' } }));
    expect(other.info.stats.decoded).toBe(TOTAL);
    // Truncate every cached image of the 8×8×3 settings; the next import must decode instead of trusting them.
    const imagesDir = path.join(dir, 'cache', 'images');
    for (const fan of await readdir(imagesDir)) {
      for (const entry of await readdir(path.join(imagesDir, fan))) {
        // Keep the OK tag but cut the pixels short, as a crash mid-write on another tool might.
        const file = path.join(imagesDir, fan, entry);
        if ((await readFile(file))[0] === 1) await writeFile(file, Buffer.from([1, 2, 3]));
      }
    }
    await rm(path.join(dir, 'cache', 'packs'), { recursive: true });
    const repaired = await importImageFolder(options());
    expect(repaired.info.stats.decoded).toBe(30); // the 3 cached failures stay cached
    expect(repaired.splits.train.count + repaired.splits.validation.count + repaired.splits.test.count).toBe(30);
  });
});
