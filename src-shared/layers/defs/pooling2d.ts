/**
 * MaxPooling2D and AveragePooling2D: a window slides over each channel of an H×W×C map and
 * keeps its maximum or mean. No weights.
 *
 * Strides: Keras's default `strides=None` means "same as the pool size". We store that as 0:
 * a 0 on an axis means "that axis's pool size", so the default [0, 0] always tracks the pool
 * size when the user edits it. On export [0, 0] becomes `strides: null`; a mixed value like
 * [0, 1] is written resolved ([pool_h, 1]) because Keras has no per-axis default.
 */
import { ints, ok, str } from '../common.js';
import type { LayerSpec, Params } from '../types.js';
import { checkUnknownKeys, firstError, readPaddingMode, readPair, val } from './keras-spatial.js';
import { PADDING_MODES, checkSpatialRank, dimsText, outSizeFormulas, slideWindow } from './spatial-common.js';

type Mode = 'max' | 'average';

/** The strides actually used: 0 on an axis means that axis's pool size. */
export function effectivePoolStrides(p: Params): [number, number] {
  const [ph, pw] = ints(p, 'poolSize') as [number, number];
  const [sh, sw] = ints(p, 'strides') as [number, number];
  return [sh === 0 ? ph : sh, sw === 0 ? pw : sw];
}

function pooling2d<K extends 'MaxPooling2D' | 'AveragePooling2D'>(kind: K, mode: Mode): LayerSpec<K> {
  const what = mode === 'max' ? 'maximum' : 'mean';
  const spec: LayerSpec<K> = {
    kind,
    label: mode === 'max' ? 'Max Pool 2D' : 'Average Pool 2D',
    category: 'pooling',
    help: `Shrinks an image by keeping the ${what} of each window, channel by channel (no weights).`,
    params: {
      poolSize: { kind: 'ints', label: 'Pool size', help: 'Window height × width, e.g. [2, 2].', default: [2, 2], length: 2, min: 1 },
      strides: {
        kind: 'ints',
        label: 'Strides',
        default: [0, 0],
        length: 2,
        min: 0,
        help: 'Step between windows (vertical, horizontal); 0 means "same as the pool size" (Keras\'s default), so [0, 0] gives non-overlapping windows.',
      },
      padding: {
        kind: 'enum',
        label: 'Padding',
        help: "'valid': windows stay inside the map; 'same': pad so out = ceil(n/stride).",
        default: 'valid',
        options: PADDING_MODES,
      },
    },
    arity: { min: 1, max: 1 },

    inferShape(ctx) {
      const rankProblem = checkSpatialRank(ctx, kind, 2);
      if (rankProblem) return rankProblem;
      const p = ctx.params;
      const slid = slideWindow(ctx, kind, 'pool window', ints(p, 'poolSize'), effectivePoolStrides(p), str(p, 'padding'));
      if (!slid.ok) return slid.result;
      return ok([...slid.dims, ctx.inputs[0]![2]!]);
    },

    countParams: () => ({ trainable: 0, nonTrainable: 0 }),
    /** Comparisons or additions, not multiply-accumulates: 0. */
    macs: () => 0,

    keras: {
      classNames: mode === 'max' ? ['MaxPooling2D', 'MaxPool2D'] : ['AveragePooling2D', 'AvgPool2D'],
      toKeras(p) {
        const [sh, sw] = ints(p, 'strides') as [number, number];
        return {
          class_name: kind,
          config: {
            pool_size: [...ints(p, 'poolSize')],
            strides: sh === 0 && sw === 0 ? null : effectivePoolStrides(p),
            padding: str(p, 'padding'),
            data_format: 'channels_last',
          },
        };
      },
      fromKeras({ config: c }) {
        const pool = readPair(c.pool_size, 'pool_size', [2, 2]);
        const strides = readPair(c.strides, 'strides', [0, 0]);
        const padding = readPaddingMode(c.padding);
        const error = firstError(kind, checkUnknownKeys(c, ['pool_size', 'strides', 'padding', 'data_format']), pool, strides, padding);
        if (error !== null) return { ok: false, error };
        return { ok: true, params: { poolSize: val(pool), strides: val(strides), padding: val(padding) } };
      },
    },

    explain(ctx) {
      const p = ctx.params;
      const [ph, pw] = ints(p, 'poolSize') as [number, number];
      const [sh, sw] = effectivePoolStrides(p);
      const input = ctx.inputs[0] ?? [];
      const padding = str(p, 'padding');
      const defaulted = ints(p, 'strides').some((s) => s === 0) ? ' (0 = same as the pool size)' : '';
      return {
        summary:
          `${kind} "${ctx.name}" keeps the ${what} of each ${ph}×${pw} window, moving ${sh}×${sw} at a time${defaulted} ` +
          `with '${padding}' padding: ${dimsText(input)} → ${dimsText(ctx.output)}. It has no weights.`,
        formulas: [
          ...outSizeFormulas('height', input[0] ?? null, ph, sh, padding),
          ...outSizeFormulas('width', input[1] ?? null, pw, sw, padding),
          mode === 'max'
            ? {
                label: 'Each output value',
                symbolic: 'y[i, j, c] = max over the window of x[i·s_h + a, j·s_w + b, c]',
                worked: `max of ${ph * pw} values`,
              }
            : {
                label: 'Each output value',
                symbolic: 'y[i, j, c] = mean over the window of x[i·s_h + a, j·s_w + b, c]',
                worked: padding === 'same' ? `mean of up to ${ph * pw} values (padded cells are not counted)` : `mean of ${ph * pw} values`,
              },
          { label: 'Parameters', symbolic: 'none', worked: '0' },
        ],
      };
    },
  };
  return spec;
}

/** Keras MaxPooling2D. */
export const maxPooling2dSpec = pooling2d('MaxPooling2D', 'max');
/** Keras AveragePooling2D. */
export const averagePooling2dSpec = pooling2d('AveragePooling2D', 'average');
