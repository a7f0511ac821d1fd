/**
 * Decodes one image file into raw HWC bytes at the target size with sharp (BMP via our own
 * decoder). Failures come back as a reason string instead of an exception, so one bad file never
 * stops an import.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { ImagePreprocessing, ResizeMode } from '../../src-shared/training/dataset-types.js';
import { decodeBmp, isBmp } from './bmp.js';

/** Either the pixels (height·width·channels bytes) or why there are none. */
export type DecodeResult = { ok: true; pixels: Uint8Array } | { ok: false; reason: string };

const FIT: Record<ResizeMode, 'fill' | 'cover' | 'contain'> = { stretch: 'fill', crop: 'cover', pad: 'contain' };
const BLACK = { r: 0, g: 0, b: 0, alpha: 1 };

/** Reads and decodes a file; never throws for bad file contents. */
export async function decodeImageFile(filePath: string, target: ImagePreprocessing): Promise<DecodeResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch (e) {
    return { ok: false, reason: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  return decodeImageBytes(bytes, target);
}

/** Decodes in-memory file bytes to the target size and channel count. */
export async function decodeImageBytes(bytes: Buffer, target: ImagePreprocessing): Promise<DecodeResult> {
  if (bytes.length === 0) return { ok: false, reason: 'empty file (0 bytes)' };
  let image: sharp.Sharp;
  if (isBmp(bytes)) {
    try {
      const bmp = decodeBmp(bytes);
      image = sharp(Buffer.from(bmp.data.buffer, bmp.data.byteOffset, bmp.data.byteLength), {
        raw: { width: bmp.width, height: bmp.height, channels: 3 },
      });
    } catch (e) {
      return { ok: false, reason: (e as Error).message };
    }
  } else {
    // failOn 'warning' turns libjpeg's "premature end of data" into an error, so truncated files are skipped, not half-grey.
    image = sharp(bytes, { failOn: 'warning', animated: false });
  }
  try {
    const { data, info } = await image
      .rotate() // honour EXIF orientation, as photo viewers do
      .flatten({ background: BLACK }) // transparency becomes black, matching the padding colour
      .resize(target.width, target.height, { fit: FIT[target.resize], position: 'centre', background: BLACK })
      .toColourspace(target.channels === 1 ? 'b-w' : 'srgb')
      .removeAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    const expected = target.width * target.height * target.channels;
    if (info.channels !== target.channels || data.length !== expected) {
      return {
        ok: false,
        reason: `decoder produced ${info.width}×${info.height}×${info.channels}, expected ${target.width}×${target.height}×${target.channels}`,
      };
    }
    return { ok: true, pixels: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } catch (e) {
    return { ok: false, reason: explainSharpError((e as Error).message) };
  }
}

/** Rewrites libvips messages into something a user understands, keeping the original for support. */
function explainSharpError(message: string): string {
  const first = message.split('\n')[0]?.trim() ?? message;
  if (/unsupported image format/i.test(first)) return 'not a recognized image (unknown format or corrupt data)';
  // With failOn 'warning', libvips sometimes reports only "Warning treated as error" (the decoder's own
  // warning text goes to its log, depending on thread timing): that is still damaged image data.
  if (/premature end|truncat|unexpected end|not enough data|read error|Bogus|Corrupt|Warning treated as error/i.test(message)) {
    return `truncated or corrupt image data (${first})`;
  }
  return `could not decode the image (${first})`;
}
