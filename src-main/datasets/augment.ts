/**
 * Image augmentation on Float32Array HWC images in [0, 1]: flip, rotation, shift, zoom (one affine
 * warp with bilinear sampling, black outside the source) and brightness. Pure and deterministic
 * given the Rng, so a seeded training run sees the same augmented images every time.
 */
import type { AugmentationOptions } from '../../src-shared/training/dataset-types.js';
import type { Rng } from '../../src-shared/training/random.js';

/** One concrete draw of augmentation parameters; shifts are in pixels. */
export interface AugmentParams {
  flip: boolean;
  rotationRad: number;
  scale: number;
  dx: number;
  dy: number;
  brightness: number;
}

/** Parameters that leave an image unchanged. */
export const IDENTITY_AUGMENT: AugmentParams = { flip: false, rotationRad: 0, scale: 1, dx: 0, dy: 0, brightness: 0 };

/** True when the options would change anything (so callers can skip the copy). */
export function hasAugmentation(options: AugmentationOptions | undefined): boolean {
  if (!options) return false;
  return Boolean(options.flipHorizontal) || !!options.rotationDeg || !!options.shift || !!options.zoom || !!options.brightness;
}

/** Draws random parameters within the option ranges; always consumes the same number of draws. */
export function sampleAugmentParams(rng: Rng, options: AugmentationOptions, height: number, width: number): AugmentParams {
  // Draw every value even when its option is off, so turning one option on does not reshuffle the others.
  const flipDraw = rng.next();
  const rot = rng.uniform(-1, 1);
  const sx = rng.uniform(-1, 1);
  const sy = rng.uniform(-1, 1);
  const zoom = rng.uniform(-1, 1);
  const bright = rng.uniform(-1, 1);
  return {
    flip: Boolean(options.flipHorizontal) && flipDraw < 0.5,
    rotationRad: (rot * (options.rotationDeg ?? 0) * Math.PI) / 180,
    // Whole pixels keep shifted images sharp (no bilinear blur from sub-pixel offsets).
    dx: Math.round(sx * (options.shift ?? 0) * width),
    dy: Math.round(sy * (options.shift ?? 0) * height),
    scale: 1 + zoom * (options.zoom ?? 0),
    brightness: bright * (options.brightness ?? 0),
  };
}

/**
 * Applies `params` to an HWC image. Output pixel p maps back to source point
 * flip⁻¹(scale⁻¹ · rotate⁻¹(p − centre − shift)) + centre, sampled bilinearly.
 */
export function applyAugmentation(
  src: Float32Array,
  height: number,
  width: number,
  channels: number,
  params: AugmentParams,
  out: Float32Array = new Float32Array(src.length),
): Float32Array {
  const geometric = params.flip || params.rotationRad !== 0 || params.scale !== 1 || params.dx !== 0 || params.dy !== 0;
  if (!geometric) out.set(src.subarray(0, height * width * channels));
  else warp(src, height, width, channels, params, out);
  if (params.brightness !== 0) {
    for (let i = 0; i < height * width * channels; i++) out[i] = Math.min(1, Math.max(0, (out[i] as number) + params.brightness));
  }
  return out;
}

function warp(src: Float32Array, height: number, width: number, channels: number, p: AugmentParams, out: Float32Array): void {
  const cx = width / 2;
  const cy = height / 2;
  const cos = Math.cos(p.rotationRad) / p.scale;
  const sin = Math.sin(p.rotationRad) / p.scale;
  const flip = p.flip ? -1 : 1;
  // Reads a source value, treating everything outside the image as black.
  const at = (x: number, y: number, c: number): number =>
    x < 0 || y < 0 || x >= width || y >= height ? 0 : (src[(y * width + x) * channels + c] as number);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = x + 0.5 - cx - p.dx;
      const v = y + 0.5 - cy - p.dy;
      const sx = flip * (cos * u + sin * v) + cx - 0.5;
      const sy = -sin * u + cos * v + cy - 0.5;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const o = (y * width + x) * channels;
      for (let c = 0; c < channels; c++) {
        const top = at(x0, y0, c) * (1 - fx) + (fx === 0 ? 0 : at(x0 + 1, y0, c) * fx);
        const bottom = fy === 0 ? 0 : at(x0, y0 + 1, c) * (1 - fx) + (fx === 0 ? 0 : at(x0 + 1, y0 + 1, c) * fx);
        out[o + c] = top * (1 - fy) + bottom * fy;
      }
    }
  }
}

/** Draws parameters from `rng` and augments one image (a new array; `src` is untouched). */
export function augmentImage(
  src: Float32Array,
  shape: readonly [number, number, number],
  options: AugmentationOptions,
  rng: Rng,
): Float32Array {
  const [height, width, channels] = shape;
  return applyAugmentation(src, height, width, channels, sampleAugmentParams(rng, options, height, width));
}
