/**
 * Finds the images of a folder dataset and their classes. Two layouts are accepted:
 * `root/<class>/…` and `root/train|val|test/<class>/…` (also `validation`, `valid`, `training`,
 * `testing`). Sub-folders inside a class belong to that class. Anything else is reported, not fatal.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SkippedFile, SplitName } from '../../src-shared/training/dataset-types.js';
import { DatasetError } from './dataset-error.js';

/** File extensions treated as images (lower case, with the dot). */
export const IMAGE_EXTENSIONS: ReadonlySet<string> = new Set(['.jpg', '.jpeg', '.png', '.webp', '.gif', '.bmp', '.tiff', '.tif']);

const SPLIT_DIR_NAMES: Record<string, SplitName> = {
  train: 'train',
  training: 'train',
  val: 'validation',
  valid: 'validation',
  validation: 'validation',
  test: 'test',
  testing: 'test',
};

/** One candidate image with what identifies it in the cache. */
export interface ScannedImage {
  absPath: string;
  classIndex: number;
  /** Set in the split-folder layout. */
  splitDir?: SplitName;
  size: number;
  mtimeMs: number;
}

/** What a folder holds before any image is decoded. */
export interface FolderScan {
  root: string;
  layout: 'classes' | 'splits';
  /** Sorted by code point, as Keras' image_dataset_from_directory does, so indices agree with exported code. */
  classNames: string[];
  /** Sorted by path for reproducible splits. */
  images: ScannedImage[];
  skipped: SkippedFile[];
  /** Split folders present in the split layout. */
  splitDirs: SplitName[];
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Walks `root` and classifies every file; throws only when the folder itself is unusable. */
export async function scanImageFolder(root: string, onFound?: (count: number) => void): Promise<FolderScan> {
  const absRoot = path.resolve(root);
  const top = await listDir(absRoot).catch((e: NodeJS.ErrnoException) => {
    throw new DatasetError(`Dataset folder ${absRoot} cannot be opened (${e.code ?? e.message}).`);
  });
  const skipped: SkippedFile[] = [];
  const topDirs = top.filter((d) => d.isDirectory());
  const splitEntries = topDirs.filter((d) => SPLIT_DIR_NAMES[d.name.toLowerCase()] !== undefined);
  const layout = splitEntries.some((d) => SPLIT_DIR_NAMES[d.name.toLowerCase()] === 'train') ? 'splits' : 'classes';

  // (class folder path, class name, split) triples to walk.
  const classDirs: Array<{ dir: string; name: string; split?: SplitName }> = [];
  const outsideReason = layout === 'splits' ? 'not inside a train/validation/test class folder' : 'not inside a class folder';
  for (const entry of top) {
    const full = path.join(absRoot, entry.name);
    if (!entry.isDirectory()) {
      if (!isHidden(entry.name)) skipped.push({ path: full, reason: outsideReason });
      continue;
    }
    if (isHidden(entry.name)) continue;
    const split = SPLIT_DIR_NAMES[entry.name.toLowerCase()];
    if (layout === 'classes') {
      classDirs.push({ dir: full, name: entry.name });
    } else if (split === undefined) {
      for (const file of await walkFiles(full)) skipped.push({ path: file, reason: outsideReason });
    } else {
      for (const inner of await listDir(full)) {
        const innerPath = path.join(full, inner.name);
        if (isHidden(inner.name)) continue;
        if (inner.isDirectory()) classDirs.push({ dir: innerPath, name: inner.name, split });
        else skipped.push({ path: innerPath, reason: outsideReason });
      }
    }
  }
  const classNames = [...new Set(classDirs.map((c) => c.name))].sort(byCodePoint);
  if (classNames.length === 0) {
    throw new DatasetError(`No class folders in ${absRoot}: expected ${absRoot}/<class>/<images> or ${absRoot}/train/<class>/<images>.`);
  }
  const images: ScannedImage[] = [];
  for (const { dir, name, split } of classDirs) {
    const classIndex = classNames.indexOf(name);
    for (const file of await walkFiles(dir)) {
      const ext = path.extname(file).toLowerCase();
      if (!IMAGE_EXTENSIONS.has(ext)) {
        skipped.push({ path: file, reason: ext ? `not an image file type (${ext})` : 'not an image file type (no extension)' });
        continue;
      }
      try {
        const info = await stat(file);
        images.push({ absPath: file, classIndex, size: info.size, mtimeMs: info.mtimeMs, ...(split ? { splitDir: split } : {}) });
        onFound?.(images.length);
      } catch (e) {
        skipped.push({ path: file, reason: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
      }
    }
  }
  images.sort((a, b) => byCodePoint(a.absPath, b.absPath));
  skipped.sort((a, b) => byCodePoint(a.path, b.path));
  const splitDirs = [...new Set(splitEntries.map((d) => SPLIT_DIR_NAMES[d.name.toLowerCase()]!))];
  return { root: absRoot, layout, classNames, images, skipped, splitDirs: layout === 'splits' ? splitDirs : [] };
}

/** Dot-files (.DS_Store, .git) are operating-system or tool clutter, never data; skip them silently. */
function isHidden(name: string): boolean {
  return name.startsWith('.') || name === 'Thumbs.db' || name === 'desktop.ini';
}

async function listDir(dir: string): Promise<Dirent[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.sort((a, b) => byCodePoint(a.name, b.name));
}

/** All non-hidden files below `dir`; symlinked folders are not followed (they can loop). */
async function walkFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await listDir(dir)) {
    if (isHidden(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walkFiles(full)));
    else if (entry.isFile() || entry.isSymbolicLink()) out.push(full);
  }
  return out;
}
