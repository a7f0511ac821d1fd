import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeImageBytes, decodeImageFile } from '../../../../src-main/datasets/decode-image.js';
import type { ImagePreprocessing } from '../../../../src-shared/training/dataset-types.js';
import { garbage, pattern, tempDir, truncatedJpeg, writeImage } from './image-fixtures.js';
import sharp from 'sharp';

// 40×20: left half red, right half blue.
const halves = pattern(40, 20, (x) => (x < 20 ? [255, 0, 0] : [0, 0, 255]));
const png = (): Promise<Buffer> =>
  sharp(halves, { raw: { width: 40, height: 20, channels: 3 } })
    .png()
    .toBuffer();
const px = (pixels: Uint8Array, width: number, x: number, y: number, channels = 3): number[] =>
  Array.from(pixels.subarray((y * width + x) * channels, (y * width + x + 1) * channels));
const target = (resize: ImagePreprocessing['resize'], channels: 1 | 3 = 3): ImagePreprocessing => ({
  height: 10,
  width: 10,
  channels,
  resize,
});

async function decoded(resize: ImagePreprocessing['resize'], channels: 1 | 3 = 3): Promise<Uint8Array> {
  const r = await decodeImageBytes(await png(), target(resize, channels));
  if (!r.ok) throw new Error(r.reason);
  return r.pixels;
}

describe('decodeImageBytes resize modes', () => {
  it('stretch fills the frame, keeping halves', async () => {
    const p = await decoded('stretch');
    expect(p.length).toBe(300);
    expect(px(p, 10, 0, 0)).toEqual([255, 0, 0]);
    expect(px(p, 10, 9, 9)).toEqual([0, 0, 255]);
  });

  it('crop keeps the centre square (still half red, half blue) with no black', async () => {
    const p = await decoded('crop');
    expect(px(p, 10, 0, 5)).toEqual([255, 0, 0]);
    expect(px(p, 10, 9, 5)).toEqual([0, 0, 255]);
    expect(px(p, 10, 0, 0)).toEqual([255, 0, 0]); // no letterbox
  });

  it('pad letterboxes with black above and below', async () => {
    const p = await decoded('pad');
    expect(px(p, 10, 0, 0)).toEqual([0, 0, 0]);
    expect(px(p, 10, 9, 9)).toEqual([0, 0, 0]);
    expect(px(p, 10, 0, 5)).toEqual([255, 0, 0]);
    expect(px(p, 10, 9, 5)).toEqual([0, 0, 255]);
  });

  it('grayscale yields one channel; gray input expands to equal RGB channels', async () => {
    const g = await decoded('stretch', 1);
    expect(g.length).toBe(100);
    expect(g[0]).toBeGreaterThan(g[99]!); // red is brighter than blue in luminance
    const grayPng = await sharp(Buffer.alloc(16, 77), { raw: { width: 4, height: 4, channels: 1 } })
      .png()
      .toBuffer();
    const r = await decodeImageBytes(grayPng, { height: 4, width: 4, channels: 3, resize: 'stretch' });
    expect(r.ok && px(r.pixels, 4, 2, 2)).toEqual([77, 77, 77]);
  });

  it('flattens transparency onto black', async () => {
    const transparent = await sharp({ create: { width: 4, height: 4, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 0 } } })
      .png()
      .toBuffer();
    const r = await decodeImageBytes(transparent, { height: 4, width: 4, channels: 3, resize: 'stretch' });
    expect(r.ok && Array.from(r.pixels).every((v) => v === 0)).toBe(true);
  });
});

describe('decodeImageFile failures', async () => {
  const { dir, cleanup } = await tempDir();
  afterAll(cleanup);

  it('reads webp, gif, tiff and jpeg', async () => {
    for (const format of ['webp', 'gif', 'tiff', 'jpeg'] as const) {
      const file = path.join(dir, `ok.${format}`);
      await writeImage(file, 40, 20, halves, format);
      const r = await decodeImageFile(file, target('stretch'));
      expect(r.ok, format).toBe(true);
    }
  });

  it('explains corrupt, truncated, empty, non-image and missing files', async () => {
    await writeFile(path.join(dir, 'corrupt.png'), garbage(2048));
    await writeFile(path.join(dir, 'half.jpg'), await truncatedJpeg());
    await writeFile(path.join(dir, 'empty.png'), Buffer.alloc(0));
    await writeFile(path.join(dir, 'fake.jpg'), 'just some text, not an image');
    const reason = async (name: string): Promise<string> => {
      const r = await decodeImageFile(path.join(dir, name), target('stretch'));
      return r.ok ? 'decoded!' : r.reason;
    };
    expect(await reason('corrupt.png')).toBe('not a recognized image (unknown format or corrupt data)');
    expect(await reason('half.jpg')).toMatch(/^truncated or corrupt image data \(.*premature end of JPEG/);
    expect(await reason('empty.png')).toBe('empty file (0 bytes)');
    expect(await reason('fake.jpg')).toBe('not a recognized image (unknown format or corrupt data)');
    expect(await reason('missing.png')).toBe('cannot read the file (ENOENT)');
  });
});
