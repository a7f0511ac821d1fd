/**
 * Cropping2D: removes rows and columns from the borders of each channel of an H×W×C map.
 * Cropping is stored as [top, bottom, left, right], like ZeroPadding2D's padding.
 */
import { fail, ints, ok } from '../common.js';
import type { LayerSpec } from '../types.js';
import { checkUnknownKeys, firstError, readFourSides, val } from './keras-spatial.js';
import { checkSpatialRank, dimsText } from './spatial-common.js';

/** Keras Cropping2D, channels last. Unknown sizes stay unknown (tfjs 4.22 wrongly turns them negative). */
export const cropping2dSpec: LayerSpec<'Cropping2D'> = {
  kind: 'Cropping2D',
  label: 'Cropping 2D',
  category: 'reshape',
  help: 'Cuts rows and columns off the borders of an image (top, bottom, left, right).',
  params: {
    cropping: {
      kind: 'ints',
      label: 'Cropping',
      help: 'Rows/columns to remove: [top, bottom, left, right].',
      default: [1, 1, 1, 1],
      length: 4,
      min: 0,
    },
  },
  arity: { min: 1, max: 1 },

  inferShape(ctx) {
    const rankProblem = checkSpatialRank(ctx, 'Cropping2D', 2);
    if (rankProblem) return rankProblem;
    const [h, w, c] = ctx.inputs[0]! as [number | null, number | null, number | null];
    const [top, bottom, left, right] = ints(ctx.params, 'cropping') as [number, number, number, number];
    const axes: [string, string, number | null, number, number][] = [
      ['rows', 'height', h, top, bottom],
      ['columns', 'width', w, left, right],
    ];
    for (const [unit, axis, n, a, b] of axes) {
      if (n !== null && n - a - b <= 0) {
        return fail(
          ctx,
          'NONPOSITIVE_SIZE',
          `Cropping2D "${ctx.name}" removes ${a} + ${b} = ${a + b} ${unit} from a ${axis} of ${n}, leaving ${n - a - b}`,
        );
      }
    }
    return ok([h === null ? null : h - top - bottom, w === null ? null : w - left - right, c]);
  },

  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  /** Copies only: 0 MACs. */
  macs: () => 0,

  keras: {
    classNames: ['Cropping2D'],
    toKeras(p) {
      const [top, bottom, left, right] = ints(p, 'cropping') as [number, number, number, number];
      return {
        class_name: 'Cropping2D',
        config: {
          cropping: [
            [top, bottom],
            [left, right],
          ],
          data_format: 'channels_last',
        },
      };
    },
    fromKeras({ config: c }) {
      const cropping = readFourSides(c.cropping, 'cropping', [0, 0, 0, 0]);
      const error = firstError('Cropping2D', checkUnknownKeys(c, ['cropping', 'data_format']), cropping);
      if (error !== null) return { ok: false, error };
      return { ok: true, params: { cropping: val(cropping) } };
    },
  },

  explain(ctx) {
    const [h, w] = ctx.inputs[0] ?? [];
    const [top, bottom, left, right] = ints(ctx.params, 'cropping') as [number, number, number, number];
    const [oh, ow] = ctx.output;
    return {
      summary:
        `Cropping2D "${ctx.name}" removes ${top} row${top === 1 ? '' : 's'} from the top, ${bottom} from the bottom, ` +
        `${left} column${left === 1 ? '' : 's'} from the left and ${right} from the right: ${dimsText(ctx.inputs[0] ?? [])} → ${dimsText(ctx.output)}.`,
      formulas: [
        {
          label: 'Output height',
          symbolic: "H' = H − top − bottom",
          worked: h === null || h === undefined ? "H is unknown, so H' is unknown" : `${h} − ${top} − ${bottom} = ${oh}`,
        },
        {
          label: 'Output width',
          symbolic: "W' = W − left − right",
          worked: w === null || w === undefined ? "W is unknown, so W' is unknown" : `${w} − ${left} − ${right} = ${ow}`,
        },
        { label: 'Parameters', symbolic: 'none', worked: '0' },
      ],
    };
  },
};
