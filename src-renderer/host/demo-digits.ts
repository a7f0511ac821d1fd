/**
 * Demo mode only: tiny MNIST-like digit pictures drawn as SVG data URLs (white pen strokes on
 * black, jittered per sample, softly blurred), so results galleries have something to show
 * without a trained model. Each picture carries `<desc>demo digit N</desc>`, which lets the
 * demo's "Try it" recognise a picture dropped back onto it.
 */
import { mulberry32 } from '../../src-shared/training/random.js';

/** One pen stroke per digit on a 28×28 grid, roughly where MNIST centres its digits. */
const STROKES = [
  'M14 5C8.5 5 7.5 11 7.5 14.5C7.5 20 10.5 23 14 23C18 23 20.5 19 20.5 14C20.5 8.5 18 5 14 5Z',
  'M11.5 8L15 5L14.2 23',
  'M8 9C9 5 17 4 18.5 8C20 12 12 17 8 23L20.5 23',
  'M8 7C11 4 19 4 18.5 9C18 12.5 14 13.5 12 13.5C16 13.5 20 15 19.5 19C19 23.5 11 24 7.5 21',
  'M9 5L7.5 16L20.5 16M16.5 8L16.5 23',
  'M19 5L10 5L9 13C12 11.5 19 11.5 19 17.5C19 23 11 24 8 21',
  'M17.5 5C12 7 8 12 8 18C8 22 11 23.5 13.5 23.5C17 23.5 19 21 19 18C19 14.5 16 13 13.5 13C11 13 9 14.5 8 16',
  'M7.5 5.5L20 5.5L12.5 23',
  'M14 13.5C9 12.5 8.5 5 14 5C19.5 5 19 12.5 14 13.5C8 14.5 7.5 23 14 23C20.5 23 20 14.5 14 13.5Z',
  'M19 11C18 15 9 15 9 10C9 6 12 5 14 5C17 5 19 7 19 11L18 23',
] as const;

/**
 * Ambiguous shapes for common mistakes, keyed "actual>predicted": a 4 with a closed top reads
 * as a 9, a 7 with a foot as a 2. Mistake samples use them half the time.
 */
const AMBIGUOUS: Record<string, string> = {
  '0>6': 'M16 5C11 5.5 8 10 8 16C8 21 11 23 14 23C18 23 20 20 20 16C20 12 17 10.5 14 11C11 11.5 8.8 13 8.2 15',
  '1>7': 'M9 8.5C11 7 13 5.5 15.5 5L14.5 23',
  '4>9': 'M16.5 6C11 5 8 8.5 8.5 12C9 15 13 15 17 13.5M16.5 6L16.5 23',
  '9>4': 'M10 5L9 13C12 14 16 13.5 18.5 12M18.5 5L18 23',
  '7>2': 'M7.5 5.5L20 5.5L11.5 21C14 20.5 17 21 20 22',
  '2>7': 'M8 7C10 4.5 18 4 19 7.5C19.5 11 14 16 11 23',
  '3>5': 'M18 5.5L10 6L9.5 12.5C13 11.5 19 12.5 18.5 17.5C18 23 11 23.5 8 21',
  '5>3': 'M18.5 5.5L11 5.5C11 8 10.5 11 10 12.5C14 11.5 19 13 18.5 18C18 23 11 24 7.5 21',
  '8>3': 'M9 7C11 4 18.5 4 18 9C17.5 12.5 12 13 11 13.5C16 13.5 19.5 15 19 19C18.5 23.5 11 24 8 21C9 18 12 15 13 13.5',
};

/** A stable 32-bit hash (FNV-1a) of a string, for seeding per-sample jitter. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const svgUrl = (svg: string) => `data:image/svg+xml,${encodeURIComponent(svg)}`;

/**
 * A handwritten-looking `digit` (0–9). `seed` varies slant, size, position and pen width;
 * `messy` (0–1) adds more distortion, for the samples a model gets wrong; `mistakenFor` may
 * pick a shape that really could be that other digit.
 */
export function digitImage(digit: number, seed: number, messy = 0, mistakenFor?: number): string {
  const rand = mulberry32(seed);
  const spread = (amount: number) => (rand() - 0.5) * 2 * amount;
  const rotate = spread(9 + 14 * messy);
  const skew = spread(10 + 12 * messy);
  const scale = 0.92 + spread(0.08 + 0.1 * messy);
  const dx = spread(1.2 + messy);
  const dy = spread(1 + messy);
  const pen = 2.3 + rand() * 0.8;
  const ambiguous = mistakenFor === undefined ? undefined : AMBIGUOUS[`${digit}>${mistakenFor}`];
  const d = ambiguous && rand() < 0.6 ? ambiguous : STROKES[((digit % 10) + 10) % 10];
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 28 28" width="28" height="28">` +
    `<desc>demo digit ${digit}</desc>` +
    `<defs><filter id="b" x="-10%" y="-10%" width="120%" height="120%"><feGaussianBlur stdDeviation="0.5"/></filter></defs>` +
    `<rect width="28" height="28" fill="#000"/>` +
    `<g filter="url(#b)" transform="translate(${(14 + dx).toFixed(2)} ${(14 + dy).toFixed(2)}) rotate(${rotate.toFixed(1)}) skewX(${skew.toFixed(1)}) scale(${scale.toFixed(3)}) translate(-14 -14)">` +
    `<path d="${d}" fill="none" stroke="#fff" stroke-width="${pen.toFixed(2)}" stroke-linecap="round" stroke-linejoin="round"/></g></svg>`;
  return svgUrl(svg);
}

/** The SVG source of an SVG data URL (plain or base64, as FileReader makes it); else the input. */
function svgText(image: string): string {
  try {
    if (image.startsWith('data:image/svg+xml,')) return decodeURIComponent(image.slice(19));
    if (image.startsWith('data:image/svg+xml;base64,')) return atob(image.slice(26));
  } catch {
    // not ours: malformed escapes or base64
  }
  return image;
}

/** The digit a demo picture shows, if `image` is one of ours (see the module comment). */
export function demoDigitOf(image: string): number | null {
  const text = svgText(image);
  const m = /<desc>demo digit (\d)<\/desc>/.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * "The input as the model saw it", demo style: the picture scaled into a 28×28 grayscale
 * square. A real trainer resizes and normalizes; this only has to look the part.
 */
export function demoPreprocessed(image: string): string {
  if (demoDigitOf(image) !== null) return image;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 28 28" width="28" height="28">` +
    `<desc>demo preprocessed input</desc>` +
    `<defs><filter id="g"><feColorMatrix type="saturate" values="0"/></filter></defs>` +
    `<rect width="28" height="28" fill="#000"/>` +
    `<image href="${image.replace(/"/g, '%22')}" xlink:href="${image.replace(/"/g, '%22')}" width="28" height="28" preserveAspectRatio="xMidYMid slice" filter="url(#g)"/></svg>`;
  return svgUrl(svg);
}
