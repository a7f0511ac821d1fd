/**
 * Pixels → PNG data URLs for the renderer (thumbnails, augmentation previews, mistakes, "try it").
 * Images arrive as HWC bytes or as model inputs; model inputs are un-normalized with the run's own
 * statistics first, so a standardized image looks like the photo, not like its z-scores.
 */
import sharp from 'sharp';
import type { Normalization } from '../../src-shared/training/dataset-types.js';

/** Images smaller than this (on their longer side) are enlarged for display. */
export const MIN_DISPLAY_SIDE = 48;

/** An image's layout: height × width × channels (1 = grey, 3 = RGB). */
export interface ImageShape {
  height: number;
  width: number;
  channels: number;
}

/**
 * Encodes HWC bytes as a PNG data URL. Tiny images (MNIST's 28×28) are enlarged by a whole factor
 * with nearest-neighbour sampling, so each pixel stays a crisp square instead of a blur.
 */
export async function pngDataUrl(bytes: Uint8Array, shape: ImageShape): Promise<string> {
  const { height, width, channels } = shape;
  const factor = Math.max(1, Math.ceil(MIN_DISPLAY_SIDE / Math.max(height, width)));
  let image = sharp(Buffer.from(bytes.buffer, bytes.byteOffset, height * width * channels), { raw: { width, height, channels: channels as 1 | 2 | 3 | 4 } });
  if (factor > 1) image = image.resize(width * factor, height * factor, { kernel: 'nearest' });
  const png = await image.png({ compressionLevel: 6 }).toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** [0, 1] floats → bytes (clamped, rounded). */
export function unitToBytes(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.round(Math.min(1, Math.max(0, values[i]!)) * 255);
  return out;
}

/** Model inputs → display bytes: undoes value = (byte/255 − mean[c]) / std[c] (null = already [0, 1]). */
export function inputToBytes(values: ArrayLike<number>, normalization: Normalization | null, channels: number): Uint8Array {
  if (!normalization) return unitToBytes(values);
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const c = normalization.mean.length === 1 ? 0 : i % channels;
    const unit = values[i]! * (normalization.std[c] ?? 1) + (normalization.mean[c] ?? 0);
    out[i] = Math.round(Math.min(1, Math.max(0, unit)) * 255);
  }
  return out;
}
