/**
 * What every export carries besides the network: how raw inputs become model inputs (shape,
 * layout, channel order, resize, normalization) and what the outputs mean (class names). Written
 * as `preprocessing.json` next to each exported artifact, so TF.js, ONNX, Keras and PyTorch users
 * apply exactly the transform the app trained with.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Normalization, ResizeMode } from '../../src-shared/training/dataset-types.js';

/** The export formats, in the order they are written and reported. */
export const EXPORT_FORMATS = ['tfjs', 'onnx', 'keras', 'pytorch'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How a sample's axes are arranged (batch first): images NHWC, sequences NTC, vectors NC, token ids NT. */
export type InputLayout = 'NHWC' | 'NTC' | 'NC' | 'NT';

/** Everything between a raw sample and the model input, plus the meaning of the outputs. */
export interface Preprocessing {
  /** Per-sample input shape (no batch axis), e.g. [28, 28, 1]. */
  inputShape: number[];
  inputDtype: 'float32' | 'int32';
  layout: InputLayout;
  /** Images only: 'RGB' (3 channels) or 'L' (grayscale); null for other data. */
  channelOrder: 'RGB' | 'L' | null;
  /** Images only: how a picture is fitted to height × width; null for other data. */
  resize: ResizeMode | null;
  /** value = (byte / 255 − mean[c]) / std[c] for images; null when inputs are used as given. */
  normalization: Normalization | null;
  task: 'classification' | 'regression';
  /** Output index → class name (empty for regression). */
  classNames: string[];
}

/** The layout the app uses for an input of this per-sample rank and dtype. */
export function layoutForShape(shape: readonly number[], dtype: 'float32' | 'int32'): InputLayout {
  if (shape.length === 3) return 'NHWC';
  if (shape.length === 2) return 'NTC';
  return dtype === 'int32' ? 'NT' : 'NC';
}

/** Preprocessing for a model whose data pipeline is unknown: inputs are taken as they are. */
export function plainPreprocessing(inputShape: number[], inputDtype: 'float32' | 'int32', outputUnits: number): Preprocessing {
  const image = inputShape.length === 3;
  const channels = inputShape[2];
  return {
    inputShape,
    inputDtype,
    layout: layoutForShape(inputShape, inputDtype),
    channelOrder: image ? (channels === 1 ? 'L' : channels === 3 ? 'RGB' : null) : null,
    resize: null,
    normalization: null,
    task: 'classification',
    classNames: Array.from({ length: outputUnits }, (_, i) => String(i)),
  };
}

/** The JSON document written as preprocessing.json (self-describing: it spells out the formula). */
export function preprocessingDocument(prep: Preprocessing): Record<string, unknown> {
  const [height, width, channels] = prep.layout === 'NHWC' ? prep.inputShape : [];
  return {
    format: 'netwright-preprocessing',
    version: 1,
    input: {
      shape: prep.inputShape,
      dtype: prep.inputDtype,
      layout: prep.layout,
      ...(prep.layout === 'NHWC' ? { height, width, channels } : {}),
      channelOrder: prep.channelOrder,
    },
    resize: prep.resize,
    normalization: prep.normalization
      ? { ...prep.normalization, formula: 'value = (byte / 255 - mean[c]) / std[c]', scale: '[0, 255] bytes' }
      : null,
    task: prep.task,
    classNames: prep.classNames,
  };
}

/** Writes preprocessing.json into `dir`. */
export async function writePreprocessingJson(dir: string, prep: Preprocessing): Promise<string> {
  const file = path.join(dir, 'preprocessing.json');
  await writeFile(file, `${JSON.stringify(preprocessingDocument(prep), null, 2)}\n`);
  return file;
}
