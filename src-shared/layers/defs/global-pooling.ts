/**
 * Global pooling: collapses all positions of a map (H×W×C → C) or all steps of a sequence
 * (T×F → F) into one value per channel, the mean or the maximum. No weights.
 * `keepdims` keeps the pooled axes as size 1 (Keras ≥ 2.6 MobileNet heads use it); tfjs 4.22
 * ignores the option, so it is kept for summaries and export but flagged for the in-app trainer.
 */
import { bool, ok, warn } from '../common.js';
import type { LayerSpec } from '../types.js';
import { checkUnknownKeys } from './keras-spatial.js';
import { checkSpatialRank, dimsText } from './spatial-common.js';

type Mode = 'max' | 'average';

function globalPooling<K extends string>(kind: K, mode: Mode, spatialRank: 1 | 2): LayerSpec<K> {
  const what = mode === 'max' ? 'maximum' : 'mean';
  const op = mode === 'max' ? 'max' : 'mean';
  const over = spatialRank === 2 ? 'H×W' : 'T';
  const spec: LayerSpec<K> = {
    kind,
    label: `Global ${mode === 'max' ? 'Max' : 'Average'} Pool ${spatialRank}D`,
    category: 'pooling',
    help:
      spatialRank === 2
        ? `Reduces each channel of an image to its ${what}, giving one value per channel (no weights).`
        : `Reduces each feature of a sequence to its ${what} over all steps, giving one value per feature (no weights).`,
    params: {
      keepdims: {
        kind: 'bool',
        label: 'Keep pooled axes',
        help: `Keep the pooled ${over} axes as size 1 (${spatialRank === 2 ? '1×1×C' : '1×F'}) instead of dropping them.`,
        default: false,
      },
    },
    arity: { min: 1, max: 1 },

    inferShape(ctx) {
      const rankProblem = checkSpatialRank(ctx, kind, spatialRank);
      if (rankProblem) return rankProblem;
      const input = ctx.inputs[0]!;
      const channels = input[input.length - 1]!;
      if (!bool(ctx.params, 'keepdims')) return ok([channels]);
      const shape = spatialRank === 2 ? [1, 1, channels] : [1, channels];
      const message = `${kind} "${ctx.name}" keeps its pooled axes (keepdims), which TensorFlow.js 4.22 ignores: it summarizes and exports correctly, but the in-app trainer cannot train it; turn keepdims off and add a Reshape`;
      return { ok: true, shape, findings: [warn(ctx, 'TRAINER_UNSUPPORTED', message, { kind: 'set-param', label: 'Turn keepdims off', nodeId: ctx.nodeId, param: 'keepdims', value: false })] };
    },

    countParams: () => ({ trainable: 0, nonTrainable: 0 }),
    /** Comparisons or additions, not multiply-accumulates: 0. */
    macs: () => 0,

    keras: {
      classNames: [kind, kind.replace('AveragePooling', 'AvgPool').replace('MaxPooling', 'MaxPool')],
      toKeras(params) {
        const keepdims = bool(params, 'keepdims');
        const config = spatialRank === 2 ? { data_format: 'channels_last' } : {};
        return { class_name: kind, config: keepdims ? { ...config, keepdims } : config };
      },
      fromKeras({ config: c }) {
        const error = checkUnknownKeys(c, ['data_format', 'keepdims']);
        return error !== null ? { ok: false, error: `${kind}: ${error}` } : { ok: true, params: { keepdims: c.keepdims === true } };
      },
    },

    explain(ctx) {
      const input = ctx.inputs[0] ?? [];
      const positions = input.slice(0, -1);
      const count = positions.every((d) => d !== null) ? (positions as number[]).reduce((a, b) => a * b, 1) : null;
      const channels = input[input.length - 1] ?? null;
      const channelWord = spatialRank === 2 ? 'channel' : 'feature';
      const index = spatialRank === 2 ? 'x[h, w, c]' : 'x[t, c]';
      return {
        summary: `${kind} "${ctx.name}" takes the ${what} of each ${channelWord} over all ${over} positions: ${dimsText(input)} → ${dimsText(ctx.output)}. It has no weights.`,
        formulas: [
          {
            label: `Each output value`,
            symbolic: `y[c] = ${op} over ${over} of ${index}`,
            worked:
              count === null
                ? `${op} over a variable number of positions per ${channelWord} → ${channels ?? '?'} values`
                : `${op} of ${positions.length > 1 ? `${positions.join('·')} = ` : ''}${count} values per ${channelWord} → ${channels ?? '?'} values`,
          },
          { label: 'Parameters', symbolic: 'none', worked: '0' },
        ],
      };
    },
  };
  return spec;
}

/** Keras GlobalAveragePooling2D: H×W×C → C. */
export const globalAveragePooling2dSpec = globalPooling('GlobalAveragePooling2D', 'average', 2);
/** Keras GlobalMaxPooling2D: H×W×C → C. */
export const globalMaxPooling2dSpec = globalPooling('GlobalMaxPooling2D', 'max', 2);
/** Keras GlobalAveragePooling1D: T×F → F. */
export const globalAveragePooling1dSpec = globalPooling('GlobalAveragePooling1D', 'average', 1);
/** Keras GlobalMaxPooling1D: T×F → F. */
export const globalMaxPooling1dSpec = globalPooling('GlobalMaxPooling1D', 'max', 1);
