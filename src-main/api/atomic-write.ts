/**
 * Writes a file so that a crash, a full disk or a failed write never leaves it half-written:
 * the data goes to a temporary file in the same folder, is flushed to disk, and only then
 * replaces the target by rename (atomic within one file system).
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';

/** The file operations the write needs; tests pass failing ones to prove the old file survives. */
export interface AtomicWriteFs {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  unlink: typeof fsp.unlink;
}

const realFs: AtomicWriteFs = { open: fsp.open, rename: fsp.rename, unlink: fsp.unlink };

/** Writes `data` to `file` atomically: temp file, fsync, rename, then fsync the folder. */
export async function writeFileAtomic(file: string, data: string | Uint8Array, fs: AtomicWriteFs = realFs): Promise<void> {
  const dir = path.dirname(file);
  // Dot-prefixed and random, so it never collides and file browsers hide it.
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.unlink(temp).catch(() => {});
    throw error;
  }
  await syncDir(dir, fs);
}

/**
 * Makes the rename itself durable. Windows cannot open a folder for fsync; there the rename is
 * already durable through NTFS's journal, so a failure here is not an error.
 */
async function syncDir(dir: string, fs: AtomicWriteFs): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort (see above).
  }
}
