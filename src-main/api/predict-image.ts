/**
 * predict:image's work: one picture through a run's model, prepared exactly as in training —
 * decoded and fitted by the importer's own decoder at the model's size, normalized with the run's
 * saved statistics — and ranked by the exporter's `rankOutput`, so "try it" agrees with
 * `netwright predict` and with the exported models' preprocessing.json.
 */
import * as tf from '@tensorflow/tfjs';
import type { ImagePreprocessing } from '../../src-shared/training/dataset-types.js';
import { decodeImageBytes } from '../datasets/decode-image.js';
import { byteLookup, bytesToFloats } from '../datasets/normalization.js';
import { rankOutput } from '../export/inference.js';
import type { RunSummary } from '../training/trainer/index.js';
import { ApiFailure } from './api-failure.js';
import { pngDataUrl } from './image-encode.js';

export interface ImagePredictionResult {
  top: { className: string; probability: number }[];
  image: string;
}

/** Classifies encoded image bytes (PNG, JPEG, …) with `model`, trained as `summary` records. */
export async function predictImage(model: tf.LayersModel, summary: RunSummary, bytes: Buffer, top: number): Promise<ImagePredictionResult> {
  const prep = summary.preprocessing;
  const target = decodeTarget(summary);
  const decoded = await decodeImageBytes(bytes, target);
  if (!decoded.ok) throw new ApiFailure('BAD_REQUEST', `The image cannot be used: ${decoded.reason}.`);
  const x = new Float32Array(decoded.pixels.length);
  bytesToFloats(decoded.pixels, byteLookup(prep.normalization ?? { kind: 'unit', mean: [0], std: [1] }), x);
  // MNIST models may take the 784 values flat or as 28×28: same numbers, the model's own shape.
  const output = tf.tidy(() => Array.from((model.predict(tf.tensor(x, [1, ...prep.inputShape])) as tf.Tensor).dataSync()));
  const ranked = rankOutput(output, { task: summary.task, classNames: prep.classNames }, top);
  const list = ranked.top
    ? ranked.top.map((t) => ({ className: t.className, probability: t.probability }))
    : (ranked.values ?? []).map((v, i) => ({ className: prep.labelName ?? prep.classNames[i] ?? `output ${i + 1}`, probability: v }));
  return { top: list, image: await pngDataUrl(decoded.pixels, { height: target.height, width: target.width, channels: target.channels }) };
}

/** The size and channels the run's images were decoded to. */
function decodeTarget(summary: RunSummary): ImagePreprocessing {
  const p = summary.preprocessing;
  if (p.source === 'mnist') return { height: 28, width: 28, channels: 1, resize: 'stretch' };
  if (p.source === 'folder' && p.inputShape.length === 3 && (p.channels === 1 || p.channels === 3))
    return { height: p.inputShape[0]!, width: p.inputShape[1]!, channels: p.channels, resize: p.resize ?? 'stretch' };
  throw new ApiFailure('UNSUPPORTED', 'This model reads table rows, not images: "try it" needs a model trained on images.');
}

/** The bytes of a `data:<type>;base64,…` URL. */
export function dataUrlBytes(url: string): Buffer {
  const match = /^data:([\w.+-]+\/[\w.+-]+)?(;[\w-]+=[^;,]*)*;base64,/i.exec(url);
  if (!match) throw new ApiFailure('BAD_REQUEST', 'The image must be a base64 data: URL (data:image/png;base64,…).');
  const bytes = Buffer.from(url.slice(match[0].length), 'base64');
  if (bytes.length === 0) throw new ApiFailure('BAD_REQUEST', 'The image data is empty.');
  return bytes;
}
