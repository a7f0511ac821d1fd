/**
 * ZeroPadding2D: adds rows and columns of zeros around each channel of an H×W×C map.
 * Padding is stored as [top, bottom, left, right]; Keras writes [[top, bottom], [left, right]].
 */
import { ints, ok } from '../common.js';
import type { LayerSpec } from '../types.js';
import { checkUnknownKeys, firstError, readFourSides, val } from './keras-spatial.js';
import { checkSpatialRank, dimsText } from './spatial-common.js';

/** Keras ZeroPadding2D, channels last. */
export const zeroPadding2dSpec: LayerSpec<'ZeroPadding2D'> = {
  kind: 'ZeroPadding2D',
  label: 'Zero Padding 2D',
  category: 'reshape',
  help: 'Adds borders of zeros around an image (top, bottom, left, right), e.g. to keep edges under a convolution.',
  params: {
    padding: {
      kind: 'ints',
      label: 'Padding',
      help: 'Zero rows/columns to add: [top, bottom, left, right].',
      default: [1, 1, 1, 1],
      length: 4,
      min: 0,
    },
  },
  arity: { min: 1, max: 1 },

  inferShape(ctx) {
    const rankProblem = checkSpatialRank(ctx, 'ZeroPadding2D', 2);
    if (rankProblem) return rankProblem;
    const [h, w, c] = ctx.inputs[0]! as [number | null, number | null, number | null];
    const [top, bottom, left, right] = ints(ctx.params, 'padding') as [number, number, number, number];
    return ok([h === null ? null : h + top + bottom, w === null ? null : w + left + right, c]);
  },

  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  /** Copies and zeros only: 0 MACs. */
  macs: () => 0,

  keras: {
    classNames: ['ZeroPadding2D'],
    toKeras(p) {
      const [top, bottom, left, right] = ints(p, 'padding') as [number, number, number, number];
      return {
        class_name: 'ZeroPadding2D',
        config: {
          padding: [
            [top, bottom],
            [left, right],
          ],
          data_format: 'channels_last',
        },
      };
    },
    fromKeras({ config: c }) {
      const padding = readFourSides(c.padding, 'padding', [1, 1, 1, 1]);
      const error = firstError('ZeroPadding2D', checkUnknownKeys(c, ['padding', 'data_format']), padding);
      if (error !== null) return { ok: false, error };
      return { ok: true, params: { padding: val(padding) } };
    },
  },

  explain(ctx) {
    const [h, w] = ctx.inputs[0] ?? [];
    const [top, bottom, left, right] = ints(ctx.params, 'padding') as [number, number, number, number];
    const [oh, ow] = ctx.output;
    return {
      summary:
        `ZeroPadding2D "${ctx.name}" adds ${top} row${top === 1 ? '' : 's'} of zeros on top, ${bottom} at the bottom, ` +
        `${left} column${left === 1 ? '' : 's'} on the left and ${right} on the right: ${dimsText(ctx.inputs[0] ?? [])} → ${dimsText(ctx.output)}.`,
      formulas: [
        {
          label: 'Output height',
          symbolic: "H' = H + top + bottom",
          worked: h === null || h === undefined ? "H is unknown, so H' is unknown" : `${h} + ${top} + ${bottom} = ${oh}`,
        },
        {
          label: 'Output width',
          symbolic: "W' = W + left + right",
          worked: w === null || w === undefined ? "W is unknown, so W' is unknown" : `${w} + ${left} + ${right} = ${ow}`,
        },
        { label: 'Parameters', symbolic: 'none', worked: '0' },
      ],
    };
  },
};
