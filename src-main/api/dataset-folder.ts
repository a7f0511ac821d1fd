/**
 * The image-folder half of dataset:inspect: imports the folder exactly as a training run will
 * (same size, seed, fractions and cache, so training then reuses the pack), maps each packed
 * sample back to its file for readable duplicate reports, and histograms the original sizes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { ImagePreprocessing, ImportProgress, NormalizationKind, SplitFractions, SplitName } from '../../src-shared/training/dataset-types.js';
import { assignSplits } from '../datasets/assign-splits.js';
import { decodeBmp, isBmp } from '../datasets/bmp.js';
import { forEachConcurrent } from '../datasets/concurrency.js';
import { importImageFolder, type ImageFolderDataset } from '../datasets/index.js';
import { scanImageFolder } from '../datasets/scan-image-folder.js';

export interface FolderImport {
  dataset: ImageFolderDataset;
  /** The user's name (path relative to the folder) of sample `index` of `split`. */
  nameOf: (split: SplitName, index: number) => string;
  /** Original width × height × channels, most common first. */
  sourceSizes: { width: number; height: number; channels: number; count: number }[];
}

export interface FolderImportOptions {
  root: string;
  target: ImagePreprocessing;
  normalization: NormalizationKind;
  seed: number;
  split: SplitFractions;
  cacheDir: string;
  onProgress: (progress: { phase: string; done: number; total: number }) => void;
}

/** Imports the folder (cached) and gathers what the inspection reports beyond the packed pixels. */
export async function importFolderForInspection(options: FolderImportOptions): Promise<FolderImport> {
  const dataset = await importImageFolder({
    root: options.root,
    preprocessing: options.target,
    normalization: options.normalization,
    seed: options.seed,
    split: options.split,
    cacheDir: options.cacheDir,
    onProgress: (p: ImportProgress) => options.onProgress(p),
  });
  // The import does not say which file became which packed record; the split assignment is a
  // pure function of the scan, the usable files, the fractions and the seed, so recompute it.
  const scan = await scanImageFolder(options.root);
  const failed = new Set(dataset.info.skipped.map((s) => s.path));
  const usable = Uint8Array.from(scan.images, (image) => (failed.has(image.absPath) ? 0 : 1));
  const members = assignSplits(scan, usable, options.split, options.seed);
  const matches = (['train', 'validation', 'test'] as const).every((s) => members[s].length === dataset.splits[s].count);
  const nameOf = (split: SplitName, index: number): string => {
    const image = matches ? scan.images[members[split][index]!] : undefined;
    // Only if the folder changed between the import and the scan: fall back to a position.
    return image ? path.relative(scan.root, image.absPath).split(path.sep).join('/') : `${split} image ${index + 1}`;
  };
  const files = scan.images.filter((_, i) => usable[i] === 1).map((i) => i.absPath);
  const sourceSizes = await measureSources(files, (done) => options.onProgress({ phase: 'measure', done, total: files.length }));
  return { dataset, nameOf, sourceSizes };
}

/** Reads each image's header (not its pixels) and counts the distinct size × channel combinations. */
async function measureSources(files: string[], progress: (done: number) => void): Promise<FolderImport['sourceSizes']> {
  const counts = new Map<string, { width: number; height: number; channels: number; count: number }>();
  let done = 0;
  await forEachConcurrent(files, 8, async (file) => {
    const size = await imageHeader(file);
    progress(++done);
    if (!size) return;
    const key = `${size.width}x${size.height}x${size.channels}`;
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { ...size, count: 1 });
  });
  return [...counts.values()].sort((a, b) => b.count - a.count || b.width * b.height - a.width * a.height);
}

async function imageHeader(file: string): Promise<{ width: number; height: number; channels: number } | null> {
  try {
    const meta = await sharp(file).metadata();
    // EXIF orientations 5–8 are rotated by 90°: the decoder shows them rotated, so report that size.
    const turned = (meta.orientation ?? 1) >= 5;
    if (meta.width && meta.height) return { width: turned ? meta.height : meta.width, height: turned ? meta.width : meta.height, channels: meta.channels ?? 3 };
  } catch {
    // sharp reads no BMP; our own decoder does (the importer uses it too).
  }
  try {
    const bytes = await readFile(file);
    if (!isBmp(bytes)) return null;
    const bmp = decodeBmp(bytes);
    return { width: bmp.width, height: bmp.height, channels: 3 };
  } catch {
    return null;
  }
}
