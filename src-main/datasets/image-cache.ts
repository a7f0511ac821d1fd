/**
 * Per-image disk cache of decoded pixels. An entry is keyed by the file's absolute path, size and
 * modification time plus the preprocessing settings, so editing or replacing a file (or changing
 * the target size) misses the cache, while re-importing an unchanged folder decodes nothing.
 * Decode failures are cached too, so a corrupt file is not retried on every import.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImagePreprocessing } from '../../src-shared/training/dataset-types.js';
import type { DecodeResult } from './decode-image.js';

/** Bumped whenever decoding changes in a way that makes old entries wrong. */
export const IMAGE_CACHE_VERSION = 1;

/** The identity of a source file as far as the cache is concerned. */
export interface FileIdentity {
  absPath: string;
  size: number;
  mtimeMs: number;
}

// Entry layout: one tag byte, then either the raw pixels (OK) or the failure reason as UTF-8 (FAILED).
// A single file per entry means a miss costs one failed open, not two.
const OK = 1;
const FAILED = 2;

/** Reads and writes decoded images under `<cacheDir>/images/`. */
export class ImageCache {
  private readonly dir: string;
  private readonly recordBytes: number;
  /** Fan-out folders known to exist, so each is created once per import rather than per image. */
  private readonly madeDirs = new Set<string>();

  constructor(
    cacheDir: string,
    private readonly target: ImagePreprocessing,
  ) {
    this.dir = path.join(cacheDir, 'images');
    this.recordBytes = target.height * target.width * target.channels;
  }

  /** The cache key (a hex digest) of one file under this cache's preprocessing settings. */
  keyFor(file: FileIdentity): string {
    const { height, width, channels, resize } = this.target;
    const identity = JSON.stringify([IMAGE_CACHE_VERSION, file.absPath, file.size, file.mtimeMs, height, width, channels, resize]);
    return createHash('sha256').update(identity).digest('hex');
  }

  /** A cached result, or undefined on a miss (including damaged entries). */
  async get(key: string): Promise<DecodeResult | undefined> {
    const entry = await readFile(this.pathFor(key)).catch(() => undefined);
    if (!entry || entry.length === 0) return undefined;
    if (entry[0] === OK && entry.length === this.recordBytes + 1) {
      return { ok: true, pixels: new Uint8Array(entry.buffer, entry.byteOffset + 1, this.recordBytes) };
    }
    if (entry[0] === FAILED) return { ok: false, reason: entry.subarray(1).toString('utf8') };
    return undefined; // torn or foreign: decode again and overwrite it
  }

  /** Stores a result; cache write failures are ignored because the cache is only an optimization. */
  async put(key: string, result: DecodeResult): Promise<void> {
    const file = this.pathFor(key);
    const body = result.ok ? result.pixels : Buffer.from(result.reason, 'utf8');
    const entry = new Uint8Array(body.length + 1);
    entry[0] = result.ok ? OK : FAILED;
    entry.set(body, 1);
    try {
      const dir = path.dirname(file);
      if (!this.madeDirs.has(dir)) {
        await mkdir(dir, { recursive: true });
        this.madeDirs.add(dir);
      }
      // No temp-file-and-rename: creating files is the slow part on many disks, and a torn entry
      // fails the length check in get() and is simply decoded again.
      await writeFile(file, entry);
    } catch {
      // A full or read-only disk only costs speed.
    }
  }

  private pathFor(key: string): string {
    // Two-level fan-out keeps directories small for datasets of hundreds of thousands of images.
    return path.join(this.dir, key.slice(0, 2), `${key}.px`);
  }
}

/** Writes via a temporary file and rename, so a concurrent reader never sees half a file. */
export async function writeAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}
