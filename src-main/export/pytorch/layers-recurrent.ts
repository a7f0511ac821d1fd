/**
 * PyTorch code for SimpleRNN, LSTM and GRU.
 *
 * LSTM with Keras's default activations (tanh, sigmoid) uses nn.LSTM: PyTorch's gate order is
 * i, f, g, o (torch.nn.LSTM docs: weight_ih_l0 = W_ii|W_if|W_ig|W_io) and Keras's is i, f, c, o
 * (recurrent.py LSTMCell: z0..z3 = i, f, c, o) — the same blocks, so kernel.T needs no reordering.
 * Keras has one bias per gate; PyTorch adds bias_ih and bias_hh, so bias_hh = 0.
 * SimpleRNN with tanh/relu uses nn.RNN the same way. GRU always uses the KerasRecurrent helper:
 * tfjs's GRU is reset_after=False, which nn.GRU cannot compute.
 */
import { parseActivationName } from '../activations.js';
import type { GraphLayer } from '../model-graph.js';
import { actName, kerasArray, pyBool, pyStr, type TorchEmitter } from './context.js';
import { kernelFacts } from './layers-core.js';

const CELL = { SimpleRNN: 'simple_rnn', LSTM: 'lstm', GRU: 'gru' } as const;

function acts(layer: GraphLayer): { act: string; rec: string } {
  const where = `${layer.className} "${layer.name}"`;
  return {
    act: actName(parseActivationName(layer.config.activation ?? 'tanh', where)),
    rec: actName(parseActivationName(layer.config.recurrent_activation ?? 'sigmoid', where)),
  };
}

export function torchRecurrent(kind: 'SimpleRNN' | 'LSTM' | 'GRU'): TorchEmitter {
  return (ctx) => {
    const { layer, attr, out } = ctx;
    const c = layer.config;
    if (c.stateful === true || c.return_state === true) throw new Error('stateful / return_state do not export');
    if (kind === 'GRU' && c.reset_after === true) throw new Error('reset_after = true is not what tfjs trains');
    const [features, size] = layer.weights.get('kernel')!.shape as [number, number];
    const units = Number(c.units);
    const bias = c.use_bias !== false;
    const { act, rec } = acts(layer);
    const x = c.go_backwards === true ? `${ctx.inputs[0]}.flip(1)` : ctx.inputs[0]!;
    const native = (kind === 'LSTM' && act === 'tanh' && rec === 'sigmoid') || (kind === 'SimpleRNN' && (act === 'tanh' || act === 'relu'));
    const state = (key: string) => `state[${pyStr(`${attr}.${key}`)}]`;
    if (native) {
      const module = kind === 'LSTM' ? `nn.LSTM(${features}, ${units}, batch_first=True, bias=${pyBool(bias)})` : `nn.RNN(${features}, ${units}, nonlinearity=${pyStr(act)}, batch_first=True, bias=${pyBool(bias)})`;
      const last = c.return_sequences === true ? '' : '[:, -1]';
      return {
        init: [`self.${attr} = ${module}`],
        forward: [
          ...(c.go_backwards === true ? ['# go_backwards: Keras reads the steps last to first'] : []),
          `${out} = self.${attr}(${x})[0]${last}${last ? '  # last step only (return_sequences=False)' : ''}`,
        ],
        load: [
          `${state('weight_ih_l0')} = ${kerasArray(layer, 'kernel')}.T  # [in, gates*units] → [gates*units, in]; gate blocks already in PyTorch's order`,
          `${state('weight_hh_l0')} = ${kerasArray(layer, 'recurrent_kernel')}.T`,
          ...(bias ? [`${state('bias_ih_l0')} = ${kerasArray(layer, 'bias')}`, `${state('bias_hh_l0')} = torch.zeros(${size})  # Keras has a single bias`] : []),
        ],
        ...kernelFacts(layer, `self.${attr}.weight_ih_l0`),
      };
    }
    ctx.useHelper('kerasRecurrent');
    const args = [
      pyStr(CELL[kind]),
      `${features}`,
      `${units}`,
      `activation=${pyStr(act)}`,
      ...(kind === 'SimpleRNN' ? [] : [`recurrent_activation=${pyStr(rec)}`]),
      `use_bias=${pyBool(bias)}`,
      `return_sequences=${pyBool(c.return_sequences === true)}`,
      `go_backwards=${pyBool(c.go_backwards === true)}`,
    ];
    return {
      init: [`self.${attr} = KerasRecurrent(${args.join(', ')})`],
      forward: [`${out} = self.${attr}(${ctx.inputs[0]})`],
      load: [
        `${state('kernel')} = ${kerasArray(layer, 'kernel')}  # KerasRecurrent keeps Keras's layout`,
        `${state('recurrent_kernel')} = ${kerasArray(layer, 'recurrent_kernel')}`,
        ...(bias ? [`${state('bias')} = ${kerasArray(layer, 'bias')}`] : []),
      ],
      ...kernelFacts(layer, `self.${attr}.kernel`),
    };
  };
}
