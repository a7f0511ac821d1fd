/**
 * GRU as TensorFlow.js implements it: three weight blocks (update z, reset r, candidate h̃) and
 * the reset applied to h_{t−1} BEFORE the recurrent matrix (Keras's reset_after=False, the
 * original Cho et al. 2014 form). TF.js cannot build reset_after=True (cuDNN-style) GRUs at all,
 * so we always write reset_after false and refuse importing true.
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

const FAMILY: RecurrentFamily = { kind: 'GRU', gates: 3, gated: true };

const EXTRAS: RecurrentKerasExtras = {
  write: { reset_after: false },
  read(config) {
    // A missing key means a Keras that predates the option (it arrived in Keras 2.1.x, and every
    // version that has it writes it in get_config), and those Kerases only had the original form.
    // So absent = False, even though Keras 2.3+ and Keras 3 default to True when they do write it.
    if (config.reset_after !== true) return null;
    return (
      'reset_after=True is not supported: TensorFlow.js implements only the original GRU formulation ' +
      '(reset gate applied before the recurrent matrix, one bias per gate). Set reset_after=False in the source model ' +
      '(Keras 2 and 3 default to True) and rebuild and retrain it; its weights (a 2×3·units bias) cannot be converted'
    );
  },
};

/** Gated recurrent unit: a lighter LSTM with two gates and no separate cell state. */
export const gruSpec: LayerSpec<'GRU'> = {
  kind: 'GRU',
  label: 'GRU',
  category: 'recurrent',
  help: 'Gated recurrent unit: an update gate decides how much of the old state to keep at each step; input T×F.',
  params: recurrentParams(FAMILY),
  arity: { min: 1, max: 1 },
  inferShape: (ctx) => inferRecurrentShape(FAMILY, ctx),
  countParams: (ctx) => countRecurrentParams(FAMILY, ctx),
  macs: (ctx) => recurrentMacs(FAMILY, ctx),
  keras: {
    classNames: ['GRU'],
    toKeras: (params) => recurrentToKeras(FAMILY, params, EXTRAS),
    fromKeras: (layer) => recurrentFromKeras(FAMILY, layer, EXTRAS),
  },
  explain(ctx) {
    const w = recurrentWeights(FAMILY, ctx);
    const f = str(ctx.params, 'activation');
    const sigma = str(ctx.params, 'recurrentActivation');
    const u = w.units;
    const b = w.bias > 0;
    const bias = (g: string) => (b ? ` + b_${g}` : '');
    return explainRecurrent(FAMILY, ctx, [
      {
        label: 'Update and reset gates',
        symbolic: `z_t = σ(W_z·x_t + U_z·h_{t−1}${bias('z')}), r_t = σ(W_r·x_t + U_r·h_{t−1}${bias('r')})`,
        worked: `σ = ${sigma}; each W_• is ${u}×${w.features}, each U_• is ${u}×${u}; z_t and r_t are ${u} numbers in [0, 1]`,
      },
      {
        label: 'Candidate state (reset before U_h)',
        symbolic: `h̃_t = ${f}(W_h·x_t + U_h·(r_t ⊙ h_{t−1})${bias('h')})`,
        worked: `r_t ⊙ h_{t−1} (${u}) is multiplied by U_h (${u}×${u}), so r_t ≈ 0 forgets the past for this candidate`,
      },
      {
        label: 'New state',
        symbolic: 'h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ h̃_t, h_0 = 0',
        worked: `z_t ≈ 1 keeps the old ${u}-number state, z_t ≈ 0 replaces it by h̃_t (TensorFlow.js/Keras convention)`,
      },
      { label: `Gate activation σ (${sigma})`, symbolic: RECURRENT_ACTIVATION_FORMULAS[sigma] ?? sigma },
    ]);
  },
  lint: (ctx) => lintRecurrent(FAMILY, ctx),
};
