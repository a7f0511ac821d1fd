/**
 * DEMO ONLY. Small SVG pictures standing in for dataset images in demo mode: digits for MNIST
 * (demo-digits.ts), coloured shapes for the demo image folder, and either picture with an
 * augmentation drawn as SVG transforms. Nothing here decodes a real image.
 */
import type { AugmentationOptions } from '../../src-shared/training/dataset-types.js';
import { mulberry32 } from '../../src-shared/training/random.js';
import { digitImage, hashString } from './demo-digits.js';

const svgUrl = (body: string): string =>
  `data:image/svg+xml;utf8,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 28 28" width="56" height="56">${body}</svg>`)}`;

/** A coloured shape on a dark background (no <svg> wrapper). */
function shapeDrawing(className: string, index: number): { background: string; body: string } {
  const rnd = mulberry32(hashString(className) * 131 + index * 7919);
  const tilt = (rnd() - 0.5) * 24;
  const dx = (rnd() - 0.5) * 4;
  const hue = Math.floor(rnd() * 360);
  const fill = `hsl(${hue} 70% 55%)`;
  const r = 6 + rnd() * 4;
  const cx = 14 + dx;
  const cy = 14 + (rnd() - 0.5) * 4;
  const shape = {
    circle: `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}"/>`,
    square: `<rect x="${cx - r}" y="${cy - r}" width="${2 * r}" height="${2 * r}" rx="1" fill="${fill}" transform="rotate(${tilt.toFixed(1)} ${cx} ${cy})"/>`,
    triangle: `<path d="M${cx} ${cy - r} L${cx + r} ${cy + r * 0.8} L${cx - r} ${cy + r * 0.8}Z" fill="${fill}" transform="rotate(${tilt.toFixed(1)} ${cx} ${cy})"/>`,
    star: `<path d="${starPath(cx, cy, r)}" fill="${fill}" transform="rotate(${tilt.toFixed(1)} ${cx} ${cy})"/>`,
  }[className] ?? `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}"/>`;
  const shade = 18 + Math.floor(rnd() * 20);
  return { background: `hsl(${(hue + 180) % 360} 12% ${shade}%)`, body: shape };
}

/** One demo thumbnail as a data: URL: a digit for class names 0–9, else a shape. */
export function demoThumbnail(className: string, index: number): string {
  if (/^\d$/.test(className)) return digitImage(Number(className), hashString(className) + index * 7919);
  const { background, body } = shapeDrawing(className, index);
  return svgUrl(`<rect width="28" height="28" fill="${background}"/>${body}`);
}

/** The sample drawn with random augmentation parameters, as the trainer would draw them. */
export function demoAugmented(className: string, aug: AugmentationOptions, rnd: () => number): string {
  const picture = demoThumbnail(className, 0).replace(/"/g, '%22');
  const flip = aug.flipHorizontal && rnd() < 0.5;
  const angle = (aug.rotationDeg ?? 0) * (rnd() * 2 - 1);
  const sx = (aug.shift ?? 0) * (rnd() * 2 - 1) * 28;
  const sy = (aug.shift ?? 0) * (rnd() * 2 - 1) * 28;
  const zoom = 1 + (aug.zoom ?? 0) * (rnd() * 2 - 1);
  const light = (aug.brightness ?? 0) * (rnd() * 2 - 1);
  const transform = [
    `translate(${(14 + sx).toFixed(2)} ${(14 + sy).toFixed(2)})`,
    `rotate(${angle.toFixed(1)})`,
    `scale(${(flip ? -zoom : zoom).toFixed(3)} ${zoom.toFixed(3)})`,
    'translate(-14 -14)',
  ].join(' ');
  const overlay =
    light === 0 ? '' : `<rect width="28" height="28" fill="${light > 0 ? '#fff' : '#000'}" opacity="${Math.abs(light).toFixed(2)}"/>`;
  // Areas moved into view are filled with black, as the trainer's affine warp fills them.
  return svgUrl(`<rect width="28" height="28" fill="#000"/><g transform="${transform}"><image href="${picture}" width="28" height="28"/></g>${overlay}`);
}

function starPath(cx: number, cy: number, r: number): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.45;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    points.push(`${(cx + radius * Math.cos(a)).toFixed(2)} ${(cy + radius * Math.sin(a)).toFixed(2)}`);
  }
  return `M${points.join(' L')}Z`;
}
