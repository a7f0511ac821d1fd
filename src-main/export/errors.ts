/**
 * Why an export format refused a model. The message always names the layer and the reason, so a
 * user knows what to change; the other formats of the same export carry on regardless.
 */
import type { ExportFormat } from './preprocessing.js';

/** A layer (or one of its settings) the target format cannot express. */
export class UnsupportedLayerError extends Error {
  constructor(
    readonly format: ExportFormat,
    readonly layerName: string,
    readonly layerType: string,
    readonly reason: string,
  ) {
    super(`${FORMAT_LABEL[format]} cannot express ${layerType} "${layerName}": ${reason}`);
    this.name = 'UnsupportedLayerError';
  }
}

/** How each format is named in messages and reports. */
export const FORMAT_LABEL: Record<ExportFormat, string> = {
  tfjs: 'TF.js',
  onnx: 'ONNX',
  keras: 'Keras',
  pytorch: 'PyTorch',
};

/** An entry in an exporter's per-layer table: how to emit the layer, or why it cannot be. */
export type LayerEntry<T> = T | { unsupported: string };

/** Narrows a table entry, throwing the format's refusal when it is an `unsupported` one. */
export function requireEntry<T extends object>(
  format: ExportFormat,
  entry: LayerEntry<T>,
  layer: { name: string; type: string },
): T {
  if ('unsupported' in entry) throw new UnsupportedLayerError(format, layer.name, layer.type, entry.unsupported);
  return entry;
}

/** Why Embedding(mask_zero = true) cannot go to formats without Keras's masks (ONNX, PyTorch). */
export const MASK_ZERO_REASON =
  'mask_zero = true makes Keras skip the padding id 0 in later layers (recurrent steps, averages), and this format has no such mask; turn mask_zero off to export';

/**
 * Runs one layer's emitter, turning any refusal into an UnsupportedLayerError that names the layer
 * (emitters throw plain Errors for settings they cannot map, often prefixed with the layer).
 */
export function asLayerError<T>(format: ExportFormat, layer: { name: string; className: string }, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof UnsupportedLayerError) throw e;
    const prefix = `${layer.className} "${layer.name}": `;
    const message = (e as Error).message;
    throw new UnsupportedLayerError(format, layer.name, layer.className, message.startsWith(prefix) ? message.slice(prefix.length) : message);
  }
}
