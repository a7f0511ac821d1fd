/**
 * Imports a folder of images as a dataset: scan → decode (cached per image, 2 at a time) →
 * split → pack each split into record files on disk. The result reads batches from those files,
 * so datasets larger than memory work, and a second import of an unchanged folder decodes nothing.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  DEFAULT_SPLIT_FRACTIONS,
  SPLIT_NAMES,
  type ImageDatasetInfo,
  type ImagePreprocessing,
  type ImportProgress,
  type NormalizationKind,
  type SkippedFile,
  type SplitFractions,
  type SplitName,
} from '../../src-shared/training/dataset-types.js';
import { defaultCacheDir } from './cache-dir.js';
import { forEachConcurrent, PendingLimit } from './concurrency.js';
import { DatasetError } from './dataset-error.js';
import { assignSplits } from './assign-splits.js';
import { decodeImageFile } from './decode-image.js';
import { ImageCache, writeAtomic } from './image-cache.js';
import { ChannelStats, makeNormalization } from './normalization.js';
import { PackedSplit, SplitPackWriter } from './packed-split.js';
import { PACK_VERSION, packKey, readPackManifest, type PackManifest } from './pack-manifest.js';
import { scanImageFolder } from './scan-image-folder.js';

/** What to import and how. */
export interface ImageFolderOptions {
  root: string;
  preprocessing: ImagePreprocessing;
  /** Default 'unit' ([0, 1]). */
  normalization?: NormalizationKind;
  /** Used when the folder has no split sub-folders (and for validation when only train/test exist). Default 80/10/10. */
  split?: SplitFractions;
  /** Default 42. */
  seed?: number;
  /** Default: the per-user cache folder (see defaultCacheDir). */
  cacheDir?: string;
  /** Images decoded at once; default 2 (the trainer's core budget). */
  concurrency?: number;
  /** Decoded bytes kept in memory between decoding and packing (beyond it, the pack step re-reads the cache). Default 256 MiB. */
  memoryBudgetBytes?: number;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}

/** An imported dataset: its report plus one batch source per split. */
export interface ImageFolderDataset {
  info: ImageDatasetInfo;
  splits: Record<SplitName, PackedSplit>;
  /** Where the packed split files live. */
  packDir: string;
}

/** Imports `options.root`; throws DatasetError only when the folder or settings are unusable. */
export async function importImageFolder(options: ImageFolderOptions): Promise<ImageFolderDataset> {
  const prep = checkPreprocessing(options.preprocessing);
  const settings = {
    preprocessing: prep,
    normalization: options.normalization ?? 'unit',
    fractions: options.split ?? DEFAULT_SPLIT_FRACTIONS,
    seed: options.seed ?? 42,
  };
  const report = (phase: ImportProgress['phase'], done: number, total: number): void => options.onProgress?.({ phase, done, total });
  const scan = await scanImageFolder(options.root, (n) => report('scan', n, n));
  report('scan', scan.images.length, scan.images.length);

  const cacheDir = path.resolve(options.cacheDir ?? defaultCacheDir());
  const packDir = path.join(cacheDir, 'packs', packKey(scan, settings));
  const existing = await readPackManifest(packDir);
  if (existing) {
    const info: ImageDatasetInfo = {
      ...existing.info,
      skipped: sortSkipped([...scan.skipped, ...existing.decodeFailures]),
      stats: { decoded: 0, fromCache: scan.images.length, packReused: true },
    };
    return { info, splits: await openSplits(packDir, info), packDir };
  }

  // Decode phase: results go to the per-image cache; pixels stay in memory only up to the budget.
  const cache = new ImageCache(cacheDir, prep);
  const usable = new Uint8Array(scan.images.length);
  const decodeFailures: SkippedFile[] = [];
  const stats = { decoded: 0, fromCache: 0, packReused: false };
  // Small datasets skip a second read of every cache entry by keeping pixels until packed.
  const held: Array<Uint8Array | undefined> = [];
  let heldBytes = 0;
  const budget = options.memoryBudgetBytes ?? 256 * 1024 * 1024;
  let done = 0;
  // Cache writes overlap the next decodes (file creation is as slow as decoding on some disks).
  const writes = new PendingLimit(16);
  await forEachConcurrent(
    scan.images,
    options.concurrency ?? 2,
    async (image, i) => {
      const key = cache.keyFor(image);
      let result = await cache.get(key);
      if (result) stats.fromCache++;
      else {
        result = await decodeImageFile(image.absPath, prep);
        stats.decoded++;
        await writes.add(cache.put(key, result));
      }
      if (result.ok) {
        usable[i] = 1;
        if (heldBytes + result.pixels.length <= budget) {
          held[i] = result.pixels;
          heldBytes += result.pixels.length;
        }
      } else decodeFailures.push({ path: image.absPath, reason: result.reason });
      report('decode', ++done, scan.images.length);
    },
    options.signal,
  );
  await writes.drain();

  const splits = assignSplits(scan, usable, settings.fractions, settings.seed);
  const classCount = scan.classNames.length;
  const counts = Object.fromEntries(SPLIT_NAMES.map((s) => [s, new Array<number>(classCount).fill(0)])) as Record<SplitName, number[]>;
  for (const s of SPLIT_NAMES) for (const i of splits[s]) counts[s][scan.images[i]!.classIndex]!++;

  // Pack phase: build in a private temporary folder, then rename, so readers never see a half-written pack.
  const tmpDir = `${packDir}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await mkdir(tmpDir, { recursive: true }).catch((e: Error) => {
    throw new DatasetError(`Cache folder ${cacheDir} is not writable (${e.message}); choose another cache folder.`);
  });
  try {
    const trainStats = new ChannelStats(prep.channels);
    const total = SPLIT_NAMES.reduce((n, s) => n + splits[s].length, 0);
    let packed = 0;
    for (const split of SPLIT_NAMES) {
      const writer = await SplitPackWriter.create(tmpDir, split, prep.height * prep.width * prep.channels);
      try {
        for (const i of splits[split]) {
          options.signal?.throwIfAborted();
          const image = scan.images[i]!;
          // Held in memory, else in the cache; re-decode if the entry vanished (e.g. the cache write failed).
          const kept = held[i];
          held[i] = undefined;
          const result = kept
            ? { ok: true as const, pixels: kept }
            : ((await cache.get(cache.keyFor(image))) ?? (await decodeImageFile(image.absPath, prep)));
          if (!result.ok) throw new DatasetError(`${image.absPath} changed during import (${result.reason}); import again.`);
          if (split === 'train' && settings.normalization === 'standardize') trainStats.add(result.pixels);
          await writer.append(result.pixels, image.classIndex);
          report('pack', ++packed, total);
        }
      } finally {
        await writer.close();
      }
    }
    const info: ImageDatasetInfo = {
      root: scan.root,
      layout: scan.layout,
      classNames: scan.classNames,
      sampleShape: [prep.height, prep.width, prep.channels],
      preprocessing: prep,
      normalization: makeNormalization(settings.normalization, prep.channels, trainStats),
      counts,
      skipped: sortSkipped([...scan.skipped, ...decodeFailures]),
      emptyClasses: scan.classNames.filter((_, c) => SPLIT_NAMES.every((s) => counts[s][c] === 0)),
      stats,
    };
    const manifest: PackManifest = { version: PACK_VERSION, info, decodeFailures: sortSkipped(decodeFailures) };
    await writeAtomic(path.join(tmpDir, 'manifest.json'), JSON.stringify(manifest));
    if (await readPackManifest(packDir)) {
      // Another import of the same folder finished first; its pack is identical and may be in use.
      await rm(tmpDir, { recursive: true, force: true });
    } else {
      await rm(packDir, { recursive: true, force: true }); // a leftover without a manifest is incomplete
      await rename(tmpDir, packDir);
    }
    return { info, splits: await openSplits(packDir, info), packDir };
  } catch (e) {
    await rm(tmpDir, { recursive: true, force: true });
    throw e;
  }
}

async function openSplits(packDir: string, info: ImageDatasetInfo): Promise<Record<SplitName, PackedSplit>> {
  const open = (s: SplitName): Promise<PackedSplit> => PackedSplit.open(packDir, s, info.sampleShape, info.normalization);
  const [train, validation, test] = await Promise.all(SPLIT_NAMES.map(open));
  return { train: train!, validation: validation!, test: test! };
}

function checkPreprocessing(p: ImagePreprocessing): ImagePreprocessing {
  const size = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 4096;
  if (!size(p.height) || !size(p.width))
    throw new DatasetError(`Image size must be whole numbers from 1 to 4096 (got ${p.height}×${p.width}).`);
  if (p.channels !== 1 && p.channels !== 3) throw new DatasetError(`Channels must be 1 (grayscale) or 3 (RGB), got ${String(p.channels)}.`);
  if (!['stretch', 'crop', 'pad'].includes(p.resize)) throw new DatasetError(`Unknown resize mode "${String(p.resize)}".`);
  return { height: p.height, width: p.width, channels: p.channels, resize: p.resize };
}

function sortSkipped(list: SkippedFile[]): SkippedFile[] {
  return [...list].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
