/**
 * Predictions for image files with a trained model and its saved preprocessing: decoded and resized
 * by the same function the dataset import uses, normalized with the run's statistics, then top-k.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { decodeImageFile } from '../datasets/decode-image.js';
import { byteLookup, bytesToFloats } from '../datasets/normalization.js';
import { IMAGE_EXTENSIONS } from '../datasets/scan-image-folder.js';
import type { Preprocessing } from './preprocessing.js';

export interface ImagePrediction {
  file: string;
  /** The best `k` classes, most likely first (classification). */
  top?: { className: string; index: number; probability: number }[];
  /** The raw output values (regression, or one sigmoid unit). */
  values?: number[];
  /** Why the file was not predicted (unreadable, not an image). */
  error?: string;
}

/** Image files at `target`: the file itself, or every image under the folder (recursively, sorted). */
export async function listImages(target: string): Promise<string[]> {
  const info = await stat(target);
  if (!info.isDirectory()) return [target];
  const out: string[] = [];
  for (const entry of (await readdir(target, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(target, entry.name);
    if (entry.isDirectory()) out.push(...(await listImages(full)));
    else if (IMAGE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) out.push(full);
  }
  return out;
}

/** Predicts every file (in batches of 64); a file that cannot be decoded gets an error entry instead. */
export async function predictImages(model: tf.LayersModel, prep: Preprocessing, files: string[], k = 3): Promise<ImagePrediction[]> {
  if (prep.layout !== 'NHWC') throw new Error(`this model takes ${prep.layout} inputs, not images`);
  const [height, width, channels] = prep.inputShape as [number, number, number];
  if (channels !== 1 && channels !== 3) throw new Error(`images have 1 or 3 channels; this model wants ${channels}`);
  const target = { height, width, channels, resize: prep.resize ?? 'stretch' } as const;
  const lookup = byteLookup(prep.normalization ?? { kind: 'unit', mean: Array(channels).fill(0), std: Array(channels).fill(1) });
  const per = height * width * channels;
  const results: ImagePrediction[] = [];
  for (let start = 0; start < files.length; start += 64) {
    const chunk = files.slice(start, start + 64);
    const decoded = await Promise.all(chunk.map((f) => decodeImageFile(f, target)));
    const good = chunk.flatMap((file, i) => {
      const d = decoded[i]!;
      if (d.ok) return [{ file, pixels: d.pixels }];
      results.push({ file, error: d.reason });
      return [];
    });
    if (good.length === 0) continue;
    const x = new Float32Array(good.length * per);
    good.forEach((g, i) => bytesToFloats(g.pixels, lookup, x, i * per));
    const y = tf.tidy(() => (model.predict(tf.tensor(x, [good.length, height, width, channels])) as tf.Tensor).dataSync() as Float32Array);
    const units = y.length / good.length;
    good.forEach((g, i) => results.push({ file: g.file, ...rankOutput(Array.from(y.subarray(i * units, (i + 1) * units)), prep, k) }));
  }
  const order = new Map(files.map((f, i) => [f, i]));
  return results.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
}

/** One sample's output row as the best `k` classes (classification) or the raw values (regression). */
export function rankOutput(output: number[], prep: Pick<Preprocessing, 'task' | 'classNames'>, k: number): Pick<ImagePrediction, 'top' | 'values'> {
  let row = output;
  // One sigmoid unit is P(second class): spell out both classes.
  if (row.length === 1 && prep.task === 'classification' && prep.classNames.length === 2) row = [1 - row[0]!, row[0]!];
  if (prep.task === 'regression' || row.length === 1) return { values: row };
  const ranked = row.map((p, index) => ({ className: prep.classNames[index] ?? String(index), index, probability: p })).sort((a, b) => b.probability - a.probability);
  return { top: ranked.slice(0, Math.max(1, k)) };
}
