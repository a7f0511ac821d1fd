/**
 * LSTM: four weight blocks (input i, forget f, candidate c̃, output o, in that column order,
 * as TF.js and Keras store them) and a cell state c_t that carries memory additively.
 */
import { str } from '../common.js';
import type { LayerSpec } from '../types.js';
import {
  RECURRENT_ACTIVATION_FORMULAS,
  countRecurrentParams,
  explainRecurrent,
  inferRecurrentShape,
  lintRecurrent,
  recurrentMacs,
  recurrentParams,
  recurrentWeights,
  type RecurrentFamily,
} from './recurrent-common.js';
import { recurrentFromKeras, recurrentToKeras, type RecurrentKerasExtras } from './recurrent-keras.js';

const FAMILY: RecurrentFamily = { kind: 'LSTM', gates: 4, gated: true };

const EXTRAS: RecurrentKerasExtras = {
  // Keras's default: the forget-gate bias starts at 1 so memory is kept early in training.
  write: { unit_forget_bias: true },
  read(config, warnings) {
    if (config.unit_forget_bias === false) {
      warnings.push('unit_forget_bias=False dropped: the forget-gate bias will start at 1 (initialization only; a trained model is unaffected)');
    }
    return null;
  },
};

/** Long short-term memory: gated recurrence that can keep information over many steps. */
export const lstmSpec: LayerSpec<'LSTM'> = {
  kind: 'LSTM',
  label: 'LSTM',
  category: 'recurrent',
  help: 'Long short-term memory: a gated RNN whose cell state c_t keeps information across many time steps; input T×F.',
  params: recurrentParams(FAMILY),
  arity: { min: 1, max: 1 },
  inferShape: (ctx) => inferRecurrentShape(FAMILY, ctx),
  countParams: (ctx) => countRecurrentParams(FAMILY, ctx),
  macs: (ctx) => recurrentMacs(FAMILY, ctx),
  keras: {
    classNames: ['LSTM'],
    toKeras: (params) => recurrentToKeras(FAMILY, params, EXTRAS),
    fromKeras: (layer) => recurrentFromKeras(FAMILY, layer, EXTRAS),
  },
  explain(ctx) {
    const w = recurrentWeights(FAMILY, ctx);
    const f = str(ctx.params, 'activation');
    const sigma = str(ctx.params, 'recurrentActivation');
    const T = ctx.inputs[0]![0] ?? 'T';
    const u = w.units;
    const b = w.bias > 0;
    const pre = (g: string) => `W_${g}·x_t + U_${g}·h_{t−1}${b ? ` + b_${g}` : ''}`;
    return explainRecurrent(FAMILY, ctx, [
      {
        label: 'Gates (input, forget, output)',
        symbolic: `i_t = σ(${pre('i')}), f_t = σ(${pre('f')}), o_t = σ(${pre('o')})`,
        worked: `σ = ${sigma}; each W_• is ${u}×${w.features}, each U_• is ${u}×${u}${b ? `, each b_• has ${u} entries` : ''}; every gate is ${u} numbers in [0, 1]`,
      },
      { label: 'Candidate memory', symbolic: `c̃_t = ${f}(${pre('c')})`, worked: `${u} candidate values per step` },
      {
        label: 'Cell state',
        symbolic: 'c_t = f_t ⊙ c_{t−1} + i_t ⊙ c̃_t, c_0 = 0',
        worked: `${u} numbers carried across ${T} steps; ∂c_t/∂c_{t−1} = f_t, so while f_t ≈ 1 the gradient passes back without shrinking`,
      },
      { label: 'Output', symbolic: `h_t = o_t ⊙ ${f}(c_t)`, worked: `h_t has ${u} numbers` },
      { label: `Gate activation σ (${sigma})`, symbolic: RECURRENT_ACTIVATION_FORMULAS[sigma] ?? sigma },
    ]);
  },
  lint: (ctx) => lintRecurrent(FAMILY, ctx),
};
