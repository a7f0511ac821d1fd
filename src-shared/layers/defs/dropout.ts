/**
 * Dropout: during training, zeroes each value with probability `rate` and scales the survivors
 * by 1/(1 − rate) ("inverted dropout"), so inference needs no rescaling and passes values through.
 */
import { fail, fmtNum, num, ok } from '../common.js';
import type { LayerSpec } from '../types.js';
import { fmtInt, readNumber, screenOptions, show } from './core-keras.js';

/** Dropout layer spec; shape unchanged, no weights. */
export const dropoutSpec: LayerSpec<'Dropout'> = {
  kind: 'Dropout',
  label: 'Dropout',
  category: 'regularization',
  help: 'While training, randomly zeroes a fraction of the values so the network cannot rely on any single one; does nothing at inference.',
  params: {
    rate: {
      kind: 'float',
      label: 'Rate',
      help: 'Fraction of values dropped while training, from 0 up to (not including) 1. 0.2–0.5 is typical.',
      default: 0.5,
      min: 0,
      max: 1,
    },
  },
  arity: { min: 1, max: 1 },

  inferShape(ctx) {
    const rate = num(ctx.params, 'rate');
    // ParamSpec cannot say "max exclusive"; rate 1 would drop everything (TF.js silently drops nothing).
    if (rate >= 1) {
      return fail(ctx, 'PARAM_INVALID', `Dropout "${ctx.name}" has rate ${rate}, which would drop every value; use a rate below 1`, {
        kind: 'set-param',
        label: 'Set rate to 0.5',
        nodeId: ctx.nodeId,
        param: 'rate',
        value: 0.5,
      });
    }
    return ok(ctx.inputs[0]!);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  /** A mask multiply per value while training only; inference does nothing, so 0. */
  macs: () => 0,

  keras: {
    classNames: ['Dropout'],
    toKeras: (p) => ({ class_name: 'Dropout', config: { rate: num(p, 'rate'), noise_shape: null, seed: null } }),
    fromKeras(layer) {
      const c = layer.config;
      const warnings: string[] = [];
      // The seed only fixes which values drop; it changes neither shapes nor inference.
      const screened = screenOptions('Dropout', c, ['rate', 'seed'], warnings);
      if (screened) return { ok: false, error: screened };
      const rate = readNumber(c, 'rate');
      if (!rate.ok || rate.value < 0 || rate.value >= 1) return { ok: false, error: `Dropout: rate ${show(c.rate)} is not in [0, 1)` };
      return warnings.length > 0 ? { ok: true, params: { rate: rate.value }, warnings } : { ok: true, params: { rate: rate.value } };
    },
  },

  explain(ctx) {
    const p = num(ctx.params, 'rate');
    const width = ctx.inputs[0]!.at(-1);
    const formulas = [
      {
        label: 'Training',
        symbolic: 'y = x·m / (1 − p),  m ~ Bernoulli(1 − p)',
        worked: `scale = 1/(1 − ${fmtNum(p)}) = ${p < 1 ? fmtNum(1 / (1 - p)) : '∞'}`,
      },
      { label: 'Inference', symbolic: 'y = x' },
    ];
    if (typeof width === 'number') {
      formulas.push({
        label: 'Values kept on average',
        symbolic: '(1 − p)·n',
        worked: `(1 − ${fmtNum(p)})·${fmtInt(width)} = ${fmtNum((1 - p) * width)}`,
      });
    }
    return {
      summary: `Dropout "${ctx.name}" zeroes each value with probability ${fmtNum(p)} while training and multiplies the rest by 1/(1 − p) (inverted dropout), so the expected value is unchanged and inference uses the values as they are.`,
      formulas,
    };
  },
};
