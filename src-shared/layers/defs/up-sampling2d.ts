/**
 * UpSampling2D: enlarges each channel of an H×W×C map by whole factors, repeating pixels
 * ('nearest') or interpolating between them ('bilinear'; tfjs 4.22 supports both).
 */
import { ints, ok, str } from '../common.js';
import type { LayerSpec } from '../types.js';
import { checkUnknownKeys, firstError, readPair, val } from './keras-spatial.js';
import { checkSpatialRank, dimsText } from './spatial-common.js';

const INTERPOLATIONS = ['nearest', 'bilinear'] as const;

/** Keras UpSampling2D, channels last. */
export const upSampling2dSpec: LayerSpec<'UpSampling2D'> = {
  kind: 'UpSampling2D',
  label: 'Up Sampling 2D',
  category: 'reshape',
  help: 'Enlarges an image by whole factors (e.g. 2×2), repeating or interpolating pixels; no weights.',
  params: {
    size: {
      kind: 'ints',
      label: 'Size',
      help: 'Factors for height and width, e.g. [2, 2] doubles both.',
      default: [2, 2],
      length: 2,
      min: 1,
    },
    interpolation: {
      kind: 'enum',
      label: 'Interpolation',
      help: "'nearest' repeats each pixel; 'bilinear' blends neighbours.",
      default: 'nearest',
      options: INTERPOLATIONS,
    },
  },
  arity: { min: 1, max: 1 },

  inferShape(ctx) {
    const rankProblem = checkSpatialRank(ctx, 'UpSampling2D', 2);
    if (rankProblem) return rankProblem;
    const [h, w, c] = ctx.inputs[0]! as [number | null, number | null, number | null];
    const [sh, sw] = ints(ctx.params, 'size') as [number, number];
    return ok([h === null ? null : h * sh, w === null ? null : w * sw, c]);
  },

  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  /** Copies (nearest) or fixed blends (bilinear), no learned weights: counted as 0 MACs. */
  macs: () => 0,

  keras: {
    classNames: ['UpSampling2D'],
    toKeras(p) {
      // Always a list: tfjs 4.22 turns an int `size` into unknown output dims.
      return {
        class_name: 'UpSampling2D',
        config: { size: [...ints(p, 'size')], data_format: 'channels_last', interpolation: str(p, 'interpolation') },
      };
    },
    fromKeras({ config: c }) {
      const size = readPair(c.size, 'size', [2, 2]);
      const interpolation = c.interpolation ?? 'nearest';
      const error = firstError(
        'UpSampling2D',
        checkUnknownKeys(c, ['size', 'data_format', 'interpolation']),
        size,
        (INTERPOLATIONS as readonly unknown[]).includes(interpolation)
          ? null
          : `interpolation ${JSON.stringify(interpolation)} is not supported (use "nearest" or "bilinear")`,
      );
      if (error !== null) return { ok: false, error };
      return { ok: true, params: { size: val(size), interpolation: interpolation as string } };
    },
  },

  explain(ctx) {
    const [h, w] = ctx.inputs[0] ?? [];
    const [sh, sw] = ints(ctx.params, 'size') as [number, number];
    const [oh, ow] = ctx.output;
    const nearest = str(ctx.params, 'interpolation') === 'nearest';
    return {
      summary:
        `UpSampling2D "${ctx.name}" enlarges each channel ${sh}× in height and ${sw}× in width by ` +
        `${nearest ? `repeating each pixel into a ${sh}×${sw} block` : 'bilinear interpolation'}: ${dimsText(ctx.inputs[0] ?? [])} → ${dimsText(ctx.output)}.`,
      formulas: [
        {
          label: 'Output height',
          symbolic: "H' = H·s_h",
          worked: h === null || h === undefined ? "H is unknown, so H' is unknown" : `${h}·${sh} = ${oh}`,
        },
        {
          label: 'Output width',
          symbolic: "W' = W·s_w",
          worked: w === null || w === undefined ? "W is unknown, so W' is unknown" : `${w}·${sw} = ${ow}`,
        },
        nearest
          ? { label: 'Each output value', symbolic: 'y[i, j, c] = x[floor(i/s_h), floor(j/s_w), c]' }
          : { label: 'Each output value', symbolic: 'y[i, j, c] = weighted mean of the 4 input pixels nearest to (i/s_h, j/s_w)' },
        { label: 'Parameters', symbolic: 'none', worked: '0' },
      ],
    };
  },
};
