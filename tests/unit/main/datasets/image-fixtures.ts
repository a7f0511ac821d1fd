/**
 * Builds real image files for dataset tests: solid or patterned images in any format sharp
 * writes, hand-made BMPs, and the broken files a real folder contains (corrupt, truncated, empty).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

export type Rgb = [number, number, number];

/** A fresh temporary folder and a function that removes it. */
export async function tempDir(prefix = 'netwright-ds-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Raw RGB bytes where each pixel's colour comes from `colour(x, y)`. */
export function pattern(width: number, height: number, colour: (x: number, y: number) => Rgb): Buffer {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(colour(x, y), (y * width + x) * 3);
  return data;
}

/** Encodes raw RGB bytes to `format` at `file` (creating folders). */
export async function writeImage(
  file: string,
  width: number,
  height: number,
  rgb: Buffer,
  format: 'png' | 'jpeg' | 'webp' | 'gif' | 'tiff' = 'png',
): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const image = sharp(rgb, { raw: { width, height, channels: 3 } });
  await writeFile(file, await image.toFormat(format, format === 'jpeg' ? { quality: 95 } : {}).toBuffer());
}

/** Writes a single-colour image. */
export async function writeSolid(
  file: string,
  width: number,
  height: number,
  colour: Rgb,
  format?: 'png' | 'jpeg' | 'webp' | 'gif' | 'tiff',
): Promise<void> {
  await writeImage(
    file,
    width,
    height,
    pattern(width, height, () => colour),
    format,
  );
}

/** A 24-bit bottom-up (or, with topDown, top-down) uncompressed BMP of raw RGB bytes. */
export function encodeBmp24(width: number, height: number, rgb: Uint8Array, topDown = false): Buffer {
  const stride = Math.ceil((width * 3) / 4) * 4;
  const out = Buffer.alloc(54 + stride * height);
  out.write('BM', 0, 'ascii');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(54, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(width, 18);
  out.writeInt32LE(topDown ? -height : height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(24, 28);
  for (let y = 0; y < height; y++) {
    const row = 54 + (topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const s = (y * width + x) * 3;
      out[row + x * 3] = rgb[s + 2]!;
      out[row + x * 3 + 1] = rgb[s + 1]!;
      out[row + x * 3 + 2] = rgb[s]!;
    }
  }
  return out;
}

/** Random bytes that no decoder accepts (seeded, so the test is stable). */
export function garbage(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let s = seed;
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

/** A JPEG cut in half: the header parses but the scan data ends early. */
export async function truncatedJpeg(): Promise<Buffer> {
  const rgb = pattern(64, 64, (x, y) => [(x * 4) % 256, (y * 4) % 256, ((x + y) * 2) % 256]);
  const full = await sharp(rgb, { raw: { width: 64, height: 64, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
  return full.subarray(0, Math.floor(full.length / 2));
}

/** Primary colours used as class "signatures" in folder tests. */
export const CLASS_COLOURS: Record<string, Rgb> = { cat: [255, 0, 0], dog: [0, 255, 0], fox: [0, 0, 255] };
