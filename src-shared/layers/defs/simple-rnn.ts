/**
 * SimpleRNN: the plain recurrence h_t = f(W·x_t + U·h_{t−1} + b), one weight block.
 * Shared machinery (params, shapes, counts, Keras I/O) lives in recurrent-common / recurrent-keras.
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

const FAMILY: RecurrentFamily = { kind: 'SimpleRNN', gates: 1, gated: false };
const EXTRAS: RecurrentKerasExtras = { write: {} };

/** Fully connected RNN: the state after each step is the activation of input and previous state. */
export const simpleRnnSpec: LayerSpec<'SimpleRNN'> = {
  kind: 'SimpleRNN',
  label: 'SimpleRNN',
  category: 'recurrent',
  help: 'Reads a sequence step by step, updating a hidden state h_t = tanh(W·x_t + U·h_{t−1} + b); input T×F.',
  params: recurrentParams(FAMILY),
  arity: { min: 1, max: 1 },
  inferShape: (ctx) => inferRecurrentShape(FAMILY, ctx),
  countParams: (ctx) => countRecurrentParams(FAMILY, ctx),
  macs: (ctx) => recurrentMacs(FAMILY, ctx),
  keras: {
    classNames: ['SimpleRNN'],
    toKeras: (params) => recurrentToKeras(FAMILY, params, EXTRAS),
    fromKeras: (layer) => recurrentFromKeras(FAMILY, layer, EXTRAS),
  },
  explain(ctx) {
    const w = recurrentWeights(FAMILY, ctx);
    const f = str(ctx.params, 'activation');
    const T = ctx.inputs[0]![0] ?? 'T';
    const b = w.bias > 0;
    return explainRecurrent(FAMILY, ctx, [
      {
        label: 'Recurrence',
        symbolic: b ? 'h_t = f(W·x_t + U·h_{t−1} + b), h_0 = 0' : 'h_t = f(W·x_t + U·h_{t−1}), h_0 = 0',
        worked: `h_t (${w.units}) = ${f}(W (${w.units}×${w.features})·x_t (${w.features}) + U (${w.units}×${w.units})·h_{t−1} (${w.units})${b ? ` + b (${w.units})` : ''}) for t = 1 … ${T}`,
      },
      { label: `Activation (${f})`, symbolic: RECURRENT_ACTIVATION_FORMULAS[f] ?? f },
    ]);
  },
  lint: (ctx) => lintRecurrent(FAMILY, ctx),
};
