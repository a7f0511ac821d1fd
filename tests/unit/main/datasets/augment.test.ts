import { describe, expect, it } from 'vitest';
import { applyAugmentation, augmentImage, IDENTITY_AUGMENT, sampleAugmentParams } from '../../../../src-main/datasets/augment.js';
import { createRng } from '../../../../src-shared/training/random.js';

// 2 rows × 3 columns, one channel:  1 2 3 / 4 5 6  (scaled to [0, 1] as tenths)
const image = Float32Array.from([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]);
const rounded = (a: Float32Array): number[] => Array.from(a, (v) => Math.round(v * 1000) / 1000);

describe('augmentation', () => {
  it('flips left–right exactly', () => {
    const out = applyAugmentation(image, 2, 3, 1, { ...IDENTITY_AUGMENT, flip: true });
    expect(rounded(out)).toEqual([0.3, 0.2, 0.1, 0.6, 0.5, 0.4]);
  });

  it('shifts by whole pixels and fills with black', () => {
    expect(rounded(applyAugmentation(image, 2, 3, 1, { ...IDENTITY_AUGMENT, dx: 1 }))).toEqual([0, 0.1, 0.2, 0, 0.4, 0.5]);
    expect(rounded(applyAugmentation(image, 2, 3, 1, { ...IDENTITY_AUGMENT, dy: -1 }))).toEqual([0.4, 0.5, 0.6, 0, 0, 0]);
  });

  it('keeps channels together (RGB flip)', () => {
    const rgb = Float32Array.from([1, 0, 0, 0, 0, 1]); // red | blue, 1×2
    expect(rounded(applyAugmentation(rgb, 1, 2, 3, { ...IDENTITY_AUGMENT, flip: true }))).toEqual([0, 0, 1, 1, 0, 0]);
  });

  it('rotates a square by 90° around its centre', () => {
    const square = Float32Array.from([0.1, 0.2, 0.3, 0.4]); // a b / c d
    const out = applyAugmentation(square, 2, 2, 1, { ...IDENTITY_AUGMENT, rotationRad: Math.PI / 2 });
    expect(rounded(out)).toEqual([0.3, 0.1, 0.4, 0.2]); // c a / d b: a quarter turn clockwise on screen
  });

  it('zooms in around the centre', () => {
    const wide = Float32Array.from({ length: 16 }, (_, i) => (i % 4 === 1 || i % 4 === 2 ? 1 : 0)); // 4×4, middle columns lit
    const out = applyAugmentation(wide, 4, 4, 1, { ...IDENTITY_AUGMENT, scale: 2 });
    expect(out.every((v) => v > 0.2)).toBe(true); // the lit middle now fills the frame (blurred edges)
  });

  it('adds brightness and clamps to [0, 1]', () => {
    expect(rounded(applyAugmentation(image, 2, 3, 1, { ...IDENTITY_AUGMENT, brightness: 0.5 }))).toEqual([0.6, 0.7, 0.8, 0.9, 1, 1]);
  });

  it('is deterministic for a seed, varies across seeds, and leaves the source alone', () => {
    const big = Float32Array.from({ length: 8 * 8 * 3 }, (_, i) => (i % 7) / 7);
    const copy = big.slice();
    const options = { flipHorizontal: true, rotationDeg: 15, shift: 0.1, zoom: 0.1, brightness: 0.1 };
    const a = augmentImage(big, [8, 8, 3], options, createRng(11));
    const b = augmentImage(big, [8, 8, 3], options, createRng(11));
    const c = augmentImage(big, [8, 8, 3], options, createRng(12));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
    expect(Array.from(big)).toEqual(Array.from(copy));
  });

  it('draws parameters within the requested ranges', () => {
    const rng = createRng(3);
    for (let i = 0; i < 200; i++) {
      const p = sampleAugmentParams(rng, { rotationDeg: 10, shift: 0.25, zoom: 0.2, brightness: 0.3 }, 8, 8);
      expect(Math.abs(p.rotationRad)).toBeLessThanOrEqual((10 * Math.PI) / 180);
      expect(Math.abs(p.dx)).toBeLessThanOrEqual(2);
      expect(p.scale).toBeGreaterThanOrEqual(0.8);
      expect(p.scale).toBeLessThanOrEqual(1.2);
      expect(Math.abs(p.brightness)).toBeLessThanOrEqual(0.3);
      expect(p.flip).toBe(false);
    }
  });
});
