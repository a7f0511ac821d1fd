/**
 * dataset:augmentPreview's work: one real training image and `count` augmented versions of it,
 * drawn with the trainer's own augmentation code on [0, 1] pixels. Seeded per image, so the same
 * seed shows the same previews (the panel re-renders without flicker) and a new seed new ones.
 */
import sharp from 'sharp';
import type { AugmentationOptions, ImagePreprocessing } from '../../src-shared/training/dataset-types.js';
import type { DataSource } from '../../src-shared/training/protocol.js';
import { createRng, deriveSeed } from '../../src-shared/training/random.js';
import { augmentImage, decodeImageFile, loadMnist } from '../datasets/index.js';
import { scanImageFolder } from '../datasets/scan-image-folder.js';
import { ApiFailure } from './api-failure.js';
import { pngDataUrl, unitToBytes, type ImageShape } from './image-encode.js';

/** Longest side of a preview decoded at its own proportions (no Input size given). */
export const PREVIEW_SIDE = 128;
/** Files tried before giving up on a folder whose first images are unreadable. */
const MAX_TRIES = 20;

export interface PreviewOptions {
  source: DataSource;
  augmentation: AugmentationOptions;
  count: number;
  seed: number;
  sampleShape?: number[];
}

/** The original and `count` augmented versions, as PNG data URLs. */
export async function augmentPreview(options: PreviewOptions): Promise<{ original: string; images: string[] }> {
  const { pixels, shape } = await firstImage(options);
  const tuple = [shape.height, shape.width, shape.channels] as const;
  const images = await Promise.all(
    Array.from({ length: options.count }, (_, i) => {
      // One generator per preview: preview i looks the same whatever `count` is.
      const rng = createRng(deriveSeed(options.seed, 'augment-preview', i));
      return pngDataUrl(unitToBytes(augmentImage(pixels, tuple, options.augmentation, rng)), shape);
    }),
  );
  return { original: await pngDataUrl(unitToBytes(pixels), shape), images };
}

/** The dataset's first usable image as [0, 1] floats. */
async function firstImage(options: PreviewOptions): Promise<{ pixels: Float32Array; shape: ImageShape }> {
  const { source } = options;
  if (source.kind === 'csv') throw new ApiFailure('BAD_REQUEST', 'Augmentation changes images; a CSV table has none to preview.');
  if (source.kind === 'mnist') {
    const data = await loadMnist();
    const size = 28 * 28;
    return { pixels: data.x.slice(0, size), shape: { height: 28, width: 28, channels: 1 } };
  }
  const scan = await scanImageFolder(source.path);
  for (const image of scan.images.slice(0, MAX_TRIES)) {
    const target = await previewTarget(image.absPath, options.sampleShape, source.resize ?? 'stretch');
    if (!target) continue;
    const decoded = await decodeImageFile(image.absPath, target);
    if (!decoded.ok) continue;
    return { pixels: Float32Array.from(decoded.pixels, (b) => b / 255), shape: target };
  }
  throw new ApiFailure('BAD_REQUEST', `None of the first ${Math.min(MAX_TRIES, scan.images.length)} images in ${source.path} could be decoded.`);
}

/** The Input's size when given; otherwise the file's own proportions, at most PREVIEW_SIDE on the long side. */
async function previewTarget(file: string, shape: number[] | undefined, resize: ImagePreprocessing['resize']): Promise<ImagePreprocessing | null> {
  if (shape?.length === 3 && (shape[2] === 1 || shape[2] === 3)) return { height: shape[0]!, width: shape[1]!, channels: shape[2], resize };
  const meta = await sharp(file).metadata().catch(() => null);
  const [w, h] = meta?.width && meta.height ? [meta.width, meta.height] : [PREVIEW_SIDE, PREVIEW_SIDE];
  const scale = Math.min(1, PREVIEW_SIDE / Math.max(w, h));
  return { height: Math.max(1, Math.round(h * scale)), width: Math.max(1, Math.round(w * scale)), channels: 3, resize: 'stretch' };
}
