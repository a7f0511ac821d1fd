/**
 * Identity and manifest of a packed image dataset. The pack key hashes every input that shapes
 * the packed files (each image's path, size, mtime and class; preprocessing; split settings),
 * so an unchanged folder reuses its pack without touching a single image.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  ImageDatasetInfo,
  ImagePreprocessing,
  NormalizationKind,
  SkippedFile,
  SplitFractions,
} from '../../src-shared/training/dataset-types.js';
import type { FolderScan } from './scan-image-folder.js';

/** Bumped whenever the pack format or split logic changes. */
export const PACK_VERSION = 1;

/** What is stored as `manifest.json` beside the split files. */
export interface PackManifest {
  version: number;
  /** The info of the run that built the pack (its `skipped` holds scan and decode problems). */
  info: ImageDatasetInfo;
  /** Decode failures alone, so a later run can combine them with a fresh scan's findings. */
  decodeFailures: SkippedFile[];
}

/** Settings besides the folder contents that decide a pack's contents. */
export interface PackSettings {
  preprocessing: ImagePreprocessing;
  normalization: NormalizationKind;
  fractions: SplitFractions;
  seed: number;
}

/** The directory name of the pack for this scan and these settings. */
export function packKey(scan: FolderScan, settings: PackSettings): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([PACK_VERSION, scan.root, scan.layout, scan.classNames, settings]));
  for (const image of scan.images) {
    hash.update(`\n${image.absPath}\u0000${image.size}\u0000${image.mtimeMs}\u0000${image.classIndex}\u0000${image.splitDir ?? ''}`);
  }
  return hash.digest('hex').slice(0, 32);
}

/** The manifest of a finished pack, or undefined when the pack is missing, partial or from another version. */
export async function readPackManifest(packDir: string): Promise<PackManifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(path.join(packDir, 'manifest.json'), 'utf8')) as PackManifest;
    return manifest.version === PACK_VERSION ? manifest : undefined;
  } catch {
    return undefined;
  }
}
