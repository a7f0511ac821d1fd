/**
 * Image-folder import speed: writes 2,000 64×64 RGB JPEGs in 10 class folders to a temp dir,
 * then times a cold import (empty cache: decode everything), a per-image-cache import (pack
 * deleted: no decoding, repack only) and a fully cached import (pack reused). Median of `runs` each.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { importImageFolder } from '../../src-main/datasets/import-image-folder.js';

const CLASSES = 10;
const PER_CLASS = 200;
const SIDE = 64;

export interface ImportBenchResult {
  images: number;
  /** Seconds per import, every run. */
  cold: number[];
  perImageCache: number[];
  cached: number[];
}

async function makeImages(root: string): Promise<void> {
  for (let c = 0; c < CLASSES; c++) {
    const dir = path.join(root, `class${c}`);
    await mkdir(dir, { recursive: true });
    for (let i = 0; i < PER_CLASS; i++) {
      // A gradient with noise so JPEG sizes (and decode cost) resemble small photos, not flat colour.
      const raw = Buffer.alloc(SIDE * SIDE * 3);
      for (let p = 0; p < raw.length; p++) raw[p] = (p * (c + 1) + i * 7 + ((p * 2654435761) >>> 27)) & 255;
      await writeFile(
        path.join(dir, `img${i}.jpg`),
        await sharp(raw, { raw: { width: SIDE, height: SIDE, channels: 3 } })
          .jpeg({ quality: 90 })
          .toBuffer(),
      );
    }
  }
}

/** The median of a non-empty list. */
export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return (performance.now() - start) / 1000;
}

/** Runs the three import variants `runs` times each in a temp folder it removes afterwards. */
export async function benchImageImport(runs = 3): Promise<ImportBenchResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'netwright-bench-'));
  const root = path.join(dir, 'images');
  try {
    await makeImages(root);
    const options = (cacheDir: string) => ({
      root,
      preprocessing: { height: 32, width: 32, channels: 3 as const, resize: 'stretch' as const },
      cacheDir,
    });
    const result: ImportBenchResult = { images: CLASSES * PER_CLASS, cold: [], perImageCache: [], cached: [] };
    for (let r = 0; r < runs; r++) {
      const cacheDir = path.join(dir, `cache${r}`);
      result.cold.push(await time(() => importImageFolder(options(cacheDir))));
      await rm(path.join(cacheDir, 'packs'), { recursive: true });
      result.perImageCache.push(await time(() => importImageFolder(options(cacheDir))));
    }
    for (let r = 0; r < runs; r++) result.cached.push(await time(() => importImageFolder(options(path.join(dir, 'cache0')))));
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The result as printable lines: images/s per variant with the raw times. */
export function formatImportBench(r: ImportBenchResult): string[] {
  const line = (name: string, s: number[]): string =>
    `  ${name.padEnd(36)} ${(r.images / median(s)).toFixed(0).padStart(7)} images/s  (median ${median(s).toFixed(3)} s of ${s.map((v) => v.toFixed(3)).join(', ')})`;
  return [
    `${r.images} JPEGs ${SIDE}×${SIDE} RGB → 32×32×3, ${os.availableParallelism()} cores`,
    line('cold (decode + pack)', r.cold),
    line('per-image cache (no decode, repack)', r.perImageCache),
    line('cached (pack reused)', r.cached),
  ];
}
