/**
 * MaxPooling1D and AveragePooling1D over a sequence T×F: a window slides along the steps of
 * each feature and keeps its maximum or mean. No weights.
 *
 * Stride 0 means "same as the pool size" (Keras's default `strides=None`); it is exported as
 * `strides: null`, which both Keras and tfjs resolve to the pool size.
 */
import { num, ok, str } from '../common.js';
import type { LayerSpec, Params } from '../types.js';
import { checkUnknownKeys, firstError, readPaddingMode, readSingle, val } from './keras-spatial.js';
import { PADDING_MODES, checkSpatialRank, dimsText, outSizeFormulas, slideWindow } from './spatial-common.js';

type Mode = 'max' | 'average';

/** The stride actually used: 0 means the pool size. */
export function effectivePoolStride1d(p: Params): number {
  return num(p, 'strides') === 0 ? num(p, 'poolSize') : num(p, 'strides');
}

function pooling1d<K extends 'MaxPooling1D' | 'AveragePooling1D'>(kind: K, mode: Mode): LayerSpec<K> {
  const what = mode === 'max' ? 'maximum' : 'mean';
  const spec: LayerSpec<K> = {
    kind,
    label: mode === 'max' ? 'Max Pool 1D' : 'Average Pool 1D',
    category: 'pooling',
    help: `Shortens a sequence by keeping the ${what} of each window of steps, feature by feature (no weights).`,
    params: {
      poolSize: { kind: 'int', label: 'Pool size', help: 'How many consecutive steps each window covers.', default: 2, min: 1 },
      strides: {
        kind: 'int',
        label: 'Stride',
        help: 'Step between windows; 0 means "same as the pool size" (Keras\'s default).',
        default: 0,
        min: 0,
      },
      padding: {
        kind: 'enum',
        label: 'Padding',
        help: "'valid': windows stay inside the sequence; 'same': pad so out = ceil(T/stride).",
        default: 'valid',
        options: PADDING_MODES,
      },
    },
    arity: { min: 1, max: 1 },

    inferShape(ctx) {
      const rankProblem = checkSpatialRank(ctx, kind, 1);
      if (rankProblem) return rankProblem;
      const p = ctx.params;
      const slid = slideWindow(ctx, kind, 'pool window', [num(p, 'poolSize')], [effectivePoolStride1d(p)], str(p, 'padding'));
      if (!slid.ok) return slid.result;
      return ok([...slid.dims, ctx.inputs[0]![1]!]);
    },

    countParams: () => ({ trainable: 0, nonTrainable: 0 }),
    /** Comparisons or additions, not multiply-accumulates: 0. */
    macs: () => 0,

    keras: {
      classNames: mode === 'max' ? ['MaxPooling1D', 'MaxPool1D'] : ['AveragePooling1D', 'AvgPool1D'],
      toKeras(p) {
        return {
          class_name: kind,
          config: {
            pool_size: [num(p, 'poolSize')],
            strides: num(p, 'strides') === 0 ? null : [num(p, 'strides')],
            padding: str(p, 'padding'),
          },
        };
      },
      fromKeras({ config: c }) {
        const pool = readSingle(c.pool_size, 'pool_size', 2);
        const strides = readSingle(c.strides, 'strides', 0);
        const padding = readPaddingMode(c.padding);
        const error = firstError(kind, checkUnknownKeys(c, ['pool_size', 'strides', 'padding', 'data_format']), pool, strides, padding);
        if (error !== null) return { ok: false, error };
        return { ok: true, params: { poolSize: val(pool), strides: val(strides), padding: val(padding) } };
      },
    },

    explain(ctx) {
      const p = ctx.params;
      const k = num(p, 'poolSize');
      const s = effectivePoolStride1d(p);
      const input = ctx.inputs[0] ?? [];
      const padding = str(p, 'padding');
      const defaulted = num(p, 'strides') === 0 ? ' (stride 0 = same as the pool size)' : '';
      return {
        summary:
          `${kind} "${ctx.name}" keeps the ${what} of each window of ${k} steps, moving ${s} at a time${defaulted} ` +
          `with '${padding}' padding: ${dimsText(input)} → ${dimsText(ctx.output)}. It has no weights.`,
        formulas: [
          ...outSizeFormulas('length', input[0] ?? null, k, s, padding),
          {
            label: 'Each output value',
            symbolic: `y[t, f] = ${what === 'maximum' ? 'max' : 'mean'} of x[t·s + a, f] for a = 0…k−1`,
            worked: `${what} of ${k} values`,
          },
          { label: 'Parameters', symbolic: 'none', worked: '0' },
        ],
      };
    },
  };
  return spec;
}

/** Keras MaxPooling1D. */
export const maxPooling1dSpec = pooling1d('MaxPooling1D', 'max');
/** Keras AveragePooling1D. */
export const averagePooling1dSpec = pooling1d('AveragePooling1D', 'average');
