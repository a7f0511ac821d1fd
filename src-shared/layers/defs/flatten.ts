/**
 * Flatten: unrolls a per-sample tensor (e.g. H×W×C feature maps) into one vector, row by row
 * with channels fastest (channels_last order), as Keras does.
 */
import { checkChannelsLast, fail, formatShape, ok, sizeOf } from '../common.js';
import type { LayerSpec } from '../types.js';
import { dimsCross, dimsProduct, fmtInt, screenOptions } from './core-keras.js';

/** Flatten layer spec; no weights. */
export const flattenSpec: LayerSpec<'Flatten'> = {
  kind: 'Flatten',
  label: 'Flatten',
  category: 'reshape',
  help: 'Unrolls an image or feature map (H×W×C) into one long vector, e.g. before a Dense layer.',
  params: {},
  arity: { min: 1, max: 1 },

  inferShape(ctx) {
    const input = ctx.inputs[0]!;
    // Keras passes a vector through unchanged, but TF.js 4.22 refuses it (Flatten needs ndim ≥ 3
    // with the batch), so the in-app trainer could not build the model.
    if (input.length < 2) {
      return fail(ctx, 'RANK_MISMATCH', `Flatten "${ctx.name}" gets ${formatShape(input)}, which is already flat; remove it`, {
        kind: 'remove-node',
        label: `Remove "${ctx.name}"`,
        nodeId: ctx.nodeId,
      });
    }
    const size = sizeOf(input);
    if (size === null) {
      return fail(
        ctx,
        'UNKNOWN_DIM',
        `Flatten "${ctx.name}" needs every dimension known but gets ${formatShape(input)}; a variable length cannot be flattened into a fixed vector`,
      );
    }
    return ok([size]);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  /** Only rearranges memory. */
  macs: () => 0,

  keras: {
    classNames: ['Flatten'],
    toKeras: () => ({ class_name: 'Flatten', config: {} }),
    fromKeras(layer) {
      const warnings: string[] = [];
      const format = checkChannelsLast(layer.config);
      if (format) return { ok: false, error: `Flatten: ${format}` };
      const screened = screenOptions('Flatten', layer.config, ['data_format'], warnings);
      if (screened) return { ok: false, error: screened };
      return warnings.length > 0 ? { ok: true, params: {}, warnings } : { ok: true, params: {} };
    },
  },

  explain(ctx) {
    const input = ctx.inputs[0]!;
    const size = sizeOf(input);
    return {
      summary: `Flatten "${ctx.name}" lays the ${dimsCross(input)} values out as one vector of ${size === null ? '?' : fmtInt(size)}, last axis fastest; nothing is learned.`,
      formulas: [
        { label: 'Output length', symbolic: 'n = ∏ input dims', worked: `${dimsProduct(input)} = ${size === null ? '?' : fmtInt(size)}` },
      ],
    };
  },
};
